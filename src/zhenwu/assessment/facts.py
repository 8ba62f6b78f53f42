"""Gather the figures a scheme scores from: the ledger, the key projects, supervision and manual scores.

Each source is read through its own app's rules (``ledger.tables``/``ledger.progress``,
``projects.facts``/``projects.rates``, ``inspections.tallies``) in a handful of queries for all
assessed areas at once, and reduced to the plain records of :mod:`zhenwu.assessment.scoring`,
each with a line saying where it came from.

Supervision is read *as of the period's end* (or today, while the period runs): a finding
closed after the period's end counts as open, one found after it not at all — so a past
quarter scores the same whenever it is computed. The tallies module counts as of the day it is
given, so the statuses are turned back here before calling it.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from zhenwu.areas.models import Area, Department
from zhenwu.assessment import scoring
from zhenwu.assessment.models import ManualScore, Scheme, department_key
from zhenwu.assessment.periods import Period
from zhenwu.assessment.units import units_of
from zhenwu.inspections import tallies
from zhenwu.inspections.models import Finding, Status
from zhenwu.ledger.loading import load_figures
from zhenwu.ledger.models import Indicator, ReportedValue, ValueStatus
from zhenwu.projects import rates
from zhenwu.projects.facts import load_facts
from zhenwu.projects.models import Project

PROJECT_RULES = {scoring.PROJECT_START_RATE, scoring.PROJECT_INVESTMENT_RATE}
INSPECTION_RULES = {scoring.INSPECTION_CLOSURE, scoring.OVERDUE_DEDUCTION}


def _under(areas: list[Area], field: str = "area__path") -> Q:
    condition = Q(pk__in=[])
    for area in areas:
        condition |= Q(**{f"{field}__startswith": area.path})
    return condition


def _needs(rules: list[scoring.Rule]) -> tuple[set[str], bool, bool]:
    """Which indicator codes, and whether projects and supervision, the criteria read."""
    codes, projects, inspections = set(), False, False
    for rule in rules:
        if rule.params.get("indicator"):
            codes.add(rule.params["indicator"])
        measure = rule.params.get("measure", "")
        projects |= rule.rule in PROJECT_RULES or measure in ("start_rate", "investment_rate")
        inspections |= rule.rule in INSPECTION_RULES or measure == "closure_rate"
    return codes, projects, inspections


def gather(
    scheme: Scheme, period: Period, *, today: datetime.date | None = None, criteria=None
) -> scoring.Facts:
    """The period's facts for every unit the scheme assesses, ready for :func:`scoring.compute`.

    Units are keyed by :attr:`Unit.key` (an area's code, a department's key). An area's figures
    cover its whole subtree; a department's are the projects and findings it answers for.
    """
    today = today or timezone.localdate()
    criteria = list(scheme.criteria.all()) if criteria is None else criteria
    rules = [criterion.as_rule() for criterion in criteria]
    found = units_of(scheme)
    areas = [unit.area for unit in found if unit.area is not None]
    departments = [unit.department for unit in found if unit.department is not None]
    codes, want_projects, want_inspections = _needs(rules)
    by_unit = {unit.key: scoring.AreaFacts(unit.key, unit.name) for unit in found}
    if codes and areas:
        for area_pk, figures in indicator_figures(areas, codes, period).items():
            by_unit[_area_key(areas, area_pk)].indicators = figures
    if want_projects:
        for area_pk, figures in project_figures(areas, period).items():
            by_unit[_area_key(areas, area_pk)].projects = figures
        for key, figures in department_project_figures(departments, period).items():
            by_unit[key].projects = figures
    if want_inspections:
        day = min(period.end, today)
        for area_pk, figures in inspection_figures(areas, period, day).items():
            by_unit[_area_key(areas, area_pk)].inspections = figures
        for key, figures in department_inspection_figures(departments, period, day).items():
            by_unit[key].inspections = figures
    for key, entries in manual_entries(criteria, period).items():
        if key in by_unit:
            by_unit[key].manual = entries
    return scoring.Facts(period.end_month, period.label, [by_unit[unit.key] for unit in found])


def _area_key(areas: list[Area], area_pk: int) -> str:
    return next(area.code for area in areas if area.pk == area_pk)


def indicator_figures(
    areas: list[Area], codes: set[str], period: Period
) -> dict[int, dict[str, scoring.IndicatorFigures]]:
    """Each area's 1-N月 figure, target in force and last year's figure for the named indicators."""
    indicators = list(Indicator.objects.filter(code__in=codes))
    month = period.end_month
    loaded = load_figures([area.pk for area in areas], indicators, period.year, month)
    statuses = dict(
        (((area_pk, indicator_pk), status))
        for area_pk, indicator_pk, status in ReportedValue.objects.filter(
            area__in=areas, indicator__in=indicators, year=period.year, month=month
        ).values_list("area_id", "indicator_id", "status")
    )
    result: dict[int, dict[str, scoring.IndicatorFigures]] = {}
    for area in areas:
        figures = {}
        for indicator in indicators:
            key = (area.pk, indicator.pk)
            status = statuses.get(key)
            state = f"，{ValueStatus(status).label}" if status else ""
            figures[indicator.code] = scoring.IndicatorFigures(
                name=indicator.name,
                unit=indicator.unit,
                value=loaded.current.get(key),
                target=loaded.targets.get(key),
                last_year=loaded.last_year.get(key),
                direction=indicator.direction,
                kind=indicator.kind,
                decimals=indicator.decimals,
                source=f"指标台账：{area.name}{period.year}年{period.to_date_label}{indicator.name}{state}",
            )
        result[area.pk] = figures
    return result


def project_figures(areas: list[Area], period: Period) -> dict[int, scoring.ProjectFigures]:
    """Each area's key projects (its whole subtree): 开工 against plan, investment against the year's plan."""
    month = rates.Month(period.year, period.end_month)
    projects = Project.objects.filter(_under(areas))
    paths = dict(projects.values_list("pk", "area__path"))
    facts = load_facts(projects, month)
    result = {}
    for area in areas:
        mine = [fact for fact in facts if paths[fact.pk].startswith(area.path)]
        summary = rates.summarise(mine, month, area.name)
        result[area.pk] = scoring.ProjectFigures(
            count=summary.count,
            started=summary.started,
            due_to_start=summary.due_to_start,
            annual_plan=summary.annual_plan,
            ytd=summary.ytd,
            source=f"重点项目台账：{area.name}{month.year}年{month.label}，{summary.count}个项目",
        )
    return result


def department_project_figures(
    departments: list[Department], period: Period
) -> dict[str, scoring.ProjectFigures]:
    """Each department's key projects (those it is 责任单位 for), keyed by the department's key."""
    if not departments:
        return {}
    month = rates.Month(period.year, period.end_month)
    projects = Project.objects.filter(department__in=departments)
    owners = dict(projects.values_list("pk", "department_id"))
    facts = load_facts(projects, month)
    result = {}
    for department in departments:
        mine = [fact for fact in facts if owners[fact.pk] == department.pk]
        summary = rates.summarise(mine, month, department.name)
        result[department_key(department.pk)] = scoring.ProjectFigures(
            count=summary.count,
            started=summary.started,
            due_to_start=summary.due_to_start,
            annual_plan=summary.annual_plan,
            ytd=summary.ytd,
            source=f"重点项目台账：{department.name}为责任单位，{month.year}年{month.label}，{summary.count}个项目",
        )
    return result


def as_of(fact: tallies.FindingFact, day: datetime.date) -> tallies.FindingFact:
    """The finding as it stood at the end of ``day``: closed later means still open then."""
    if fact.status == Status.CLOSED and (fact.closed_on is None or fact.closed_on > day):
        return dataclasses.replace(fact, status=Status.ASSIGNED, closed_on=None)
    return fact


def inspection_figures(
    areas: list[Area], period: Period, day: datetime.date
) -> dict[int, scoring.InspectionFigures]:
    """Each area's findings found in the period, closed by ``day``, and overdue on ``day``."""
    findings = Finding.objects.filter(_under(areas), found_on__lte=day)
    facts = [as_of(fact, day) for fact in tallies.facts_from(findings)]
    span = tallies.Period(period.start, period.end, period.label)
    result = {}
    for area in areas:
        mine = tallies.in_subtree(facts, area.path)
        found = [fact for fact in mine if fact.found_on in span]
        result[area.pk] = scoring.InspectionFigures(
            found=len(found),
            closed=sum(1 for fact in found if fact.status == Status.CLOSED),
            overdue=tallies.overdue_count(mine, day),
            closure_rate=tallies.closure_rate(found, span),
            source=f"督查整改台账：{area.name}{period.label}，截至{day.month}月{day.day}日",
        )
    return result


def department_inspection_figures(
    departments: list[Department], period: Period, day: datetime.date
) -> dict[str, scoring.InspectionFigures]:
    """Each department's findings (those it is 责任单位 for), keyed by the department's key."""
    findings = Finding.objects.filter(found_on__lte=day)
    span = tallies.Period(period.start, period.end, period.label)
    result = {}
    for department in departments:  # a scheme ranks a handful of departments: a query each
        mine = [as_of(fact, day) for fact in tallies.facts_from(findings.filter(department=department))]
        found = [fact for fact in mine if fact.found_on in span]
        result[department_key(department.pk)] = scoring.InspectionFigures(
            found=len(found),
            closed=sum(1 for fact in found if fact.status == Status.CLOSED),
            overdue=tallies.overdue_count(mine, day),
            closure_rate=tallies.closure_rate(found, span),
            source=f"督查整改台账：{department.name}为责任单位，{period.label}，截至{day.month}月{day.day}日",
        )
    return result


def manual_entries(criteria, period: Period) -> dict[str, dict[str, list[scoring.ManualEntry]]]:
    """The assessors' entries of the period: unit key → criterion key → entries in the order made."""
    result: dict[str, dict[str, list[scoring.ManualEntry]]] = defaultdict(lambda: defaultdict(list))
    entries = (
        ManualScore.objects.filter(criterion__in=[c for c in criteria if c.is_manual], period=period.key)
        .select_related("entered_by", "area")
        .order_by("entered_at", "id")
    )
    for entry in entries:
        when = timezone.localtime(entry.entered_at)
        result[entry.unit_key][str(entry.criterion_id)].append(
            scoring.ManualEntry(
                points=entry.points,
                reason=entry.reason,
                by=entry.entered_by.get_full_name() or entry.entered_by.username,
                on=f"{when.month}月{when.day}日",
            )
        )
    return {area: dict(entries) for area, entries in result.items()}
