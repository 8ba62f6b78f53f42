import pytest

from zhenwu.lib.periods import PeriodError, parse_period, summary_periods


@pytest.mark.parametrize(
    ("key", "name", "span", "last_month"),
    [
        ("2025-H1", "上半年", "1-6月", 6),
        ("2025-Q3", "前三季度", "1-9月", 9),
        ("2025-Q1", "一季度", "1-3月", 3),
        ("2025", "全年", "1-12月", 12),
        ("2025-H2", "全年", "1-12月", 12),
        ("2025-01..2025-05", "1-5月", "1-5月", 5),
        ("2025-05", "1-5月", "1-5月", 5),
    ],
)
def test_it_reads_the_cumulative_periods_of_a_summary(key, name, span, last_month):
    period = parse_period(key)
    assert (period.name, period.span, period.last_month, period.cumulative) == (name, span, last_month, True)
    assert period.year == 2025


def test_a_quarter_read_on_its_own_is_named_by_its_number():
    period = parse_period("2025-Q3", cumulative=False)
    assert (period.name, period.first_month, period.last_month, period.cumulative) == (
        "第三季度",
        7,
        9,
        False,
    )


def test_the_title_names_the_year_and_the_period():
    assert parse_period("2025-H1").title_name == "2025年上半年"
    assert parse_period("2025").title_name == "2025年全年"


def test_what_is_left_of_the_year_has_the_words_of_the_plans_section():
    assert [parse_period(k).rest_name for k in ("2025-H1", "2025-Q3", "2025", "2025-05")] == [
        "下半年",
        "四季度",
        "明年",
        "6-12月",
    ]


@pytest.mark.parametrize("key", ["", "2025-H3", "2025-13", "2025-06..2025-02", "2025-01..2026-02", "上半年"])
def test_a_wrong_key_says_what_was_expected(key):
    with pytest.raises(PeriodError):
        parse_period(key)


def test_the_periods_offered_follow_how_far_the_ledger_runs():
    assert [p.key for p in summary_periods(2025, 9)] == ["2025-Q3", "2025-H1", "2025-01..2025-09"]
    assert [p.key for p in summary_periods(2024, 12)] == ["2024", "2024-Q3", "2024-H1"]
