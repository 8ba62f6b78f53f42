"""The ledger's rules with worked examples, the way a town office would check them by hand."""

from datetime import date
from decimal import Decimal as D

import pytest

from zhenwu.ledger.progress import (
    CUMULATIVE,
    FLOW,
    LEVEL,
    LOWER,
    Standing,
    Thresholds,
    aggregate_ratio,
    aggregate_sum,
    assess,
    completion,
    coverage_warning,
    gap_points,
    implausible_jump,
    meets_standard,
    previous_period,
    schedule_by_days,
    schedule_by_months,
    share,
    standing,
    target_in_force,
    to_date,
    year_on_year,
)


def one(number):
    return round(number, 1)


def test_half_year_investment_against_the_annual_target():
    # "上半年完成固定资产投资6.02亿元，占全年目标12亿元的50.2%", 时间过半 → 正常
    progress = assess(value=D("6.02"), target=D("12"), last_year=D("4.76"), month=6)
    assert one(progress.rate) == D("50.2")
    assert progress.schedule == D("50")
    assert one(progress.gap) == D("0.2")
    assert progress.standing == Standing.ON_TRACK
    assert progress.yoy.word == "增长" and one(progress.yoy.percent) == D("26.5")


def test_cumulative_figures_of_one_to_n_months_are_compared_with_n_twelfths():
    # 1-9月 规上工业产值 5.1 of 8 亿元: 63.75% vs 75% → 11.25 points behind → 严重滞后
    progress = assess(value=D("5.1"), target=D("8"), last_year=None, month=9)
    assert progress.rate == D("63.75")
    assert progress.gap == D("-11.25")
    assert progress.standing == Standing.SEVERE
    assert progress.yoy.word == "无上年数据" and progress.yoy.percent is None


def test_january_of_a_new_year_is_one_twelfth_and_compares_with_last_january():
    progress = assess(value=D("0.9"), target=D("12"), last_year=D("1.0"), month=1)
    assert one(progress.schedule) == D("8.3")
    assert progress.rate == D("7.5")
    assert progress.standing == Standing.LAGGING
    assert progress.yoy.word == "下降" and progress.yoy.percent == D("-10")
    assert previous_period(2025, 1) == (2024, 12)


def test_january_does_not_warn_that_a_cumulative_figure_fell_since_december():
    # the caller passes no previous figure across a year boundary for cumulative indicators
    assert implausible_jump(CUMULATIVE, D("1"), None) == ""
    assert "还小" in implausible_jump(CUMULATIVE, D("1"), D("12"))


def test_a_lower_is_better_level_beats_its_target_above_one_hundred_percent():
    # PM2.5 target 35 µg/m³, measured 30 → 116.7%, ahead of the 100% a level must hold
    progress = assess(value=D("30"), target=D("35"), last_year=D("33"), month=6, direction=LOWER, kind=LEVEL)
    assert one(progress.rate) == D("116.7")
    assert progress.schedule == D("100")
    assert progress.standing == Standing.AHEAD
    assert progress.yoy.word == "下降"


def test_a_lower_is_better_allowance_used_faster_than_time_is_behind():
    # 安全事故 allowance 12 a year; 8 by June = 66.7% used vs 50% of the year
    progress = assess(value=D("8"), target=D("12"), last_year=None, month=6, direction=LOWER)
    assert one(progress.gap) == D("-16.7")
    assert progress.standing == Standing.SEVERE
    assert gap_points(D("25"), D("50"), LOWER) == D("25")


def test_a_higher_is_better_level_such_as_green_coverage_compares_with_its_target_not_time():
    progress = assess(value=D("38"), target=D("40"), last_year=D("37"), month=3, kind=LEVEL)
    assert progress.rate == D("95")
    assert progress.gap == D("-5")
    assert progress.standing == Standing.LAGGING


def test_missing_figures_give_no_rate_rather_than_zero():
    assert completion(None, D("10")) is None
    assert completion(D("5"), D("0")) is None
    assert assess(value=None, target=D("10"), last_year=None, month=3).standing == Standing.UNKNOWN


def test_year_on_year_is_flat_when_it_rounds_to_zero_and_undefined_against_zero():
    assert year_on_year(D("100.04"), D("100")).word == "持平"
    assert year_on_year(D("5"), D("0")).word == "上年为零"


def test_thresholds_are_configurable():
    strict = Thresholds(ahead_from=D("2"), lagging_below=D("-1"), severe_below=D("-5"))
    assert standing(D("-0.5"), strict) == Standing.ON_TRACK
    assert standing(D("-6"), strict) == Standing.SEVERE
    assert standing(D("3"), strict) == Standing.AHEAD


def test_schedule_by_days_follows_leap_years():
    assert schedule_by_days(date(2024, 12, 31)) == D("100")
    assert one(schedule_by_days(date(2024, 6, 30))) == D("49.7")
    with pytest.raises(ValueError, match="月份"):
        schedule_by_months(13)


def test_flow_indicators_add_up_to_date_and_levels_take_the_latest():
    monthly = {1: D("120"), 2: D("80"), 3: D("100")}
    assert to_date(FLOW, monthly, 2) == D("200")
    assert to_date(CUMULATIVE, monthly, 3) == D("100")
    assert to_date(LEVEL, {1: D("40")}, 3) == D("40")
    assert to_date(FLOW, {}, 3) is None
    assert to_date(FLOW, {1: D("120"), 2: D("80")}, 3) is None  # March not reported yet


def test_a_towns_share_of_the_county():
    assert share(D("1.5"), D("12")) == D("12.5")
    assert share(D("1"), None) is None


def test_aggregation_up_the_tree_counts_who_reported():
    total = aggregate_sum([D("3.2"), None, D("4.1"), D("2.0")])
    assert total.value == D("9.3") and total.completeness == "3/4" and not total.complete
    # 城镇化率 from 城镇人口 / 总人口, not the average of the towns' rates
    rate = aggregate_ratio([D("9000"), D("500")], [D("10000"), D("5000")])
    assert one(rate.value) == D("63.3")
    assert aggregate_sum([None, None]).value is None


def test_a_mid_year_revision_leaves_earlier_rates_unchanged():
    versions = [(1, D("12")), (7, D("10"))]
    assert target_in_force(versions, 6) == D("12")
    assert target_in_force(versions, 12) == D("10")
    assert target_in_force([(4, D("5"))], 3) is None


def test_a_decomposition_that_does_not_cover_the_target_is_flagged():
    assert coverage_warning(D("12"), [D("6"), D("6")]) == ""
    assert "多" in coverage_warning(D("12"), [D("8"), D("6")])


def test_creation_standards_are_met_or_not():
    assert meets_standard(D("41"), D("40")) == "达标"
    assert meets_standard(D("39"), D("40")) == "未达标"
    assert meets_standard(D("0.6"), D("0.5"), LOWER) == "未达标"


def test_an_implausible_jump_is_a_warning_message():
    assert implausible_jump(FLOW, D("29"), D("10")) == ""
    assert "倍" in implausible_jump(FLOW, D("30"), D("10"))
