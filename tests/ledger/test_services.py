"""Entering, submitting, approving and unlocking figures: roles, locking and history."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Role
from zhenwu.ledger import services
from zhenwu.ledger.models import HistoryAction, ReportedValue, TargetVersion, ValueStatus


def enter(world, value, user=None, area=None, code="GDTZ"):
    return services.enter_values(
        user or world.town_a_clerk, area or world.town_a, 2025, 6, {f.indicator(code): D(value)}
    )


def test_every_change_of_a_figure_is_recorded_with_who_old_and_new(world):
    enter(world, "6.00")
    enter(world, "6.02")
    row = ReportedValue.objects.get(area=world.town_a)
    history = list(row.history.order_by("id"))
    assert [(h.old_value, h.new_value, h.user) for h in history] == [
        (None, D("6.00"), world.town_a_clerk),
        (D("6.00"), D("6.02"), world.town_a_clerk),
    ]
    assert all(h.action == HistoryAction.ENTER for h in history)


def test_entering_the_same_figure_again_changes_nothing(world):
    enter(world, "6.02")
    change = enter(world, "6.020")
    assert (change.changed, change.unchanged) == (0, 1)
    assert ReportedValue.objects.get().history.count() == 1


def test_it_rejects_values_outside_the_clerks_town(world):
    with pytest.raises(PermissionDenied):
        enter(world, "1", user=world.town_a_clerk, area=world.town_b)
    assert not ReportedValue.objects.exists()


def test_a_reviewer_does_not_enter_figures(world):
    with pytest.raises(PermissionDenied):
        enter(world, "1", user=world.town_a_reviewer)


def test_submit_then_approve_locks_the_period(world):
    enter(world, "6.02")
    assert services.submit_period(world.town_a_clerk, world.town_a, 2025, 6) == 1
    assert services.approve_period(world.town_a_reviewer, world.town_a, 2025, 6) == 1
    row = ReportedValue.objects.get()
    assert row.status == ValueStatus.APPROVED and row.locked and row.approved_by == world.town_a_reviewer
    with pytest.raises(services.LockedError, match="已审核锁定"):
        enter(world, "7")
    assert ReportedValue.objects.get().value == D("6.02")


def test_a_clerk_cannot_approve_and_nothing_is_approved_before_it_is_submitted(world):
    enter(world, "6.02")
    with pytest.raises(PermissionDenied):
        services.approve_period(world.town_a_clerk, world.town_a, 2025, 6)
    with pytest.raises(services.LedgerError, match="未上报"):
        services.approve_period(world.town_a_reviewer, world.town_a, 2025, 6)


def test_a_changed_figure_after_submission_goes_back_to_draft(world):
    enter(world, "6.02")
    services.submit_period(world.town_a_clerk, world.town_a, 2025, 6)
    enter(world, "6.10")
    assert ReportedValue.objects.get().status == ValueStatus.DRAFT


def test_only_an_admin_unlocks_and_must_give_a_reason(world):
    enter(world, "6.02")
    services.submit_period(world.town_a_clerk, world.town_a, 2025, 6)
    services.approve_period(world.town_a_reviewer, world.town_a, 2025, 6)
    for user in (world.town_a_clerk, world.town_a_reviewer):
        with pytest.raises(PermissionDenied):
            services.unlock_period(user, world.town_a, 2025, 6, "录入错误")
    with pytest.raises(services.LedgerError, match="原因"):
        services.unlock_period(world.county_admin, world.town_a, 2025, 6, "  ")
    assert services.unlock_period(world.county_admin, world.town_a, 2025, 6, "统计局反馈口径调整") == 1
    enter(world, "6.12")
    row = ReportedValue.objects.get()
    unlock = row.history.get(action=HistoryAction.UNLOCK)
    assert unlock.reason == "统计局反馈口径调整" and unlock.user == world.county_admin
    assert list(row.history.order_by("id").values_list("action", flat=True)) == [
        "enter",
        "submit",
        "approve",
        "unlock",
        "enter",
    ]


def test_a_period_is_written_whole_or_not_at_all(world):
    enter(world, "6.02", code="GYCZ")
    services.submit_period(world.town_a_clerk, world.town_a, 2025, 6)
    services.approve_period(world.town_a_reviewer, world.town_a, 2025, 6)
    with pytest.raises(services.LockedError):
        services.enter_values(
            world.town_a_clerk, world.town_a, 2025, 6, {f.indicator("GDTZ"): D(1), f.indicator("GYCZ"): D(2)}
        )
    assert not ReportedValue.objects.filter(indicator__code="GDTZ").exists()


def test_a_target_revision_is_a_new_version_with_its_reason(world):
    target = services.set_target(
        world.county_admin,
        f.indicator(),
        world.town_a,
        2025,
        D(12),
        department=world.department_a,
        person="陈明",
    )
    with pytest.raises(services.LedgerError, match="原因"):
        services.revise_target(world.county_admin, target, D(10), 7, "")
    services.revise_target(world.county_admin, target, D(10), 7, "重大项目延期，经县政府同意调减")
    assert list(
        TargetVersion.objects.filter(target=target).values_list("number", "value", "effective_month")
    ) == [
        (1, D(12), 1),
        (2, D(10), 7),
    ]
    with pytest.raises(PermissionDenied):
        services.revise_target(world.town_a_clerk, target, D(9), 8, "想改")


def test_a_target_cannot_name_another_towns_department(world):
    with pytest.raises(services.LedgerError, match="不属于"):
        services.set_target(
            world.county_admin, f.indicator(), world.town_a, 2025, D(12), department=world.department_b
        )


def test_decomposition_goes_to_the_towns_own_departments_and_villages(world):
    target = services.set_target(world.county_admin, f.indicator(), world.town_a, 2025, D(12))
    services.decompose_target(
        world.county_admin, target, village=world.village_a1, value=D(5), person="村书记"
    )
    with pytest.raises(services.LedgerError, match="下辖"):
        services.decompose_target(world.county_admin, target, village=world.village_b1, value=D(5))
    town_admin = make_user("qs_admin", world.town_a, Role.ADMIN)
    services.decompose_target(town_admin, target, department=world.department_a, value=D(6))
    from zhenwu.ledger.tables import target_table

    (row,) = target_table(world.town_a, 2025)
    assert row.warning == "分解合计 11，比目标 12 少 1"
