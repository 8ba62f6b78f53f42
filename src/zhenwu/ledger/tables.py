"""The tables the ledger pages show, read in a few queries and computed with ``progress``.

Views call one function here and render what it returns; no rule lives in a template.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.utils import timezone

from zhenwu.areas.models import Area, Level, Membership, Role
from zhenwu.ledger import checklists, loading, progress
from zhenwu.ledger.charts import Sparkline, sparkline
from zhenwu.ledger.entry import CellCheck
from zhenwu.ledger.models import (
    VALUE_ACTIONS,
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    ChecklistItem,
    Indicator,
    Kind,
    ReportedValue,
    ReportingDeadline,
    ReportingRules,
    Target,
    TargetPart,
    TargetVersion,
    ValueHistory,
    ValueStatus,
)
from zhenwu.ledger.validation import Violation, period_violations


def active_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True))


def assess_figure(
    indicator: Indicator,
    rules: progress.Rules,
    year: int,
    month: int,
    *,
    value: Decimal | None,
    target: Decimal | None,
    last_year: Decimal | None,
) -> progress.Progress:
    """``progress.assess`` of one indicator's 1-N月 figure, judged by an area's 台账规则."""
    return progress.assess(
        value=value,
        target=target,
        last_year=last_year,
        month=month,
        direction=indicator.direction,
        kind=indicator.kind,
        thresholds=rules.thresholds,
        schedule=rules.schedule(year, month),
    )


def due_date(year: int, month: int, day: int = progress.DUE_DAY) -> date:
    """The day a month's figures are due: the ``day``-th of the following month.

    >>> due_date(2025, 12)
    datetime.date(2026, 1, 5)
    """
    following = date(year, month, 28) + timedelta(days=4)
    return following.replace(day=day)


@dataclass(frozen=True)
class Deadline:
    """When a month's figures are due, and why if not on the usual day."""

    due: date
    reason: str = ""  # “春节顺延” when the period has a deadline of its own

    @property
    def day(self) -> str:
        return f"{self.due.year}年{self.due.month}月{self.due.day}日"

    @property
    def text(self) -> str:
        return self.day + (f"（{self.reason}）" if self.reason else "")


def deadline(area: Area, year: int, month: int, rules: progress.Rules | None = None) -> Deadline:
    """The day ``area``'s figures for the month are due: a deadline set for that very period (by the
    area or one above it), else the usual day of the 台账规则."""
    special = ReportingDeadline.objects.for_period(area, year, month)
    if special is not None:
        return Deadline(special.due, special.reason)
    rules = rules or ReportingRules.objects.for_area(area)
    return Deadline(due_date(year, month, rules.due_day))


def _aggregate(indicator: Indicator, children: list[int], values: dict) -> progress.Aggregate:
    if indicator.aggregation == Aggregation.SUM:
        return progress.aggregate_sum(values.get((child, indicator.pk)) for child in children)
    if indicator.aggregation == Aggregation.RATIO and indicator.numerator_id and indicator.denominator_id:
        return progress.aggregate_ratio(
            [values.get((child, indicator.numerator_id)) for child in children],
            [values.get((child, indicator.denominator_id)) for child in children],
            indicator.ratio_scale,
        )
    return progress.Aggregate(None, 0, len(children))


CHILDREN_WORDS = {Level.TOWN: "个乡镇", Level.VILLAGE: "个村（社区）"}


@dataclass(frozen=True)
class ChildrenTotal:
    """A parent's figure added up from its children, and the target it is judged against."""

    aggregate: progress.Aggregate
    target: Decimal | None
    note: str = ""  # “9/12 个乡镇已报，合计仅含已报单位”, and why it is not judged when it is not


def children_total(
    indicator: Indicator,
    children: list[Area],
    values: dict,
    targets: dict,
    own_target: Decimal | None,
) -> ChildrenTotal:
    """The children's total of ``indicator`` and its target: the whole while all have reported,
    else only the reporting children's targets (``progress.target_for_total``), labelled partial.

    ``values`` and ``targets`` are keyed by (area id, indicator id); ``own_target`` is the parent's.
    """
    ids = [child.pk for child in children]
    aggregate = _aggregate(indicator, ids, values)
    target, reason = own_target, ""
    if indicator.aggregation == Aggregation.SUM:
        whole = own_target
        if whole is None:
            whole = progress.aggregate_sum(targets.get((pk, indicator.pk)) for pk in ids).value
        reporting = {
            child.name: targets.get((child.pk, indicator.pk))
            for child in children
            if _aggregate(indicator, [child.pk], values).reported
        }
        target, reason = progress.target_for_total(aggregate, whole, reporting)
    word = CHILDREN_WORDS.get(children[0].level, "个下辖单位") if children else ""
    note = "；".join(text for text in (progress.partial_label(aggregate, word), reason) if text)
    return ChildrenTotal(aggregate, target, note)


# --- the area's indicator table -------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    progress: progress.Progress
    aggregate: progress.Aggregate | None  # set when the figure is summed up from the children
    department: str = ""
    person: str = ""
    trend: Sparkline | None = None
    share: Decimal | None = None  # 占比 of the parent's total, per cent
    as_of: str = ""  # “1-9月（季报）” when a quarterly figure stands for a later month
    note: str = ""  # “9/12 个乡镇已报，合计仅含已报单位” when the total is partial
    last_year: Decimal | None = None  # 上年同期, last year's 1-N月 (of the same children for a total)
    basis: str = ""  # what the towns type for the month (progress.entry_basis)

    @property
    def partial(self) -> bool:
        """Added up from children of whom some have not reported."""
        return bool(self.aggregate and self.aggregate.reported and not self.aggregate.complete)

    @property
    def standing_class(self) -> str:
        return STANDING_CLASSES[self.progress.standing]

    @property
    def bar_width(self) -> Decimal:
        rate = self.progress.rate or Decimal(0)
        return min(max(rate, Decimal(0)), Decimal(100))


STANDING_CLASSES = {
    progress.Standing.AHEAD: "ahead",
    progress.Standing.ON_TRACK: "on-track",
    progress.Standing.LAGGING: "lagging",
    progress.Standing.SEVERE: "severe",
    progress.Standing.UNKNOWN: "unknown",
}


@dataclass
class AreaTable:
    area: Area
    year: int
    month: int
    schedule: Decimal
    rows: list[IndicatorRow]
    counts: dict[str, int]
    rules: progress.Rules = progress.DEFAULT_RULES
    parent: Area | None = None  # the area whose total the 占比 column divides by

    @property
    def partial_count(self) -> int:
        """How many totals rest on only some of the children (towns still to report)."""
        return sum(1 for row in self.rows if row.partial)

    @property
    def schedule_basis(self) -> str:
        """How 时序进度 is counted here, as the page explains it."""
        if self.rules.by_days:
            return f"按天：截至{self.month}月末已过天数 ÷ 全年天数"
        return f"按月：{self.month} ÷ 12"


def children_of(area: Area) -> list[Area]:
    return list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))


def area_table(area: Area, year: int, month: int) -> AreaTable:
    """The indicator table of one area: 完成率 against 时序进度, status and 同比 for each indicator.

    Where the area has no figure of its own, it is added up from its direct children (towns
    for a county), and the table says how many of them reported.
    """
    indicators = active_indicators()
    rules = ReportingRules.objects.for_area(area)
    schedule = rules.schedule(year, month)
    below = children_of(area)
    children = [child.pk for child in below]
    shown = {indicator.pk: indicator.latest_reported(month) for indicator in indicators}
    at_month = {
        m: _with_parts(indicators, {i for i, at in shown.items() if at == m}) for m in set(shown.values())
    }
    figures_at = {
        m: loading.load_figures([area.pk, *children], group, year, m) for m, group in at_month.items()
    }
    totals_at = {m: parent_totals(area, at_month.get(m, []), year, m) for m in {month, *at_month}}
    owners = {
        target.indicator_id: target
        for target in Target.objects.filter(area=area, year=year).select_related("department")
    }
    rows = []
    for indicator in indicators:
        key, at = (area.pk, indicator.pk), shown[indicator.pk]
        figures = figures_at[at]
        value, last, target, aggregate, note = (
            figures.current.get(key),
            figures.last_year.get(key),
            figures.targets.get(key),
            None,
            "",
        )
        if value is None and children:
            total = children_total(indicator, below, figures.current, figures.targets, target)
            aggregate, value, target, note = total.aggregate, total.aggregate.value, total.target, total.note
            # 同比 compares like with like: last year's total of the same children that reported now
            reporting = [
                child for child in children if _aggregate(indicator, [child], figures.current).reported
            ]
            if reporting:
                last = _aggregate(indicator, reporting, figures.last_year).value
        elif target is None and children and indicator.aggregation == Aggregation.SUM:
            target = progress.aggregate_sum(
                figures.targets.get((child, indicator.pk)) for child in children
            ).value
        owner = owners.get(indicator.pk)
        rows.append(
            IndicatorRow(
                indicator,
                assess_figure(indicator, rules, year, at, value=value, target=target, last_year=last),
                aggregate,
                department=owner.department.name if owner and owner.department else "",
                person=owner.responsible_person if owner else "",
                as_of=f"1-{at}月（季报）" if at != month else "",
                note=note,
                last_year=last,
                basis=progress.entry_basis(indicator.kind, at),
            )
        )
    counts = defaultdict(int)
    lines = trends(area, below, indicators, year, month)
    parent, totals = totals_at[month]
    for row in rows:
        counts[row.progress.standing] += 1
        row.trend = lines.get(row.indicator.pk)
        row.share = progress.share(
            row.progress.value, totals_at[shown[row.indicator.pk]][1].get(row.indicator.pk)
        )
    return AreaTable(area, year, month, schedule, rows, dict(counts), rules, parent if totals else None)


def value_records(area: Area, year: int, month: int) -> dict[int, tuple[int, str]]:
    """indicator id → (record id, status) of the figures ``area`` itself reported for the month:
    where a figure in a report comes from, and whether it was approved."""
    return {
        indicator_id: (pk, status)
        for indicator_id, pk, status in ReportedValue.objects.filter(
            area=area, year=year, month=month
        ).values_list("indicator_id", "pk", "status")
    }


def _with_parts(indicators: list[Indicator], wanted: set[int]) -> list[Indicator]:
    """The indicators in ``wanted`` and the numerators and denominators their ratios are worked from."""
    parts = {
        code for i in indicators if i.pk in wanted for code in (i.numerator_id, i.denominator_id) if code
    }
    return [indicator for indicator in indicators if indicator.pk in wanted | parts]


def parent_totals(
    area: Area, indicators: list[Indicator], year: int, month: int
) -> tuple[Area | None, dict[int, Decimal]]:
    """The parent's 1-N月 total of each summed indicator, for the area's 占比 (a town's share of the county).

    The parent's own figure where it reported one, else the sum of its children (the area and its
    siblings). Levels and ratios have no share.
    """
    parent = Area.objects.filter(path=area.path[: -Area.steplen]).first() if area.depth > 1 else None
    summed = [i for i in indicators if i.aggregation == Aggregation.SUM and i.kind != Kind.LEVEL]
    if parent is None or not summed:
        return None, {}
    siblings = [sibling.pk for sibling in children_of(parent)]
    figures = loading.load_figures([parent.pk, *siblings], summed, year, month)
    totals = {}
    for indicator in summed:
        total = figures.current.get((parent.pk, indicator.pk))
        if total is None:
            total = progress.aggregate_sum(figures.current.get((s, indicator.pk)) for s in siblings).value
        if total is not None:
            totals[indicator.pk] = total
    return parent, totals


def trends(
    area: Area, children: list[Area], indicators: list[Indicator], year: int, month: int
) -> dict[int, Sparkline]:
    """Each indicator's 1-N月 完成率 month by month up to ``month``, against the target then in force."""
    lines = {}
    series = monthly_series(area, children, indicators, year, month)
    for indicator in indicators:
        rates = {
            m: progress.completion(figure.value, figure.target, indicator.direction, indicator.kind)
            for m, figure in series[indicator.pk].items()
        }
        line = sparkline(rates, level=indicator.kind == Kind.LEVEL)
        if line is not None:
            lines[indicator.pk] = line
    return lines


class MonthFigure(NamedTuple):
    """An area's 1-N月 figure at the end of a month and the target it is judged against then."""

    value: Decimal | None
    target: Decimal | None
    note: str = ""  # “9/12 个乡镇已报，合计仅含已报单位” when added up from some of the children


def monthly_series(
    area: Area, children: list[Area], indicators: list[Indicator], year: int, month: int
) -> dict[int, dict[int, MonthFigure]]:
    """indicator → month → the 1-N月 figure and the target in force then, for months 1 to ``month``.

    Like the indicator table, an area without its own figure is added up from its children (and
    judged as ``children_total`` says), and a summed indicator without its own target takes the
    children's targets added up.
    """
    ids = [child.pk for child in children]
    area_ids = [area.pk, *ids]
    codes = {code for i in indicators for code in (i.pk, i.numerator_id, i.denominator_id) if code}
    monthly: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    rows = (
        ReportedValue.objects.filter(
            area_id__in=area_ids, year=year, month__lte=month, indicator_id__in=codes
        )
        .order_by()
        .values_list("area_id", "indicator_id", "month", "value")
    )
    for area_id, indicator_id, m, value in rows:
        monthly[area_id, indicator_id][m] = value
    versions = loading.target_versions(area_ids, year)
    series = {}
    for indicator in indicators:
        series[indicator.pk] = line = {}
        for m in range(1, month + 1):
            value = progress.to_date(indicator.kind, monthly.get((area.pk, indicator.pk), {}), m)
            target = progress.target_in_force(versions.get((area.pk, indicator.pk), []), m)
            note = ""
            if value is None and children:
                at_month = {
                    (child, code): figure
                    for child in ids
                    for code in {indicator.pk, indicator.numerator_id, indicator.denominator_id} - {None}
                    if (figure := progress.to_date(indicator.kind, monthly.get((child, code), {}), m))
                    is not None
                }
                targets = {
                    (child, indicator.pk): progress.target_in_force(
                        versions.get((child, indicator.pk), []), m
                    )
                    for child in ids
                }
                total = children_total(indicator, children, at_month, targets, target)
                value, target, note = total.aggregate.value, total.target, total.note
            elif target is None and children and indicator.aggregation == Aggregation.SUM:
                target = progress.aggregate_sum(
                    progress.target_in_force(versions.get((child, indicator.pk), []), m) for child in ids
                ).value
            line[m] = MonthFigure(value, target, note)
    return series


# --- the county's towns × indicators ------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One coloured cell of the towns × indicators table, ready to print."""

    text: str
    css: str
    standing: str
    rate: Decimal | None = None


def percent_text(value: Decimal | None) -> str:
    """ "52.3%" the way reports round (half up), or "—" when there is nothing to show.

    >>> percent_text(Decimal("52.25")), percent_text(None)
    ('52.3%', '—')
    """
    if value is None:
        return "—"
    return f"{value.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


@dataclass
class ChildState:
    """Whether a town has reported the month: 未填报 / 填报中 / 已上报 / 已审核, and whether it is late."""

    area: Area
    entered: int
    expected: int
    state: str
    late: bool
    cells: list[Cell]
    ranking_gap: Decimal | None = None  # see ranking_gap
    rank: int | None = None
    unreported: int = 0  # indicators with a target not reported: in the ranking as nothing done
    clerks: str = ""  # the town's 填报员, whom the county calls when the month is late
    contacts: str = ""  # the same with their mobile numbers, filled in for viewers who may see them

    @property
    def unfinished(self) -> bool:
        """Not yet all submitted: a town the county may chase (催报)."""
        return self.state in UNFINISHED


@dataclass
class CountyTable:
    area: Area
    year: int
    month: int
    deadline: Deadline
    indicators: list[Indicator]
    children: list[ChildState]
    not_reported: list[ChildState]

    @property
    def due(self) -> date:
        return self.deadline.due


UNFINISHED = ("未填报", "填报中", "缺报")


def reporting_state(statuses: list[str], expected: int) -> str:
    """One word for a town's month: 未填报, 填报中, 缺报 (rows missing), 已上报 (all submitted) or 已审核.

    >>> reporting_state(["approved", "approved"], 3), reporting_state(["approved", "draft"], 2)
    ('缺报', '填报中')
    """
    if not statuses:
        return "未填报"
    if ValueStatus.DRAFT not in statuses and len(statuses) < expected:
        return "缺报"
    if len(statuses) >= expected and all(status == ValueStatus.APPROVED for status in statuses):
        return "已审核"
    if len(statuses) >= expected and all(status != ValueStatus.DRAFT for status in statuses):
        return "已上报"
    return "填报中"


def ranking_gap(gaps: list[Decimal | None]) -> Decimal | None:
    """A town's score for the county's ranking: the average of its 差距 (百分点 against 时序进度).

    Averaged over the indicators it has a target for. A gap already reads the right way for
    lower-is-better indicators (fewer accidents than the cap allows by now is ahead), so no town
    climbs with more accidents; an indicator the town has not reported counts as nothing done (a
    gap of minus the 时序进度), so no town climbs by leaving figures out; a gap that cannot be
    worked out (a target of 0) is left out.

    >>> ranking_gap([Decimal(5), Decimal(-50), None])
    Decimal('-22.5')
    """
    known = [gap for gap in gaps if gap is not None]
    return sum(known, Decimal(0)) / len(known) if known else None


def places(scores: list[Decimal | None]) -> list[int | None]:
    """名次 by score, highest first; equal scores share a place (1, 2, 2, 4); no score, no place.

    >>> places([Decimal(80), None, Decimal(95), Decimal(80)])
    [2, None, 1, 2]
    """
    known = sorted((score for score in scores if score is not None), reverse=True)
    first = {}
    for position, score in enumerate(known, start=1):
        first.setdefault(score, position)
    return [first.get(score) if score is not None else None for score in scores]


def clerks_of(areas: list[Area]) -> dict[int, str]:
    """area id → the names of its 填报员 (“张伟、李娜”): who to call about a late month."""
    names = defaultdict(list)
    memberships = Membership.objects.filter(area__in=areas, role=Role.CLERK, user__is_active=True)
    for membership in memberships.select_related("user").order_by("user__username"):
        names[membership.area_id].append(membership.user.get_full_name() or membership.user.username)
    return {area_id: "、".join(people) for area_id, people in names.items()}


def county_table(area: Area, year: int, month: int, today: date | None = None) -> CountyTable:
    """Towns × indicators for the month, coloured by status, with who has not reported and a ranking."""
    today = today or timezone.localdate()
    indicators = [indicator for indicator in active_indicators() if indicator.reported_in(month)]
    children = children_of(area)
    figures = loading.load_figures([child.pk for child in children], indicators, year, month)
    statuses: dict[int, list[str]] = defaultdict(list)
    for area_id, status in ReportedValue.objects.filter(
        area__in=children, year=year, month=month, indicator__in=indicators
    ).values_list("area_id", "status"):
        statuses[area_id].append(status)
    rules = ReportingRules.objects.for_area(area)
    due = deadline(area, year, month, rules)
    clerks = clerks_of(children)
    states = []
    for child in children:
        cells, gaps, unreported = [], [], 0
        for indicator in indicators:
            key = (child.pk, indicator.pk)
            assessed = assess_figure(
                indicator,
                rules,
                year,
                month,
                value=figures.current.get(key),
                target=figures.targets.get(key),
                last_year=figures.last_year.get(key),
            )
            cells.append(
                Cell(
                    percent_text(assessed.rate),
                    STANDING_CLASSES[assessed.standing],
                    assessed.standing,
                    assessed.rate,
                )
            )
            if indicator.kind != Kind.LEVEL and figures.targets.get(key) is not None:
                missing = figures.current.get(key) is None
                unreported += missing
                gaps.append(-assessed.schedule if missing else assessed.gap)
        state = reporting_state(statuses[child.pk], len(indicators))
        states.append(
            ChildState(
                area=child,
                entered=len(statuses[child.pk]),
                expected=len(indicators),
                state=state,
                late=state in UNFINISHED and today > due.due,
                cells=cells,
                ranking_gap=ranking_gap(gaps),
                clerks=clerks.get(child.pk, ""),
                unreported=unreported,
            )
        )
    for state, place in zip(states, places([s.ranking_gap for s in states]), strict=True):
        state.rank = place
    return CountyTable(
        area, year, month, due, indicators, states, [s for s in states if s.state in UNFINISHED]
    )


# --- the entry grid ------------------------------------------------------------------------------------


@dataclass
class GridRow:
    indicator: Indicator
    last_year: Decimal | None  # 上年同期: last year's 1-N月 figure (loading.same_period_last_year)
    target: Decimal | None
    previous: Decimal | None  # last month, for the jump warning
    reported: ReportedValue | None
    check: CellCheck | None = None  # what the user typed, when a save was refused
    stale: str = ""  # why the save was refused: somebody else changed this figure meanwhile
    held: str = ""  # why the save was held back: the figure is impossible, or doubtful until confirmed
    confirmed: ValueHistory | None = None  # the stored figure was kept though doubtful: what and why
    basis: str = ""  # what to type: “1-11月累计”, “11月当月”, “期末数” (progress.entry_basis)

    @property
    def stored(self) -> str:
        """The stored figure as the form shows it and sends it back (``had-<pk>``)."""
        return "" if self.value is None else format(self.value.normalize(), "f")

    @property
    def shown(self) -> str:
        """The text of the input: what was typed if the save was refused, else the stored figure."""
        return self.check.raw if self.check is not None else self.stored

    @property
    def version(self) -> int:
        """The version of the stored figure (0 without one), sent back so a stale save is refused."""
        return self.reported.version if self.reported else 0

    @property
    def value(self) -> Decimal | None:
        return self.reported.value if self.reported else None

    @property
    def locked(self) -> bool:
        return bool(self.reported and self.reported.locked)


@dataclass
class Grid:
    area: Area
    year: int
    month: int
    rows: list[GridRow]
    state: str
    locked: bool
    has_draft: bool
    has_submitted: bool
    deadline: Deadline
    violations: list[Violation]

    @property
    def due(self) -> date:
        return self.deadline.due

    @property
    def asks_confirmation(self) -> bool:
        """Some typed figure is doubtful: the form offers “确认无误” with a reason."""
        return any(row.held or (row.check and row.check.doubts) for row in self.rows)

    @property
    def blocking(self) -> list[Violation]:
        return [violation for violation in self.violations if violation.blocking]


def previous_figure(indicator: Indicator, year: int, month: int, monthly_prev: dict) -> Decimal | None:
    """Last month's figure to compare with; a cumulative indicator starts afresh each January."""
    if month == 1 and indicator.kind == Kind.CUMULATIVE:
        return None
    return monthly_prev.get(indicator.pk)


def entry_grid(
    area: Area,
    year: int,
    month: int,
    checks: dict[int, CellCheck] | None = None,
    stale: dict[int, str] | None = None,
    held: dict[int, str] | None = None,
) -> Grid:
    """The 报表 for one area and month: each indicator with last year's figure, the target and this month's.

    After a refused save, ``checks`` holds what the user typed (by indicator pk), ``stale`` and
    ``held`` why a cell was refused; every other cell shows the figure stored now. A stored
    figure the clerk kept though it was doubtful carries the record saying why (for the 审核员),
    and the grid lists the 校验规则 the stored figures break.
    """
    indicators = [indicator for indicator in active_indicators() if indicator.reported_in(month)]
    prev_year, prev_month = progress.previous_period(year, month)
    current = {
        row.indicator_id: row for row in ReportedValue.objects.filter(area=area, year=year, month=month)
    }
    last_year = loading.same_period_last_year([area.pk], indicators, year, month)
    previous = dict(
        ReportedValue.objects.filter(area=area, year=prev_year, month=prev_month).values_list(
            "indicator_id", "value"
        )
    )
    targets = loading.targets_in_force([area.pk], year, month)
    confirmed = confirmed_doubts(area, year, month, current)
    rows = [
        GridRow(
            indicator,
            last_year.get((area.pk, indicator.pk)),
            targets.get((area.pk, indicator.pk)),
            previous_figure(indicator, year, month, previous),
            current.get(indicator.pk),
            (checks or {}).get(indicator.pk),
            (stale or {}).get(indicator.pk, ""),
            (held or {}).get(indicator.pk, ""),
            confirmed.get(indicator.pk),
            progress.entry_basis(indicator.kind, month),
        )
        for indicator in indicators
    ]
    statuses = [row.status for row in current.values()]
    return Grid(
        area=area,
        year=year,
        month=month,
        rows=rows,
        state=reporting_state(statuses, len(indicators)),
        locked=any(status == ValueStatus.APPROVED for status in statuses),
        has_draft=ValueStatus.DRAFT in statuses,
        has_submitted=ValueStatus.SUBMITTED in statuses,
        deadline=deadline(area, year, month),
        violations=period_violations(area, year, month),
    )


def confirmed_doubts(
    area: Area, year: int, month: int, current: dict[int, ReportedValue]
) -> dict[int, ValueHistory]:
    """The stored figures the clerk kept though doubtful (indicator pk → the record with the doubt and reason)."""
    found = {}
    records = ValueHistory.objects.filter(
        area=area, year=year, month=month, action__in=VALUE_ACTIONS
    ).select_related("user")
    for record in records:  # oldest first: the last change of each figure wins
        found[record.indicator_id] = record
    return {
        pk: record
        for pk, record in found.items()
        if record.confirmed and pk in current and current[pk].value == record.new_value
    }


# --- targets and their decomposition ----------------------------------------------------------------------


@dataclass
class TargetRow:
    target: Target
    amount: Decimal | None
    versions: list[TargetVersion]
    parts: list[TargetPart]
    warning: str


def target_table(area: Area, year: int) -> list[TargetRow]:
    """The area's targets for the year with their versions, decomposition and coverage warning."""
    targets = list(
        Target.objects.filter(area=area, year=year)
        .select_related("indicator", "department")
        .prefetch_related("versions", "parts__department", "parts__village")
    )
    rows = []
    for target in targets:
        versions = sorted(target.versions.all(), key=lambda version: version.number)
        amount = versions[-1].value if versions else None
        parts = list(target.parts.all())
        warning = (
            progress.coverage_warning(amount, [part.value for part in parts])
            if target.indicator.aggregation == Aggregation.SUM
            else ""
        )
        rows.append(TargetRow(target, amount, versions, parts, warning))
    return rows


# --- creation standards -------------------------------------------------------------------------------


@dataclass
class StandardLine:
    """One unit of a standard: its numeric checks, its checklist items and whether it is 达标 over both."""

    unit: Area
    checks: list[tuple[Decimal | None, str, str]]  # (value, 达标…, css) per numeric entry
    cells: list[checklists.ItemCell]  # per checklist item, in order
    standing: checklists.Standing
    linked: bool = False  # the unit has a checklist page of this standard (it is below the issuer)


@dataclass
class StandardTable:
    catalogue: Catalogue
    entries: list[CatalogueEntry]
    rows: list[tuple[Area, list[tuple[Decimal | None, str, str]]]]  # area, (value, 达标…, css) per entry
    met: dict[int, int]  # area id → how many thresholds it meets
    items: list[ChecklistItem] = field(default_factory=list)
    lines: list[StandardLine] = field(default_factory=list)


VERDICT_CLASSES = {"达标": "ahead", "未达标": "severe", "未填报": "unknown"}


def standards_tables(area: Area, year: int, month: int) -> list[StandardTable]:
    """Each creation standard (中心镇, 美丽城镇) that applies to the area, checked 达标/未达标.

    A county sees its towns; a town sees itself. The figure checked is the 1-N月 one (or the
    latest level) at the end of ``month``; a checklist item counts only once the county has
    accepted (通过) the unit's latest mark of it. A unit is 达标 only when both kinds hold.
    """
    catalogues = list(
        Catalogue.objects.applicable_to(area)
        .filter(kind=CatalogueKind.STANDARD)
        .select_related("issued_by")
        .prefetch_related("entries__indicator", "items")
    )
    if not catalogues:
        return []
    units = checklists.standard_units(area)
    indicators = list({entry.indicator for catalogue in catalogues for entry in catalogue.entries.all()})
    figures = loading.load_figures([unit.pk for unit in units], indicators, year, month)
    all_items = [item for catalogue in catalogues for item in catalogue.items.all() if item.is_active]
    marks = checklists.latest_marks(all_items, units)
    result = []
    for catalogue in catalogues:
        entries = [entry for entry in catalogue.entries.all() if entry.threshold is not None]
        items = [item for item in catalogue.items.all() if item.is_active]
        rows, met, lines = [], {}, []
        for unit in units:
            checks = []
            for entry in entries:
                value = figures.current.get((unit.pk, entry.indicator_id))
                verdict = progress.meets_standard(value, entry.threshold, entry.indicator.direction)
                checks.append((value, verdict, VERDICT_CLASSES[verdict]))
            rows.append((unit, checks))
            met[unit.pk] = sum(1 for _, verdict, _ in checks if verdict == "达标")
            cells = [checklists.ItemCell(item, marks.get((item.pk, unit.pk))) for item in items]
            total = checklists.standing(met[unit.pk], len(entries), cells)
            linked = bool(items) and unit.path != catalogue.issued_by.path
            lines.append(StandardLine(unit, checks, cells, total, linked))
        result.append(StandardTable(catalogue, entries, rows, met, items, lines))
    return result
