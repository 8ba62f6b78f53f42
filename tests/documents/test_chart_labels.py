"""Chart labels never overlap: the demo's twelve towns with two series of 万元 figures, rendered."""

from __future__ import annotations

import io
import itertools
from decimal import Decimal

import pdfplumber
import pytest

from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from zhenwu.demo.areas import TOWNS
from zhenwu.documents import Chart, Document, Series, convert_to_pdf, write_docx
from zhenwu.documents.chart_labels import plan_labels
from zhenwu.projects.models import Category

NAMES = [name for _, name, _, _ in TOWNS]
PLAN = [Decimal(v) for v in (45210, 38870, 29950, 18230, 15520, 12860, 9870, 21450, 16620, 13380, 7750, 6620)]


def overlapping(chars) -> list[tuple[str, str]]:
    def hit(a, b):
        return (
            a["x0"] < b["x1"] - 0.3
            and b["x0"] < a["x1"] - 0.3
            and a["top"] < b["bottom"] - 0.3
            and b["top"] < a["bottom"] - 0.3
        )

    return [(a["text"], b["text"]) for a, b in itertools.combinations(chars, 2) if hit(a, b)]


def chart_chars(chart: Chart) -> list[dict]:
    pdf = convert_to_pdf(write_docx(Document("图表", blocks=[chart])))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [c for c in document.pages[0].chars if c["text"].strip() and c["size"] < 12]


def test_the_town_investment_chart_of_the_demo_has_no_overlapping_label():
    done = [(value * Decimal("0.47")).quantize(Decimal(1)) for value in PLAN]
    chart = Chart(
        "column",
        "各镇（街道）重点项目投资完成情况",
        NAMES,
        [Series("年度计划投资", PLAN), Series("1-11月完成投资", done)],
        number_format="0",
        unit="万元",
    )
    chars = chart_chars(chart)
    assert len(chars) > 100  # the labels are there, not dropped
    assert overlapping(chars) == []


def test_the_category_rate_chart_has_no_overlapping_label():
    labels = [label for _, label in Category.choices]
    rates = [Decimal("87.5"), Decimal("45.2"), Decimal("102.3"), Decimal("66.6")] * 2
    chart = Chart(
        "bar", "分类别投资完成率", labels, [Series("投资完成率", rates)], number_format="0.0", unit="%"
    )
    assert overlapping(chart_chars(chart)) == []


@pytest.mark.parametrize("count", [6, 12, 30, 60])
def test_the_rule_rotates_then_thins_as_categories_crowd(count):
    names = (NAMES * 5)[:count]
    plan = plan_labels("column", names, 2, ["45210"], 156, 80)
    if count <= 6:
        assert plan.category_rotation in (0, -45)
    if count >= 60:
        assert plan.category_skip > 1 and not plan.value_labels
