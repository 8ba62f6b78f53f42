"""Reading the ledger's figures in bulk and assessing them: the province-scale path.

A few queries fetch every 1-N月 figure, last year's and the targets in force for a set of
areas (``None``: all of them); ``month_progress`` turns them into ``progress.Progress`` with the
same rules the pages use. The benchmark (bench/ledger.py) measures this module.
"""

from __future__ import annotations

import contextlib
import gc
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import itemgetter

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, DecimalField, F, IntegerField, Max, Sum, When
from django.db.models.functions import Cast, Round

from zhenwu.ledger import progress
from zhenwu.ledger.models import Indicator, Kind, ReportedValue, TargetVersion


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
    figure = _figure("value", base.db)
    stale_levels = set()
    for year in years:  # a year at a time: PostgreSQL then sizes the grouping right (no spill to disk)
        keys, raw = [], []
        if cumulative:
            at_month = _fetch_plain(
                base.filter(year=year, month=month, indicator_id__in=cumulative).values_list(
                    "area_id", "indicator_id", figure
                )
            )
            keys = [(area_id, indicator_id) for area_id, indicator_id, _ in at_month]
            raw = [value for _, _, value in at_month]
        if others:
            grouped = (
                base.filter(year=year, month__lte=month, indicator_id__in=others)
                .values_list("indicator_id", "area_id")  # the covering index's order
                .annotate(
                    at_month=Max(Case(When(month=month, then=figure))),
                    total=Sum(figure),
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
        figures[year] = dict(zip(keys, _decimals(raw, base.db), strict=True))
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


def same_period_last_year(
    area_ids: list[int] | None, indicators: list[Indicator], year: int, month: int
) -> dict[tuple[int, int], Decimal]:
    """(area, indicator) → 上年同期: last year's 1-N月 figure at ``month`` (``progress.to_date``).

    The one 上年同期 every page and sheet shows and 同比 compares with — for a flow the months
    summed, never the month alone.
    """
    return _to_date(area_ids, indicators, [year - 1], month)[year - 1]


_FIGURE = DecimalField(max_digits=20, decimal_places=4)
_PLACES = Decimal("0.0001")
_DECIMAL_PLACES = 4  # as the figure columns keep them


def _figure(column: str, db: str):
    """A figure column as the bulk reads ask for it: SQLite sends whole numbers of 0.0001.

    SQLite keeps figures as binary floats; as integers (rounded to the 4 places the column has)
    they become ``Decimal`` with no text in between, and flows add up exactly.
    """
    if connections[db].vendor != "sqlite":
        return F(column)
    return Cast(Round(F(column) * 10**_DECIMAL_PLACES), IntegerField())


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


def _decimals(values: list, db: str | None = None) -> list[Decimal]:
    """Figures read with ``_figure`` from database ``db`` (none of them ``None``) as Decimals, in bulk.

    Hundreds of thousands of figures at province scale: ``map`` converts them without a Python
    call per figure. Whole numbers of 0.0001 from SQLite are scaled back; without ``db`` each
    figure is as ``_decimal`` reads it, and only the rare float sum with noise past 4 places is
    fixed up.

    >>> _decimals([1234.56, 7, 0.1 + 0.2]) == [_decimal(1234.56), _decimal(7), _decimal(0.1 + 0.2)]
    True
    """
    if db is not None and connections[db].vendor == "sqlite":
        return list(map(Decimal.scaleb, map(Decimal, values), repeat(-_DECIMAL_PLACES)))
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


def target_versions(area_ids, year: int) -> dict[tuple[int, int], list[tuple[int, Decimal]]]:
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


def targets_in_force(area_ids, year: int, month: int) -> dict[tuple[int, int], Decimal]:
    """(area, indicator) → the target amount in force in ``month``.

    The rule is ``progress.target_in_force``: of the versions effective by ``month``, the latest
    in version order. Read here target by target in version order (the unique index's order,
    so nothing to sort), the last one read for a target wins; there is one target per area,
    indicator and year.
    """
    rows = TargetVersion.objects.filter(target__year=year, effective_month__lte=month)
    if area_ids is not None:
        rows = rows.filter(target__area_id__in=area_ids)
    db = rows.db
    rows = _fetch_plain(
        rows.order_by("target_id", "number").values_list(
            "target__area_id", "target__indicator_id", _figure("value", db)
        )
    )
    keys = [(area_id, indicator_id) for area_id, indicator_id, _ in rows]
    return dict(zip(keys, _decimals([value for _, _, value in rows], db), strict=True))


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
        targets=targets_in_force(area_ids, year, month),
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
    area_ids: list[int] | None,
    indicators: list[Indicator],
    year: int,
    month: int,
    rules: progress.Rules = progress.DEFAULT_RULES,
) -> dict[tuple[int, int], progress.Progress]:
    """完成率, 时序 gap, status and 同比 of every (area, indicator) with a figure or a target in the month."""
    with _no_cycle_collection():
        return _month_progress(area_ids, indicators, year, month, rules)


def _month_progress(
    area_ids, indicators, year: int, month: int, rules: progress.Rules
) -> dict[tuple[int, int], progress.Progress]:
    figures = load_figures(area_ids, indicators, year, month)
    directions = {indicator.pk: indicator.direction for indicator in indicators}
    kinds = {indicator.pk: indicator.kind for indicator in indicators}
    current, last_year, targets = figures.current, figures.last_year, figures.targets
    # every figure of the month (walked in the order it was read: lookups stay close in memory),
    # then the targets with no figure
    keys = list(current)
    values = list(current.values())
    unreported = [key for key in targets if key not in current]
    if unreported:
        keys += unreported
        values += [None] * len(unreported)
    if not set(map(itemgetter(1), targets)) <= kinds.keys():  # targets of indicators not asked for
        kept = [index for index, key in enumerate(keys) if key[1] in kinds]
        keys, values = [keys[index] for index in kept], [values[index] for index in kept]
    indicator_ids = list(map(itemgetter(1), keys))
    # one row per figure, put together by map and zip rather than a Python loop with lookups
    rows = zip(
        keys,
        values,
        map(targets.get, keys),
        map(last_year.get, keys),
        map(directions.__getitem__, indicator_ids),
        map(kinds.__getitem__, indicator_ids),
        strict=True,
    )
    return progress.assess_many(rows, month, rules.thresholds, rules.schedule(year, month))
