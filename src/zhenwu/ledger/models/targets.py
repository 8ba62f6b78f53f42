"""Annual targets (目标任务) with their owners, revisions and decomposition."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet, Department
from zhenwu.ledger.models.indicators import Indicator

MONTH_VALIDATORS = [MinValueValidator(1), MaxValueValidator(12)]


class Target(AreaOwned):
    """The annual target of one indicator for one area, with the unit and person answerable for it."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="targets", verbose_name="指标"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="targets", verbose_name="区划")
    year = models.PositiveSmallIntegerField("年度")
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="责任单位",
    )
    responsible_person = models.CharField("责任人", max_length=30, blank=True)
    version = models.PositiveIntegerField(
        "版本",
        default=1,
        editable=False,
        help_text="每次调整目标或更改责任单位/责任人加 1；保存时核对，以免覆盖他人的修改",
    )

    class Meta:
        verbose_name = "年度目标"
        verbose_name_plural = "年度目标"
        ordering = ["area__path", "year", "indicator__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "year"], name="target_unique_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}年 {self.indicator.name}"


class TargetVersion(AreaOwned):
    """One version of a target's amount; a 目标调整 adds a version, so past rates stay reproducible."""

    area_lookup = "target__area"
    objects = AreaOwnedQuerySet.as_manager()

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    value = models.DecimalField("目标值", max_digits=20, decimal_places=4)
    effective_month = models.PositiveSmallIntegerField("自几月起适用", default=1, validators=MONTH_VALIDATORS)
    reason = models.CharField("调整原因", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("调整时间", auto_now_add=True)

    class Meta:
        verbose_name = "目标版本"
        verbose_name_plural = "目标版本"
        ordering = ["target", "number"]
        constraints = [models.UniqueConstraint(fields=["target", "number"], name="target_version_unique")]

    def __str__(self) -> str:
        return f"{self.target} 第{self.number}版"


class TargetPart(AreaOwned):
    """A share of a target given to a department or a village (目标分解)."""

    area_lookup = "target__area"
    objects = AreaOwnedQuerySet.as_manager()

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="parts")
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="责任部门"
    )
    village = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="村(社区)"
    )
    value = models.DecimalField("分解目标", max_digits=20, decimal_places=4)
    responsible_person = models.CharField("责任人", max_length=30, blank=True)
    version = models.PositiveIntegerField(
        "版本", default=1, editable=False, help_text="每次修改加 1；保存时核对，以免覆盖他人的修改"
    )

    class Meta:
        verbose_name = "目标分解"
        verbose_name_plural = "目标分解"
        ordering = ["target", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(department__isnull=False, village__isnull=True)
                | models.Q(department__isnull=True, village__isnull=False),
                name="target_part_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.target} → {self.owner_name}"

    @property
    def owner_name(self) -> str:
        """The department or village the share was given to."""
        return str(self.department or self.village)


class ChangeKind(models.TextChoices):
    """What a 变更记录 line is about (amounts have their own history: the versions)."""

    OWNER = "owner", "责任单位/责任人"
    PART_ADDED = "part_added", "新增分解"
    PART_CHANGED = "part_changed", "修改分解"
    PART_REMOVED = "part_removed", "删除分解"


class TargetChange(AreaOwned):
    """One change to who answers for a target or how it is decomposed, kept for good (变更记录).

    The figures are kept as numbers as well as text, so a removed share's amount is never lost.
    """

    area_lookup = "target__area"
    objects = AreaOwnedQuerySet.as_manager()

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="changes", verbose_name="年度目标"
    )
    kind = models.CharField("变更内容", max_length=12, choices=ChangeKind.choices)
    old_text = models.CharField("变更前", max_length=200, blank=True)
    new_text = models.CharField("变更后", max_length=200, blank=True)
    old_value = models.DecimalField("原分解目标", max_digits=20, decimal_places=4, null=True, blank=True)
    new_value = models.DecimalField("新分解目标", max_digits=20, decimal_places=4, null=True, blank=True)
    reason = models.CharField("原因", max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "目标变更记录"
        verbose_name_plural = "目标变更记录"
        ordering = ["target", "at", "id"]

    def __str__(self) -> str:
        return f"{self.target} {self.get_kind_display()}"

    @property
    def summary(self) -> str:
        """The change in one line: "东山村 5 亿元 → 东山村 6 亿元", "删除：东山村 5 亿元"."""
        if self.kind == ChangeKind.PART_REMOVED:
            return f"删除：{self.old_text}"
        if not self.old_text:
            return self.new_text
        return f"{self.old_text} → {self.new_text}"

    @property
    def author(self) -> str:
        """Who made the change, by name as the page shows people ("—" when the account is gone)."""
        if self.user is None:
            return "—"
        return self.user.get_full_name() or self.user.username
