"""The tables the ledger pages show, read in a few queries and computed with ``progress``.

Views call one function here and render what it returns; no rule lives in a template.
"""

from __future__ import annotations

import contextlib
import gc
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from operator import itemgetter

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, DecimalField, F, Max, Sum, When
from django.utils import timezone

from zhenwu.areas.models import Area, Level
from zhenwu.ledger import progress
from zhenwu.ledger.charts import Sparkline, sparkline
from zhenwu.ledger.entry import CellCheck
from zhenwu.ledger.models import (
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    Indicator,
    Kind,
    ReportedValue,
    Target,
    TargetPart,
    TargetVersion,
    ValueStatus,
)


def active_indicators() -> list[Indicator]:
    return list(Indicator.objects.filter(is_active=True))


def due_date(year: int, month: int, day: int = progress.DUE_DAY) -> date:
    """The day a month's figures are due: the ``day``-th of the following month.

    >>> due_date(2025, 12)
    datetime.date(2026, 1, 5)
    """
    following = date(year, month, 28) + timedelta(days=4)
    return following.replace(day=day)


def latest_period(area: Area) -> tuple[int, int]:
    """The most recent month with any figure in the area's subtree, else last month."""
    latest = (
        ReportedValue.objects.in_subtree(area)
        .values("year")
        .annotate(month=Max("month"))
        .order_by("-year")
        .first()
    )
    if latest:
        return latest["year"], latest["month"]
    today = timezone.localdate()
    return progress.previous_period(today.year, today.month)


# --- loading -----------------------------------------------------------------------------------------


def _to_date(
    area_ids: list[int] | None, indicators: list[Indicator], years: list[int], month: int
) -> dict[int, dict[tuple[int, int], Decimal]]:
    """year → (area, indicator) → the 1-N月 figure at ``month``, read and added up by the database.

    The rule is ``progress.to_date``: cumulative figures are read at month N (a plain indexed
    read, no grouping: most indicators are cumulative), flows summed over 1..N when month N is
    in, levels taken at the latest month up to N (one grouped query). ``None`` for the areas
    means every area (the province-scale benchmark).
    """
    kinds = {indicator.pk: indicator.kind for indicator in indicators}
    cumulative = [pk for pk, kind in kinds.items() if kind == Kind.CUMULATIVE]
    others = [pk for pk, kind in kinds.items() if kind != Kind.CUMULATIVE]
    figures: dict = {}
    base = ReportedValue.objects.order_by()
    if area_ids is not None:
        base = base.filter(area_id__in=area_ids)
    stale_levels = set()
    for year in years:  # a year at a time: PostgreSQL then sizes the grouping right (no spill to disk)
        keys, raw = [], []
        if cumulative:
            at_month = _fetch_plain(
                base.filter(year=year, month=month, indicator_id__in=cumulative).values_list(
                    "area_id", "indicator_id", "value"
                )
            )
            keys = [(area_id, indicator_id) for area_id, indicator_id, _ in at_month]
            raw = [value for _, _, value in at_month]
        if others:
            grouped = (
                base.filter(year=year, month__lte=month, indicator_id__in=others)
                .values_list("indicator_id", "area_id")  # the covering index's order
                .annotate(
                    at_month=Max(Case(When(month=month, then=F("value")), output_field=_FIGURE)),
                    total=Sum("value", output_field=_FIGURE),
                    last=Max("month"),
                )
            )
            for indicator_id, area_id, at_month, total, last in _fetch_plain(grouped):
                if kinds[indicator_id] == Kind.FLOW:
                    value = total if at_month is not None else None
                elif at_month is None:  # a level not reported this month
                    stale_levels.add((area_id, indicator_id, year, last))
                    continue
                else:
                    value = at_month
                if value is not None:
                    keys.append((area_id, indicator_id))
                    raw.append(value)
        figures[year] = (keys, raw)
    for year, (keys, raw) in figures.items():
        figures[year] = dict(zip(keys, _decimals(raw), strict=True))
    if stale_levels:  # a level not reported this month: its latest earlier figure
        earlier = base.filter(
            year__in=years,
            area_id__in={key[0] for key in stale_levels},
            indicator_id__in={key[1] for key in stale_levels},
            month__in={key[3] for key in stale_levels},
        ).values_list("area_id", "indicator_id", "year", "month", "value")
        for area_id, indicator_id, year, m, value in earlier:
            if (area_id, indicator_id, year, m) in stale_levels:
                figures[year][area_id, indicator_id] = value
    return figures


_FIGURE = DecimalField(max_digits=20, decimal_places=4)
_PLACES = Decimal("0.0001")


def _fetch_plain(queryset) -> list[tuple]:
    """Run the ORM's own SQL for ``queryset`` but skip Django's per-value converters.

    At province scale (hundreds of thousands of grouped figures) the converters cost more
    than the query; ``_decimal`` does the one conversion the ledger needs.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. no indicators defined yet: the ORM knows the answer is empty
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _decimal(value) -> Decimal | None:
    """A figure as the database returned it (Decimal on PostgreSQL, float or int on SQLite) as Decimal.

    >>> _decimal(1234.56), _decimal(0.1 + 0.2), _decimal(None)
    (Decimal('1234.56'), Decimal('0.3000'), None)
    """
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    text = repr(value)
    figure = Decimal(text)
    # a sum of binary floats can carry noise past the 4 places the ledger keeps
    return figure.quantize(_PLACES) if len(text) > 17 else figure


def _decimals(values: list) -> list[Decimal]:
    """``_decimal`` of every figure in a list (none of them ``None``), converted in bulk.

    Hundreds of thousands of figures at province scale: ``map`` converts them without a Python
    call per figure, and only the rare float sum with noise past 4 places is fixed up.

    >>> _decimals([1234.56, 7, 0.1 + 0.2]) == [_decimal(1234.56), _decimal(7), _decimal(0.1 + 0.2)]
    True
    """
    types = set(map(type, values))
    if types <= {Decimal}:  # PostgreSQL
        return values
    if not types <= {float, int}:
        return [_decimal(value) for value in values]
    texts = list(map(repr, values))
    figures = list(map(Decimal, texts))
    for index, text in enumerate(texts):
        if len(text) > 17 and type(values[index]) is float:
            figures[index] = figures[index].quantize(_PLACES)
    return figures


def _versions(area_ids, year: int) -> dict[tuple[int, int], list[tuple[int, Decimal]]]:
    """(area, indicator) → the target's versions as (effective month, amount), oldest first."""
    versions: dict[tuple[int, int], list[tuple[int, Decimal]]] = defaultdict(list)
    rows = TargetVersion.objects.filter(target__year=year)
    if area_ids is not None:
        rows = rows.filter(target__area_id__in=area_ids)
    rows = rows.order_by("number").values_list(
        "target__area_id", "target__indicator_id", "effective_month", "value"
    )
    for area_id, indicator_id, effective, value in _fetch_plain(rows):
        versions[area_id, indicator_id].append((effective, _decimal(value)))
    return versions


def _targets(area_ids, year: int, month: int) -> dict[tuple[int, int], Decimal]:
    """(area, indicator) → the target amount in force in ``month``.

    The rule is ``progress.target_in_force``: of the versions effective by ``month``, the latest
    in version order. Read here target by target in version order (the unique index's order,
    so nothing to sort), the last one read for a target wins; there is one target per area,
    indicator and year.
    """
    rows = TargetVersion.objects.filter(target__year=year, effective_month__lte=month)
    if area_ids is not None:
        rows = rows.filter(target__area_id__in=area_ids)
    rows = _fetch_plain(
        rows.order_by("target_id", "number").values_list("target__area_id", "target__indicator_id", "value")
    )
    keys = [(area_id, indicator_id) for area_id, indicator_id, _ in rows]
    return dict(zip(keys, _decimals([value for _, _, value in rows]), strict=True))


@dataclass
class Figures:
    """To-date figures this year and last year, and targets, for a set of areas."""

    indicators: list[Indicator]
    year: int
    month: int
    current: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    last_year: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    targets: dict[tuple[int, int], Decimal] = field(default_factory=dict)


def load_figures(area_ids: list[int] | None, indicators: list[Indicator], year: int, month: int) -> Figures:
    """Read every figure the tables need for these areas (``None``: all areas) in a few queries."""
    to_date = _to_date(area_ids, indicators, [year, year - 1], month)
    return Figures(
        indicators,
        year,
        month,
        current=to_date[year],
        last_year=to_date[year - 1],
        targets=_targets(area_ids, year, month),
    )


@contextlib.contextmanager
def _no_cycle_collection():
    """Hold off CPython's cycle collector while a bulk computation allocates its results.

    A province's month is ~60,000 ``Progress`` objects (and their ``YearOnYear``): each full
    collection the allocations trigger walks every object of the process, and these made two or
    three of them (well over 100 ms) while finding nothing — the computation creates no cycles.
    Reference counting still frees everything at once; the collector resumes afterwards
    (unless it was already off) and catches up on its next ordinary run.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def month_progress(
    area_ids: list[int] | None, indicators: list[Indicator], year: int, month: int
) -> dict[tuple[int, int], progress.Progress]:
    """完成率, 时序 gap, status and 同比 of every (area, indicator) with a figure or a target in the month."""
    with _no_cycle_collection():
        return _month_progress(area_ids, indicators, year, month)


def _month_progress(area_ids, indicators, year: int, month: int) -> dict[tuple[int, int], progress.Progress]:
    figures = load_figures(area_ids, indicators, year, month)
    directions = {indicator.pk: indicator.direction for indicator in indicators}
    kinds = {indicator.pk: indicator.kind for indicator in indicators}
    current, last_year, targets = figures.current, figures.last_year, figures.targets
    keys = list(current.keys() | targets.keys())
    if not set(map(itemgetter(1), targets)) <= kinds.keys():  # targets of indicators not asked for
        keys = [key for key in keys if key[1] in kinds]
    indicator_ids = list(map(itemgetter(1), keys))
    # one row per figure, put together by map and zip rather than a Python loop with lookups
    rows = zip(
        keys,
        map(current.get, keys),
        map(targets.get, keys),
        map(last_year.get, keys),
        map(directions.__getitem__, indicator_ids),
        map(kinds.__getitem__, indicator_ids),
        strict=True,
    )
    return progress.assess_many(rows, month)


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


# --- the area's indicator table -------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    progress: progress.Progress
    aggregate: progress.Aggregate | None  # set when the figure is summed up from the children
    department: str = ""
    person: str = ""
    trend: Sparkline | None = None

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


def children_of(area: Area) -> list[Area]:
    return list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))


def area_table(area: Area, year: int, month: int) -> AreaTable:
    """The indicator table of one area: 完成率 against 时序进度, status and 同比 for each indicator.

    Where the area has no figure of its own, it is added up from its direct children (towns
    for a county), and the table says how many of them reported.
    """
    indicators = active_indicators()
    children = [child.pk for child in children_of(area)]
    figures = load_figures([area.pk, *children], indicators, year, month)
    owners = {
        target.indicator_id: target
        for target in Target.objects.filter(area=area, year=year).select_related("department")
    }
    rows = []
    for indicator in indicators:
        key = (area.pk, indicator.pk)
        value, last, target, aggregate = (
            figures.current.get(key),
            figures.last_year.get(key),
            figures.targets.get(key),
            None,
        )
        if value is None and children:
            aggregate = _aggregate(indicator, children, figures.current)
            value = aggregate.value
            # 同比 compares like with like: last year's total of the same children that reported now
            reporting = [
                child for child in children if _aggregate(indicator, [child], figures.current).reported
            ]
            last = _aggregate(indicator, reporting, figures.last_year).value if reporting else None
        if target is None and children and indicator.aggregation == Aggregation.SUM:
            target = progress.aggregate_sum(
                figures.targets.get((child, indicator.pk)) for child in children
            ).value
        owner = owners.get(indicator.pk)
        rows.append(
            IndicatorRow(
                indicator,
                progress.assess(
                    value=value,
                    target=target,
                    last_year=last,
                    month=month,
                    direction=indicator.direction,
                    kind=indicator.kind,
                ),
                aggregate,
                department=owner.department.name if owner and owner.department else "",
                person=owner.responsible_person if owner else "",
            )
        )
    counts = defaultdict(int)
    lines = trends(area, children, indicators, year, month)
    for row in rows:
        counts[row.progress.standing] += 1
        row.trend = lines.get(row.indicator.pk)
    return AreaTable(area, year, month, progress.schedule_by_months(month), rows, dict(counts))


def trends(
    area: Area, children: list[int], indicators: list[Indicator], year: int, month: int
) -> dict[int, Sparkline]:
    """Each indicator's 1-N月 完成率 month by month up to ``month``, against the target then in force.

    Like the table, an area without its own figure is added up from its children.
    """
    area_ids = [area.pk, *children]
    monthly: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    rows = (
        ReportedValue.objects.filter(area_id__in=area_ids, year=year, month__lte=month)
        .order_by()
        .values_list("area_id", "indicator_id", "month", "value")
    )
    for area_id, indicator_id, m, value in rows:
        monthly[area_id, indicator_id][m] = value
    versions = _versions(area_ids, year)
    lines = {}
    for indicator in indicators:
        rates = {}
        for m in range(1, month + 1):
            value = progress.to_date(indicator.kind, monthly.get((area.pk, indicator.pk), {}), m)
            target = progress.target_in_force(versions.get((area.pk, indicator.pk), []), m)
            if value is None and children:
                at_month = {
                    (child, code): figure
                    for child in children
                    for code in {indicator.pk, indicator.numerator_id, indicator.denominator_id} - {None}
                    if (figure := progress.to_date(indicator.kind, monthly.get((child, code), {}), m))
                    is not None
                }
                value = _aggregate(indicator, children, at_month).value
            if target is None and children and indicator.aggregation == Aggregation.SUM:
                target = progress.aggregate_sum(
                    progress.target_in_force(versions.get((child, indicator.pk), []), m) for child in children
                ).value
            rates[m] = progress.completion(value, target, indicator.direction, indicator.kind)
        line = sparkline(rates, level=indicator.kind == Kind.LEVEL)
        if line is not None:
            lines[indicator.pk] = line
    return lines


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
    ranking_rate: Decimal | None = None  # average 完成率 of the cumulative indicators
    rank: int | None = None


@dataclass
class CountyTable:
    area: Area
    year: int
    month: int
    due: date
    indicators: list[Indicator]
    children: list[ChildState]
    not_reported: list[ChildState]


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


def county_table(area: Area, year: int, month: int, today: date | None = None) -> CountyTable:
    """Towns × indicators for the month, coloured by status, with who has not reported and a ranking."""
    today = today or timezone.localdate()
    indicators = [indicator for indicator in active_indicators() if indicator.reported_in(month)]
    children = children_of(area)
    figures = load_figures([child.pk for child in children], indicators, year, month)
    statuses: dict[int, list[str]] = defaultdict(list)
    for area_id, status in ReportedValue.objects.filter(
        area__in=children, year=year, month=month, indicator__in=indicators
    ).values_list("area_id", "status"):
        statuses[area_id].append(status)
    due = due_date(year, month)
    states = []
    for child in children:
        cells, rates = [], []
        for indicator in indicators:
            key = (child.pk, indicator.pk)
            assessed = progress.assess(
                value=figures.current.get(key),
                target=figures.targets.get(key),
                last_year=figures.last_year.get(key),
                month=month,
                direction=indicator.direction,
                kind=indicator.kind,
            )
            cells.append(
                Cell(
                    percent_text(assessed.rate),
                    STANDING_CLASSES[assessed.standing],
                    assessed.standing,
                    assessed.rate,
                )
            )
            if assessed.rate is not None and indicator.kind != Kind.LEVEL:
                rates.append(assessed.rate)
        state = reporting_state(statuses[child.pk], len(indicators))
        states.append(
            ChildState(
                area=child,
                entered=len(statuses[child.pk]),
                expected=len(indicators),
                state=state,
                late=state in UNFINISHED and today > due,
                cells=cells,
                ranking_rate=sum(rates, Decimal(0)) / len(rates) if rates else None,
            )
        )
    ranked = sorted((s for s in states if s.ranking_rate is not None), key=lambda s: -s.ranking_rate)
    for position, state in enumerate(ranked, start=1):
        state.rank = position
    return CountyTable(
        area, year, month, due, indicators, states, [s for s in states if s.state in UNFINISHED]
    )


# --- the entry grid ------------------------------------------------------------------------------------


@dataclass
class GridRow:
    indicator: Indicator
    last_year: Decimal | None  # same month last year, as entered
    target: Decimal | None
    previous: Decimal | None  # last month, for the jump warning
    reported: ReportedValue | None
    check: CellCheck | None = None  # what the user typed, when a save was refused

    @property
    def shown(self) -> str:
        """The text of the input: what was typed if the save was refused, else the stored figure."""
        if self.check is not None:
            return self.check.raw
        return "" if self.value is None else format(self.value.normalize(), "f")

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
    due: date


def previous_figure(indicator: Indicator, year: int, month: int, monthly_prev: dict) -> Decimal | None:
    """Last month's figure to compare with; a cumulative indicator starts afresh each January."""
    if month == 1 and indicator.kind == Kind.CUMULATIVE:
        return None
    return monthly_prev.get(indicator.pk)


def entry_grid(area: Area, year: int, month: int, checks: dict[int, CellCheck] | None = None) -> Grid:
    """The 报表 for one area and month: each indicator with last year's figure, the target and this month's."""
    indicators = [indicator for indicator in active_indicators() if indicator.reported_in(month)]
    prev_year, prev_month = progress.previous_period(year, month)
    current = {
        row.indicator_id: row for row in ReportedValue.objects.filter(area=area, year=year, month=month)
    }
    last_year = dict(
        ReportedValue.objects.filter(area=area, year=year - 1, month=month).values_list(
            "indicator_id", "value"
        )
    )
    previous = dict(
        ReportedValue.objects.filter(area=area, year=prev_year, month=prev_month).values_list(
            "indicator_id", "value"
        )
    )
    targets = _targets([area.pk], year, month)
    rows = [
        GridRow(
            indicator,
            last_year.get(indicator.pk),
            targets.get((area.pk, indicator.pk)),
            previous_figure(indicator, year, month, previous),
            current.get(indicator.pk),
            (checks or {}).get(indicator.pk),
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
        due=due_date(year, month),
    )


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
class StandardTable:
    catalogue: Catalogue
    entries: list[CatalogueEntry]
    rows: list[tuple[Area, list[tuple[Decimal | None, str, str]]]]  # area, (value, 达标…, css) per entry
    met: dict[int, int]  # area id → how many thresholds it meets


VERDICT_CLASSES = {"达标": "ahead", "未达标": "severe", "未填报": "unknown"}


def standards_tables(area: Area, year: int, month: int) -> list[StandardTable]:
    """Each creation standard (中心镇, 美丽城镇) that applies to the area, checked 达标/未达标.

    A county sees its towns; a town sees itself. The figure checked is the 1-N月 one (or the
    latest level) at the end of ``month``.
    """
    catalogues = list(
        Catalogue.objects.applicable_to(area)
        .filter(kind=CatalogueKind.STANDARD)
        .prefetch_related("entries__indicator")
    )
    if not catalogues:
        return []
    units = [area] if area.level in (Level.TOWN, Level.VILLAGE) else children_of(area) or [area]
    indicators = list({entry.indicator for catalogue in catalogues for entry in catalogue.entries.all()})
    figures = load_figures([unit.pk for unit in units], indicators, year, month)
    result = []
    for catalogue in catalogues:
        entries = [entry for entry in catalogue.entries.all() if entry.threshold is not None]
        rows, met = [], {}
        for unit in units:
            checks = []
            for entry in entries:
                value = figures.current.get((unit.pk, entry.indicator_id))
                verdict = progress.meets_standard(value, entry.threshold, entry.indicator.direction)
                checks.append((value, verdict, VERDICT_CLASSES[verdict]))
            rows.append((unit, checks))
            met[unit.pk] = sum(1 for _, verdict, _ in checks if verdict == "达标")
        result.append(StandardTable(catalogue, entries, rows, met))
    return result
