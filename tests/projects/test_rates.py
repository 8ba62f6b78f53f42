"""The project rules with worked examples, as a county office would check them by hand."""

import datetime
from decimal import Decimal

import pytest

from zhenwu.projects.rates import (
    Behind,
    Month,
    ProjectFacts,
    behind_reasons,
    by_area,
    by_category,
    completion_rate,
    investment_rate,
    start_rate,
    summarise,
    time_progress,
)

JUNE = Month(2025, 6)
D = Decimal


def project(name="项目", status="building", **fields):
    fields.setdefault("updated_this_month", True)
    return ProjectFacts(name=name, status=status, **fields)


def test_time_progress_after_june_is_half_the_year():
    assert time_progress(JUNE) == D(50)
    assert round(time_progress(Month(2025, 1)), 1) == D("8.3")


def test_start_rate_counts_only_projects_planned_to_start_by_the_end_of_the_month():
    projects = [
        project("甲", "building", planned_start=datetime.date(2025, 3, 1)),
        project("乙", "started", planned_start=datetime.date(2025, 6, 30)),
        project("丙", "signed", planned_start=datetime.date(2025, 5, 1)),
        project("丁", "planning", planned_start=datetime.date(2025, 5, 15)),
        project("戊", "started", planned_start=datetime.date(2025, 9, 1)),  # early: not counted
        project("己", "planning"),  # no date: not counted
    ]
    started, due, rate = start_rate(projects, JUNE)
    assert (started, due) == (2, 4)
    assert rate == D(50)


def test_completion_rate_counts_completed_and_operating():
    projects = [
        project("甲", "completed", planned_completion=datetime.date(2025, 4, 30)),
        project("乙", "operating", planned_completion=datetime.date(2025, 6, 1)),
        project("丙", "building", planned_completion=datetime.date(2025, 6, 30)),
        project("丁", "building", planned_completion=datetime.date(2025, 12, 31)),
    ]
    done, due, rate = completion_rate(projects, JUNE)
    assert (done, due) == (2, 3)
    assert round(rate, 1) == D("66.7")


def test_rates_without_any_project_due_are_not_made_up():
    assert start_rate([], JUNE) == (0, 0, None)
    assert investment_rate(project(annual_plan=None)) is None
    assert investment_rate(project(annual_plan=D(0))) is None


def test_investment_rate_is_year_to_date_over_the_annual_plan():
    # 年度计划投资 8000万元, 1-6月完成 3600万元: 45.0%, 5 points below 时序进度 50%.
    lagging = project("溪东片区老旧小区改造工程", annual_plan=D(8000), ytd=D(3600))
    assert investment_rate(lagging) == D(45)
    assert behind_reasons(lagging, JUNE) == [Behind.INVESTMENT_LAGGING]


def test_a_project_exactly_on_schedule_is_not_behind():
    assert behind_reasons(project(annual_plan=D(8000), ytd=D(4000)), JUNE) == []


def test_a_project_planned_to_start_that_has_not_is_start_overdue():
    late = project("年产5万吨新型建材生产线项目", "signed", planned_start=datetime.date(2025, 4, 1))
    assert Behind.START_OVERDUE in behind_reasons(late, JUNE)


def test_a_project_past_its_completion_date_is_completion_overdue():
    late = project("S274青山段改建工程", "building", planned_completion=datetime.date(2025, 5, 31))
    assert behind_reasons(late, JUNE) == [Behind.COMPLETION_OVERDUE]


def test_a_project_under_way_without_this_months_update_is_flagged():
    silent = project("东山村游步道建设", "building", updated_this_month=False)
    assert behind_reasons(silent, JUNE) == [Behind.NO_UPDATE]
    # A project still being planned, with no money this year, owes no monthly update.
    assert behind_reasons(project("谋划中", "planning", updated_this_month=False), JUNE) == []
    # Nor does a finished one that met its plan.
    done = project("已竣工", "completed", annual_plan=D(500), ytd=D(520), updated_this_month=False)
    assert behind_reasons(done, JUNE) == []


def test_summary_of_a_town_adds_money_and_lists_the_projects_behind():
    projects = [
        project(
            "甲", annual_plan=D(10000), ytd=D(6000), total_investment=D(60000), area="青山镇", category="工业"
        ),
        project(
            "乙", annual_plan=D(2000), ytd=D(400), total_investment=D(5000), area="青山镇", category="民生"
        ),
        project(
            "丙", annual_plan=D(3000), ytd=D(1600), total_investment=D(3000), area="白沙镇", category="工业"
        ),
    ]
    summary = summarise(projects, JUNE)
    assert summary.count == 3
    assert summary.total_investment == D(68000)
    assert summary.annual_plan == D(15000) and summary.ytd == D(8000)
    assert round(summary.investment_rate, 1) == D("53.3")
    assert round(summary.gap, 1) == D("3.3")
    assert [p.name for p, _ in summary.behind] == ["乙"]

    towns = {s.label: s for s in by_area(projects, JUNE)}
    assert towns["青山镇"].ytd == D(6400) and round(towns["青山镇"].investment_rate, 1) == D("53.3")
    assert towns["白沙镇"].count == 1
    categories = {s.label: s for s in by_category(projects, JUNE)}
    assert categories["工业"].annual_plan == D(13000)
    assert categories["民生"].standing == "严重滞后"  # 20% against 50%: 30 points behind


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-06", Month(2025, 6)), (" 2025-12 ", Month(2025, 12)), ("2025年6月", Month(2025, 6))],
)
def test_a_month_is_read_from_yyyy_mm(text, expected):
    assert Month.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-13", "月份应在 1 到 12 之间"),
        ("六月", "应为年月，如 2025-06"),
        ("0000-06", "年份应在 2000 到 2099 之间"),
        ("2147483648-06", "应为年月"),
    ],
)
def test_a_wrong_month_says_what_was_expected(text, expected):
    with pytest.raises(ValueError, match=expected):
        Month.parse(text)


def test_the_month_label_reads_like_a_report():
    assert JUNE.label == "1-6月"
    assert Month(2025, 1).label == "1月"
    assert JUNE.last_day == datetime.date(2025, 6, 30)
