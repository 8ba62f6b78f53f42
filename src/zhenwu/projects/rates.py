"""The project ledger's rules: 开工率, 竣工率, 投资完成率 against 时序进度, and which projects are behind.

Pure functions over :class:`ProjectFacts` (plain data read from the ledger by
``zhenwu.projects.facts``); nothing here touches the database. Percentages are numbers of
per cent (``Decimal("50.2")`` is 50.2%), rounded only when shown.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from zhenwu.ledger.progress import Standing, gap_points, schedule_by_months, standing
from zhenwu.lib.periods import Month

HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Status values, as stored (see zhenwu.projects.models.Status); kept here so the rules need no Django.
STARTED = frozenset({"started", "building", "completed", "operating"})
COMPLETED = frozenset({"completed", "operating"})
UNDER_WAY = frozenset({"started", "building"})


class Behind:
    """Why a project is listed as behind (plain strings, shown as they are)."""

    START_OVERDUE = "逾期未开工"
    COMPLETION_OVERDUE = "逾期未竣工"
    INVESTMENT_LAGGING = "投资滞后"
    NO_UPDATE = "本月未报"


@dataclass(frozen=True)
class ProjectFacts:
    """What the rules need to know about one project for one reporting month (money in 万元)."""

    name: str
    status: str
    total_investment: Decimal = ZERO
    annual_plan: Decimal | None = None  # 年度计划投资 of the month's year
    ytd: Decimal = ZERO  # 1-N月累计完成投资, from the latest update of the year up to the month
    planned_start: datetime.date | None = None
    planned_completion: datetime.date | None = None
    updated_this_month: bool = False
    update_due: bool = True  # the month's deadline has passed: without an update the project is 本月未报
    area: str = ""  # the town's name, for grouping
    category: str = ""  # the category label, for grouping
    pk: int | None = None


def time_progress(month: Month) -> Decimal:
    """时序进度 at the end of the month, from the ledger's rule: N/12 of the year (50% after June)."""
    return schedule_by_months(month.month)


def rate(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """A share in per cent, or ``None`` when there is nothing to divide by.

    >>> rate(3, 4)
    Decimal('75')
    >>> rate(0, 0) is None
    True
    """
    if not whole:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)


def due_to_start(project: ProjectFacts, month: Month) -> bool:
    """Planned to start by the end of the month (the denominator of 开工率)."""
    return project.planned_start is not None and project.planned_start <= month.last_day


def due_to_complete(project: ProjectFacts, month: Month) -> bool:
    """Planned to be finished by the end of the month (the denominator of 竣工率)."""
    return project.planned_completion is not None and project.planned_completion <= month.last_day


def start_rate(projects: Iterable[ProjectFacts], month: Month) -> tuple[int, int, Decimal | None]:
    """开工率: of the projects planned to start by now, how many have started (开工 or later).

    A project that starts ahead of its plan is not counted, so the rate never passes 100%.
    Returns (started, planned, rate).
    """
    due = [p for p in projects if due_to_start(p, month)]
    started = sum(1 for p in due if p.status in STARTED)
    return started, len(due), rate(started, len(due))


def completion_rate(projects: Iterable[ProjectFacts], month: Month) -> tuple[int, int, Decimal | None]:
    """竣工率: of the projects planned to be finished by now, how many are (竣工 or 投产).

    Returns (completed, planned, rate).
    """
    due = [p for p in projects if due_to_complete(p, month)]
    done = sum(1 for p in due if p.status in COMPLETED)
    return done, len(due), rate(done, len(due))


def investment_rate(project: ProjectFacts) -> Decimal | None:
    """投资完成率: 1-N月 completed investment as a share of the year's planned investment."""
    if project.annual_plan is None:
        return None
    return rate(project.ytd, project.annual_plan)


def needs_update(project: ProjectFacts) -> bool:
    """A project reports every month while it is being built, or has money planned this year and is not finished."""
    return project.status in UNDER_WAY or (bool(project.annual_plan) and project.status not in COMPLETED)


def behind_reasons(project: ProjectFacts, month: Month) -> list[str]:
    """Why the project is behind at the end of the month (empty when it is on schedule).

    - 逾期未开工: planned to start by now and not started;
    - 逾期未竣工: planned to be finished by now and not finished;
    - 投资滞后: 投资完成率 below 时序进度;
    - 本月未报: it should report monthly, the month's deadline has passed and it has no update.
    """
    reasons = []
    if due_to_start(project, month) and project.status not in STARTED:
        reasons.append(Behind.START_OVERDUE)
    elif due_to_complete(project, month) and project.status not in COMPLETED:
        reasons.append(Behind.COMPLETION_OVERDUE)
    gap = gap_points(investment_rate(project), time_progress(month))
    if gap is not None and gap < 0:
        reasons.append(Behind.INVESTMENT_LAGGING)
    if needs_update(project) and project.update_due and not project.updated_this_month:
        reasons.append(Behind.NO_UPDATE)
    return reasons


@dataclass
class Summary:
    """The figures of a group of projects for one month (money in 万元, rates in per cent)."""

    label: str
    month: Month
    count: int = 0
    total_investment: Decimal = ZERO
    annual_plan: Decimal = ZERO
    ytd: Decimal = ZERO
    started: int = 0
    due_to_start: int = 0
    completed: int = 0
    due_to_complete: int = 0
    behind: list[tuple[ProjectFacts, list[str]]] = field(default_factory=list)
    not_reported: int = 0

    @property
    def schedule(self) -> Decimal:
        return time_progress(self.month)

    @property
    def investment_rate(self) -> Decimal | None:
        return rate(self.ytd, self.annual_plan)

    @property
    def gap(self) -> Decimal | None:
        """投资完成率 minus 时序进度, in 百分点 (negative is behind)."""
        return gap_points(self.investment_rate, self.schedule)

    @property
    def standing(self) -> str:
        return standing(self.gap) if self.annual_plan else Standing.UNKNOWN

    @property
    def start_rate(self) -> Decimal | None:
        return rate(self.started, self.due_to_start)

    @property
    def completion_rate(self) -> Decimal | None:
        return rate(self.completed, self.due_to_complete)


def summarise(projects: Iterable[ProjectFacts], month: Month, label: str = "合计") -> Summary:
    """Add up a group of projects: counts, money, 开工率, 竣工率, 投资完成率 and the projects behind."""
    projects = list(projects)
    summary = Summary(label, month, count=len(projects))
    summary.started, summary.due_to_start, _ = start_rate(projects, month)
    summary.completed, summary.due_to_complete, _ = completion_rate(projects, month)
    for project in projects:
        summary.total_investment += project.total_investment
        summary.annual_plan += project.annual_plan or ZERO
        summary.ytd += project.ytd
        reasons = behind_reasons(project, month)
        if reasons:
            summary.behind.append((project, reasons))
        if Behind.NO_UPDATE in reasons:
            summary.not_reported += 1
    return summary


def summarise_by(
    projects: Iterable[ProjectFacts], month: Month, key: Callable[[ProjectFacts], str]
) -> list[Summary]:
    """One summary per group (by town: ``key=lambda p: p.area``), in the order groups first appear."""
    groups: dict[str, list[ProjectFacts]] = {}
    for project in projects:
        groups.setdefault(key(project), []).append(project)
    return [summarise(members, month, label) for label, members in groups.items()]


def by_area(projects: Iterable[ProjectFacts], month: Month) -> list[Summary]:
    return summarise_by(projects, month, lambda p: p.area)


def by_category(projects: Iterable[ProjectFacts], month: Month) -> list[Summary]:
    return summarise_by(projects, month, lambda p: p.category)
