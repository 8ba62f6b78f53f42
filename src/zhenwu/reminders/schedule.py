"""Which reminders fall due on a day, by each area's rules, from the apps' own status functions.

The deadline is ``ledger.tables.deadline``; whether a town has reported is ``ledger.tables.county_table``
(its 未填报/填报中/缺报 and late flag); overdue rectifications are ``inspections.rectification.days_overdue``;
a project's missing monthly update is ``projects.rates.needs_update``. Nothing here re-derives a rule.

The periodic work is two plain functions of ``now``, run by the worker's schedule, by cron or by
``zhenwu remind``: ``send_due_reminders(now)`` (once a day; running it again the same day adds
nothing) and ``delivery.deliver_pending(now)`` (every few minutes: sends and retries).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils import timezone

from zhenwu.accounts.contacts import mobiles_of
from zhenwu.areas.models import Area, Role
from zhenwu.inspections.models import Finding
from zhenwu.inspections.rectification import days_overdue
from zhenwu.ledger import tables
from zhenwu.ledger.progress import previous_period
from zhenwu.ledger.reporting import reporting_month
from zhenwu.projects.facts import load_facts
from zhenwu.projects.models import Project
from zhenwu.projects.rates import Month, needs_update
from zhenwu.reminders import delivery
from zhenwu.reminders.models import Kind, Reminder, ReminderRules
from zhenwu.reminders.services import Planned, members, record, responsible_clerks, rules_for

RECTIFICATION_LOOKAHEAD = 31  # days: the most a rule may ask to warn ahead


def send_due_reminders(now: datetime.datetime | None = None) -> int:
    """Record the day's reminders (each once) and send them; returns how many were recorded."""
    now = now or timezone.now()
    made = record(plan(timezone.localdate(now)), now)
    delivery.deliver_pending(now)
    return len(made)


def deliver_pending(now: datetime.datetime | None = None) -> int:
    """Send or retry every delivery due by ``now`` (see ``delivery.deliver_pending``)."""
    return delivery.deliver_pending(now or timezone.now())


def plan(today: datetime.date) -> list[Planned]:
    """Every reminder due on ``today`` by the rules in force, not yet recorded (``record`` skips repeats)."""
    planned: list[Planned] = []
    for rules in current_rules():
        planned += reporting_reminders(rules, today)
    planned += rectification_reminders(today)
    return planned


def current_rules() -> list[ReminderRules]:
    """The latest version of each area's rules, where reminders are switched on."""
    latest: dict[int, ReminderRules] = {}
    for rules in ReminderRules.objects.select_related("area").order_by("area_id", "-changed_at", "-id"):
        latest.setdefault(rules.area_id, rules)
    return [rules for rules in latest.values() if rules.enabled]


def repeats_today(days_late: int, every: int) -> bool:
    """The day after the deadline always; after that every ``every`` days (0: never again).

    >>> [repeats_today(n, 3) for n in range(0, 6)]
    [False, True, False, False, True, False]
    >>> repeats_today(2, 0), repeats_today(2, 1)
    (False, True)
    """
    if days_late < 1:
        return False
    return days_late == 1 or (every > 0 and (days_late - 1) % every == 0)


def _periods_near(today: datetime.date) -> list[tuple[int, int]]:
    """This month and last: the months whose deadline can be near ``today`` (a month's figures
    are due early in the next one, so a warning N days ahead may fall within the month itself)."""
    this = (today.year, today.month)
    return [this, previous_period(*this)]


def reporting_reminders(rules: ReminderRules, today: datetime.date) -> list[Planned]:
    """Before the deadline: to the clerks of towns not yet submitted. After it: to the late towns'
    clerks (and on the day after, to their leaders). With each, the projects without the month's update."""
    area = rules.area
    if not area.numchild:
        return []
    planned: list[Planned] = []
    dues = {period: tables.deadline(area, *period) for period in _periods_near(today)}
    for period, due in dues.items():
        if rules.days_before_deadline and (due.due - today).days == rules.days_before_deadline:
            table = tables.county_table(area, *period, today)
            planned += [item for state in table.not_reported for item in _due_soon(state, table, today)]
            if rules.remind_project_updates:
                planned += project_reminders(area, Month(*period), due, today)
    # Late means late for the month being reported, by the one reporting calendar.
    reporting = reporting_month(area, today)
    period = (reporting.current.year, reporting.current.month)
    if rules.remind_late and reporting.overdue:
        days_late = (today - reporting.due).days
        if repeats_today(days_late, rules.repeat_days):
            table = tables.county_table(area, *period, today)
            for state in (state for state in table.not_reported if state.late):
                planned += _late(state, table, today, tell_leaders=days_late == 1)
            if days_late == 1 and rules.remind_project_updates:
                planned += project_reminders(area, reporting.current, tables.deadline(area, *period), today)
    return planned


def _due_soon(state: tables.ChildState, table: tables.CountyTable, today: datetime.date) -> list[Planned]:
    message = (
        f"【报送提醒】{state.area.name}{table.year}年{table.month}月指标台账将于{table.deadline.text}截止报送，"
        f"目前{state.state}（已填{state.entered}/{state.expected}项），请按时填报上报。"
    )
    key = f"{Kind.DUE_SOON}:{state.area.code}:{table.year}-{table.month:02d}:{today}"
    return [
        Planned(state.area, clerk, Kind.DUE_SOON, message, key) for clerk in members(state.area, Role.CLERK)
    ]


def _late(
    state: tables.ChildState, table: tables.CountyTable, today: datetime.date, tell_leaders: bool
) -> list[Planned]:
    period = f"{table.year}年{table.month}月"
    clerks = members(state.area, Role.CLERK)
    to_clerks = (
        f"【逾期提醒】{state.area.name}{period}指标台账已于{table.deadline.text}截止，目前仍为{state.state}"
        f"（已填{state.entered}/{state.expected}项），请尽快填报上报。"
    )
    key = f"{table.year}-{table.month:02d}:{today}"
    planned = [
        Planned(state.area, clerk, Kind.LATE, to_clerks, f"{Kind.LATE}:{state.area.code}:{key}")
        for clerk in clerks
    ]
    if tell_leaders:
        names = "、".join(clerk.get_full_name() or clerk.username for clerk in clerks) or "未设填报员"
        to_leaders = (
            f"【逾期通报】{state.area.name}{period}指标台账逾期未报（{state.state}，"
            f"已填{state.entered}/{state.expected}项，截止{table.deadline.text}），填报员：{names}。"
        )
        planned += [
            Planned(
                state.area,
                leader,
                Kind.LATE_LEADER,
                to_leaders,
                f"{Kind.LATE_LEADER}:{state.area.code}:{key}",
            )
            for leader in members(state.area, Role.LEADER)
        ]
    return planned


def project_reminders(area: Area, month: Month, due: tables.Deadline, today: datetime.date) -> list[Planned]:
    """One reminder per town's clerk listing its projects that owe the month's update."""
    projects = Project.objects.in_subtree(area).select_related("area")
    places = dict(projects.values_list("pk", "area_id"))
    missing = [
        facts for facts in load_facts(projects, month) if needs_update(facts) and not facts.updated_this_month
    ]
    by_area: dict[int, list[str]] = defaultdict(list)
    for facts in missing:
        by_area[places[facts.pk]].append(facts.name)
    planned = []
    for owner in Area.objects.filter(pk__in=by_area):
        names = by_area[owner.pk]
        message = (
            f"【项目进展】{owner.name}有{len(names)}个重点项目尚未报送{month.year}年{month.month}月进展"
            f"（截止{due.text}）：{'、'.join(names)}。"
        )
        key = f"{Kind.PROJECT_UPDATE}:{owner.code}:{month.year}-{month.month:02d}:{today}"
        planned += [
            Planned(owner, clerk, Kind.PROJECT_UPDATE, message, key) for clerk in responsible_clerks(owner)
        ]
    return planned


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def rectification_reminders(today: datetime.date) -> list[Planned]:
    """Open findings due in the rules' N days, and overdue ones (the day after, then every few days)."""
    findings = (
        Finding.objects.open()
        .filter(
            deadline__isnull=False, deadline__lte=today + datetime.timedelta(days=RECTIFICATION_LOOKAHEAD)
        )
        .select_related("area", "category")
        .order_by("deadline", "id")
    )
    rules_cache: dict[int, ReminderRules | None] = {}
    planned = []
    for finding in findings:
        if finding.area_id not in rules_cache:
            rules_cache[finding.area_id] = rules_for(finding.area)
        rules = rules_cache[finding.area_id]
        if rules is None or not rules.enabled:
            continue
        late = days_overdue(finding.deadline, finding.status, today)
        what = f"{finding.area.name}“{finding.category.name}·{finding.location}”（#{finding.pk}）"
        if late and rules.remind_overdue_rectifications and repeats_today(late, rules.repeat_days):
            kind = Kind.RECTIFICATION_OVERDUE
            message = f"【整改逾期】{what}整改期限{_day(finding.deadline)}已过，逾期{late}天，请尽快整改并上传整改照片。"
        elif (
            not late
            and rules.rectification_days_before
            and (finding.deadline - today).days == rules.rectification_days_before
        ):
            kind = Kind.RECTIFICATION_DUE
            message = (
                f"【整改提醒】{what}整改期限为{_day(finding.deadline)}，还有{rules.rectification_days_before}天，"
                "请按期整改并上传整改照片。"
            )
        else:
            continue
        key = f"{kind}:{finding.pk}:{today}"
        planned += [
            Planned(finding.area, clerk, kind, message, key) for clerk in responsible_clerks(finding.area)
        ]
    return planned


def preview(today: datetime.date) -> list[dict]:
    """What ``send_due_reminders`` would record on ``today`` and where it would go, sending nothing:
    one item per person and channel, reminders already recorded left out."""
    planned = plan(today)
    recorded = set(
        Reminder.objects.filter(key__in=[item.key for item in planned]).values_list("recipient_id", "key")
    )
    planned = [item for item in planned if (item.user.pk, item.key) not in recorded]
    mobiles = mobiles_of([item.user for item in planned])
    items = []
    for item in planned:
        routes = [delivery.INBOX] + [channel.kind for channel in delivery.channels_for(item.area, item.user)]
        items += [
            {
                "area": item.area.name,
                "area_code": item.area.code,
                "user": item.user.username,
                "name": item.user.get_full_name() or item.user.username,
                "mobile": mobiles.get(item.user.pk, ""),
                "channel": route,
                "kind": item.kind,
                "message": item.message,
            }
            for route in routes
        ]
    return items
