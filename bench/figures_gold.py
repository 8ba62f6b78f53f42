"""Score the figure scanner and the checker against the hand annotations of the corpus.

Gold: ``figures_gold.json`` beside the corpus texts. Precision counts only inside the
annotated windows; a figure matches when its span is exactly the gold span. The value is
right when value and unit agree (ratios compare their parts). Placeholders and missing
numbers (is_figure = false) must each be covered by a checker finding.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def corpus_dir() -> Path:
    return Path(os.environ.get("ZHENWU_CORPUS", DEFAULT_CORPUS))


def load(directory: Path | None = None) -> tuple[dict, dict[str, str]]:
    directory = directory or corpus_dir()
    gold = json.loads((directory / "figures_gold.json").read_text(encoding="utf-8"))
    texts = {w["doc"]: (directory / w["doc"]).read_text(encoding="utf-8") for w in gold["windows"]}
    return gold, texts


def _value_right(mention: dict, figure) -> bool:
    if mention["unit"] == "ratio":
        return [Decimal(str(p)) for p in mention.get("parts", [])] == list(figure.parts)
    if figure.value is None or mention["unit"] != figure.unit:
        return False
    return abs(figure.value - Decimal(str(mention["value"]))) < Decimal("1e-6")


def score(directory: Path | None = None) -> dict:
    """Span precision/recall/F1, value accuracy and placeholder recall against the gold."""
    from zhenwu.figures import review

    gold, texts = load(directory)
    reviews = {doc: review(text) for doc, text in texts.items()}
    figures = [m for m in gold["mentions"] if m["is_figure"]]
    holes = [m for m in gold["mentions"] if not m["is_figure"]]
    found_spans = set()
    for window in gold["windows"]:
        for figure in reviews[window["doc"]].figures:
            if window["start"] <= figure.start and figure.end <= window["end"]:
                found_spans.add((window["doc"], figure.start, figure.end))
    by_span = {(doc, f.start, f.end): f for doc, r in reviews.items() for f in r.figures}
    gold_spans = {(m["doc"], m["start"], m["end"]) for m in figures}
    true_positive = len(found_spans & gold_spans)
    precision = true_positive / len(found_spans) if found_spans else 0.0
    recall = true_positive / len(gold_spans) if gold_spans else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    values_right = sum(
        1 for m in figures if (f := by_span.get((m["doc"], m["start"], m["end"]))) and _value_right(m, f)
    )
    holes_found = sum(
        1
        for m in holes
        if any(f.start <= m["start"] and m["end"] <= f.end for f in reviews[m["doc"]].findings)
    )
    return {
        "gold_figures": len(figures),
        "gold_span_precision": round(precision, 4),
        "gold_span_recall": round(recall, 4),
        "gold_span_f1": round(f1, 4),
        "gold_value_accuracy": round(values_right / len(figures), 4),
        "gold_placeholders": len(holes),
        "gold_placeholders_found": holes_found,
    }


if __name__ == "__main__":
    print(json.dumps(score(), ensure_ascii=False))
