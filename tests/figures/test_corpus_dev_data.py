"""The development corpus (tests/corpus_dev) is well formed: a data test, not an accuracy test.

Each split holds excerpts ``NNN_<8 hex of sha1(url)>.txt``, ``index.json`` naming each one's
source and ``figures_gold.json``. Every annotated span must be the text at its offsets, every
document must be in the index with its url, and the two splits must share no source (the
held-out split is measured on, never tuned on).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

CORPUS_DEV = Path(__file__).resolve().parents[2] / "tests" / "corpus_dev"
SPLITS = ("dev", "heldout")
RELATION_KINDS = {"growth", "parts", "share", "completion", "records", "other"}
FIGURE_KINDS = {
    "money", "percent", "points", "count", "area", "length", "weight", "volume", "energy", "power",
    "duration", "multiple", "ratio",
}  # fmt: skip
NAME = re.compile(r"^(\d{3})_([0-9a-f]{8})\.txt$")


def _split(name: str) -> tuple[list[dict], dict, dict[str, str]]:
    directory = CORPUS_DEV / name
    if not (directory / "figures_gold.json").exists():
        pytest.skip(f"tests/corpus_dev/{name} is not there")
    index = json.loads((directory / "index.json").read_text(encoding="utf-8"))
    gold = json.loads((directory / "figures_gold.json").read_text(encoding="utf-8"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in directory.glob("*.txt")}
    return index, gold, texts


@pytest.fixture(params=SPLITS)
def split(request):
    return _split(request.param)


def _at(texts: dict[str, str], item: dict) -> str:
    return texts[item["doc"]][item["start"] : item["end"]]


def test_every_document_is_in_the_index_with_its_url(split):
    index, gold, texts = split
    docs = [entry["doc"] for entry in index]
    assert len(docs) == len(set(docs))
    assert set(docs) == set(texts), "every excerpt is indexed and every indexed excerpt is there"
    assert {w["doc"] for w in gold["windows"]} <= set(docs)
    for entry in index:
        assert {"doc", "url", "title", "place", "year", "genre", "script", "notes"} <= set(entry)
        assert entry["url"].startswith(("http://", "https://")), entry["doc"]
        assert entry["script"] in ("simplified", "traditional")
        assert entry["year"] is None or 1990 <= entry["year"] <= 2030
        match = NAME.match(entry["doc"])
        assert match, entry["doc"]
        assert match[2] == hashlib.sha1(entry["url"].encode()).hexdigest()[:8], entry["doc"]


def test_every_span_is_the_text_at_its_offsets(split):
    _, gold, texts = split
    for window in gold["windows"]:
        assert 0 <= window["start"] <= window["end"] <= len(texts[window["doc"]])
    for key in ("mentions", "non_figures", "missing_percent"):
        for item in gold.get(key, []):
            assert item["span"] and _at(texts, item) == item["span"], (key, item)
    for relation in gold.get("relations", []):
        spans = relation["spans"]
        offsets = relation.get("span_offsets", [])
        assert len(offsets) == len(spans)
        for span, (start, end) in zip(spans, offsets, strict=True):
            assert texts[relation["doc"]][start:end] == span, relation
        assert _at(texts, relation) == relation["result_span"], relation


def test_mentions_follow_the_schema(split):
    _, gold, _ = split
    for m in gold["mentions"]:
        assert {"doc", "span", "start", "end", "value", "unit", "kind", "is_figure", "qualifier"} <= set(m), m
        if m["is_figure"]:
            assert m["kind"] in FIGURE_KINDS, m
            assert m["value"] is not None or m["unit"] == "ratio", m
        else:
            assert m["kind"] in ("placeholder", "missing"), m
            assert m["value"] is None, m


def test_each_missing_percent_is_also_a_figure_in_percent(split):
    _, gold, _ = split
    figures = {(m["doc"], m["start"], m["end"]): m for m in gold["mentions"] if m["is_figure"]}
    for item in gold.get("missing_percent", []):
        figure = figures.get((item["doc"], item["start"], item["end"]))
        assert figure is not None and figure["unit"] == "%", item


def test_relations_point_at_annotated_figures(split):
    _, gold, _ = split
    figures = {(m["doc"], m["start"], m["end"]) for m in gold["mentions"] if m["is_figure"]}
    for relation in gold.get("relations", []):
        assert relation["kind"] in RELATION_KINDS, relation
        assert isinstance(relation["consistent"], bool), relation
        assert (relation["doc"], relation["start"], relation["end"]) in figures, relation
        for start, end in relation["span_offsets"]:
            assert (relation["doc"], start, end) in figures, relation


def test_the_splits_share_no_source():
    sources = {}
    for name in SPLITS:
        index, _, _ = _split(name)
        sources[name] = {entry["url"] for entry in index}
    assert not sources["dev"] & sources["heldout"]


@pytest.mark.parametrize("name", SPLITS)
def test_every_excerpt_is_checked_without_failing_and_every_span_is_the_text(name):
    from zhenwu.figures import review

    _, _, texts = _split(name)
    for doc, text in texts.items():
        result = review(text)
        for item in (*result.figures, *result.findings):
            assert text[item.start : item.end] == item.span, (doc, item)
