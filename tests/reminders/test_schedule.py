"""Which reminders fall due on which day: the schedule on fixed dates."""

from __future__ import annotations

import datetime

import time_machine

from tests.inspections.factories import make_finding
from tests.projects.factories import make_project
from zhenwu.inspections.models import Status
from zhenwu.reminders.models import Delivery, Kind, Reminder
from zhenwu.reminders.schedule import plan, send_due_reminders

JULY = datetime.date(2025, 7, 1)


def day(n: int) -> datetime.date:
    return JULY.replace(day=n)


def sent(planned):
    return sorted((item.user.username, item.kind) for item in planned)


def test_two_days_before_the_deadline_only_the_unsubmitted_towns_clerk_is_reminded(month, rules):
    planned = plan(day(3))
    assert sent(planned) == [("town_a_clerk", Kind.DUE_SOON)]
    assert "青山镇2025年6月指标台账将于2025年7月5日截止报送" in planned[0].message
    assert "未填报" in planned[0].message


def test_nothing_is_due_on_an_ordinary_day(month, rules, town_a_leader):
    assert plan(day(2)) == [] and plan(day(4)) == [] and plan(day(5)) == []


def test_the_day_after_the_deadline_the_late_towns_clerk_and_leader_are_told(month, rules, town_a_leader):
    planned = plan(day(6))
    assert sent(planned) == [("town_a_clerk", Kind.LATE), ("town_a_leader", Kind.LATE_LEADER)]
    leader = next(item for item in planned if item.kind == Kind.LATE_LEADER)
    assert "青山镇2025年6月指标台账逾期未报" in leader.message and "填报员：李娟" in leader.message


def test_later_days_remind_the_clerk_again_by_the_rules_interval(month, rules, town_a_leader):
    assert sent(plan(day(7))) == [("town_a_clerk", Kind.LATE)]
    rules.repeat_days = 3
    rules.save()
    assert plan(day(7)) == [] and sent(plan(day(9))) == [("town_a_clerk", Kind.LATE)]
    rules.repeat_days = 0
    rules.save()
    assert plan(day(9)) == []


def test_the_newest_version_of_the_rules_applies(month, rules, world):
    rules.pk = None
    rules.days_before_deadline = 4
    rules.save()  # a second version: 4 days ahead instead of 2
    assert plan(day(3)) == [] and sent(plan(day(1))) == [("town_a_clerk", Kind.DUE_SOON)]


def test_switched_off_or_without_rules_nobody_is_reminded(month, rules):
    rules.enabled = False
    rules.save()
    assert plan(day(6)) == []
    rules.delete()
    assert plan(day(6)) == []


def test_a_town_that_submitted_is_not_reminded(month, rules, world):
    from tests.ledger.factories import make_value
    from zhenwu.ledger.models import ValueStatus

    make_value(world, world.town_a, year=2025, month=6, status=ValueStatus.SUBMITTED)
    assert plan(day(3)) == [] and plan(day(6)) == []


def rectifications(planned):
    return [item for item in planned if item.kind in (Kind.RECTIFICATION_DUE, Kind.RECTIFICATION_OVERDUE)]


def test_a_rectification_is_reminded_n_days_before_and_then_when_overdue(world, rules):
    finding = make_finding(world, world.village_a1, deadline=day(10), location="东山村村口")
    assert rectifications(plan(day(6))) == []
    planned = rectifications(
        plan(day(7))
    )  # three days ahead: the village has no clerk, so its town's clerk hears
    assert sent(planned) == [("town_a_clerk", Kind.RECTIFICATION_DUE)]
    assert "东山村“违法建设·东山村村口”" in planned[0].message and "2025年7月10日" in planned[0].message
    assert rectifications(plan(day(10))) == []  # the deadline day itself is still on time
    overdue = rectifications(plan(day(11)))
    assert sent(overdue) == [("town_a_clerk", Kind.RECTIFICATION_OVERDUE)]
    assert "逾期1天" in overdue[0].message
    finding.status = Status.SUBMITTED  # 待验收: the town has done its part
    finding.save()
    assert rectifications(plan(day(12))) == []


def test_projects_without_the_months_update_are_listed_to_their_towns_clerk(month, rules, world):
    project = make_project(world, world.town_a)
    project.status = "building"
    project.save()
    planned = [item for item in plan(day(3)) if item.kind == Kind.PROJECT_UPDATE]
    assert sent(planned) == [("town_a_clerk", Kind.PROJECT_UPDATE)]
    assert project.name in planned[0].message and "2025年6月进展" in planned[0].message


def test_the_daily_run_records_and_delivers_once_however_often_it_runs(month, rules, town_a_leader):
    with time_machine.travel(datetime.datetime(2025, 7, 6, 8, 0, tzinfo=datetime.UTC), tick=False):
        assert send_due_reminders() == 2
        assert send_due_reminders() == 0
    reminders = Reminder.objects.order_by("recipient__username")
    assert [(r.recipient.username, r.kind) for r in reminders] == [
        ("town_a_clerk", Kind.LATE),
        ("town_a_leader", Kind.LATE_LEADER),
    ]
    assert set(Delivery.objects.values_list("channel", "status")) == {("inbox", "sent")}
