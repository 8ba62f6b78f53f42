"""Properties: what the formatter writes, the parser reads back exactly."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zhenwu.figures import (
    check,
    extract,
    format_amount,
    format_completion,
    format_growth,
    format_number,
    format_percent,
    format_points_vs_schedule,
    format_quantity,
    format_share,
    parse,
    parse_number,
)

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e13"), places=2, allow_nan=False)
percents = st.decimals(min_value=Decimal("0"), max_value=Decimal("999.9"), places=1, allow_nan=False)
changes = st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("999.9"), places=1, allow_nan=False)
units = st.sampled_from(["亩", "平方米", "吨", "户", "人", "个", "公里", "人次", "家"])
noise = st.text(alphabet="的了和在是我镇区县村工作进一步，。、；", max_size=30)


@given(amounts)
def test_amounts_round_trip(value):
    figure = parse(format_amount(value))
    assert figure.value == value and figure.unit == "元" and figure.kind == "amount"


@given(amounts, units)
def test_quantities_round_trip(value, unit):
    figure = parse(format_quantity(value, unit))
    assert figure.value == value and figure.unit == unit


@given(percents)
def test_percentages_round_trip(value):
    figure = parse(format_percent(value))
    assert figure.value == value and figure.kind == "percent"


@given(changes)
def test_growth_round_trips_with_its_sign(change):
    figure = parse(format_growth(change))
    assert figure.kind == "growth" and figure.signed == change


@given(percents)
def test_shares_and_completion_round_trip(value):
    share = parse(format_share(value, "全镇投资"))
    completion = parse(format_completion(value))
    assert (share.kind, share.value, share.base) == ("share", value, "全镇投资")
    assert (completion.kind, completion.value, completion.base) == ("completion", value, "全年目标")


@given(st.decimals(min_value=Decimal("-99.9"), max_value=Decimal("99.9"), places=1).filter(lambda d: d != 0))
def test_points_against_schedule_round_trip(points):
    figure = parse(format_points_vs_schedule(points))
    assert figure.kind == "points" and figure.signed == points and figure.base == "时序进度"


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_read_back(number):
    assert parse_number(str(number)) == number
    assert parse_number(f"{number:,}") == number


@given(noise, amounts, noise)
def test_a_figure_is_found_wherever_it_stands(before, value, after):
    written = format_amount(value)
    text = f"{before}完成投资{written}{after}"
    spans = [(f.start, f.span) for f in extract(text)]
    assert (len(before) + 4, written) in spans


@given(st.text(max_size=200))
def test_the_checker_never_fails_and_spans_match_the_text(text):
    for finding in check(text):
        assert text[finding.start : finding.end] == finding.span


# The pieces the checker's rules look for, so that random reports hit them: table lines, units lines,
# masks, wholes and parts, rates, densities, blanks.
_PIECES = st.sampled_from([
    "|", "| |", "||", "\t", "\t\t", "\n", " ", "合计", "单位：", "人、%", "万元", "亿元", "人", "户", "亩", "%", "‰", "平方公里",
    "其中", "，", "。", "；", "、", "总人口", "男性", "女性", "性别比", "人口密度", "人均耕地", "占", "的",
    "增长", "比上年增", "下降", "完成年计划", "目标", "-", "x", "X", "*", "/", ".", "1", "23", "4.5", "100",
    "0", "中", "共", "分别为", "（", "）", "年", "月", "为", "达",
])  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_the_checker_never_fails_on_reports_made_of_what_its_rules_look_for(text):
    for finding in check(text):
        assert text[finding.start : finding.end] == finding.span


def test_format_number_rounds_half_up():
    assert format_number(Decimal("0.05"), 1) == "0.1"
