"""Setting up an assessment scheme on the site: its terms, whom it assesses, its criteria — and a preview.

The issuing area's 管理员 writes the scheme; every change is kept in its history. Before a
scheme is used, :func:`preview` ranks a past period with it through the same
:func:`zhenwu.assessment.services.compute` a real result uses, saving nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhenwu.areas.changes import record, require_admin, subject_of, validation_text
from zhenwu.areas.models import Area, Department
from zhenwu.assessment import scoring, services
from zhenwu.assessment.models import Criterion, ManualScore, Scheme, ScoreDetail, UnitKind
from zhenwu.assessment.periods import Period, periods_of
from zhenwu.assessment.services import AssessmentError
from zhenwu.assessment.units import check_units, rule_problem, units_of

RESERVED_SLUGS = {"setup", "scores", "criterion"}  # words the assessment URLs use

# A criterion's parameters in words, for the form and the history.
PARAM_LABELS = {
    "indicator": "指标",
    "against": "比较基准",
    "per_point": "每落后1个百分点扣分",
    "per_item": "每项扣分",
    "measure": "排名依据",
    "step": "每降一名扣分",
    "floor": "最低得分",
    "mode": "评分方式",
    "cap": "封顶分值（加分上限）",
}
PARAM_CHOICES = {
    "against": {scoring.AGAINST_SCHEDULE: "对照时序进度", scoring.AGAINST_YEAR: "对照全年目标"},
    "mode": {
        scoring.MANUAL_DEDUCTION: "扣分项（从满分扣减）",
        scoring.MANUAL_BONUS: "加分项（不占权重，封顶）",
        scoring.MANUAL_SCORE: "直接评分",
    },
    "measure": scoring.MEASURES,
}


def scheme_words(scheme: Scheme) -> dict[str, object]:
    return {
        "方案名称": scheme.name,
        "代号": scheme.slug,
        "考核周期": scheme.get_period_type_display(),
        "起始年度": scheme.first_year,
        "截止年度": scheme.last_year or "长期",
        "考核对象类型": scheme.get_unit_kind_display(),
        "考核对象": "、".join(unit.name for unit in units_of(scheme)),
        "等次": "、".join(f"{name}≥{scoring.show(floor)}" for name, floor in scheme.grade_list),
        "通报署名": scheme.issuer,
        "通报工作要求": scheme.requirements,
    }


def criterion_words(criterion: Criterion) -> dict[str, object]:
    words: dict[str, object] = {
        "考核内容": criterion.name,
        "分值": scoring.show(criterion.weight),
        "计分规则": criterion.get_rule_display(),
    }
    for key, value in criterion.params.items():
        words[PARAM_LABELS.get(key, key)] = PARAM_CHOICES.get(key, {}).get(value, value)
    return words


def _full_clean(row, **kwargs) -> None:
    try:
        row.full_clean(**kwargs)
    except ValidationError as error:
        raise AssessmentError(validation_text(error, type(row))) from error


def _set_units(scheme: Scheme, kind: str, assessed: list[Area], departments: list[Department]) -> None:
    """Check and set whom the scheme assesses: areas below it, or its departments — never both."""
    problem = check_units(scheme.area, kind, assessed, departments)
    if problem:
        raise AssessmentError(problem)
    for criterion in scheme.criteria.all() if scheme.pk else ():
        problem = rule_problem(kind, criterion.rule, criterion.params)
        if problem:
            raise AssessmentError(f"考核项目“{criterion.name}”不适用：{problem}")
    if kind == UnitKind.DEPARTMENTS:
        scheme.assessed.clear()
        scheme.assessed_departments.set(departments)
    else:
        scheme.assessed_departments.clear()
        scheme.assessed.set(assessed)


@transaction.atomic
def create_scheme(
    user,
    area: Area,
    *,
    assessed: list[Area],
    assessed_departments: list[Department] = (),
    unit_kind: str = UnitKind.TOWNS,
    **fields,
) -> Scheme:
    """Issue a new scheme from the area; it has no criteria yet, so it cannot be computed until they add to 100.

    ``unit_kind`` says whom it assesses: the towns below a county (``assessed``), a town's
    villages (``assessed``), or the area's departments (``assessed_departments``).
    """
    require_admin(user, area)
    slug = fields.get("slug", "")
    if slug in RESERVED_SLUGS:
        raise AssessmentError(f"代号“{slug}”为系统保留，请换一个")
    problem = check_units(area, unit_kind, list(assessed), list(assessed_departments))
    if problem:
        raise AssessmentError(problem)
    scheme = Scheme(area=area, unit_kind=unit_kind, **fields)
    _full_clean(scheme)
    scheme.save()
    _set_units(scheme, unit_kind, list(assessed), list(assessed_departments))
    record(user, area, subject_of(scheme), f"考核方案“{scheme.name}”", None, scheme_words(scheme))
    return scheme


@transaction.atomic
def change_scheme(
    user,
    scheme: Scheme,
    *,
    assessed: list[Area],
    assessed_departments: list[Department] = (),
    unit_kind: str | None = None,
    **fields,
) -> Scheme:
    """Change the scheme's terms; published results stay as they were published."""
    require_admin(user, scheme.area)
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    before = scheme_words(scheme)
    fields.pop("slug", None)  # the slug is in every URL and command that names the scheme
    if fields.get("period_type", scheme.period_type) != scheme.period_type and scheme.results.exists():
        raise AssessmentError("方案已有考核结果，不能改变考核周期；请另建方案")
    unit_kind = unit_kind or scheme.unit_kind
    if unit_kind != scheme.unit_kind and (
        scheme.results.exists() or scheme.criteria.filter(manual_scores__isnull=False).exists()
    ):
        raise AssessmentError("方案已有评分或考核结果，不能改变考核对象类型；请另建方案")
    for name, value in fields.items():
        setattr(scheme, name, value)
    scheme.unit_kind = unit_kind
    _full_clean(scheme)
    _set_units(scheme, unit_kind, list(assessed), list(assessed_departments))
    scheme.save()
    record(user, scheme.area, subject_of(scheme), f"考核方案“{scheme.name}”", before, scheme_words(scheme))
    return scheme


def _check_rule(scheme: Scheme, criterion: Criterion) -> None:
    from zhenwu.ledger.models import Indicator

    problem = rule_problem(scheme.unit_kind, criterion.rule, criterion.params)
    if problem:
        raise AssessmentError(problem)
    code = criterion.params.get("indicator")
    if code and not Indicator.objects.filter(code=code, is_active=True).exists():
        raise AssessmentError(f"没有启用中的指标“{code}”")


@transaction.atomic
def add_criterion(user, scheme: Scheme, *, name: str, weight: Decimal, rule: str, params: dict) -> Criterion:
    """Add a scored item at the end of the scheme; its parameters are checked by the scoring rules."""
    require_admin(user, scheme.area)
    last = scheme.criteria.aggregate(last=Max("order"))["last"] or 0
    criterion = Criterion(
        scheme=scheme, name=name.strip(), weight=weight, rule=rule, params=params, order=last + 1
    )
    _full_clean(criterion, exclude=["scheme"])
    _check_rule(scheme, criterion)
    criterion.save()
    record(
        user, scheme.area, subject_of(scheme), f"考核方案“{scheme.name}”", None, criterion_words(criterion)
    )
    return criterion


@transaction.atomic
def change_criterion(
    user, criterion: Criterion, *, name: str, weight: Decimal, rule: str, params: dict
) -> Criterion:
    """Change a scored item's name, weight, rule or parameters."""
    scheme = criterion.scheme
    require_admin(user, scheme.area)
    before = criterion_words(criterion)
    criterion.name, criterion.weight, criterion.rule, criterion.params = name.strip(), weight, rule, params
    _full_clean(criterion, exclude=["scheme"])
    _check_rule(scheme, criterion)
    criterion.save()
    record(
        user, scheme.area, subject_of(scheme), f"考核方案“{scheme.name}”", before, criterion_words(criterion)
    )
    return criterion


@transaction.atomic
def remove_criterion(user, criterion: Criterion) -> None:
    """Take an item out of a scheme that has never used it; one already scored is kept for its results."""
    scheme = criterion.scheme
    require_admin(user, scheme.area)
    if ScoreDetail.objects.filter(criterion=criterion).exists():
        raise AssessmentError(f"“{criterion.name}”已用于考核结果，不能删除；不再考核时请另建方案")
    if ManualScore.objects.filter(criterion=criterion).exists():
        raise AssessmentError(f"“{criterion.name}”已有人工评分，不能删除")
    before = criterion_words(criterion)
    criterion.delete()
    record(user, scheme.area, subject_of(scheme), f"考核方案“{scheme.name}”", before, None)


# --- preview ----------------------------------------------------------------------------------------------


@dataclass
class PreviewRow:
    outcome: scoring.Outcome
    cells: list[scoring.Score]


@dataclass
class Preview:
    """The ranking a scheme would give a period, computed from today's data and never saved."""

    period: Period
    criteria: list[Criterion]
    rows: list[PreviewRow]


def past_periods(scheme: Scheme, today: datetime.date | None = None, years: int = 2) -> list[Period]:
    """Periods of the scheme's kind that have ended, newest first: the ones a preview can rank."""
    today = today or timezone.localdate()
    found = [
        period
        for year in range(today.year - years, today.year + 1)
        for period in periods_of(scheme.period_type, year)
        if period.end < today
    ]
    return found[::-1]


def preview(scheme: Scheme, period: Period, today: datetime.date | None = None) -> Preview:
    """Rank ``period`` with the scheme as it stands, as a result would (same rules, nothing written)."""
    if period.kind != scheme.period_type:
        raise AssessmentError(
            f"方案“{scheme.name}”按{scheme.get_period_type_display()}考核，不能预览{period.label}"
        )
    criteria = list(scheme.criteria.all())
    if not criteria:
        raise AssessmentError("方案还没有考核项目，请先添加")
    outcomes = services.compute(scheme, period, today)
    rows = [PreviewRow(outcome, [outcome.scores[c.key] for c in criteria]) for outcome in outcomes]
    return Preview(period, criteria, rows)
