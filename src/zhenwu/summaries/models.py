"""Work-summary drafts, the people's own words kept per area and period, and compiling from towns' reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet
from zhenwu.ledger.models import Indicator


class DraftStatus(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    FINAL = "final", "已定稿"


class Draft(AreaOwned):
    """The summary of one area for one period; its figures are regenerated from the ledger on demand."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", verbose_name="区划")
    period = models.CharField("报告期", max_length=24, help_text="如 2025-H1、2025-Q3、2025")
    title = models.CharField("标题", max_length=120)
    status = models.CharField(
        "状态", max_length=10, choices=DraftStatus.choices, default=DraftStatus.DRAFTING
    )
    generated_at = models.DateTimeField("生成时间")
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sources = models.JSONField("数字来源", default=list, blank=True)

    class Meta:
        verbose_name = "工作总结"
        verbose_name_plural = "工作总结"
        ordering = ["-generated_at"]
        constraints = [models.UniqueConstraint(fields=["area", "period"], name="summary_draft_unique")]

    def __str__(self) -> str:
        return self.title


class FinalVersion(AreaOwned):
    """定稿: a summary frozen as issued, with its 文号 and the .docx kept in the register entry.

    Never rebuilt: the ledger and the people's words may change afterwards (in a new draft),
    this version downloads as it was issued.
    """

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", verbose_name="区划")
    period = models.CharField("报告期", max_length=24)
    title = models.CharField("标题", max_length=120)
    number = models.OneToOneField(
        "issuing.IssuedNumber", on_delete=models.PROTECT, related_name="summary_version", verbose_name="文号"
    )
    sources = models.JSONField("数字来源", default=list, blank=True)
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="定稿人",
    )
    finalized_at = models.DateTimeField("定稿时间")

    class Meta:
        verbose_name = "定稿"
        verbose_name_plural = "定稿"
        ordering = ["-finalized_at", "-id"]

    def __str__(self) -> str:
        return f"{self.number.code} {self.title}"


class Slot(models.TextChoices):
    """Where a person's words go in the summary."""

    OPENING = "opening", "开头段落"
    PROJECTS = "projects", "重点项目"
    SUPERVISION = "supervision", "督查整改"
    PROBLEMS = "problems", "存在问题"
    PLANS = "plans", "下步工作计划"


def section_slot(theme: str) -> str:
    """The slot of an indicator theme's section: section:economy."""
    return f"section:{theme}"


class NarrativeBlock(AreaOwned):
    """A paragraph only a person can write, kept per area, period and slot across regenerations."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", verbose_name="区划")
    period = models.CharField("报告期", max_length=24)
    slot = models.CharField("位置", max_length=40)
    text = models.TextField("内容", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField("修改时间", null=True, blank=True)

    class Meta:
        verbose_name = "总结段落"
        verbose_name_plural = "总结段落"
        ordering = ["area__path", "period", "slot"]
        constraints = [
            models.UniqueConstraint(fields=["area", "period", "slot"], name="summary_narrative_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area} {self.period} {self.slot}"


class NarrativeRevision(AreaOwned):
    """One edit of a narrative paragraph: who, when, the old and the new words."""

    area_lookup = "block__area"
    objects = AreaOwnedQuerySet.as_manager()

    block = models.ForeignKey(NarrativeBlock, on_delete=models.CASCADE, related_name="revisions")
    old_text = models.TextField("原内容", blank=True)
    new_text = models.TextField("新内容", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="修改人",
    )
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "段落修改记录"
        verbose_name_plural = "段落修改记录"
        ordering = ["block", "at", "id"]

    def __str__(self) -> str:
        return f"{self.block} {self.at:%Y-%m-%d %H:%M}"


# --- compiling from the towns' reports ---------------------------------------------------------------


class BatchStatus(models.TextChoices):
    OPEN = "open", "核对中"
    LOADED = "loaded", "已入台账"


class CompileBatch(AreaOwned):
    """A county's set of received town summaries for one period, compiled into its ledger."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", verbose_name="汇编区划")
    period = models.CharField("报告期", max_length=24)
    status = models.CharField("状态", max_length=10, choices=BatchStatus.choices, default=BatchStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "汇编批次"
        verbose_name_plural = "汇编批次"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.area} {self.period} 汇编"


class CompiledDocument(AreaOwned):
    """One town's summary as received: its text, and the town it reports on (proposed, then confirmed)."""

    area_lookup = "batch__area"
    objects = AreaOwnedQuerySet.as_manager()

    batch = models.ForeignKey(CompileBatch, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField("文件名", max_length=200)
    kind = models.CharField("格式", max_length=10)
    text = models.TextField("文本")
    town = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="所属单位"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "汇编材料"
        verbose_name_plural = "汇编材料"
        ordering = ["batch", "id"]

    def __str__(self) -> str:
        return self.name


class FigureStatus(models.TextChoices):
    PROPOSED = "proposed", "待确认"
    CONFIRMED = "confirmed", "已确认"
    IGNORED = "ignored", "不入台账"
    LOADED = "loaded", "已入台账"


class ExtractedFigure(AreaOwned):
    """A figure found in a received summary, its proposed indicator and the person's decision."""

    area_lookup = "document__batch__area"
    objects = AreaOwnedQuerySet.as_manager()

    document = models.ForeignKey(CompiledDocument, on_delete=models.CASCADE, related_name="figures")
    start = models.PositiveIntegerField("位置")
    span = models.CharField("原文", max_length=60)
    context = models.CharField("所在句", max_length=300)
    subject = models.CharField("主语", max_length=60, blank=True)
    value = models.DecimalField("数值", max_digits=24, decimal_places=6)
    unit = models.CharField("单位", max_length=12, blank=True)
    kind = models.CharField("类型", max_length=12)
    proposed = models.ForeignKey(
        Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="建议指标"
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="确认指标"
    )
    status = models.CharField(
        "状态", max_length=10, choices=FigureStatus.choices, default=FigureStatus.PROPOSED
    )

    class Meta:
        verbose_name = "提取数字"
        verbose_name_plural = "提取数字"
        ordering = ["document", "start"]

    def __str__(self) -> str:
        return f"{self.document} {self.span}"
