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
