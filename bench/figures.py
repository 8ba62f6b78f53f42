"""Benchmark the figure library: speed over ~5 MB of reports and accuracy on the gold.

    .venv/bin/python bench/figures.py [--no-ref] [--ref-seconds N] [--megabytes N]

Prints a few readable lines, then as its last line one JSON object with
extract_chars_per_s, check_chars_per_s, check_process_chars_per_s (the whole
``zhenwu check --format json`` command on the corpus as one file, start to last byte written,
in the CPU time of the child; check_process_wall_chars_per_s is its wall-clock rate), gold_span_f1, gold_value_accuracy (and the other
gold scores), and <library>_chars_per_s for each reference library it could run.

The same scores on the development corpus follow with their own prefixes:
dev_span_f1, dev_value_accuracy, dev_relation_recall, dev_false_errors_per_document … on
tests/corpus_dev/dev (tune on it), and dev_heldout_span_f1, dev_heldout_value_accuracy …
on tests/corpus_dev/heldout (measure on it, never tune). A split that is not there gives
<prefix>_error instead of its scores.

The reference libraries (cn2an, jionlp, Recognizers-Text) are never dependencies of
zhenwu: they live in their own virtual environment, bench/.venv-ref (git-ignored), which
this script creates on first use with
``python -m venv bench/.venv-ref && bench/.venv-ref/bin/pip install cn2an jionlp 'emoji<2'
recognizers-text-suite`` (Recognizers-Text's Python suite imports only with emoji<2;
jionlp unpacks ~50 MB of dictionaries into its package folder on first import).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import figures_gold  # noqa: E402  (a sibling module, found through the path set just above)

REF_VENV = HERE / ".venv-ref"
CORPUS_DEV = HERE.parent / "tests" / "corpus_dev"
DEV_SPLITS = (("dev", CORPUS_DEV / "dev"), ("dev_heldout", CORPUS_DEV / "heldout"))
REF_PACKAGES = ["cn2an", "jionlp", "emoji<2", "recognizers-text-suite"]


def corpus_text(megabytes: float) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(figures_gold.corpus_dir().glob("*.txt"))]
    one = "\n".join(texts)
    return "\n".join([one] * max(1, round(megabytes * 1_000_000 / len(one))))


def process_rates(text: str, repeats: int = 3) -> dict:
    """The command a user runs, output written to /dev/null: best CPU and wall rate of a few runs."""
    import resource
    import tempfile

    zhenwu = Path(sys.executable).with_name("zhenwu")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_text(text, encoding="utf-8")
        best_cpu = best_wall = float("inf")
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([str(zhenwu), "check", str(path), "--format", "json"], stdout=subprocess.DEVNULL)
            best_wall = min(best_wall, time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            best_cpu = min(best_cpu, cpu)
    return {
        "check_process_chars_per_s": round(len(text) / best_cpu),
        "check_process_wall_chars_per_s": round(len(text) / best_wall),
    }


def best_rate(function, text: str, repeats: int = 3) -> float:
    """Characters per second of the fastest of a few runs on one core.

    Timed in process CPU time: the work is single-threaded, so this is the rate of one core,
    and it stays meaningful when other jobs share the machine.
    """
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        function(text)
        best = min(best, time.process_time() - started)
    return len(text) / best


def ensure_reference_venv() -> str | None:
    """Create bench/.venv-ref with the reference libraries; return an error message or None."""
    python = REF_VENV / "bin" / "python"
    if python.exists():
        return None
    try:
        subprocess.run([sys.executable, "-m", "venv", str(REF_VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *REF_PACKAGES],
            check=True,
            capture_output=True,
            timeout=900,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        output = getattr(error, "stderr", b"") or b""
        return f"could not set up {REF_VENV}: {output.decode(errors='replace')[-300:]}"
    return None


def reference_rates(seconds: float) -> dict:
    error = ensure_reference_venv()
    if error:
        return {"reference_error": error}
    result = subprocess.run(
        [
            str(REF_VENV / "bin" / "python"),
            str(HERE / "figures_reference.py"),
            str(figures_gold.corpus_dir()),
            str(seconds),
        ],
        capture_output=True,
        text=True,
        timeout=seconds * 10 + 300,
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        return {"reference_error": result.stderr[-300:]}
    return json.loads(lines[-1])


def split_scores(prefix: str, directory: Path) -> dict:
    """figures_gold's scores on one split of the development corpus, gold_* renamed <prefix>_*."""
    if not (directory / "figures_gold.json").exists():
        return {f"{prefix}_error": f"no {directory.relative_to(HERE.parent)}/figures_gold.json"}
    scores = figures_gold.score(directory)
    return {prefix + key.removeprefix("gold"): value for key, value in scores.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ref", action="store_true", help="skip the reference libraries")
    parser.add_argument("--ref-seconds", type=float, default=20.0, help="time budget per reference library")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the repeated corpus")
    args = parser.parse_args()

    from zhenwu.figures import extract, review

    text = corpus_text(args.megabytes)
    extract(text[:100_000])  # warm up
    results = {
        "chars": len(text),
        "extract_chars_per_s": round(best_rate(extract, text)),
        "check_chars_per_s": round(best_rate(review, text)),
        "figures_per_corpus_pass": len(extract(corpus_text(0))),
        **process_rates(text),
    }
    results.update(figures_gold.score())
    for prefix, directory in DEV_SPLITS:
        results.update(split_scores(prefix, directory))
    if not args.no_ref:
        results.update(reference_rates(args.ref_seconds))
    for key, value in results.items():
        print(f"{key:>32}: {value}")
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
