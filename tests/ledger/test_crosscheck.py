"""Comparing a text's figures with the ledger's: rounding as written, approximate words, rates, periods."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhenwu.figures import extract
from zhenwu.ledger.crosscheck import LedgerFigure, Scope, compare
from zhenwu.lib.periods import parse_period

SCOPE = Scope("青山镇", "390123101000", parse_period("2026-H1"))


def investment(value="6.02", **extra) -> LedgerFigure:
    return LedgerFigure(
        "GDTZ",
        "固定资产投资",
        ("固定资产投资", "固投"),
        "亿元",
        2,
        Decimal(value),
        record_status="approved",
        **extra,
    )


def mismatches(text: str, *facts: LedgerFigure):
    found = compare(text, extract(text), facts or (investment(),), SCOPE)
    return [finding.span for finding in found.mismatches], found.compared


@pytest.mark.parametrize(
    ("ledger", "agrees"),
    [("6.015", True), ("6.0249", True), ("6.025", False), ("6.0149", False)],
)
def test_a_figure_matches_what_rounds_to_it_at_the_precision_written(ledger, agrees):
    assert mismatches("上半年，全镇完成固定资产投资6.02亿元。", investment(ledger)) == (
        [] if agrees else ["6.02亿元"],
        1,
    )


def test_a_figure_in_another_unit_of_the_same_dimension_is_converted():
    assert mismatches("全镇完成固投60200万元。") == ([], 1)
    assert mismatches("全镇完成固投8500万元。", investment("0.85")) == ([], 1)
    assert mismatches("全镇完成固投8600万元。", investment("0.85")) == (["8600万元"], 1)


@pytest.mark.parametrize(
    ("text", "ledger", "agrees"),
    [
        ("固定资产投资约6亿元", "6.02", True),
        ("固定资产投资约6亿元", "5.3", False),  # more than a tenth away
        ("固定资产投资超过6亿元", "6.02", True),
        ("固定资产投资超过7亿元", "6.02", False),
        ("固定资产投资近6.1亿元", "6.02", True),
        ("固定资产投资近6亿元", "6.3", False),  # 近: not above
        ("固定资产投资不足7亿元", "6.02", True),
        ("固定资产投资不足6亿元", "6.02", False),
        ("固定资产投资6亿多元", "6.02", True),
    ],
)
def test_an_approximate_figure_is_flagged_only_when_clearly_outside(text, ledger, agrees):
    spans, compared = mismatches(f"上半年，全镇完成{text}。", investment(ledger))
    assert compared == 1
    assert (spans == []) is agrees


def test_growth_and_completion_are_compared_with_the_ledgers_rates():
    fact = investment(yoy=Decimal("8.0789"), rate=Decimal("50.1667"))
    assert mismatches("固定资产投资6.02亿元，同比增长8.1%，占全年目标的50.2%。", fact) == ([], 3)
    assert mismatches("固定资产投资6.02亿元，同比增长8.2%，占全年目标的50.1%。", fact) == (
        ["8.2%", "50.1%"],
        3,
    )
    assert mismatches("固定资产投资6.02亿元，同比下降8.1%。", fact) == (["8.1%"], 2)  # the ledger has a rise


def test_without_last_years_figure_or_a_target_a_rate_is_not_compared():
    assert mismatches("固定资产投资6.02亿元，同比增长30%，占全年目标的90%。") == ([], 1)


def test_a_figure_that_names_no_indicator_or_another_dimension_is_left_alone():
    assert mismatches("新建村道12公里，固定资产投资项目15个，完成招商引资3亿元。") == ([], 0)


def test_a_sentence_about_another_period_is_left_alone():
    text = (
        "1-5月，全镇完成固定资产投资5亿元。2025年上半年固定资产投资5.5亿元。上半年完成固定资产投资6.02亿元。"
    )
    assert mismatches(text) == ([], 1)
    assert mismatches("2026年1-6月，全镇完成固定资产投资6.5亿元。") == (["6.5亿元"], 1)


def test_the_finding_says_what_the_ledger_has_and_where_it_comes_from():
    text = "上半年，全镇完成固投6.5亿元，同比增长9%。"
    found = compare(text, extract(text), [investment(yoy=Decimal("-3.04"))], SCOPE).mismatches
    assert [f.message for f in found] == [
        "与台账不符：文中写的是“6.5亿元”；台账：青山镇 固定资产投资 2026年1-6月 为6.02亿元（已审核）",
        "与台账不符：文中写的是“9%”；台账：青山镇 固定资产投资 2026年1-6月 同比下降3.0%（已审核）",
    ]
    added_up = LedgerFigure("GDTZ", "固定资产投资", ("固投",), "亿元", 2, Decimal("6.02"), aggregated="2/2")
    [finding] = compare(text, extract(text), [added_up], SCOPE).mismatches
    assert finding.message.endswith("为6.02亿元（由下辖单位汇总，2/2 已报）")
    assert finding.to_dict()["ledger"]["status"] == "aggregated"


def test_a_rate_after_a_figure_is_that_figures_rate_within_the_sentence():
    forest = LedgerFigure(
        "ZLMJ", "新增造林面积", ("新增造林面积",), "亩", 0, Decimal("481"), rate=Decimal("49.6")
    )
    assert mismatches("新增造林面积481亩，占全年目标的40.0%。", forest) == (["40.0%"], 2)
    # the figure before is no indicator's (工业投资 is not kept here): its rate is not 固投's
    fact = investment(rate=Decimal("50.2"))
    assert mismatches("固投6.02亿元，其中工业投资2亿元，占全年目标的40.0%。", fact) == ([], 1)
    assert mismatches("固投6.02亿元。占全年目标的40.0%。", fact) == ([], 1)  # another sentence


@pytest.mark.parametrize(
    "unit",
    ["上半年，全镇完成固定资产投资6.02亿元，同比增长8.1%，占全年目标的50.2%，", "固投6.02亿元同比增长8.1%"],
    ids=["a draft's sentences, never a full stop", "no punctuation at all"],
)
def test_comparing_takes_time_in_proportion_to_the_text(unit):
    import time

    fact = investment(yoy=Decimal("8.1"), rate=Decimal("50.2"))

    def best_of_three(length: int) -> float:
        text = (unit * (length // len(unit) + 1))[:length]
        figures = extract(text)
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            compare(text, figures, [fact], SCOPE)
            best = min(best, time.process_time() - started)
        return best

    small, large = best_of_three(20_000), best_of_three(80_000)
    # linear work takes about four times as long for four times the text, quadratic sixteen
    assert large / max(small, 0.005) < 7, f"4× the text took {large / max(small, 0.005):.1f}× the time"
