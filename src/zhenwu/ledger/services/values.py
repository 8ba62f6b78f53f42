"""Reported figures: 填报, 上报, 审核 and 解锁, each writing its own history record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.models import (
    HistoryAction,
    Indicator,
    ReportedValue,
    ValueHistory,
    ValueStatus,
)


class LedgerError(Exception):
    """A change the ledger refuses, with a message for the user."""


class LockedError(LedgerError):
    """The period is approved and locked."""


def require(user, area: Area, action: str) -> None:
    """Refuse (403) unless one of the user's roles allows ``action`` on ``area``."""
    if not can(user, area, action):
        raise PermissionDenied(f"您在{area.name}没有{Action(action).label}权限")


@dataclass(frozen=True)
class Change:
    """What one call changed: how many figures were changed, cleared, and left as they were."""

    changed: int = 0
    unchanged: int = 0
    cleared: int = 0

    def __add__(self, other: Change) -> Change:
        return Change(
            self.changed + other.changed, self.unchanged + other.unchanged, self.cleared + other.cleared
        )


def _history(row: ReportedValue, **fields) -> ValueHistory:
    """A history record of ``row`` carrying its own copy of the figure's indicator, area and period."""
    return ValueHistory(
        reported=row,
        indicator_id=row.indicator_id,
        area_id=row.area_id,
        year=row.year,
        month=row.month,
        **fields,
    )


@transaction.atomic
def enter_values(
    user,
    area: Area,
    year: int,
    month: int,
    figures: Mapping[Indicator, Decimal | None],
    *,
    clear: Iterable[Indicator] = (),
    reason: str = "",
    action: str = HistoryAction.ENTER,
) -> Change:
    """Record the figures a 填报员 typed (or uploaded) for one area and month.

    A figure equal to the stored one is left alone; a changed figure goes back to 填报中 and
    must be submitted again. ``None`` means the cell was left empty and changes nothing.
    The figures of the indicators in ``clear`` are deleted (a cell that was emptied); their
    history stays, ending in a 清除 record. Nothing is written if any figure to change or
    clear is locked.
    """
    require(user, area, Action.ENTER)
    figures = {indicator: value for indicator, value in figures.items() if value is not None}
    clear = [indicator for indicator in clear if indicator not in figures]
    existing = {
        row.indicator_id: row
        for row in ReportedValue.objects.select_for_update().filter(
            area=area, year=year, month=month, indicator__in=[*figures, *clear]
        )
    }
    locked = [row.indicator.name for row in existing.values() if row.locked]
    if locked:
        raise LockedError(
            f"{year}年{month}月已审核锁定，不能修改：{'、'.join(locked)}。如需更正请联系管理员解锁。"
        )
    now = timezone.now()
    history, changed = [], 0
    for indicator, value in figures.items():
        row = existing.get(indicator.pk)
        if row is not None and row.value == value:
            continue
        old_value, old_status = (row.value, row.status) if row else (None, "")
        if row is None:
            row = ReportedValue(indicator=indicator, area=area, year=year, month=month)
        row.value, row.status, row.updated_by, row.updated_at = value, ValueStatus.DRAFT, user, now
        row.submitted_at = None
        row.save()
        changed += 1
        history.append(
            _history(
                row,
                action=action,
                old_value=old_value,
                new_value=value,
                old_status=old_status,
                new_status=ValueStatus.DRAFT,
                reason=reason,
                user=user,
                at=now,
            )
        )
    gone = [existing[indicator.pk] for indicator in clear if indicator.pk in existing]
    for row in gone:
        record = _history(
            row,
            action=HistoryAction.CLEAR,
            old_value=row.value,
            new_value=None,
            old_status=row.status,
            new_status="",
            reason=reason,
            user=user,
            at=now,
        )
        record.reported = None  # the figure goes; its records stay, found by area and period
        history.append(record)
    ReportedValue.objects.filter(pk__in=[row.pk for row in gone]).delete()
    ValueHistory.objects.bulk_create(history)
    return Change(changed, len(figures) + len(clear) - changed - len(gone), len(gone))


@dataclass(frozen=True)
class AreaFigures:
    """One area's figures of a month as read from a sheet: values to enter and figures to clear."""

    area: Area
    figures: Mapping[Indicator, Decimal | None]
    clear: tuple[Indicator, ...] = ()


@transaction.atomic
def enter_many(
    user,
    year: int,
    month: int,
    parts: Iterable[AreaFigures],
    *,
    reason: str = "",
    action: str = HistoryAction.IMPORT,
) -> Change:
    """Enter several areas' figures of one month (a county's sheet of towns): all of them or none.

    Each area goes through ``enter_values`` (its rights, lock and history); a refusal for one
    area is raised naming that area, and undoes what the others wrote.
    """
    total = Change()
    for part in parts:
        try:
            total += enter_values(
                user, part.area, year, month, part.figures, clear=part.clear, reason=reason, action=action
            )
        except LedgerError as error:
            raise type(error)(f"{part.area.name}：{error}") from error
    return total


def _move(
    user, area: Area, year: int, month: int, *, source: list[str], target: str, action: str, reason: str = ""
) -> int:
    """Move every figure of the period from one of ``source`` statuses to ``target``, with history."""
    now = timezone.now()
    rows = list(
        ReportedValue.objects.select_for_update().filter(area=area, year=year, month=month, status__in=source)
    )
    for row in rows:
        old_status = row.status
        row.status = target
        if target == ValueStatus.SUBMITTED:
            row.submitted_at = now
        elif target == ValueStatus.APPROVED:
            row.approved_by, row.approved_at = user, now
        else:
            row.submitted_at = row.approved_by = row.approved_at = None
        _history(
            row,
            action=action,
            old_value=row.value,
            new_value=row.value,
            old_status=old_status,
            new_status=target,
            reason=reason,
            user=user,
            at=now,
        ).save()
    ReportedValue.objects.bulk_update(rows, ["status", "submitted_at", "approved_by", "approved_at"])
    return len(rows)


@transaction.atomic
def submit_period(user, area: Area, year: int, month: int) -> int:
    """The 填报员 submits the month's figures (填报中 → 已上报) for the 审核员 to approve."""
    require(user, area, Action.ENTER)
    count = _move(
        user,
        area,
        year,
        month,
        source=[ValueStatus.DRAFT],
        target=ValueStatus.SUBMITTED,
        action=HistoryAction.SUBMIT,
    )
    if not count:
        raise LedgerError("本期没有待上报的数据")
    return count


@transaction.atomic
def approve_period(user, area: Area, year: int, month: int) -> int:
    """The 审核员 approves the submitted figures (已上报 → 已审核); they are locked from then on."""
    require(user, area, Action.REVIEW)
    if ReportedValue.objects.filter(area=area, year=year, month=month, status=ValueStatus.DRAFT).exists():
        raise LedgerError("本期还有未上报的数据，请填报员先上报")
    count = _move(
        user,
        area,
        year,
        month,
        source=[ValueStatus.SUBMITTED],
        target=ValueStatus.APPROVED,
        action=HistoryAction.APPROVE,
    )
    if not count:
        raise LedgerError("本期没有待审核的数据")
    return count


@transaction.atomic
def unlock_period(user, area: Area, year: int, month: int, reason: str) -> int:
    """Only a 管理员 reopens an approved period, and must say why; the figures go back to 填报中."""
    require(user, area, Action.ADMINISTER)
    reason = reason.strip()
    if not reason:
        raise LedgerError("解锁必须填写原因")
    count = _move(
        user,
        area,
        year,
        month,
        source=[ValueStatus.APPROVED],
        target=ValueStatus.DRAFT,
        action=HistoryAction.UNLOCK,
        reason=reason,
    )
    if not count:
        raise LedgerError("本期没有已审核锁定的数据")
    return count
