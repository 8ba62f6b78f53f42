"""Checklist items of a creation standard (“七个一”, “六通一平”) and each area's marks with their evidence.

A standard's numeric items are its catalogue entries with a 达标要求; its checklist items are
things done or not, each proven by photos, a document and/or a date. A town marks an item
已完成; the county reviews the mark (通过 / 退回 with a reason). A new mark never overwrites
an older one: every mark stays, with its evidence and its review.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone

from zhenwu.areas.models import Area, AreaOwned
from zhenwu.ledger.models.indicators import Catalogue


class ChecklistItem(models.Model):
    """One qualitative requirement of a standard: “一个规范化农贸市场”, with the evidence it needs."""

    catalogue = models.ForeignKey(
        Catalogue, on_delete=models.CASCADE, related_name="items", verbose_name="创建标准"
    )
    text = models.CharField("清单项", max_length=120)
    needs_photos = models.BooleanField("需上传照片", default=True)
    needs_document = models.BooleanField("需上传文件", default=False)
    needs_date = models.BooleanField("需填写完成日期", default=False)
    order = models.PositiveSmallIntegerField("排序", default=0)
    is_active = models.BooleanField("启用", default=True, help_text="已有镇标记的清单项移出后停用，标记保留")

    class Meta:
        verbose_name = "清单项"
        verbose_name_plural = "清单项"
        ordering = ["catalogue", "order", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def evidence_text(self) -> str:
        """The evidence required, as the page lists it: “照片、文件、完成日期”."""
        needed = [
            label
            for flag, label in (
                (self.needs_photos, "照片"),
                (self.needs_document, "文件"),
                (self.needs_date, "完成日期"),
            )
            if flag
        ]
        return "、".join(needed) or "无需佐证"


class MarkStatus(models.TextChoices):
    SUBMITTED = "submitted", "待审核"
    ACCEPTED = "accepted", "通过"
    RETURNED = "returned", "退回"
    REPLACED = "replaced", "已重新提交"


def _document_path(instance: ChecklistMark, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"checklists/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def _photo_path(instance: ChecklistPhoto, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower() or ".jpg"
    return f"checklists/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def _thumbnail_path(instance: ChecklistPhoto, filename: str) -> str:
    return f"checklists/thumbs/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.jpg"


class ChecklistMark(AreaOwned):
    """An area's 已完成 mark of one checklist item, its evidence and the county's review."""

    item = models.ForeignKey(
        ChecklistItem, on_delete=models.PROTECT, related_name="marks", verbose_name="清单项"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    status = models.CharField("状态", max_length=10, choices=MarkStatus.choices, default=MarkStatus.SUBMITTED)
    done_on = models.DateField("完成日期", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    document = models.FileField("佐证文件", upload_to=_document_path, blank=True)
    document_name = models.CharField("原文件名", max_length=200, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="标记人",
    )
    marked_at = models.DateTimeField("标记时间", default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="审核人",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    reason = models.TextField("退回理由", blank=True)

    class Meta:
        verbose_name = "清单项标记"
        verbose_name_plural = "清单项标记"
        ordering = ["marked_at", "id"]
        indexes = [models.Index(fields=["item", "area", "marked_at"], name="checklist_mark_latest")]

    def __str__(self) -> str:
        return f"{self.area} · {self.item} · {self.get_status_display()}"


class ChecklistPhoto(AreaOwned):
    """A photo proving a mark, served only through access checks (as findings' and projects' photos)."""

    area_lookup = "mark__area"

    mark = models.ForeignKey(ChecklistMark, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField("照片", upload_to=_photo_path, width_field="width", height_field="height")
    thumbnail = models.ImageField("缩略图", upload_to=_thumbnail_path, blank=True)
    width = models.PositiveIntegerField("宽", null=True, blank=True)
    height = models.PositiveIntegerField("高", null=True, blank=True)
    content_type = models.CharField("类型", max_length=40, default="image/jpeg")
    original_name = models.CharField("原文件名", max_length=200, blank=True)

    class Meta:
        verbose_name = "清单项照片"
        verbose_name_plural = "清单项照片"
        ordering = ["mark", "id"]

    def __str__(self) -> str:
        return f"清单项照片 #{self.pk}"
