"""Key projects (重点项目), their yearly plans, monthly updates (月度进展) with photos, and the status log.

Money is ``Decimal`` in 万元 throughout, as the 台账 keeps it.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from zhenwu.areas.models import Area, AreaOwned, Department

MONEY = {"max_digits": 14, "decimal_places": 2}


class Category(models.TextChoices):
    INDUSTRY = "industry", "工业"
    SERVICES = "services", "三产"
    INFRASTRUCTURE = "infrastructure", "基础设施"
    LIVELIHOOD = "livelihood", "民生"
    TOURISM = "tourism", "文旅"
    AGRICULTURE = "agriculture", "农业"
    ECOLOGY = "ecology", "生态环保"
    URBAN = "urban", "城镇建设"


class Tier(models.TextChoices):
    """Which government lists the project as key (重点): the level of the list, not of the area."""

    PROVINCE = "province", "省重点"
    CITY = "city", "市重点"
    COUNTY = "county", "县重点"


class Status(models.TextChoices):
    """The lifecycle 谋划 → 签约 → 开工 → 在建 → 竣工 → 投产, in order."""

    PLANNING = "planning", "谋划"
    SIGNED = "signed", "签约"
    STARTED = "started", "开工"
    BUILDING = "building", "在建"
    COMPLETED = "completed", "竣工"
    OPERATING = "operating", "投产"


STATUS_ORDER = list(Status)
STARTED_STATUSES = frozenset(STATUS_ORDER[STATUS_ORDER.index(Status.STARTED) :])
COMPLETED_STATUSES = frozenset({Status.COMPLETED, Status.OPERATING})


class Project(AreaOwned):
    """One key project of a town (or the county): what, who answers for it, how much, when."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="projects", verbose_name="所属区划")
    name = models.CharField("项目名称", max_length=120)
    category = models.CharField("项目类别", max_length=16, choices=Category.choices)
    tier = models.CharField("项目层级", max_length=10, choices=Tier.choices, default=Tier.COUNTY)
    content = models.TextField("建设内容", blank=True)
    owner_company = models.CharField("业主单位", max_length=120, blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name="责任单位",
    )
    responsible_person = models.CharField("责任人", max_length=40, blank=True)
    total_investment = models.DecimalField(
        "总投资（万元）", **MONEY, validators=[MinValueValidator(0)], help_text="单位：万元"
    )
    planned_start = models.DateField("计划开工日期", null=True, blank=True)
    planned_completion = models.DateField("计划竣工日期", null=True, blank=True)
    status = models.CharField("项目状态", max_length=12, choices=Status.choices, default=Status.PLANNING)
    started_on = models.DateField("实际开工日期", null=True, blank=True)
    completed_on = models.DateField("实际竣工日期", null=True, blank=True)
    highlighted = models.BooleanField("月报重点展示", default=False, help_text="在月度图文报告中单独介绍")
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    version = models.PositiveIntegerField(
        "版本",
        default=1,
        editable=False,
        help_text="每次修改台账或推进状态加 1；保存时核对，以免覆盖他人的修改",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="最后修改人",
    )
    updated_at = models.DateTimeField("最后修改时间", null=True, blank=True)

    class Meta:
        verbose_name = "重点项目"
        verbose_name_plural = "重点项目"
        ordering = ["area__path", "id"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="project_unique_name")]

    def __str__(self) -> str:
        return self.name


class StatusChange(AreaOwned):
    """One step of the lifecycle: from which status to which, on what date, recorded by whom."""

    area_lookup = "project__area"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="status_changes", verbose_name="项目"
    )
    from_status = models.CharField("原状态", max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField("新状态", max_length=12, choices=Status.choices)
    date = models.DateField("日期")
    note = models.CharField("说明", max_length=200, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("记录时间", default=timezone.now)

    class Meta:
        verbose_name = "状态变更"
        verbose_name_plural = "状态变更"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_to_status_display()}"


class YearPlan(AreaOwned):
    """The investment planned for the project in one year (年度计划投资)."""

    area_lookup = "project__area"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="year_plans", verbose_name="项目"
    )
    year = models.PositiveSmallIntegerField(
        "年度", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    planned_investment = models.DecimalField(
        "年度计划投资（万元）", **MONEY, validators=[MinValueValidator(0)], help_text="单位：万元"
    )

    class Meta:
        verbose_name = "年度计划"
        verbose_name_plural = "年度计划"
        ordering = ["project", "year"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="yearplan_unique_year")]

    def __str__(self) -> str:
        return f"{self.project} {self.year}年"


class MonthlyUpdate(AreaOwned):
    """The month's progress report of one project: money, 形象进度, milestone, problems.

    ``investment_ytd`` (1-N月累计) is kept consistent with the months by the services.
    """

    area_lookup = "project__area"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="updates", verbose_name="项目"
    )
    year = models.PositiveSmallIntegerField("年度")
    month = models.PositiveSmallIntegerField("月份", validators=[MinValueValidator(1), MaxValueValidator(12)])
    investment_month = models.DecimalField(
        "当月完成投资（万元）", **MONEY, validators=[MinValueValidator(0)], help_text="单位：万元"
    )
    investment_ytd = models.DecimalField("1-N月累计完成投资（万元）", **MONEY, help_text="单位：万元")
    progress = models.CharField("形象进度", max_length=300)
    milestone = models.CharField(
        "节点目标", max_length=120, blank=True, help_text="本月达到的节点，如“主体结构封顶”"
    )
    problems = models.TextField("存在问题", blank=True)
    help_needed = models.TextField("需协调事项", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="填报人"
    )
    entered_at = models.DateTimeField("填报时间", default=timezone.now)
    revision = models.PositiveSmallIntegerField("修改次数", default=0)

    class Meta:
        verbose_name = "月度进展"
        verbose_name_plural = "月度进展"
        ordering = ["project", "-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "month"], name="update_unique_month"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}年{self.month}月"

    def clean(self) -> None:
        """An update is entered for a month that has begun, and not in the future (the admin checks it too)."""
        today = timezone.localdate()
        if self.entered_at and self.entered_at > timezone.now():
            raise ValidationError({"entered_at": "填报时间不能晚于现在"})
        if self.year and self.month and (self.year, self.month) > (today.year, today.month):
            raise ValidationError({"month": f"不能填报未来月份（{self.year}年{self.month}月）的进展"})

    @property
    def version(self) -> int:
        """Counts the changes of the update (``revision`` corrections after the first entry); 0 is no update."""
        return self.revision + 1


class UpdateRevision(AreaOwned):
    """What a monthly update said before a correction: who changed it, when, and the old values."""

    area_lookup = "update__project__area"

    update = models.ForeignKey(
        MonthlyUpdate, on_delete=models.CASCADE, related_name="revisions", verbose_name="月度进展"
    )
    investment_month = models.DecimalField("原当月完成投资（万元）", **MONEY)
    investment_ytd = models.DecimalField("原累计完成投资（万元）", **MONEY)
    progress = models.CharField("原形象进度", max_length=300)
    milestone = models.CharField("原节点目标", max_length=120, blank=True)
    problems = models.TextField("原存在问题", blank=True)
    help_needed = models.TextField("原需协调事项", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="原填报人"
    )
    entered_at = models.DateTimeField("原填报时间")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="修改人"
    )
    changed_at = models.DateTimeField("修改时间", default=timezone.now)

    class Meta:
        verbose_name = "进展修改记录"
        verbose_name_plural = "进展修改记录"
        ordering = ["update", "changed_at", "id"]


def _photo_path(instance: UpdatePhoto, filename: str) -> str:
    """Random names under the month, so names neither collide nor reveal anything."""
    suffix = PurePosixPath(filename).suffix.lower() or ".jpg"
    return f"projects/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}{suffix}"


def _thumbnail_path(instance: UpdatePhoto, filename: str) -> str:
    return f"projects/thumbs/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.jpg"


class UpdatePhoto(AreaOwned):
    """A 形象进度 photo of a monthly update, served only through access checks."""

    area_lookup = "update__project__area"

    update = models.ForeignKey(
        MonthlyUpdate, on_delete=models.CASCADE, related_name="photos", verbose_name="月度进展"
    )
    image = models.ImageField("照片", upload_to=_photo_path, width_field="width", height_field="height")
    thumbnail = models.ImageField("缩略图", upload_to=_thumbnail_path, blank=True)
    width = models.PositiveIntegerField("宽", null=True, blank=True)
    height = models.PositiveIntegerField("高", null=True, blank=True)
    content_type = models.CharField("类型", max_length=40, default="image/jpeg")
    caption = models.CharField("说明", max_length=120, blank=True)
    taken_on = models.DateField("拍摄日期", default=timezone.localdate)
    original_name = models.CharField("原文件名", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = "形象进度照片"
        verbose_name_plural = "形象进度照片"
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return self.caption or f"照片 #{self.pk}"

    def clean(self) -> None:
        """A photo shows the site as it was: it cannot be taken after today (the admin checks it too)."""
        if self.taken_on and self.taken_on > timezone.localdate():
            raise ValidationError({"taken_on": "拍摄日期不能晚于今天"})
