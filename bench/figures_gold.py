"""Score the figure scanner and the checker against the hand annotations of the corpus.

Gold: ``figures_gold.json`` beside the corpus texts. Precision counts only inside the
annotated windows; a figure matches when its span is exactly the gold span. The value is
right when value and unit agree (ratios compare their parts; a unit in traditional script
counts as its simplified form, 個 = 个). Placeholders and missing numbers (is_figure = false)
must each be covered by a checker finding.

A gold file may also hold (tests/corpus_dev does) ``relations`` — the arithmetic the text
states, each with ``consistent`` and the ``start``/``end`` of its stated result —,
``missing_percent`` — rates written without % — and ``non_figures`` — numbers that are no
figures. Then the score adds: relation recall (an inconsistent relation is found when an
error finding overlaps its stated result), missing % signs covered by a finding, false
error findings (errors inside a window that overlap no placeholder, missing number,
missing % or inconsistent relation) per document, and figures reported over a non-figure.
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


def _simplified() -> dict[int, str]:
    """Traditional → simplified, from the library's own table when it has one."""
    try:
        from zhenwu.figures._traditional import SIMPLIFIED, TRADITIONAL
    except ImportError:  # a library without the table: units compare as written
        return {}
    return str.maketrans(TRADITIONAL, SIMPLIFIED)


_FOLD = _simplified()


def _value_right(mention: dict, figure) -> bool:
    if mention["unit"] == "ratio":
        return [Decimal(str(p)) for p in mention.get("parts", [])] == list(figure.parts)
    if figure.value is None or (mention["unit"] or "").translate(_FOLD) != (figure.unit or "").translate(
        _FOLD
    ):
        return False
    return abs(figure.value - Decimal(str(mention["value"]))) < Decimal("1e-6")


def _overlaps(item, start: int, end: int) -> bool:
    """A finding or figure (attributes) overlapping [start, end)."""
    return item.start < end and start < item.end


def _covered(findings, start: int, end: int) -> bool:
    return any(f.start <= start and end <= f.end for f in findings)


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
        **_checks(gold, reviews),
    }


def _checks(gold: dict, reviews: dict) -> dict:
    """Relation recall, missing % signs, false error findings and non-figures reported as figures."""
    relations = gold.get("relations", [])
    wrong = [r for r in relations if not r["consistent"]]
    wrong_found = sum(
        1
        for r in wrong
        if any(
            f.severity == "error" and _overlaps(f, r["start"], r["end"]) for f in reviews[r["doc"]].findings
        )
    )
    missing_percent = gold.get("missing_percent", [])
    missing_percent_found = sum(
        1 for m in missing_percent if _covered(reviews[m["doc"]].findings, m["start"], m["end"])
    )
    expected: dict[str, list[tuple[int, int]]] = {}
    for m in gold["mentions"]:
        if not m["is_figure"]:
            expected.setdefault(m["doc"], []).append((m["start"], m["end"]))
    for m in missing_percent:
        expected.setdefault(m["doc"], []).append((m["start"], m["end"]))
    for r in wrong:
        expected.setdefault(r["doc"], []).append((r["start"], r["end"]))
    false_errors = 0
    for window in gold["windows"]:
        for finding in reviews[window["doc"]].findings:
            if finding.severity != "error" or not (
                window["start"] <= finding.start and finding.end <= window["end"]
            ):
                continue
            if not any(_overlaps(finding, start, end) for start, end in expected.get(window["doc"], [])):
                false_errors += 1
    non_figures = gold.get("non_figures", [])
    non_figure_hits = sum(
        1
        for doc, review in reviews.items()
        for figure in review.figures
        if any(n["doc"] == doc and _overlaps(figure, n["start"], n["end"]) for n in non_figures)
    )
    documents = len({w["doc"] for w in gold["windows"]})
    return {
        "gold_relations": len(relations),
        "gold_relations_inconsistent": len(wrong),
        "gold_relations_inconsistent_found": wrong_found,
        "gold_relation_recall": round(wrong_found / len(wrong), 4) if wrong else None,
        "gold_missing_percent": len(missing_percent),
        "gold_missing_percent_found": missing_percent_found,
        "gold_documents": documents,
        "gold_false_errors": false_errors,
        "gold_false_errors_per_document": round(false_errors / documents, 4) if documents else 0.0,
        "gold_non_figures": len(non_figures),
        "gold_non_figure_false_positives": non_figure_hits,
    }


if __name__ == "__main__":
    print(json.dumps(score(), ensure_ascii=False))
