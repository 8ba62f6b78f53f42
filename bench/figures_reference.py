"""Time the reference libraries on the corpus; runs inside bench/.venv-ref, not zhenwu's env.

Usage: bench/.venv-ref/bin/python bench/figures_reference.py CORPUS_DIR [SECONDS]
Prints one JSON object: <library>_chars_per_s for each library that imports, and
<library>_error for each that does not. Slow libraries are timed on as many paragraphs
as fit in the time budget (default 20 s each), so the figure is a rate, not a total.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import warnings
from pathlib import Path


def paragraphs(directory: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
    return [line for text in texts for line in text.split("\n") if line.strip()]


def rate(function, lines: list[str], budget: float) -> float:
    """Characters per second over whole passes of the corpus (at least one), within budget."""
    done = 0
    started = time.perf_counter()
    while True:
        for line in lines:
            function(line)
            done += len(line)
            if time.perf_counter() - started > budget and done >= sum(map(len, lines)):
                return done / (time.perf_counter() - started)
        if time.perf_counter() - started > budget:
            return done / (time.perf_counter() - started)


def cn2an_run():
    import cn2an

    return lambda text: cn2an.transform(text, "cn2an")


def jionlp_run():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp  # prints a banner and unpacks its dictionaries on first import

    extract = jionlp.ner.extract_money
    return lambda text: extract(text, with_parsing=True)


def recognizers_run():
    import recognizers_suite as suite
    from recognizers_suite import Culture

    def run(text):
        suite.recognize_number(text, Culture.Chinese)
        suite.recognize_percentage(text, Culture.Chinese)
        suite.recognize_currency(text, Culture.Chinese)
        suite.recognize_dimension(text, Culture.Chinese)

    return run


LIBRARIES = {"cn2an": cn2an_run, "jionlp": jionlp_run, "recognizers_text": recognizers_run}


def main() -> None:
    warnings.simplefilter("ignore")  # cn2an warns on every bare 万 and 亿
    directory = Path(sys.argv[1])
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    lines = paragraphs(directory)
    result = {}
    for name, make in LIBRARIES.items():
        try:
            function = make()
            function(lines[0])  # warm up caches and lazy loading outside the timing
            result[f"{name}_chars_per_s"] = round(rate(function, lines, budget))
        except Exception as error:  # report and go on: one broken library must not hide the others
            result[f"{name}_error"] = f"{type(error).__name__}: {error}"[:200]
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
