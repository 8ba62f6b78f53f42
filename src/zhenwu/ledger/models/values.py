"""Reported values (月报/季报数据) and the history of every change to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet
from zhenwu.ledger.models.indicators import Indicator
from zhenwu.ledger.models.targets import MONTH_VALIDATORS


class ValueStatus(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已上报"
    APPROVED = "approved", "已审核"


class ReportedValue(AreaOwned):
    """One indicator's figure for one area and month (1-N月 累计 for cumulative indicators)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="values", verbose_name="指标"
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="ledger_values", verbose_name="区划"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份", validators=MONTH_VALIDATORS)
    value = models.DecimalField("数值", max_digits=20, decimal_places=4)
    status = models.CharField("状态", max_length=10, choices=ValueStatus.choices, default=ValueStatus.DRAFT)
    note = models.CharField("备注", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField("填报时间", null=True, blank=True)
    submitted_at = models.DateTimeField("上报时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField("审核时间", null=True, blank=True)
    version = models.PositiveIntegerField(
        "版本",
        default=1,
        editable=False,
        help_text="每次改动数值加 1；保存时核对，以免覆盖他人在此期间的修改",
    )

    class Meta:
        verbose_name = "填报数据"
        verbose_name_plural = "填报数据"
        ordering = ["area__path", "year", "month", "indicator__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "year", "month"], name="value_unique_period")
        ]
        indexes = [
            # Covers the month's progress query (year, month ≤ N, grouped by indicator and area),
            # so the database reads the index alone, already in group order.
            models.Index(fields=["year", "indicator", "area", "month", "value"], name="value_year_cover"),
            # Covers the cumulative figures' plain read at month N (year, month, indicator in …):
            # most indicators are cumulative, and this read is most of a month's progress.
            models.Index(fields=["year", "month", "indicator", "area", "value"], name="value_month_cover"),
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.year}年{self.month}月 {self.indicator.name}"

    @property
    def locked(self) -> bool:
        """An approved figure is locked: only a 管理员 reopens it, with a reason."""
        return self.status == ValueStatus.APPROVED


class HistoryAction(models.TextChoices):
    ENTER = "enter", "填报"
    IMPORT = "import", "导入"
    SUBMIT = "submit", "上报"
    APPROVE = "approve", "审核通过"
    UNLOCK = "unlock", "解锁"
    CLEAR = "clear", "清除"


VALUE_ACTIONS = (
    HistoryAction.ENTER,
    HistoryAction.IMPORT,
    HistoryAction.CLEAR,
)  # those that change the figure


class ValueHistory(AreaOwned):
    """Who changed a figure, when, from what to what, and why — written by the service that changed it.

    Each record keeps its own copy of the figure's indicator, area and period, so the history
    of a figure that was cleared (its ``ReportedValue`` deleted) is still there to read.
    """

    objects = AreaOwnedQuerySet.as_manager()

    reported = models.ForeignKey(
        ReportedValue, on_delete=models.SET_NULL, null=True, blank=True, related_name="history"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+", verbose_name="指标")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份", validators=MONTH_VALIDATORS)
    action = models.CharField("操作", max_length=10, choices=HistoryAction.choices)
    old_value = models.DecimalField("原值", max_digits=20, decimal_places=4, null=True, blank=True)
    new_value = models.DecimalField("新值", max_digits=20, decimal_places=4, null=True, blank=True)
    old_status = models.CharField("原状态", max_length=10, choices=ValueStatus.choices, blank=True)
    new_status = models.CharField(
        "新状态", max_length=10, choices=ValueStatus.choices, blank=True, help_text="清除后为空"
    )
    reason = models.CharField("原因", max_length=200, blank=True)
    confirmed = models.CharField(
        "经确认的存疑", max_length=300, blank=True, help_text="填报员确认后保存的存疑之处，原因见“原因”"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间")
    version = models.PositiveIntegerField(
        "版本", null=True, editable=False, help_text="此次操作后数值的版本；空：记录早于版本号"
    )

    class Meta:
        verbose_name = "修改记录"
        verbose_name_plural = "修改记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["area", "year", "month"], name="history_period")]

    def __str__(self) -> str:
        return f"{self.area} {self.year}年{self.month}月 {self.indicator.name} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"

    @property
    def who(self) -> str:
        """The person's name as the history shows it ("系统" for loaded data)."""
        if self.user is None:
            return "系统"
        return self.user.get_full_name() or self.user.get_username()
