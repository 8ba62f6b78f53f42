"""Time the reference libraries on the corpus; runs inside bench/.venv-ref, not zhenwu's env.

Usage: bench/.venv-ref/bin/python bench/figures_reference.py CORPUS_DIR [SECONDS]
Prints one JSON object: <library>_chars_per_s for each library that imports, and
<library>_error for each that does not. Slow libraries are timed on as many paragraphs
as fit in the time budget (default 20 s of CPU each), so the figure is a rate, not a total.
Times are process CPU time, like zhenwu's own in bench/figures.py.
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
    started = time.process_time()
    while True:
        for line in lines:
            function(line)
            done += len(line)
            if time.process_time() - started > budget and done >= sum(map(len, lines)):
                return done / (time.process_time() - started)
        if time.process_time() - started > budget:
            return done / (time.process_time() - started)


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

# Recognizers-Text names units in English; these are the ones the gold uses.
RECOGNIZERS_UNITS = {
    "Chinese yuan": "元", "United States dollar": "美元", "Square kilometer": "平方公里", "Square meter": "平方米",
    "Mu": "亩", "Hectare": "公顷", "Meter": "米", "Kilometer": "公里", "Ton": "吨", "Jin": "斤", "Kilogram": "公斤",
}  # fmt: skip


def recognizers_entities(text: str) -> list[tuple[int, int, float, str]]:
    import recognizers_suite as suite
    from recognizers_suite import Culture

    found = []
    for result in suite.recognize_percentage(text, Culture.Chinese):
        found.append((result.start, result.end + 1, float(result.resolution["value"].rstrip("%")), "%"))
    for recognise in (suite.recognize_currency, suite.recognize_dimension):
        for result in recognise(text, Culture.Chinese):
            value = result.resolution.get("value")
            unit = RECOGNIZERS_UNITS.get(result.resolution.get("unit"), result.resolution.get("unit"))
            if value is not None:
                found.append((result.start, result.end + 1, float(value), unit))
    return found


def jionlp_entities(text: str) -> list[tuple[int, int, float, str]]:
    import jionlp

    found = []
    for item in jionlp.ner.extract_money(text, with_parsing=True):
        number = item["detail"]["num"]
        number = number[0] if isinstance(number, list) else number
        found.append((item["offset"][0], item["offset"][1], float(number), item["detail"]["case"]))
    return found


def gold_scores(directory: Path, name: str, entities) -> dict:
    """Value-and-unit accuracy on the gold figures, and how many placeholders got a value."""
    gold = json.loads((directory / "figures_gold.json").read_text(encoding="utf-8"))
    by_doc = {}
    for mention in gold["mentions"]:
        doc = mention["doc"]
        if doc not in by_doc:
            by_doc[doc] = entities((directory / doc).read_text(encoding="utf-8"))
    right = valued_holes = 0
    figures = [m for m in gold["mentions"] if m["is_figure"] and m["value"] is not None]
    for mention in figures:
        core_start = mention["start"] + mention["span"].find(mention["core"])
        core_end = core_start + len(mention["core"])
        for start, end, value, unit in by_doc[mention["doc"]]:
            if start <= core_start and core_end <= end and abs(value - mention["value"]) < 1e-6:
                right += unit == mention["unit"]
                break
    for mention in gold["mentions"]:
        if not mention["is_figure"]:
            valued_holes += any(
                s < mention["end"] and mention["start"] < e for s, e, _, _ in by_doc[mention["doc"]]
            )
    return {
        f"{name}_gold_value_accuracy": round(right / len(figures), 4),
        f"{name}_gold_placeholders_given_a_value": valued_holes,
    }


ACCURACY = {"jionlp": jionlp_entities, "recognizers_text": recognizers_entities}


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
            if name in ACCURACY:
                result.update(gold_scores(directory, name, ACCURACY[name]))
        except Exception as error:  # report and go on: one broken library must not hide the others
            result[f"{name}_error"] = f"{type(error).__name__}: {error}"[:200]
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
