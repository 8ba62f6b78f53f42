"""What the 指标详情 page shows: one indicator of one area, month by month and town by town.

A supervisor clicks an indicator to see how the year has gone against last year and the target,
and, for a county, which towns carry it and which lag. Read-only; the rules are ``progress``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from zhenwu.areas.models import Area
from zhenwu.ledger import loading, progress
from zhenwu.ledger.charts import MonthChart, month_chart
from zhenwu.ledger.models import Aggregation, Indicator, Kind, ReportingRules, Target
from zhenwu.ledger.tables import STANDING_CLASSES, assess_figure, children_of, monthly_series, places


@dataclass
class MonthLine:
    """One month of the year: the 1-N月 figure, its 完成率 against 时序进度, and 同比."""

    month: int
    progress: progress.Progress
    last_year: Decimal | None
    note: str = ""  # “9/12 个乡镇已报，合计仅含已报单位” when the total is partial

    @property
    def standing_class(self) -> str:
        return STANDING_CLASSES[self.progress.standing]


@dataclass
class ChildLine:
    """One town (or village) in the month: its figure, status, share of the whole and place."""

    area: Area
    progress: progress.Progress
    share: Decimal | None
    place: int | None

    @property
    def standing_class(self) -> str:
        return STANDING_CLASSES[self.progress.standing]


@dataclass
class IndicatorDetail:
    area: Area
    indicator: Indicator
    year: int
    month: int
    months: list[MonthLine]
    chart: MonthChart | None
    children: list[ChildLine]
    owner: Target | None

    @property
    def current(self) -> MonthLine:
        return self.months[-1]

    @property
    def has_shares(self) -> bool:
        """占比 only means something for figures that add up; the column is left out otherwise."""
        return any(line.share is not None for line in self.children)


def indicator_detail(area: Area, indicator: Indicator, year: int, month: int) -> IndicatorDetail:
    """The indicator in ``area`` for 1-``month`` of ``year``, judged by the area's 台账规则.

    A quarterly indicator is shown to its latest quarter (1-9月 in November), quarter by quarter.
    """
    month = indicator.latest_reported(month)
    rules = ReportingRules.objects.for_area(area)
    below = children_of(area)
    this_year = monthly_series(area, below, [indicator], year, month)[indicator.pk]
    last_year = monthly_series(area, below, [indicator], year - 1, 12)[indicator.pk]
    months = [
        MonthLine(
            m,
            assess_figure(
                indicator, rules, year, m, value=now.value, target=now.target, last_year=last_year[m].value
            ),
            last_year[m].value,
            now.note,
        )
        for m, now in this_year.items()
        if indicator.reported_in(m) or m == month
    ]
    chart = month_chart(
        {m: figure.value for m, figure in this_year.items()},
        {m: figure.value for m, figure in last_year.items()},
        this_year[month].target,
        builds_up=indicator.kind != Kind.LEVEL,
        unit=indicator.unit,
    )
    owner = (
        Target.objects.filter(area=area, indicator=indicator, year=year).select_related("department").first()
    )
    return IndicatorDetail(
        area,
        indicator,
        year,
        month,
        months,
        chart,
        _children(below, indicator, year, month, rules, whole=months[-1].progress.value),
        owner,
    )


def _children(
    below: list[Area],
    indicator: Indicator,
    year: int,
    month: int,
    rules: progress.Rules,
    whole: Decimal | None,
) -> list[ChildLine]:
    """Each area below in the month, judged by the parent's rules like the county's table.

    None at all when no area below has a figure or a target for the indicator.
    """
    if not below:
        return []
    figures = loading.load_figures([child.pk for child in below], [indicator], year, month)
    assessed = [
        assess_figure(
            indicator,
            rules,
            year,
            month,
            value=figures.current.get((child.pk, indicator.pk)),
            target=figures.targets.get((child.pk, indicator.pk)),
            last_year=figures.last_year.get((child.pk, indicator.pk)),
        )
        for child in below
    ]
    if all(result.value is None and result.target is None for result in assessed):
        return []  # villages that do not keep this indicator: no table of dashes
    adds_up = indicator.kind != Kind.LEVEL and indicator.aggregation == Aggregation.SUM
    return [
        ChildLine(child, result, progress.share(result.value, whole) if adds_up else None, place)
        for child, result, place in zip(below, assessed, places([a.gap for a in assessed]), strict=True)
    ]
