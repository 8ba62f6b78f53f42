"""Computing, publishing and revising results; manual scores; the tables the pages show.

A draft result is recomputed at will. Publishing freezes it: its rows and explanations are
never rewritten. A later data correction shows up only in :func:`differences`, and becomes
official only when a 管理员 publishes a new version — the old one is kept as 已被新版本取代.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhenwu.areas.access import subtree_filter
from zhenwu.areas.models import Area, Department, Level
from zhenwu.assessment import facts as gathering
from zhenwu.assessment import scoring
from zhenwu.assessment.models import (
    Criterion,
    ManualScore,
    Result,
    ResultRow,
    ResultStatus,
    Scheme,
    ScoreDetail,
    UnitKind,
)
from zhenwu.assessment.periods import Period
from zhenwu.assessment.units import unit_of, units_of
from zhenwu.ledger import checklists
from zhenwu.ledger.reporting import reporting_month
from zhenwu.summaries.facts import Facts


class AssessmentError(Exception):
    """An action that cannot be done as asked; the message says why, in words for the page."""


def published(scheme: Scheme, period: Period) -> Result | None:
    return Result.objects.filter(scheme=scheme, period=period.key, status=ResultStatus.PUBLISHED).first()


def draft(scheme: Scheme, period: Period) -> Result | None:
    return Result.objects.filter(scheme=scheme, period=period.key, status=ResultStatus.DRAFT).first()


def previous_ranks(scheme: Scheme, period: Period) -> dict[str, int]:
    """The ranks (unit key → rank) of the previous period's published result, for 升降位次."""
    before = published(scheme, period.previous())
    if before is None:
        return {}
    return {row.unit_key: row.rank for row in before.rows.select_related("area")}


def compute(scheme: Scheme, period: Period, today: datetime.date | None = None) -> list[scoring.Outcome]:
    """Score the period from the data as it is now (nothing is saved)."""
    criteria = list(scheme.criteria.all())
    problem = scheme.weight_problem()
    if problem:
        raise AssessmentError(f"方案“{scheme.name}”的权重有误：{problem}")
    facts = gathering.gather(scheme, period, today=today, criteria=criteria)
    return scoring.compute(
        [c.as_rule() for c in criteria], facts, scheme.grade_list, previous_ranks(scheme, period)
    )


def standards_text(scheme: Scheme) -> str:
    """What a ranking of towns says of their checklist standards (“七个一”建设…); empty for other rankings.

    Only a ranking of an area's towns quotes them: the standards are checked for the towns, not
    for departments or villages.
    """
    area = scheme.area
    if scheme.unit_kind != UnitKind.TOWNS or area.level in (Level.TOWN, Level.VILLAGE):
        return ""
    return "".join(checklists.standard_sentences(area, Facts.scope_word_of(area.name)))


def _write(result: Result, outcomes: list[scoring.Outcome]) -> None:
    result.standards = standards_text(result.scheme)
    result.save(update_fields=["standards"])
    units = {unit.key: unit for unit in units_of(result.scheme)}
    rows = ResultRow.objects.bulk_create(
        [
            ResultRow(
                result=result,
                area=units[o.code].area,
                department=units[o.code].department,
                total=o.total,
                rank=o.rank,
                grade=o.grade,
                vetoed=o.vetoed,
                movement=o.movement,
            )
            for o in outcomes
        ]
    )
    ScoreDetail.objects.bulk_create(
        [
            ScoreDetail(row=row, criterion_id=int(key), points=score.points, explanation=score.as_json())
            for row, outcome in zip(rows, outcomes, strict=True)
            for key, score in outcome.scores.items()
        ]
    )


def _next_version(scheme: Scheme, period: Period) -> int:
    latest = Result.objects.filter(scheme=scheme, period=period.key).aggregate(v=Max("version"))["v"]
    return (latest or 0) + 1


@transaction.atomic
def compute_draft(scheme: Scheme, period: Period, today: datetime.date | None = None) -> Result:
    """Compute (or recompute) the period's draft; a published period is revised through :func:`publish_revision`."""
    if published(scheme, period):
        raise AssessmentError(f"{period.label}的结果已发布，不能直接重算；请在“重新核算”中比较后发布新版本")
    outcomes = compute(scheme, period, today)
    result = draft(scheme, period)
    if result is None:
        result = Result.objects.create(
            scheme=scheme, period=period.key, version=_next_version(scheme, period)
        )
    else:
        result.rows.all().delete()
        result.computed_at = timezone.now()
        result.save(update_fields=["computed_at"])
    _write(result, outcomes)
    return result


@transaction.atomic
def publish(result: Result, user) -> Result:
    """Publish a draft as it was reviewed: from now on its scores are frozen."""
    if result.status != ResultStatus.DRAFT:
        raise AssessmentError("该结果已发布")
    if not result.rows.exists():
        raise AssessmentError("结果尚未计算，不能发布")
    result.status = ResultStatus.PUBLISHED
    result.published_at = timezone.now()
    result.published_by = user
    result.save(update_fields=["status", "published_at", "published_by"])
    return result


@transaction.atomic
def publish_revision(
    scheme: Scheme, period: Period, user, note: str, today: datetime.date | None = None
) -> Result:
    """Publish a new version from today's data; the old published version is kept, marked superseded."""
    old = published(scheme, period)
    if old is None:
        raise AssessmentError(f"{period.label}尚无已发布的结果")
    if not note.strip():
        raise AssessmentError("请说明修订原因")
    outcomes = compute(scheme, period, today)
    Result.objects.filter(scheme=scheme, period=period.key, status=ResultStatus.DRAFT).delete()
    old.status = ResultStatus.SUPERSEDED
    old.save(update_fields=["status"])
    new = Result.objects.create(
        scheme=scheme,
        period=period.key,
        version=_next_version(scheme, period),
        status=ResultStatus.PUBLISHED,
        published_at=timezone.now(),
        published_by=user,
        note=note.strip(),
    )
    _write(new, outcomes)
    return new


@transaction.atomic
def enter_manual_score(
    criterion: Criterion, unit: Area | Department, period: Period, points: Decimal, reason: str, user
) -> ManualScore:
    """Record an assessor's score (暗访 deduction, bonus, veto or a direct score) for a unit, with its reason.

    The unit is an area (a town, a village) or a department, as the scheme assesses.
    """
    if not criterion.is_manual:
        raise AssessmentError(f"“{criterion.name}”按规则自动计分，不能人工评分")
    found = unit_of(criterion.scheme, unit)
    if found is None:
        raise AssessmentError(f"{unit.name}不是本方案的考核对象")
    if not reason.strip():
        raise AssessmentError("请填写评分事由")
    if points < 0:
        raise AssessmentError("分数不能为负数：扣分项填写扣除的分数")
    return ManualScore.objects.create(
        criterion=criterion,
        area=found.area,
        department=found.department,
        period=period.key,
        points=points,
        reason=reason.strip(),
        entered_by=user,
    )


# --- what would change ------------------------------------------------------------------------------------


@dataclass
class CriterionChange:
    name: str
    old: Decimal | None
    new: Decimal | None
    working: str


@dataclass
class AreaChange:
    """One area's published line against the line computed from today's data."""

    name: str
    old_total: Decimal | None
    new_total: Decimal
    old_rank: int | None
    new_rank: int
    old_grade: str
    new_grade: str
    criteria: list[CriterionChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.criteria) or (self.old_total, self.old_rank, self.old_grade) != (
            self.new_total,
            self.new_rank,
            self.new_grade,
        )


def differences(result: Result, outcomes: list[scoring.Outcome]) -> list[AreaChange]:
    """Per area and criterion, what a recompute would change in a published result (unchanged areas included)."""
    names = {str(c.pk): c.name for c in result.scheme.criteria.all()}
    stored = {
        row.unit_key: row
        for row in result.rows.select_related("area", "department").prefetch_related("details__criterion")
    }
    changes = []
    for outcome in outcomes:
        row = stored.get(outcome.code)
        old_points = {str(d.criterion_id): d.points for d in row.details.all()} if row else {}
        for detail in row.details.all() if row else ():
            names.setdefault(str(detail.criterion_id), detail.criterion.name)
        change = AreaChange(
            name=outcome.name,
            old_total=row.total if row else None,
            new_total=outcome.total,
            old_rank=row.rank if row else None,
            new_rank=outcome.rank,
            old_grade=row.grade if row else "",
            new_grade=outcome.grade,
        )
        for key in list(outcome.scores) + [k for k in old_points if k not in outcome.scores]:
            score = outcome.scores.get(key)
            new = score.points if score else None
            if old_points.get(key) != new:
                change.criteria.append(
                    CriterionChange(
                        names.get(key, key), old_points.get(key), new, score.working if score else ""
                    )
                )
        changes.append(change)
    return changes


# --- what the pages show ----------------------------------------------------------------------------------


@dataclass
class TableRow:
    row: ResultRow
    cells: list[ScoreDetail | None]  # None: the user may not see this area's details


@dataclass
class ScoreTable:
    criteria: list[Criterion]
    rows: list[TableRow]


def shown_result(scheme: Scheme, period: Period, user) -> Result | None:
    """The published version if the user sees it, else (for the issuer's side) the draft."""
    results = Result.objects.for_user(user).filter(scheme=scheme, period=period.key)
    return (
        results.filter(status=ResultStatus.PUBLISHED).first()
        or results.filter(status=ResultStatus.DRAFT).first()
    )


def score_table(result: Result, user) -> ScoreTable:
    """The result's ranking with each criterion's score; details only where the user may see them."""
    criteria = list(result.scheme.criteria.all())
    visible = {
        (d.row_id, d.criterion_id): d for d in ScoreDetail.objects.for_user(user).filter(row__result=result)
    }
    rows = [
        TableRow(row, [visible.get((row.pk, c.pk)) for c in criteria])
        for row in result.rows.select_related("area", "department")
    ]
    return ScoreTable(criteria, rows)


@dataclass
class HistoryLine:
    name: str
    ranks: list[ResultRow | None]


@dataclass
class History:
    periods: list[Period]
    lines: list[HistoryLine]


def ranking_history(scheme: Scheme, user) -> History:
    """Each assessed unit's rank in every published period (升降 at a glance), oldest period first."""
    results = list(
        Result.objects.for_user(user).filter(scheme=scheme, status=ResultStatus.PUBLISHED).order_by("period")
    )
    periods = [r.period_obj for r in results]
    periods_index = {r.pk: n for n, r in enumerate(results)}
    lines = {unit.key: HistoryLine(unit.name, [None] * len(results)) for unit in units_of(scheme)}
    rows = ResultRow.objects.filter(result__in=results).select_related("area", "department")
    for row in rows:
        if row.unit_key in lines:
            lines[row.unit_key].ranks[periods_index[row.result_id]] = row
    return History(periods, list(lines.values()))


def manual_scores(scheme: Scheme, period: Period, user):
    """The period's manual scores the user may see (the issuer's side only)."""
    return (
        ManualScore.objects.for_user(user)
        .filter(criterion__scheme=scheme, period=period.key)
        .select_related("criterion", "area", "department", "entered_by")
    )


def assessed_for(scheme: Scheme, user):
    """The scheme's assessed areas that the user's own subtree contains (a town: itself)."""
    return scheme.assessed.filter(subtree_filter(user, "path"))


@dataclass
class PeriodLine:
    period: Period
    result: Result | None  # the published version, or for the issuer's side a draft


def period_lines(scheme: Scheme, user, today: datetime.date | None = None) -> list[PeriodLine]:
    """The scheme's periods up to the month being reported, newest first, each with the result the user may see.

    A quarter still running on ``today`` has no figures to assess yet: it is listed once its
    last month is the one being reported (``ledger.reporting``), as every other page has it.
    """
    from zhenwu.assessment.periods import periods_of

    today = today or timezone.localdate()
    reported = reporting_month(scheme.area, today).current.last_day
    last = min(today.year, scheme.last_year or today.year)
    results: dict[str, Result] = {}
    for result in Result.objects.for_user(user).filter(scheme=scheme).exclude(status=ResultStatus.SUPERSEDED):
        if result.period not in results or result.status == ResultStatus.PUBLISHED:
            results[result.period] = result
    lines = [
        PeriodLine(period, results.get(period.key))
        for year in range(scheme.first_year, last + 1)
        for period in periods_of(scheme.period_type, year)
        if period.end <= reported or period.key in results
    ]
    return lines[::-1]
