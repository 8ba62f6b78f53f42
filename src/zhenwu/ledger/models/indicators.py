"""Indicators (指标) and the catalogues that group them (考核指标, 创建标准)."""

from __future__ import annotations

from django.db import models

from zhenwu.areas.models import Area


class Theme(models.TextChoices):
    """The section of a work summary an indicator is reported under."""

    ECONOMY = "economy", "经济发展"
    PROJECTS = "projects", "项目建设"
    TOWN = "town", "城镇建设"
    ECOLOGY = "ecology", "生态环境"
    LIVELIHOOD = "livelihood", "民生事业"
    GOVERNANCE = "governance", "社会治理"
    PARTY = "party", "党的建设"


class Direction(models.TextChoices):
    HIGHER = "higher", "越高越好"
    LOWER = "lower", "越低越好"


class Kind(models.TextChoices):
    """How a reported figure relates to time."""

    CUMULATIVE = "cumulative", "年内累计(1-N月)"
    FLOW = "flow", "当期发生"
    LEVEL = "level", "时点/水平"


class Aggregation(models.TextChoices):
    """How a parent area's figure follows from its children's."""

    SUM = "sum", "求和"
    RATIO = "ratio", "按分子分母重算"
    NONE = "none", "不汇总"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "月报"
    QUARTERLY = "quarterly", "季报"


class Indicator(models.Model):
    """A figure the ledger tracks: 固定资产投资, 规上工业产值, 绿化覆盖率 …"""

    code = models.CharField("指标代码", max_length=20, unique=True)
    name = models.CharField("指标名称", max_length=60)
    aliases = models.TextField(
        "别名", blank=True, help_text="报告中的其他叫法，用顿号或换行分隔，如：固投、固定资产投资额"
    )
    unit = models.CharField("计量单位", max_length=12)
    decimals = models.PositiveSmallIntegerField("小数位数", default=2)
    direction = models.CharField("方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    kind = models.CharField("类型", max_length=12, choices=Kind.choices, default=Kind.CUMULATIVE)
    aggregation = models.CharField(
        "汇总方式", max_length=8, choices=Aggregation.choices, default=Aggregation.SUM
    )
    numerator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="分子指标"
    )
    denominator = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="分母指标"
    )
    ratio_scale = models.PositiveIntegerField("比值倍数", default=100, help_text="百分比填 100")
    theme = models.CharField("领域", max_length=12, choices=Theme.choices, default=Theme.ECONOMY)
    frequency = models.CharField(
        "报送频率", max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    allow_negative = models.BooleanField("可为负数", default=False)
    maximum = models.DecimalField(
        "上限",
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="不可能超过的数值，如城镇化率、覆盖率填 100；超过即拒收",
    )
    is_active = models.BooleanField("启用", default=True)
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit}）"

    @property
    def alias_list(self) -> list[str]:
        """The names a report may use for this indicator, its own name first."""
        parts = self.aliases.replace("\n", "、").replace(",", "、").replace("，", "、").split("、")
        return [self.name] + [part.strip() for part in parts if part.strip()]

    def reported_in(self, month: int) -> bool:
        """Quarterly indicators are reported at the end of each quarter only."""
        return self.frequency == Frequency.MONTHLY or month % 3 == 0

    def latest_reported(self, month: int) -> int:
        """The month whose figure stands for ``month``: a quarterly figure shows its 1-9月 in November.

        ``month`` itself before a quarterly indicator's first report of the year (January, February).
        """
        if self.reported_in(month) or month < 3:
            return month
        return month - month % 3


class CatalogueKind(models.TextChoices):
    ASSESSMENT = "assessment", "年度目标考核指标"
    STANDARD = "standard", "创建标准"


class CatalogueQuerySet(models.QuerySet):
    def applicable_to(self, area: Area):
        """Catalogues issued by the area itself or an area above it (a county's list binds its towns)."""
        return self.filter(issued_by__path__in=area.lineage_paths)


class Catalogue(models.Model):
    """A list of indicators an area issues: 年度目标考核指标, or a 中心镇/美丽城镇 creation standard."""

    name = models.CharField("名称", max_length=80)
    kind = models.CharField("类别", max_length=12, choices=CatalogueKind.choices)
    issued_by = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="发布区划")
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = "指标目录"
        verbose_name_plural = "指标目录"
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class CatalogueEntry(models.Model):
    catalogue = models.ForeignKey(Catalogue, on_delete=models.CASCADE, related_name="entries")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+", verbose_name="指标")
    threshold = models.DecimalField(
        "达标要求",
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="创建标准的最低（或最高）值",
    )
    weight = models.DecimalField("权重分", max_digits=6, decimal_places=2, null=True, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0, help_text="目录中的先后；相同时按指标排序")

    class Meta:
        verbose_name = "目录指标"
        verbose_name_plural = "目录指标"
        ordering = ["catalogue", "order", "indicator__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "indicator"], name="catalogue_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.catalogue} · {self.indicator.name}"

    @property
    def requirement(self) -> str:
        """The threshold as a standard states it: "≥55 %" (a ceiling "≤" for lower-is-better)."""
        if self.threshold is None:
            return ""
        sign = "≤" if self.indicator.direction == Direction.LOWER else "≥"
        return f"{sign}{self.threshold.normalize():f} {self.indicator.unit}"
