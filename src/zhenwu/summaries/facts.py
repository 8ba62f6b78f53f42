"""Gather what a work summary says: the ledger's indicators, the key projects and supervision.

Each capability's figures come through its own rules — ``ledger.tables.area_table``,
``projects.facts.load_facts`` with ``projects.rates.summarise``, ``inspections.tallies`` —
and are reduced here to plain data the drafting functions work on. Pass ``user`` and every
queryset goes through ``for_user``; without it (the command line) the whole subtree is read.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from zhenwu.areas.models import Area, Level
from zhenwu.inspections.models import Finding
from zhenwu.inspections.models import Status as FindingStatus
from zhenwu.inspections.rectification import days_overdue
from zhenwu.inspections.tallies import Period as TallyPeriod
from zhenwu.inspections.tallies import Summary as SupervisionSummary
from zhenwu.inspections.tallies import facts_from
from zhenwu.inspections.tallies import summarise as summarise_findings
from zhenwu.ledger import checklists, tables
from zhenwu.ledger.models import Theme
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.periods import Period
from zhenwu.projects.facts import latest_photo, load_facts, photo_data
from zhenwu.projects.models import Project, Status
from zhenwu.projects.rates import Month, ProjectFacts, by_category, summarise
from zhenwu.projects.rates import Summary as ProjectSummary


@dataclass(frozen=True)
class IndicatorFact:
    """One indicator of the area for the period, with the ledger's rules applied."""

    code: str
    name: str
    aliases: tuple[str, ...]
    unit: str
    decimals: int
    kind: str
    direction: str
    theme: str
    value: Decimal | None
    target: Decimal | None = None
    last_year: Decimal | None = None
    rate: Decimal | None = None  # 完成率, per cent
    schedule: Decimal = Decimal(0)  # 时序进度 (100 for a level), per cent
    schedule_by_days: bool = False  # the county counts 时序进度 in days (台账规则)
    gap: Decimal | None = None  # 百分点
    standing: str = ""
    yoy: Decimal | None = None  # 同比, per cent
    record_id: int | None = None  # the ReportedValue the figure was read from
    record_status: str = ""
    aggregated: str = ""  # "10/12" when added up from the children

    @property
    def theme_label(self) -> str:
        return Theme(self.theme).label


@dataclass(frozen=True)
class ProjectHighlight:
    name: str
    status: str  # the status label: 开工 / 在建 / 竣工 / 投产
    total_investment: Decimal  # 万元
    town: str = ""
    photo: bytes | None = None  # the newest site photo of the period, for the draft's 图文
    photo_caption: str = ""


@dataclass
class ProjectsFact:
    """The key projects of the area for the period (money in 万元)."""

    total: ProjectSummary
    categories: list[ProjectSummary]
    highlights: list[ProjectHighlight] = field(default_factory=list)


@dataclass(frozen=True)
class OverdueItem:
    category: str
    location: str
    area: str
    days: int


@dataclass
class SupervisionFact:
    summary: SupervisionSummary
    overdue: list[OverdueItem] = field(default_factory=list)


@dataclass
class Facts:
    """Everything a summary of ``area`` for ``period`` states, read once."""

    area_name: str
    area_code: str
    area_level: str
    period: Period
    indicators: list[IndicatorFact]
    projects: ProjectsFact | None
    supervision: SupervisionFact | None
    today: datetime.date
    standards: list[str] = field(default_factory=list)  # 创建标准 清单项 sentences (only 通过 counts)

    @property
    def scope_word(self) -> str:
        """全镇 / 全县 / 全街道 / 全乡, as the area's own report says it."""
        return self.scope_word_of(self.area_name)

    @staticmethod
    def scope_word_of(area_name: str) -> str:
        for suffix, word in (
            ("街道", "全街道"),
            ("县", "全县"),
            ("区", "全区"),
            ("市", "全市"),
            ("乡", "全乡"),
        ):
            if area_name.endswith(suffix):
                return word
        return "全镇"

    @property
    def issuer(self) -> str:
        """The signing body: 青山镇人民政府, 城关街道办事处, 青溪县人民政府."""
        if self.area_name.endswith("街道"):
            return f"{self.area_name}办事处"
        return f"{self.area_name}人民政府"


def _scoped(queryset, user):
    return queryset.for_user(user) if user is not None else queryset


def indicator_facts(area: Area, period: Period) -> list[IndicatorFact]:
    """The area's indicators for the period from the ledger's own table (summed from the towns where needed)."""
    table = tables.area_table(area, period.year, period.last_month)
    records = tables.value_records(area, period.year, period.last_month)
    facts = []
    for row in table.rows:
        indicator, progress = row.indicator, row.progress
        record_id, status = records.get(indicator.pk, (None, ""))
        facts.append(
            IndicatorFact(
                code=indicator.code,
                name=indicator.name,
                aliases=tuple(indicator.alias_list),
                unit=indicator.unit,
                decimals=indicator.decimals,
                kind=indicator.kind,
                direction=indicator.direction,
                theme=indicator.theme,
                value=progress.value,
                target=progress.target,
                last_year=_last_year(row),
                rate=progress.rate,
                schedule=progress.schedule,
                schedule_by_days=table.rules.by_days,
                gap=progress.gap,
                standing=progress.standing,
                yoy=progress.yoy.percent,
                record_id=None if row.aggregate else record_id,
                record_status=status,
                aggregated=row.aggregate.completeness if row.aggregate else "",
            )
        )
    return facts


def _last_year(row) -> Decimal | None:
    """Last year's figure of the same period, recovered from the ledger's 同比 (value ÷ (1 + rate))."""
    yoy, value = row.progress.yoy.percent, row.progress.value
    if yoy is None or value is None:
        return None
    return value * 100 / (100 + yoy) if yoy != -100 else None


def project_facts(
    area: Area, period: Period, user=None, today: datetime.date | None = None
) -> ProjectsFact | None:
    """The key projects of the area's subtree for the period's last month, or None when there are none."""
    projects = _scoped(Project.objects.in_subtree(area), user)
    month = Month(period.year, period.last_month)
    due = reporting_month(area, today or timezone.localdate()).is_due(month)
    facts: list[ProjectFacts] = load_facts(projects, month, due=due)
    if not facts:
        return None
    total = summarise(facts, month)
    start, end = datetime.date(period.year, period.first_month, 1), month.last_day
    finished = projects.filter(completed_on__range=(start, end)).order_by("-total_investment")
    started = (
        projects.filter(started_on__range=(start, end)).exclude(pk__in=finished).order_by("-total_investment")
    )
    highlights = [
        _highlight(p, month)
        for p in [*finished.select_related("area")[:3], *started.select_related("area")[:3]]
    ]
    return ProjectsFact(total, by_category(facts, month), highlights)


def _highlight(project: Project, month: Month) -> ProjectHighlight:
    photo = latest_photo(project, month)
    data = photo_data(photo) if photo is not None else None
    caption = f"{project.name}（{photo.taken_on.month}月{photo.taken_on.day}日）" if data else ""
    return ProjectHighlight(
        project.name, Status(project.status).label, project.total_investment, project.area.name, data, caption
    )


def supervision_facts(area: Area, period: Period, today: datetime.date, user=None) -> SupervisionFact | None:
    """Findings of the area's subtree in the period, and those overdue now; None when there were none."""
    findings = _scoped(Finding.objects.in_subtree(area), user)
    span = TallyPeriod.year_to_month(period.year, period.last_month)
    as_of = min(today, span.end) if today >= span.start else span.end
    summary = summarise_findings(facts_from(findings), span, as_of)
    if not summary.found and not summary.overdue:
        return None
    overdue = []
    for finding in (
        findings.exclude(status=FindingStatus.CLOSED)
        .select_related("category", "area")
        .order_by("deadline")[:200]
    ):
        days = days_overdue(finding.deadline, finding.status, as_of)
        if days > 0:
            overdue.append(
                OverdueItem(
                    finding.category.short_name or finding.category.name,
                    finding.location,
                    finding.area.name,
                    days,
                )
            )
    return SupervisionFact(summary, overdue)


def gather(area: Area, period: Period, *, user=None, today: datetime.date | None = None) -> Facts:
    """Read everything the summary of ``area`` for ``period`` states."""
    today = today or timezone.localdate()
    return Facts(
        area_name=area.name,
        area_code=area.code,
        area_level=area.level,
        period=period,
        indicators=indicator_facts(area, period),
        projects=project_facts(area, period, user, today),
        supervision=supervision_facts(area, period, today, user),
        today=today,
        standards=checklists.standard_sentences(area, Facts.scope_word_of(area.name)),
    )


def is_county(level: str) -> bool:
    return level in (Level.COUNTY, Level.CITY, Level.PROVINCE)
