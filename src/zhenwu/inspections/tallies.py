"""The figures reports and assessment take from supervision: counts, quantities, closure, overdue.

“查处违建42处，拆除违建1035平方米”, “清理占道经营73户”: a category's findings found in a
period are counted in its count unit; the quantity rectified is the quantity of the
findings closed (销号) in the period. Plain functions over :class:`FindingFact` records.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from zhenwu.figures import format_quantity
from zhenwu.inspections.models import Status
from zhenwu.inspections.rectification import is_overdue


@dataclass(frozen=True)
class Period:
    """A closed date range with the name reports give it."""

    start: datetime.date
    end: datetime.date
    label: str

    def __contains__(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """One calendar month.

        >>> Period.month(2026, 2)
        Period(start=datetime.date(2026, 2, 1), end=datetime.date(2026, 2, 28), label='2026年2月')
        """
        last = calendar.monthrange(year, month)[1]
        return cls(datetime.date(year, month, 1), datetime.date(year, month, last), f"{year}年{month}月")

    @classmethod
    def year_to_month(cls, year: int, month: int) -> Period:
        """1-N月 of a year (cumulative), as work summaries count.

        >>> Period.year_to_month(2026, 6).label
        '2026年1-6月'
        """
        last = calendar.monthrange(year, month)[1]
        label = f"{year}年1月" if month == 1 else f"{year}年1-{month}月"
        return cls(datetime.date(year, 1, 1), datetime.date(year, month, last), label)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年")


def recent_months(today: datetime.date, count: int) -> list[Period]:
    """The month of ``today`` and the ``count - 1`` before it, newest first (for the 通报 downloads,
    from the month being reported).

    >>> [p.label for p in recent_months(datetime.date(2026, 2, 10), 3)]
    ['2026年2月', '2026年1月', '2025年12月']
    """
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(Period.month(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


@dataclass(frozen=True)
class CategoryInfo:
    """What a report needs to know about a category to write its phrase."""

    name: str
    short_name: str = ""
    count_unit: str = "处"
    count_verb: str = "查处"
    quantity_unit: str = ""
    quantity_verb: str = ""

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class FindingFact:
    """One finding reduced to the facts the tallies use."""

    category: CategoryInfo
    area_path: str
    found_on: datetime.date
    status: str
    deadline: datetime.date | None = None
    closed_on: datetime.date | None = None
    quantity: Decimal | None = None


def written_quantity(value: Decimal, unit: str) -> str:
    """A quantity as reports write it, through the figure formatter, to at most two decimals.

    >>> written_quantity(Decimal("1035.00"), "平方米"), written_quantity(Decimal("0.125"), "吨")
    ('1035平方米', '0.13吨')
    """
    return format_quantity(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), unit)


@dataclass
class CategoryTally:
    """A category's figures for a period."""

    category: CategoryInfo
    found: int = 0
    found_quantity: Decimal = Decimal(0)
    closed: int = 0
    closed_quantity: Decimal = Decimal(0)
    open: int = 0
    overdue: int = 0

    @property
    def phrase(self) -> str:
        """The report phrase, e.g. “查处违建42处，拆除违建1035平方米” or “清理占道经营73户”.

        >>> violations = CategoryInfo("违法建设", "违建", "处", "查处", "平方米", "拆除")
        >>> CategoryTally(violations, found=42, closed_quantity=Decimal("1035.0")).phrase
        '查处违建42处，拆除违建1035平方米'
        >>> CategoryTally(CategoryInfo("乱占道经营", "占道经营", "户", "清理"), found=73).phrase
        '清理占道经营73户'
        """
        info = self.category
        text = f"{info.count_verb}{info.label}{self.found}{info.count_unit}"
        if info.quantity_unit and self.closed_quantity:
            verb = info.quantity_verb or "整改"
            text += f"，{verb}{info.label}{written_quantity(self.closed_quantity, info.quantity_unit)}"
        return text


def in_subtree(facts: Iterable[FindingFact], area_path: str) -> list[FindingFact]:
    """The facts whose responsible area lies in the subtree starting at ``area_path``."""
    return [fact for fact in facts if fact.area_path.startswith(area_path)]


def tally_by_category(
    facts: Iterable[FindingFact], period: Period, today: datetime.date
) -> list[CategoryTally]:
    """Per category: found in the period (count, quantity), closed in the period, still open, overdue.

    Open and overdue count the findings found in the period that are open as of ``today``.
    Categories appear in the order their first finding is met; categories with nothing in
    the period are left out.
    """
    tallies: dict[CategoryInfo, CategoryTally] = {}
    for fact in facts:
        found_now = fact.found_on in period
        closed_now = fact.status == Status.CLOSED and fact.closed_on in period
        if not (found_now or closed_now):
            continue
        tally = tallies.setdefault(fact.category, CategoryTally(fact.category))
        if found_now:
            tally.found += 1
            tally.found_quantity += fact.quantity or 0
            if fact.status != Status.CLOSED:
                tally.open += 1
                tally.overdue += is_overdue(fact.deadline, fact.status, today)
        if closed_now:
            tally.closed += 1
            tally.closed_quantity += fact.quantity or 0
    return list(tallies.values())


def closure_rate(facts: Iterable[FindingFact], period: Period) -> Decimal | None:
    """整改销号率: the share (in %, one decimal) of the period's findings already closed; None when none.

    >>> info = CategoryInfo("乱堆乱放")
    >>> days = [datetime.date(2026, 3, day) for day in (2, 5, 9)]
    >>> facts = [FindingFact(info, "001", day, status) for day, status in zip(days, ["closed", "closed", "submitted"])]
    >>> closure_rate(facts, Period.month(2026, 3))
    Decimal('66.7')
    """
    found = [fact for fact in facts if fact.found_on in period]
    if not found:
        return None
    closed = sum(1 for fact in found if fact.status == Status.CLOSED)
    return (Decimal(100) * closed / len(found)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def overdue_count(facts: Iterable[FindingFact], today: datetime.date) -> int:
    """How many findings are open past their deadline as of ``today`` (逾期未整改), whenever found."""
    return sum(1 for fact in facts if is_overdue(fact.deadline, fact.status, today))


@dataclass
class Summary:
    """The headline figures of supervision for an area and period."""

    period: Period
    found: int
    closed: int
    open: int
    overdue: int
    closure_rate: Decimal | None
    categories: list[CategoryTally] = field(default_factory=list)

    @property
    def phrases(self) -> str:
        """The phrases of the categories found in the period, joined the way a summary sentence runs:
        “查处违建42处，…；清理占道经营73户”."""
        return "；".join(tally.phrase for tally in self.categories if tally.found)


def summarise(facts: Iterable[FindingFact], period: Period, today: datetime.date) -> Summary:
    """The period's findings: how many found, closed, still open, overdue now, the closure rate, by category."""
    facts = list(facts)
    found = [fact for fact in facts if fact.found_on in period]
    closed = sum(1 for fact in found if fact.status == Status.CLOSED)
    return Summary(
        period=period,
        found=len(found),
        closed=closed,
        open=len(found) - closed,
        overdue=overdue_count(facts, today),
        closure_rate=closure_rate(found, period),
        categories=tally_by_category(facts, period, today),
    )


@dataclass
class AreaRow:
    """One area's line in a by-area table."""

    name: str
    code: str
    found: int
    closed: int
    overdue: int
    closure_rate: Decimal | None


def by_area(
    facts: Iterable[FindingFact], areas: Iterable[tuple[str, str, str]], period: Period, today: datetime.date
) -> list[AreaRow]:
    """One row per area (given as ``(path, name, code)``), each counting its whole subtree."""
    facts = list(facts)
    rows = []
    for path, name, code in areas:
        mine = in_subtree(facts, path)
        found = [fact for fact in mine if fact.found_on in period]
        rows.append(
            AreaRow(
                name=name,
                code=code,
                found=len(found),
                closed=sum(1 for fact in found if fact.status == Status.CLOSED),
                overdue=overdue_count(mine, today),
                closure_rate=closure_rate(found, period),
            )
        )
    return rows


def facts_from(findings) -> list[FindingFact]:
    """Read a queryset of findings into facts, in one query."""
    rows = findings.values_list(
        "category__name",
        "category__short_name",
        "category__count_unit",
        "category__count_verb",
        "category__quantity_unit",
        "category__quantity_verb",
        "area__path",
        "found_on",
        "status",
        "deadline",
        "closed_on",
        "quantity",
    ).order_by("category__order", "category_id", "found_on", "id")
    return [FindingFact(CategoryInfo(*row[:6]), *row[6:]) for row in rows]
