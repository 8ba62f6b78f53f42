"""What the 年度目标 and 考核指标 pages show: targets with their 变更记录, and the catalogue of indicators.

Read-only: every change goes through ``services.targets``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from zhenwu.areas.models import Area, Level
from zhenwu.ledger import progress, tables
from zhenwu.ledger.models import (
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    Indicator,
    Target,
    TargetChange,
)
from zhenwu.ledger.services.targets import plain


def issues_to_children(area: Area) -> bool:
    """A county (or anything above a town) issues targets to the areas below it.

    A town instead decomposes its own targets to its departments and villages (目标分解).
    """
    return area.level not in (Level.TOWN, Level.VILLAGE)


def children(area: Area) -> list[Area]:
    """The areas directly below ``area`` (a county's towns, a town's villages)."""
    return list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))


@dataclass
class TargetPanel:
    """One target on the page: amount, versions, parts and warning, and its 变更记录."""

    row: tables.TargetRow
    changes: list[TargetChange]


def target_panels(area: Area, year: int) -> list[TargetPanel]:
    """The area's targets for the year, each with its owner and decomposition changes, oldest first."""
    rows = tables.target_table(area, year)
    changes = defaultdict(list)
    for change in TargetChange.objects.filter(target__in=[row.target for row in rows]).select_related("user"):
        changes[change.target_id].append(change)
    return [TargetPanel(row, changes[row.target.pk]) for row in rows]


def issued_indicators(area: Area, year: int) -> list[Indicator]:
    """What a county issues to its towns: its 考核指标 lists' indicators, or every active one if it has none."""
    listed = {
        entry.indicator
        for catalogue in assessment_catalogues(area, year)
        for entry in catalogue.entries.all()
        if entry.indicator.is_active
    }
    chosen = listed or set(Indicator.objects.filter(is_active=True))
    return sorted(chosen, key=lambda indicator: (indicator.sort_order, indicator.code))


def current_amounts(
    areas: list[Area], indicators: list[Indicator], year: int
) -> dict[tuple[int, int], Decimal]:
    """(area id, indicator id) → the amount of the latest version of its target."""
    targets = Target.objects.filter(area__in=areas, indicator__in=indicators, year=year).prefetch_related(
        "versions"
    )
    amounts = {(target.area_id, target.indicator_id): _amount(target) for target in targets}
    return {key: amount for key, amount in amounts.items() if amount is not None}


@dataclass
class IssuedRow:
    """One indicator of the targets issued to the areas below: an amount per area and their total."""

    indicator: Indicator
    amounts: list[Decimal | None]  # in the order of ``IssuedTable.areas``
    total: Decimal | None  # only for indicators that add up (求和)
    own: Decimal | None = None  # the county's own target for the indicator, if it holds one
    warning: str = ""  # when the towns' targets do not add up to the county's own


@dataclass
class IssuedTable:
    areas: list[Area]
    rows: list[IssuedRow]


def issued_table(area: Area, year: int) -> IssuedTable:
    """The towns' targets for the year, indicators × towns, as in force now.

    Every indicator some town has a target for: the county's 考核指标 and what a town set itself.
    Where the county holds a target of its own for a summed indicator, the towns' total is checked
    against it, as a town's parts are against its target.
    """
    below = children(area)
    indicators = tables.active_indicators()
    amounts = current_amounts([area, *below], indicators, year)
    rows = []
    for indicator in indicators:
        line = [amounts.get((child.pk, indicator.pk)) for child in below]
        if all(amount is None for amount in line):
            continue
        own = amounts.get((area.pk, indicator.pk))
        if indicator.aggregation != Aggregation.SUM:
            rows.append(IssuedRow(indicator, line, None, own))
            continue
        issued = [amount for amount in line if amount is not None]
        warning = progress.coverage_warning(own, issued, "下辖单位合计")
        rows.append(IssuedRow(indicator, line, sum(issued, Decimal(0)), own, warning))
    return IssuedTable(below, rows)


def indicators_without_target(area: Area, year: int):
    """The active indicators the area has no target for this year: what 下达目标 may still set."""
    return Indicator.objects.filter(is_active=True).exclude(targets__area=area, targets__year=year)


# --- 考核指标 -----------------------------------------------------------------------------------------


@dataclass
class CatalogueLine:
    """One indicator of a 考核指标 list, with the area's target and owners for the year."""

    entry: CatalogueEntry
    weight: str  # 权重分 as people write it: "20", "7.5"
    target: Target | None
    amount: Decimal | None
    children_with_target: int | None  # towns with a target of their own (a county's view), else None


@dataclass
class CatalogueTable:
    catalogue: Catalogue
    lines: list[CatalogueLine]
    total_weight: str
    children_count: int | None


def assessment_catalogues(area: Area, year: int) -> list[Catalogue]:
    """The 年度目标考核指标 lists binding the area this year (its own or issued above it)."""
    return list(
        Catalogue.objects.applicable_to(area)
        .filter(kind=CatalogueKind.ASSESSMENT)
        .filter(Q(year=year) | Q(year__isnull=True))
        .select_related("issued_by")
        .prefetch_related("entries__indicator")
    )


def catalogue_tables(area: Area, year: int) -> list[CatalogueTable]:
    """Each 考核指标 list with weights (权重分), the area's targets and, for a county, towns covered."""
    catalogues = assessment_catalogues(area, year)
    targets = {
        target.indicator_id: target
        for target in Target.objects.filter(area=area, year=year)
        .select_related("department")
        .prefetch_related("versions")
    }
    below = children(area) if issues_to_children(area) else []
    covered = defaultdict(int)
    for indicator_id in Target.objects.filter(area__in=below, year=year).values_list(
        "indicator_id", flat=True
    ):
        covered[indicator_id] += 1
    result = []
    for catalogue in catalogues:
        lines = []
        for entry in catalogue.entries.all():
            target = targets.get(entry.indicator_id)
            lines.append(
                CatalogueLine(
                    entry,
                    plain(entry.weight) if entry.weight is not None else "",
                    target,
                    _amount(target),
                    covered[entry.indicator_id] if below else None,
                )
            )
        weight = sum((entry.weight or Decimal(0) for entry in catalogue.entries.all()), Decimal(0))
        result.append(CatalogueTable(catalogue, lines, plain(weight), len(below) if below else None))
    return result


def _amount(target: Target | None) -> Decimal | None:
    if target is None:
        return None
    versions = sorted(target.versions.all(), key=lambda version: version.number)
    return versions[-1].value if versions else None
