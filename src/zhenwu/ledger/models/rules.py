"""The reporting rules an area sets for itself and everything below it (报送截止日, 序时进度 thresholds)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet
from zhenwu.ledger import progress


class ScheduleBasis(models.TextChoices):
    MONTHS = "months", "按月（N/12）"
    DAYS = "days", "按天（已过天数/全年天数）"


class ReportingRulesQuerySet(AreaOwnedQuerySet):
    def in_force(self, area: Area) -> ReportingRules | None:
        """The row that governs ``area``: its own, else the nearest area above that set rules."""
        rows = self.filter(area__path__in=area.lineage_paths).select_related("area")
        return rows.order_by("-area__depth").first()

    def for_area(self, area: Area) -> progress.Rules:
        """The rules in force for ``area``, or the defaults when no area above it set any."""
        found = self.in_force(area)
        return found.as_rules() if found else progress.DEFAULT_RULES


class ReportingRules(AreaOwned):
    """How progress is judged in an area's subtree; a county sets it once for all its towns."""

    area = models.OneToOneField(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    due_day = models.PositiveSmallIntegerField(
        "报送截止日",
        default=progress.DUE_DAY,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="每月数据于次月几日前报送（1-28）",
    )
    schedule_basis = models.CharField(
        "时序进度算法", max_length=8, choices=ScheduleBasis.choices, default=ScheduleBasis.MONTHS
    )
    ahead_from = models.DecimalField(
        "超序时：快于时序进度至少（百分点）",
        max_digits=6,
        decimal_places=2,
        default=progress.DEFAULT_THRESHOLDS.ahead_from,
    )
    lagging_below = models.DecimalField(
        "滞后：差距低于（百分点）",
        max_digits=6,
        decimal_places=2,
        default=progress.DEFAULT_THRESHOLDS.lagging_below,
    )
    severe_below = models.DecimalField(
        "严重滞后：差距低于（百分点）",
        max_digits=6,
        decimal_places=2,
        default=progress.DEFAULT_THRESHOLDS.severe_below,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    objects = ReportingRulesQuerySet.as_manager()

    class Meta:
        verbose_name = "台账规则"
        verbose_name_plural = "台账规则"

    def __str__(self) -> str:
        return f"{self.area}台账规则"

    def clean(self) -> None:
        if not self.severe_below <= self.lagging_below <= self.ahead_from:
            raise ValidationError("应满足：严重滞后线 ≤ 滞后线 ≤ 超序时线")

    def as_rules(self) -> progress.Rules:
        return progress.Rules(
            thresholds=progress.Thresholds(
                ahead_from=Decimal(self.ahead_from),
                lagging_below=Decimal(self.lagging_below),
                severe_below=Decimal(self.severe_below),
            ),
            due_day=self.due_day,
            by_days=self.schedule_basis == ScheduleBasis.DAYS,
        )


class RulesChange(AreaOwned):
    """One change of an area's 台账规则, kept for good: the rules that applied before and after.

    A supervisor asking why a town turned 滞后 in some month can see which thresholds held then.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    old_text = models.CharField("变更前", max_length=300)
    new_text = models.CharField("变更后", max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", auto_now_add=True)

    objects = AreaOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = "台账规则变更记录"
        verbose_name_plural = "台账规则变更记录"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.area}台账规则变更 {self.at:%Y-%m-%d}"


class ReportingDeadlineQuerySet(AreaOwnedQuerySet):
    def for_period(self, area: Area, year: int, month: int) -> ReportingDeadline | None:
        """The deadline set for this period by ``area`` or the nearest area above it, if any."""
        rows = self.filter(area__path__in=area.lineage_paths, year=year, month=month).select_related("area")
        return rows.order_by("-area__depth").first()


class ReportingDeadline(AreaOwned):
    """A deadline set for one month's figures instead of the usual day (春节顺延, 年报延至1月10日)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份", validators=[MinValueValidator(1), MaxValueValidator(12)])
    due = models.DateField("截止日期")
    reason = models.CharField("原因", max_length=100)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    set_at = models.DateTimeField("设置时间", auto_now=True)

    objects = ReportingDeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = "单独截止日期"
        verbose_name_plural = "单独截止日期"
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "month"], name="deadline_unique_period")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}年{self.month}月数据 {self.due:%Y-%m-%d} 前报送"
