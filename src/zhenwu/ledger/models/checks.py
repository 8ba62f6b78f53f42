"""校验规则: what must hold between an area's figures of a month (DHIS2's validation rules, in the ledger's words)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet
from zhenwu.ledger.models.indicators import Indicator


class CheckKind(models.TextChoices):
    """The fixed comparisons a rule may make: two indicators, or one indicator against last year."""

    NOT_ABOVE = "not_above", "不大于（甲 ≤ 乙）"
    NOT_BELOW = "not_below", "不小于（甲 ≥ 乙）"
    PART_OF = "part_of", "其中项（甲是乙的一部分，甲 ≤ 乙）"
    YOY_WITHIN = "yoy_within", "同比增减幅度不超过（±N%）"


class CheckSeverity(models.TextChoices):
    ERROR = "error", "错误（未改正不能审核通过）"
    WARNING = "warning", "提醒"


class ValidationRuleQuerySet(AreaOwnedQuerySet):
    def applicable_to(self, area: Area):
        """The active rules set by the area itself or an area above it (a county's rules bind its towns)."""
        return self.filter(area__path__in=area.lineage_paths, is_active=True).select_related("left", "right")


class ValidationRule(AreaOwned):
    """One check between figures of the same area and month, set by a 管理员 for its subtree."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="制定区划")
    left = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+", verbose_name="指标甲")
    kind = models.CharField("校验方式", max_length=12, choices=CheckKind.choices)
    right = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name="指标乙",
        help_text="同比校验不填",
    )
    limit = models.DecimalField(
        "幅度（%）",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="同比校验填，如 50 即 ±50%",
    )
    severity = models.CharField(
        "严重程度", max_length=8, choices=CheckSeverity.choices, default=CheckSeverity.WARNING
    )
    note = models.CharField("说明", max_length=100, blank=True)
    is_active = models.BooleanField("启用", default=True)

    objects = ValidationRuleQuerySet.as_manager()

    class Meta:
        verbose_name = "校验规则"
        verbose_name_plural = "校验规则"
        ordering = ["area__path", "id"]

    def __str__(self) -> str:
        return self.wording

    @property
    def wording(self) -> str:
        """The rule as a clerk reads it: "规上工业增加值 ≤ 规上工业总产值", "税收收入同比在 ±50% 以内"."""
        left = self.left.name if self.left_id else "？"
        if self.kind == CheckKind.YOY_WITHIN:
            limit = "？" if self.limit is None else f"{self.limit.normalize():f}"
            return f"{left}同比增减在 ±{limit}% 以内"
        right = self.right.name if self.right_id else "？"
        if self.kind == CheckKind.PART_OF:
            return f"{left}（其中项）≤ {right}"
        return f"{left} {'≤' if self.kind == CheckKind.NOT_ABOVE else '≥'} {right}"

    def clean(self) -> None:
        if self.kind == CheckKind.YOY_WITHIN:
            if self.limit is None or self.limit <= 0:
                raise ValidationError({"limit": "同比校验须填写大于 0 的幅度（%）"})
            return
        if not self.right_id:
            raise ValidationError({"right": "比较两个指标的校验须选择指标乙"})
        if self.right_id == self.left_id:
            raise ValidationError({"right": "指标乙不能与指标甲相同"})
        if self.left.unit != self.right.unit:
            raise ValidationError(
                {"right": f"两个指标单位不同（{self.left.unit}、{self.right.unit}），不能比较"}
            )
