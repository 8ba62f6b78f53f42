"""Changing the ledger: who may, what history is kept, and how the 1-N月 totals follow."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.projects.conftest import make_project
from zhenwu.projects import services
from zhenwu.projects.models import Status, UpdateRevision
from zhenwu.projects.rates import Month

D = Decimal


def record(project, user, month, amount, progress="主体施工", **extra):
    return services.record_update(
        project, user, month=month, investment_month=D(amount), progress=progress, **extra
    )


def test_the_towns_clerk_records_the_monthly_update(world, project_a):
    update = record(project_a, world.town_a_clerk, Month(2025, 3), 500)
    assert update.investment_ytd == D(500)
    assert update.entered_by == world.town_a_clerk


def test_it_rejects_updates_from_outside_the_clerks_town(world, project_a):
    with pytest.raises(PermissionDenied):
        record(project_a, world.town_b_clerk, Month(2025, 3), 500)


def test_a_reviewer_reads_but_does_not_enter(world, project_a):
    with pytest.raises(PermissionDenied):
        record(project_a, world.town_a_reviewer, Month(2025, 3), 500)


def test_only_an_admin_puts_projects_on_the_ledger(world):
    with pytest.raises(PermissionDenied):
        services.create_project(
            world.town_a_clerk, area=world.town_a, name="某项目", category="industry", total_investment=D(1)
        )


def test_the_year_to_date_total_follows_the_months_and_moves_with_a_correction(world, project_a):
    clerk = world.town_a_clerk
    record(project_a, clerk, Month(2025, 3), 500)
    record(project_a, clerk, Month(2025, 4), 700)
    may = record(project_a, clerk, Month(2025, 5), 300)
    assert may.investment_ytd == D(1500)

    corrected = record(project_a, clerk, Month(2025, 4), 900, progress="主体施工至三层")
    assert corrected.investment_ytd == D(1400) and corrected.revision == 1
    may.refresh_from_db()
    assert may.investment_ytd == D(1700)
    old = UpdateRevision.objects.get(update=corrected)
    assert (old.investment_month, old.progress) == (D(700), "主体施工")


def test_the_total_can_be_given_instead_of_the_month(world, project_a):
    record(project_a, world.town_a_clerk, Month(2025, 3), 500)
    update = services.record_update(
        project_a, world.town_a_clerk, month=Month(2025, 4), investment_ytd=D(1800), progress="基础完成"
    )
    assert update.investment_month == D(1300)


def test_a_total_below_last_months_is_refused_with_the_figures(world, project_a):
    record(project_a, world.town_a_clerk, Month(2025, 3), 500)
    with pytest.raises(ValidationError, match="小于上月累计"):
        services.record_update(
            project_a, world.town_a_clerk, month=Month(2025, 4), investment_ytd=D(100), progress="x"
        )


def test_a_future_month_is_refused(world, project_a):
    today = datetime.date.today()
    future = Month(today.year + 1, 1)
    with pytest.raises(ValidationError, match="未来月份"):
        record(project_a, world.town_a_clerk, future, 1)


def test_the_status_moves_forward_with_its_date_logged(world, project_a):
    services.advance(project_a, world.town_a_clerk, Status.SIGNED, datetime.date(2025, 2, 10))
    services.advance(
        project_a, world.town_a_clerk, Status.BUILDING, datetime.date(2025, 3, 5), note="桩基施工"
    )
    project_a.refresh_from_db()
    assert project_a.status == Status.BUILDING
    assert project_a.started_on == datetime.date(2025, 3, 5)
    log = [(c.from_status, c.to_status, c.date) for c in project_a.status_changes.all()]
    assert log == [
        ("planning", "signed", datetime.date(2025, 2, 10)),
        ("signed", "building", datetime.date(2025, 3, 5)),
    ]
    with pytest.raises(ValidationError, match="只能向后推进"):
        services.advance(project_a, world.town_a_clerk, Status.SIGNED, datetime.date(2025, 4, 1))
    with pytest.raises(ValidationError, match="不能早于"):
        services.advance(project_a, world.town_a_clerk, Status.COMPLETED, datetime.date(2025, 3, 1))


def test_names_are_unique_within_a_town_and_departments_come_from_above(world, project_a):
    with pytest.raises(ValidationError, match="已有名为"):
        make_project(world, world.town_a)
    with pytest.raises(ValidationError, match="不属于"):
        make_project(world, world.town_a, name="另一个", department=world.department_b)
