"""Recording reminders, 催报 by hand, the inbox, and the rules and channels an area sets."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area, Level, Membership, Role
from zhenwu.ledger import tables
from zhenwu.reminders import delivery
from zhenwu.reminders.models import Channel, ChannelKind, Kind, Reminder, ReminderRules


@dataclass(frozen=True)
class Planned:
    """A reminder worked out but not yet recorded: who, about which area, what and why."""

    area: Area
    user: object
    kind: str
    message: str
    key: str


def record(planned: list[Planned], now: datetime.datetime, sent_by=None) -> list[Reminder]:
    """Record each planned reminder once (a key already recorded for that person is skipped) with
    its deliveries; returns the ones newly recorded."""
    made = []
    for item in planned:
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    area=item.area,
                    recipient=item.user,
                    kind=item.kind,
                    message=item.message,
                    key=item.key[:120],
                    created_at=now,
                    sent_by=sent_by,
                )
                delivery.create_deliveries(reminder, now)
        except IntegrityError:
            continue  # already reminded of this (the schedule ran twice that day)
        made.append(reminder)
    return made


# --- who is reminded ----------------------------------------------------------------------------------


def members(area: Area, role: str) -> list:
    """The active accounts holding ``role`` at ``area`` itself."""
    return [
        membership.user
        for membership in Membership.objects.filter(area=area, role=role, user__is_active=True)
        .select_related("user")
        .order_by("user__username")
    ]


def responsible_clerks(area: Area) -> list:
    """The 填报员 who answer for ``area``: its own, else those of the town above it (a village's
    finding goes to its town's office), never the county's."""
    lineage = Area.objects.filter(path__in=area.lineage_paths).order_by("-depth")
    for place in lineage:
        if place.level not in (Level.VILLAGE, Level.TOWN):
            break
        clerks = members(place, Role.CLERK)
        if clerks:
            return clerks
    return []


# --- 催报 --------------------------------------------------------------------------------------------


def may_chase(user, area: Area) -> bool:
    """催报 is for the county office that reviews or runs the area, not for its clerks or leaders."""
    return can(user, area, Action.REVIEW) or can(user, area, Action.ADMINISTER)


def chase_message(state: tables.ChildState, table: tables.CountyTable, sender) -> str:
    sender_name = sender.get_full_name() or sender.username
    return (
        f"【催报】{table.area.name}催报：{state.area.name}{table.year}年{table.month}月指标台账尚未完成报送"
        f"（{state.state}，已填{state.entered}/{state.expected}项），截止日期{table.deadline.text}，"
        f"请尽快填报上报。——{sender_name}"
    )


def chase(sender, area: Area, year: int, month: int, town_code: str = "") -> list[Reminder]:
    """催报 by hand: one reminder to each 填报员 of one unfinished town (``town_code``) or of every
    late town of ``area`` for the month, in the inbox at once and through the area's channels."""
    now = timezone.now()
    table = tables.county_table(area, year, month, timezone.localdate())
    if town_code:
        states = [state for state in table.not_reported if state.area.code == town_code]
    else:
        states = [state for state in table.not_reported if state.late]
    stamp = now.strftime("%Y%m%d%H%M%S%f")
    planned = [
        Planned(
            state.area,
            clerk,
            Kind.CHASE,
            chase_message(state, table, sender),
            f"chase:{state.area.code}:{year}-{month:02d}:{stamp}",
        )
        for state in states
        for clerk in members(state.area, Role.CLERK)
    ]
    return record(planned, now, sent_by=sender)


# --- the inbox -------------------------------------------------------------------------------------


def inbox(user):
    return Reminder.objects.filter(recipient=user).select_related("area", "sent_by")


def unread_count(user) -> int:
    return Reminder.objects.filter(recipient=user).unread().count()


def mark_read(user, pk: int | None = None) -> int:
    """Mark one of the user's reminders (or all of them) read; another's is never touched."""
    unread = Reminder.objects.filter(recipient=user).unread()
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


# --- rules and channels ------------------------------------------------------------------------------


def rules_for(area: Area) -> ReminderRules | None:
    """The rules that apply to ``area``: the latest version set on it or on the nearest area above."""
    found = ReminderRules.objects.filter(area__path__in=area.lineage_paths).select_related("area")
    return found.order_by("-area__depth", "-changed_at", "-id").first()


def own_rules_history(area: Area):
    return ReminderRules.objects.filter(area=area).select_related("changed_by")


def save_rules(user, area: Area, rules: ReminderRules) -> ReminderRules:
    """A 管理员 sets new rules: a new version, so earlier ones stay in the history."""
    rules.pk = None
    rules.area = area
    rules.changed_by = user
    rules.changed_at = timezone.now()
    rules.save()
    return rules


def channels_of(area: Area) -> dict[str, Channel]:
    """The area's own channel settings by kind; kinds not set yet come as unsaved, switched-off rows."""
    saved = {channel.kind: channel for channel in Channel.objects.filter(area=area)}
    return {kind: saved.get(kind) or Channel(area=area, kind=kind) for kind in ChannelKind.values}


def save_channels(user, area: Area, changed: list[Channel]) -> None:
    with transaction.atomic():
        for channel in changed:
            channel.area = area
            channel.changed_by = user
            channel.changed_at = timezone.now()
            channel.save()


def reminders_of(user, area: Area):
    """Reminders about ``area`` and below that ``user`` may see, newest first, with their deliveries."""
    return (
        Reminder.objects.for_user(user)
        .in_subtree(area)
        .select_related("area", "recipient", "sent_by")
        .prefetch_related("deliveries")
    )
