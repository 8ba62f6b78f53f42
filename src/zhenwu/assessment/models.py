"""Assessment schemes (考核方案), their criteria, manual scores and the frozen results (排名结果).

Who sees what: a scheme belongs to the area that issues it (the county). Its own subtree's
users see everything, drafts included; users of the areas below the issuer see the scheme,
its *published* rankings, and the score details of their own area only. Manual scores (暗访
deductions and their reasons) are seen by the issuer's side only until they appear, for the
area's own users, in a published result's details.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zhenwu.areas.access import grants_of, subtree_filter
from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet, Department
from zhenwu.assessment import scoring
from zhenwu.assessment.periods import Period


class PeriodType(models.TextChoices):
    MONTH = "month", "月度"
    QUARTER = "quarter", "季度"
    YEAR = "year", "年度"


class RuleType(models.TextChoices):
    INDICATOR_COMPLETION = scoring.INDICATOR_COMPLETION, "指标完成率（封顶）"
    INDICATOR_SCHEDULE = scoring.INDICATOR_SCHEDULE, "指标对照时序进度扣分"
    PROJECT_START_RATE = scoring.PROJECT_START_RATE, "重点项目开工率"
    PROJECT_INVESTMENT_RATE = scoring.PROJECT_INVESTMENT_RATE, "重点项目投资完成率"
    INSPECTION_CLOSURE = scoring.INSPECTION_CLOSURE, "督查问题整改销号率"
    OVERDUE_DEDUCTION = scoring.OVERDUE_DEDUCTION, "逾期未整改问题扣分"
    RANK_POINTS = scoring.RANK_POINTS, "排名计分（第一名满分，每降一名扣分）"
    MANUAL = scoring.MANUAL, "人工评分（暗访扣分、加分项）"
    VETO = scoring.VETO, "一票否决"


MANUAL_RULES = (RuleType.MANUAL, RuleType.VETO)


class UnitKind(models.TextChoices):
    """Whom a scheme assesses: the areas below the issuer (towns or a town's villages) or its departments."""

    TOWNS = "towns", "下级镇街"
    DEPARTMENTS = "departments", "部门"
    VILLAGES = "villages", "村（社区）"


# How a 通报 and the pages name the units of each kind ("各部门", "各村（社区）").
UNIT_WORDS = {UnitKind.TOWNS: "乡镇（街道）", UnitKind.DEPARTMENTS: "部门", UnitKind.VILLAGES: "村（社区）"}
UNIT_PREFIX = "D"  # a department's key in the scores (areas use their 12-digit code)


def department_key(department_id: int) -> str:
    """The key a department is scored and ranked under: never a 12-digit area code.

    >>> department_key(7)
    'D00000007'
    """
    return f"{UNIT_PREFIX}{department_id:08d}"


def unit_check(prefix: str = "") -> Q:
    """Exactly one of area and department: a line or a score is about one assessed unit."""
    return Q(**{f"{prefix}area__isnull": False, f"{prefix}department__isnull": True}) | Q(
        **{f"{prefix}area__isnull": True, f"{prefix}department__isnull": False}
    )


class AssessedUnit(models.Model):
    """Base for rows about one assessed unit: an area (a town, a village) or a department."""

    class Meta:
        abstract = True

    @property
    def unit(self) -> Area | Department:
        return self.department if self.department_id else self.area

    @property
    def unit_name(self) -> str:
        return self.unit.name

    @property
    def unit_key(self) -> str:
        """The area's code, or the department's key (the keys the scores are computed under)."""
        return department_key(self.department_id) if self.department_id else self.area.code


def _paths_above(user) -> list[str]:
    """The paths of every area at or above the user's membership areas (the issuers that bind them)."""
    paths = set()
    for grant in grants_of(user):
        paths.update(grant.path[:end] for end in range(Area.steplen, len(grant.path) + 1, Area.steplen))
    return sorted(paths)


def _is_superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active)


class SchemeQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        """Schemes issued in the user's subtree, or by an area above the user (the county that ranks the town)."""
        if _is_superuser(user):
            return self.all()
        return self.filter(subtree_filter(user, "area__path") | Q(area__path__in=_paths_above(user)))


class Scheme(AreaOwned):
    """A weighted scoring scheme (百分制) an area applies to a set of areas every month, quarter or year."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="发布单位")
    name = models.CharField("方案名称", max_length=80)
    slug = models.SlugField(
        "代号", max_length=50, unique=True, help_text="用于网址和命令行，如 demo-quarterly"
    )
    period_type = models.CharField(
        "考核周期", max_length=10, choices=PeriodType.choices, default=PeriodType.QUARTER
    )
    unit_kind = models.CharField(
        "考核对象类型", max_length=12, choices=UnitKind.choices, default=UnitKind.TOWNS
    )
    assessed = models.ManyToManyField(Area, related_name="+", blank=True, verbose_name="考核对象")
    assessed_departments = models.ManyToManyField(
        Department, related_name="+", blank=True, verbose_name="考核部门"
    )
    grades = models.JSONField(
        "等次",
        default=list,
        help_text='从高到低，如 [["优秀", 90], ["良好", 80], ["达标", 60], ["不达标", 0]]',
    )
    first_year = models.PositiveSmallIntegerField("起始年度")
    last_year = models.PositiveSmallIntegerField(
        "截止年度", null=True, blank=True, help_text="留空表示长期有效"
    )
    issuer = models.CharField("通报署名", max_length=80, blank=True, help_text="默认为“<发布单位>考核办公室”")
    requirements = models.TextField("通报工作要求", blank=True, help_text="通报末尾的要求，每段一行")

    objects = SchemeQuerySet.as_manager()

    class Meta:
        verbose_name = "考核方案"
        verbose_name_plural = "考核方案"
        ordering = ["area__path", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.grades:
            try:
                scoring.check_grades(self.grades)
            except scoring.ParamError as error:
                raise ValidationError({"grades": str(error)}) from error
        if self.last_year is not None and self.first_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": "截止年度不能早于起始年度"})

    @property
    def grade_list(self) -> list[tuple[str, Decimal]]:
        return scoring.check_grades(self.grades) if self.grades else scoring.DEFAULT_GRADES

    @property
    def unit_word(self) -> str:
        """What the units are called: 乡镇（街道）, 部门, 村（社区）."""
        return UNIT_WORDS[UnitKind(self.unit_kind)]

    @property
    def signed_by(self) -> str:
        return self.issuer or f"{self.area.name}考核工作办公室"

    def active_in(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def parse_period(self, text: str) -> Period:
        """The period named in a URL or a command, which must be of the scheme's kind and years."""
        period = Period.parse(text)
        if period.kind != self.period_type:
            raise ValueError(f"方案“{self.name}”按{self.get_period_type_display()}考核，不能用考核期 {text}")
        if not self.active_in(period.year):
            raise ValueError(f"方案“{self.name}”在{period.year}年不适用")
        return period

    def weight_problem(self) -> str:
        """Why the criteria do not make a 百分制 ("" when they do)."""
        return scoring.weight_problem((c.rule, c.params, c.weight) for c in self.criteria.all())


class CriterionQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        return self.filter(scheme__in=Scheme.objects.for_user(user))


class Criterion(AreaOwned):
    """One scored item of a scheme: its weight (分值), the rule and the rule's parameters."""

    area_lookup = "scheme__area"

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("考核内容", max_length=80)
    weight = models.DecimalField("分值", max_digits=5, decimal_places=2, default=Decimal(0))
    rule = models.CharField("计分规则", max_length=30, choices=RuleType.choices)
    params = models.JSONField("规则参数", default=dict, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    objects = CriterionQuerySet.as_manager()

    class Meta:
        verbose_name = "考核项目"
        verbose_name_plural = "考核项目"
        ordering = ["scheme", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.weight}分）"

    @property
    def area(self) -> Area:
        return self.scheme.area

    @property
    def key(self) -> str:
        return str(self.pk)

    @property
    def is_manual(self) -> bool:
        return self.rule in MANUAL_RULES

    def clean(self):
        try:
            self.params = scoring.check_params(self.rule, self.params)
        except scoring.ParamError as error:
            raise ValidationError({"params": str(error)}) from error
        if scoring.outside_hundred(self.rule, self.params) and self.weight:
            raise ValidationError({"weight": "加分项和一票否决项不占权重，分值请填0"})

    def as_rule(self) -> scoring.Rule:
        return scoring.Rule(self.key, self.name, self.weight, self.rule, self.params)


class ManualScoreQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        """Only the issuer's side sees manual scores and their reasons as entered."""
        return self.filter(subtree_filter(user, "criterion__scheme__area__path"))


class ManualScore(AssessedUnit, AreaOwned):
    """A score an assessor entered for a unit and period: an 暗访 deduction, a bonus, a veto — with the reason.

    The unit is an area (a town, a village) or, in a departments scheme, a department.
    """

    area_lookup = "criterion__scheme__area"

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="manual_scores")
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="考核对象"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="考核部门"
    )
    period = models.CharField("考核期", max_length=10)
    points = models.DecimalField("分数", max_digits=6, decimal_places=2, default=Decimal(0))
    reason = models.CharField("事由", max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="评分人"
    )
    entered_at = models.DateTimeField("评分时间", default=timezone.now)

    objects = ManualScoreQuerySet.as_manager()

    class Meta:
        verbose_name = "人工评分"
        verbose_name_plural = "人工评分"
        ordering = ["criterion__order", "area__path", "entered_at", "id"]
        indexes = [models.Index(fields=["criterion", "period"], name="manual_score_period")]
        constraints = [models.CheckConstraint(condition=unit_check(), name="manual_score_one_unit")]

    def __str__(self) -> str:
        return f"{self.unit} {self.period} {self.criterion.name} {self.points}"


class ResultStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"
    SUPERSEDED = "superseded", "已被新版本取代"


class ResultQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        """The issuer's side sees every version; the areas below see what is published."""
        if _is_superuser(user):
            return self.all()
        return self.filter(
            subtree_filter(user, "scheme__area__path")
            | Q(scheme__area__path__in=_paths_above(user), status=ResultStatus.PUBLISHED)
        )


class Result(AreaOwned):
    """A scheme's ranking for one period, one version: a draft, recomputed at will, or published and frozen."""

    area_lookup = "scheme__area"

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="results")
    period = models.CharField("考核期", max_length=10)
    version = models.PositiveSmallIntegerField("版本", default=1)
    status = models.CharField("状态", max_length=12, choices=ResultStatus.choices, default=ResultStatus.DRAFT)
    computed_at = models.DateTimeField("计算时间", default=timezone.now)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField("修订说明", max_length=300, blank=True)
    # What the 通报 says of the towns' checklist standards, as they stood when the result was computed.
    standards = models.TextField("创建标准情况", blank=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = "考核结果"
        verbose_name_plural = "考核结果"
        ordering = ["scheme", "-period", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "period", "version"], name="result_unique_version"),
            models.UniqueConstraint(
                fields=["scheme", "period"],
                condition=Q(status="published"),
                name="result_one_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} {self.period_obj.label} 第{self.version}版（{self.get_status_display()}）"

    @property
    def area(self) -> Area:
        return self.scheme.area

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)

    @property
    def is_published(self) -> bool:
        return self.status != ResultStatus.DRAFT


class ResultRowQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        """A ranking line is seen wherever its result is."""
        return self.filter(result__in=Result.objects.for_user(user))


class ResultRow(AssessedUnit, AreaOwned):
    """One unit's line of a result: total, rank (ties share one), grade and movement against last period.

    The unit is an area (a town, a village) or, in a departments scheme, a department.
    """

    area_lookup = "area"

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="rows")
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="考核对象"
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="考核部门"
    )
    total = models.DecimalField("总分", max_digits=7, decimal_places=2)
    rank = models.PositiveSmallIntegerField("名次")
    grade = models.CharField("等次", max_length=10)
    vetoed = models.BooleanField("一票否决", default=False)
    movement = models.SmallIntegerField("升降位次", null=True, blank=True, help_text="正数为上升")

    objects = ResultRowQuerySet.as_manager()

    class Meta:
        verbose_name = "排名"
        verbose_name_plural = "排名"
        ordering = ["result", "rank", "area__code", "department_id"]
        constraints = [
            models.UniqueConstraint(fields=["result", "area"], name="result_row_unique_area"),
            models.UniqueConstraint(fields=["result", "department"], name="result_row_unique_department"),
            models.CheckConstraint(condition=unit_check(), name="result_row_one_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} 第{self.rank}名 {self.total}分"

    @property
    def movement_text(self) -> str:
        return scoring.movement_text(self.movement)


class ScoreDetailQuerySet(AreaOwnedQuerySet):
    def for_user(self, user):
        """The issuer's side sees every area's details; an assessed area its own, once published."""
        if _is_superuser(user):
            return self.all()
        return self.filter(
            subtree_filter(user, "row__result__scheme__area__path")
            | (
                Q(
                    row__result__scheme__area__path__in=_paths_above(user),
                    row__result__status=ResultStatus.PUBLISHED,
                )
                & subtree_filter(user, "row__area__path")
            )
        )


class ScoreDetail(AreaOwned):
    """One criterion's points for one area, with the explanation frozen as it was computed."""

    area_lookup = "row__area"

    row = models.ForeignKey(ResultRow, on_delete=models.CASCADE, related_name="details")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField("得分", max_digits=7, decimal_places=2)
    explanation = models.JSONField("计分说明", default=dict)

    objects = ScoreDetailQuerySet.as_manager()

    class Meta:
        verbose_name = "得分明细"
        verbose_name_plural = "得分明细"
        ordering = ["row", "criterion__order", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["row", "criterion"], name="score_detail_unique")]

    def __str__(self) -> str:
        return f"{self.row.unit} {self.criterion.name} {self.points}"

    @property
    def score(self) -> scoring.Score:
        return scoring.Score.from_json(self.explanation)
