"""Inspections (督查/暗访), their findings (问题), photos and the rectification log (整改流程)."""

from __future__ import annotations

import datetime
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet, Department


class InspectionKind(models.TextChoices):
    SCHEDULED = "scheduled", "例行督查"
    UNANNOUNCED = "unannounced", "暗访"


class Theme(models.TextChoices):
    CITYSCAPE = "cityscape", "市容"
    ENVIRONMENT = "environment", "环境"
    SAFETY = "safety", "安全"
    PROJECT = "project", "项目"
    OTHER = "other", "其他"


class Inspection(AreaOwned):
    """One inspection round: who went, when, which areas, on what theme.

    ``area`` is the organising area (the county for a county 督查, a town for its own);
    the towns and villages visited are ``covered_areas``.
    """

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="inspections", verbose_name="组织单位"
    )
    title = models.CharField("名称", max_length=120)
    kind = models.CharField(
        "方式", max_length=12, choices=InspectionKind.choices, default=InspectionKind.SCHEDULED
    )
    theme = models.CharField("主题", max_length=12, choices=Theme.choices, default=Theme.CITYSCAPE)
    date = models.DateField("日期")
    inspectors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="inspections", blank=True, verbose_name="督查人员"
    )
    covered_areas = models.ManyToManyField(
        Area, related_name="inspections_covering", blank=True, verbose_name="督查范围"
    )
    checklist = models.TextField("检查清单", blank=True, help_text="每行一项")
    note = models.TextField("备注", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="记录人",
    )
    created_at = models.DateTimeField("记录时间", default=timezone.now)

    class Meta:
        verbose_name = "督查"
        verbose_name_plural = "督查"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    @property
    def checklist_items(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class FindingCategory(models.Model):
    """A kind of problem (乱占道经营, 违法建设 …), counted in ``count_unit`` and measured in ``quantity_unit``.

    Report phrases are built from the verbs: “查处违建42处，拆除违建1035平方米”.
    """

    name = models.CharField("名称", max_length=40, unique=True)
    short_name = models.CharField("简称", max_length=20, blank=True, help_text="通报中的说法，如“违建”")
    theme = models.CharField("主题", max_length=12, choices=Theme.choices, default=Theme.CITYSCAPE)
    count_unit = models.CharField("计数单位", max_length=8, default="处", help_text="处、户、家 …")
    count_verb = models.CharField("查处动词", max_length=8, default="查处", help_text="查处、清理、整治 …")
    quantity_unit = models.CharField(
        "数量单位", max_length=8, blank=True, help_text="平方米、吨 …；不计量则留空"
    )
    quantity_verb = models.CharField("整改动词", max_length=8, blank=True, help_text="拆除、清运 …")
    default_days = models.PositiveSmallIntegerField("默认整改期限（天）", default=7)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "问题类别"
        verbose_name_plural = "问题类别"
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Source(models.TextChoices):
    INSPECTION = "inspection", "督查发现"
    GRID = "grid", "网格上报"


class Severity(models.TextChoices):
    GENERAL = "general", "一般"
    SERIOUS = "serious", "较重"
    MAJOR = "major", "严重"


class Status(models.TextChoices):
    REPORTED = "reported", "待交办"
    ASSIGNED = "assigned", "待整改"
    IN_PROGRESS = "in_progress", "整改中"
    SUBMITTED = "submitted", "待验收"
    RETURNED = "returned", "已退回"
    CLOSED = "closed", "已销号"


OPEN_STATUSES = frozenset(status for status in Status if status != Status.CLOSED)


class FindingQuerySet(AreaOwnedQuerySet):
    def open(self):
        return self.exclude(status=Status.CLOSED)

    def overdue(self, today: datetime.date):
        """Not yet rectified with the deadline passed (the deadline day itself is not overdue);
        the same rule as ``rectification.days_overdue``."""
        return self.exclude(status__in=[Status.SUBMITTED, Status.CLOSED]).filter(deadline__lt=today)


class FindingManager(models.Manager.from_queryset(FindingQuerySet)):
    pass


class Finding(AreaOwned):
    """A problem found on inspection or reported by a village grid worker, and its rectification."""

    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="所属督查",
    )
    source = models.CharField("来源", max_length=12, choices=Source.choices, default=Source.INSPECTION)
    category = models.ForeignKey(
        FindingCategory, on_delete=models.PROTECT, related_name="findings", verbose_name="问题类别"
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="findings", verbose_name="责任区划")
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="责任单位",
    )
    location = models.CharField("地点", max_length=120)
    latitude = models.DecimalField(
        "纬度",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        "经度",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField("问题描述")
    severity = models.CharField("严重程度", max_length=10, choices=Severity.choices, default=Severity.GENERAL)
    quantity = models.DecimalField(
        "数量",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="按类别的数量单位，如违建面积（平方米）",
    )
    found_on = models.DateField("发现日期", default=timezone.localdate)
    deadline = models.DateField("整改期限", null=True, blank=True)
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.ASSIGNED)
    repeat_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="repeats",
        verbose_name="同一地点前次问题",
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="发现人",
    )
    created_at = models.DateTimeField("记录时间", default=timezone.now)
    closed_on = models.DateField("销号日期", null=True, blank=True)
    version = models.PositiveIntegerField(
        "版本",
        default=1,
        editable=False,
        help_text="每一步交办、整改、验收加 1；操作时核对，以免依据过时的页面办理",
    )

    objects = FindingManager()

    class Meta:
        verbose_name = "问题"
        verbose_name_plural = "问题"
        ordering = ["-found_on", "-id"]
        indexes = [models.Index(fields=["status", "deadline"], name="finding_status_deadline")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.category} · {self.location}"

    def clean(self) -> None:
        """The deadline falls after the day the problem was found (the admin checks it too)."""
        if self.deadline is not None and self.found_on is not None and self.deadline <= self.found_on:
            raise ValidationError({"deadline": f"整改期限应晚于发现日期（{self.found_on:%Y-%m-%d}）"})

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    @property
    def days_overdue(self) -> int:
        """Days past the deadline as of today (0 when on time or closed)."""
        from zhenwu.inspections.rectification import days_overdue

        return days_overdue(self.deadline, self.status, timezone.localdate())


def _photo_path(instance: FindingPhoto, filename: str) -> str:
    """Random names under the month, so names neither collide nor reveal anything."""
    suffix = PurePosixPath(filename).suffix.lower() or ".jpg"
    return f"inspections/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def _thumbnail_path(instance: FindingPhoto, filename: str) -> str:
    return f"inspections/thumbs/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.jpg"


class PhotoKind(models.TextChoices):
    FINDING = "finding", "问题照片"
    EVIDENCE = "evidence", "整改照片"


class FindingPhoto(AreaOwned):
    """A photo of the problem (拍于现场) or of the rectified place (整改后), served only through access checks."""

    area_lookup = "finding__area"

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="photos", verbose_name="问题")
    transition = models.ForeignKey(
        "Transition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name="提交记录",
    )
    kind = models.CharField("类型", max_length=10, choices=PhotoKind.choices, default=PhotoKind.FINDING)
    image = models.ImageField("照片", upload_to=_photo_path, width_field="width", height_field="height")
    thumbnail = models.ImageField("缩略图", upload_to=_thumbnail_path, blank=True)
    width = models.PositiveIntegerField("宽", null=True, blank=True)
    height = models.PositiveIntegerField("高", null=True, blank=True)
    content_type = models.CharField("类型", max_length=40, default="image/jpeg")
    original_name = models.CharField("原文件名", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = "照片"
        verbose_name_plural = "照片"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Step(models.TextChoices):
    """What happened to a finding: each is one row of the transition log."""

    RECORD = "record", "记录问题"
    REPORT = "report", "网格上报"
    ASSIGN = "assign", "交办"
    START = "start", "开始整改"
    SUBMIT = "submit", "提交整改"
    CLOSE = "close", "验收销号"
    RETURN = "return", "退回重改"


class Transition(AreaOwned):
    """One step of a finding's life: who, when, from which status to which, and why."""

    area_lookup = "finding__area"

    finding = models.ForeignKey(
        Finding, on_delete=models.CASCADE, related_name="transitions", verbose_name="问题"
    )
    step = models.CharField("操作", max_length=10, choices=Step.choices)
    from_status = models.CharField("原状态", max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField("新状态", max_length=12, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", default=timezone.now)
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "整改记录"
        verbose_name_plural = "整改记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} · {self.at:%Y-%m-%d %H:%M}"
