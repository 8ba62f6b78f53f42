"""Reported figures: 填报, 上报, 审核 and 解锁, each writing its own history record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.figures import format_number
from zhenwu.ledger.entry import doubts, impossible
from zhenwu.ledger.models import (
    HistoryAction,
    Indicator,
    Kind,
    ReportedValue,
    ValueHistory,
    ValueStatus,
)
from zhenwu.ledger.progress import previous_period
from zhenwu.ledger.validation import period_violations
from zhenwu.lib.periods import month_ended
from zhenwu.lib.stale import Stale, name_of


class LedgerError(Exception):
    """A change the ledger refuses, with a message for the user."""


class LockedError(LedgerError):
    """The period is approved and locked."""


def require(user, area: Area, action: str) -> None:
    """Refuse (403) unless one of the user's roles allows ``action`` on ``area``."""
    if not can(user, area, action):
        raise PermissionDenied(f"您在{area.name}没有{Action(action).label}权限")


@dataclass(frozen=True)
class StaleFigure:
    """A figure somebody else changed after the form was loaded: what it is now, by whom, when.

    ``submitted`` is what the form sent (``None``: it emptied the cell), ``current`` what is
    stored now (``None``: no figure), ``version`` the figure's version now (0 without one).
    """

    area: Area
    indicator: Indicator
    submitted: Decimal | None
    current: Decimal | None
    version: int
    by: str = ""
    at: datetime | None = None

    @property
    def stale(self) -> Stale:
        did = "清除" if self.current is None else f"改为 {format_number(self.current)}"
        kept = (
            "您提交的清除未执行"
            if self.submitted is None
            else f"您提交的 {format_number(self.submitted)} 未保存"
        )
        at = timezone.localtime(self.at) if self.at else None
        return Stale(self.indicator.name, did, kept, self.by, at, self.version)

    @property
    def message(self) -> str:
        """ "固定资产投资已被 李娟 于 12月7日 10:32 改为 111（您提交的 222 未保存）"."""
        return self.stale.message


@dataclass(frozen=True)
class FigureCheck:
    """A figure held back: impossible (``refused``, never saved) or doubtful until confirmed with a reason.

    ``code`` names the check for the API: ``negative``/``fraction``/``over_maximum`` (refused;
    all as ``impossible``), ``vs_last_year``, ``vs_previous``, ``cumulative_falls``.
    """

    area: Area
    indicator: Indicator
    code: str
    message: str
    refused: bool = False

    @property
    def text(self) -> str:
        """ "社会消费品零售总额 1583：是上年同期（13.72）的 115.4 倍"."""
        return f"{self.indicator.name}：{self.message}"

    def as_dict(self) -> dict:
        return {"indicator": self.indicator.code, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class SaveResult:
    """What one save did: figures changed, cleared and left as they were — or nothing, and why.

    When any figure the save would change was changed by somebody else after the form was
    loaded, nothing is written (not even the figures that were not stale: a grid is saved whole
    or not at all) and ``stale`` lists them. ``versions`` maps (area pk, indicator pk) of every
    figure the save was given to its version afterwards (0: no figure), for the next save.
    """

    changed: int = 0
    unchanged: int = 0
    cleared: int = 0
    stale: tuple[StaleFigure, ...] = ()
    versions: Mapping[tuple[int, int], int] = field(default_factory=dict)
    checks: tuple[FigureCheck, ...] = ()  # what held the save back (nothing written)

    @property
    def saved(self) -> bool:
        return not self.stale and not self.checks

    @property
    def refused(self) -> tuple[FigureCheck, ...]:
        """The impossible figures: a confirmation does not save them."""
        return tuple(check for check in self.checks if check.refused)

    def __add__(self, other: SaveResult) -> SaveResult:
        return SaveResult(
            self.changed + other.changed,
            self.unchanged + other.unchanged,
            self.cleared + other.cleared,
            self.stale + other.stale,
            {**self.versions, **other.versions},
            self.checks + other.checks,
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


def _stale_figures(
    area: Area,
    year: int,
    month: int,
    wanted: Mapping[Indicator, Decimal | None],
    versions: Mapping[Indicator, int],
    existing: Mapping[int, ReportedValue],
) -> list[StaleFigure]:
    """The figures in ``wanted`` whose version is no longer the one the form was shown.

    A figure already equal to what is wanted is not stale (nothing would be lost), nor is an
    empty cell that is to stay empty.
    """
    stale = []
    for indicator, value in wanted.items():
        row = existing.get(indicator.pk)
        if indicator not in versions or versions[indicator] == (row.version if row else 0):
            continue
        if (row.value if row else None) == value:
            continue
        stale.append(StaleFigure(area, indicator, value, row and row.value, row.version if row else 0))
    gone = [item for item in stale if item.current is None]
    if not gone:
        return [_with_author(item, existing[item.indicator.pk]) for item in stale]
    clearings = {
        record.indicator_id: record
        for record in ValueHistory.objects.filter(
            area=area,
            year=year,
            month=month,
            action=HistoryAction.CLEAR,
            indicator__in=[i.indicator for i in gone],
        ).select_related("user")
    }  # ordered by time: the last clearing of each figure wins
    return [
        _with_author(item, existing.get(item.indicator.pk) or clearings.get(item.indicator.pk))
        for item in stale
    ]


def _with_author(item: StaleFigure, source) -> StaleFigure:
    """``item`` naming who made the last change and when: from the stored figure or its clearing record."""
    if source is None:
        return item
    if isinstance(source, ReportedValue):
        user, at = source.updated_by, source.updated_at
    else:
        user, at = source.user, source.at
    return replace(item, by=name_of(user) or "系统", at=at)


def _next_versions(area: Area, year: int, month: int, indicators: list[Indicator]) -> dict[int, int]:
    """The version a new figure starts at: past every version the figure had before it was cleared.

    A figure cleared and entered again is not the figure a form showed before the clearing, so its
    version never starts over.
    """
    if not indicators:
        return {}
    last = dict(
        ValueHistory.objects.filter(area=area, year=year, month=month, indicator__in=indicators)
        .values("indicator")
        .annotate(last=Max("version"))
        .values_list("indicator", "last")
    )
    return {indicator.pk: (last.get(indicator.pk) or 0) + 1 for indicator in indicators}


def figure_checks(
    area: Area, year: int, month: int, figures: Mapping[Indicator, Decimal]
) -> list[FigureCheck]:
    """The impossible and doubtful figures among ``figures`` (see ``entry.impossible`` and ``entry.doubts``),
    each judged against the area's same month last year and its figure of last month."""
    before_year, before_month = previous_period(year, month)
    last_year, previous = {}, {}
    for row in ReportedValue.objects.filter(area=area, indicator__in=list(figures)).filter(
        year=year - 1, month=month
    ) | ReportedValue.objects.filter(
        area=area, indicator__in=list(figures), year=before_year, month=before_month
    ):
        (last_year if row.year == year - 1 and row.month == month else previous)[row.indicator_id] = row.value
    checks = []
    for indicator, value in figures.items():
        refusal = impossible(indicator, value)
        if refusal:
            checks.append(
                FigureCheck(
                    area, indicator, "impossible", f"{format_number(value)}{indicator.unit}{refusal}", True
                )
            )
            continue
        before = None if month == 1 and indicator.kind == Kind.CUMULATIVE else previous.get(indicator.pk)
        for code, message in doubts(indicator, value, previous=before, last_year=last_year.get(indicator.pk)):
            checks.append(
                FigureCheck(area, indicator, code, f"{format_number(value)}{indicator.unit}{message}")
            )
    return checks


def _lock_areas(areas: Iterable[Area]) -> None:
    """Save one area's figures at a time, so two saves of a figure not yet stored cannot both find it
    missing (PostgreSQL; SQLite takes the whole database when the transaction starts). The areas are
    taken in one order, so two sheets naming the same towns cannot deadlock."""
    pks = sorted({area.pk for area in areas})
    list(Area.objects.select_for_update().filter(pk__in=pks).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def enter_values(
    user,
    area: Area,
    year: int,
    month: int,
    figures: Mapping[Indicator, Decimal | None],
    *,
    clear: Iterable[Indicator] = (),
    versions: Mapping[Indicator, int] | None = None,
    confirm: bool = False,
    reason: str = "",
    action: str = HistoryAction.ENTER,
) -> SaveResult:
    """Record the figures a 填报员 typed (or uploaded) for one area and month.

    Only months that have ended take figures. A figure to change that is impossible (negative,
    a fraction of 家, over its 上限) or doubtful (5× or a fifth of last year's or last month's,
    a cumulative below last month's) holds the whole save back: nothing is written and the
    result's ``checks`` say why. Doubtful figures are saved with ``confirm`` and a ``reason``,
    which their history keeps; impossible ones never are.

    A figure equal to the stored one is left alone; a changed figure goes back to 填报中 and
    must be submitted again. ``None`` means the cell was left empty and changes nothing.
    The figures of the indicators in ``clear`` are deleted (a cell that was emptied); their
    history stays, ending in a 清除 record. Nothing is written if any figure to change or
    clear is locked (``LockedError``).

    ``versions`` gives, per indicator, the version the form was shown (0: no figure). If any
    figure to change or clear has moved on since, nothing is written and the result lists the
    stale figures. An indicator missing from ``versions`` is saved whatever its version.
    """
    require(user, area, Action.ENTER)
    if not month_ended(year, month, timezone.localdate()):
        raise LedgerError(f"{year}年{month}月尚未结束，不能填报；月末之后再填报本月数据")
    versions = versions or {}
    figures = {indicator: value for indicator, value in figures.items() if value is not None}
    clear = [indicator for indicator in clear if indicator not in figures]
    _lock_areas([area])
    existing = {
        row.indicator_id: row
        for row in ReportedValue.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(area=area, year=year, month=month, indicator__in=[*figures, *clear])
    }
    locked = [row.indicator.name for row in existing.values() if row.locked]
    if locked:
        raise LockedError(
            f"{year}年{month}月已审核锁定，不能修改：{'、'.join(locked)}。如需更正请联系管理员解锁。"
        )
    wanted = {**figures, **dict.fromkeys(clear)}
    stale = _stale_figures(area, year, month, wanted, versions, existing)
    if stale:
        current = {(area.pk, i.pk): existing[i.pk].version if i.pk in existing else 0 for i in wanted}
        return SaveResult(stale=tuple(stale), versions=current)
    changing = {i: v for i, v in figures.items() if i.pk not in existing or existing[i.pk].value != v}
    checks = figure_checks(area, year, month, changing)
    if checks and confirm and not reason.strip():
        raise LedgerError("确认存疑数值须填写原因")
    if any(check.refused for check in checks) or (checks and not confirm):
        current = {(area.pk, i.pk): existing[i.pk].version if i.pk in existing else 0 for i in wanted}
        return SaveResult(versions=current, checks=tuple(checks))
    confirmed = {}
    for check in checks:
        confirmed.setdefault(check.indicator.pk, []).append(check.message)
    now = timezone.now()
    starts = _next_versions(area, year, month, [i for i in figures if i.pk not in existing])
    history, changed = [], 0
    for indicator, value in figures.items():
        row = existing.get(indicator.pk)
        if row is not None and row.value == value:
            continue
        old_value, old_status = (row.value, row.status) if row else (None, "")
        if row is None:
            row = ReportedValue(
                indicator=indicator, area=area, year=year, month=month, version=starts[indicator.pk]
            )
        else:
            row.version += 1
        row.value, row.status, row.updated_by, row.updated_at = value, ValueStatus.DRAFT, user, now
        row.submitted_at = None
        row.save()
        existing[indicator.pk] = row
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
                confirmed="；".join(confirmed.get(indicator.pk, ()))[:300],
                user=user,
                at=now,
                version=row.version,
            )
        )
    gone = [existing.pop(indicator.pk) for indicator in clear if indicator.pk in existing]
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
            version=row.version + 1,  # the figure's count of changes goes on, though the cell is empty
        )
        record.reported = None  # the figure goes; its records stay, found by area and period
        history.append(record)
    ReportedValue.objects.filter(pk__in=[row.pk for row in gone]).delete()
    ValueHistory.objects.bulk_create(history)
    return SaveResult(
        changed,
        len(figures) + len(clear) - changed - len(gone),
        len(gone),
        versions={(area.pk, i.pk): existing[i.pk].version if i.pk in existing else 0 for i in wanted},
    )


@dataclass(frozen=True)
class AreaFigures:
    """One area's figures of a month as read from a sheet: values to enter, figures to clear, and
    the version of each as the sheet knew it (see ``enter_values``)."""

    area: Area
    figures: Mapping[Indicator, Decimal | None]
    clear: tuple[Indicator, ...] = ()
    versions: Mapping[Indicator, int] | None = None


@transaction.atomic
def enter_many(
    user,
    year: int,
    month: int,
    parts: Iterable[AreaFigures],
    *,
    confirm: bool = False,
    reason: str = "",
    action: str = HistoryAction.IMPORT,
) -> SaveResult:
    """Enter several areas' figures of one month (a county's sheet of towns): all of them or none.

    Each area goes through ``enter_values`` (its rights, lock, versions and history); a refusal
    for one area is raised naming that area, and undoes what the others wrote. When any area
    has stale figures, or figures held back by their checks (see ``enter_values``), nothing is
    written and the result lists them for every area.
    """
    parts = list(parts)
    _lock_areas([part.area for part in parts])
    total = SaveResult()
    for part in parts:
        try:
            total += enter_values(
                user,
                part.area,
                year,
                month,
                part.figures,
                clear=part.clear,
                versions=part.versions,
                confirm=confirm,
                reason=reason,
                action=action,
            )
        except LedgerError as error:
            raise type(error)(f"{part.area.name}：{error}") from error
    if not total.saved:
        transaction.set_rollback(True)
        return SaveResult(stale=total.stale, versions=total.versions, checks=total.checks)
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
            version=row.version,
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
    blocking = [violation for violation in period_violations(area, year, month) if violation.blocking]
    if blocking:
        raise LedgerError(
            f"本期 {len(blocking)} 条校验未通过，改正后才能审核通过："
            + "；".join(violation.text for violation in blocking)
        )
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
