"""An office's 发文 settings and the register of the 文号 it has issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from zhenwu.areas.models import AreaOwned, Department


class ReportKind(models.TextChoices):
    RANKING = "ranking", "考核排名通报"
    INSPECTIONS = "inspections", "督查整改情况通报"
    PROJECTS = "projects", "重点项目推进情况"
    SUMMARY = "summary", "工作总结"


def _document_path(instance: IssuedNumber, filename: str) -> str:
    """Under the office and year, named by the number: one file of each kind per 文号."""
    suffix = filename.rpartition(".")[2] or "docx"
    return f"issued/{instance.department_id}/{instance.year}/{instance.number}.{suffix}"


class DispatchSettings(AreaOwned):
    """How an office (部门) issues 公文: its 版头, 机关代字, next number and default 主送/抄送."""

    area_lookup = "department__area"
    department = models.OneToOneField(
        Department, on_delete=models.CASCADE, related_name="dispatch", verbose_name="发文单位"
    )
    mark = models.CharField(
        "发文机关标志", max_length=40, help_text="如：青溪县美丽城镇建设工作领导小组办公室文件"
    )
    prefix = models.CharField(
        "机关代字", max_length=20, help_text="如：青美城办；文号为 青美城办〔2026〕12号"
    )
    signature = models.CharField("署名", max_length=80, blank=True, help_text="留空则用部门全称")
    recipient = models.CharField("默认主送机关", max_length=200, blank=True)
    copy_to = models.CharField("默认抄送", max_length=300, blank=True)
    printed_by = models.CharField("印发机关", max_length=80, blank=True, help_text="留空则用部门全称")
    year = models.PositiveIntegerField("编号年度")
    next_number = models.PositiveIntegerField("下一个发文顺序号", default=1)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "发文设置"
        verbose_name_plural = "发文设置"

    def __str__(self) -> str:
        return f"{self.department} · {self.prefix}"

    @property
    def signed_as(self) -> str:
        return self.signature or self.department.name

    @property
    def printer(self) -> str:
        return self.printed_by or self.department.name

    def code(self, year: int, number: int) -> str:
        """发文字号: 年份用六角括号括入，顺序号不加“第”字、不编虚位。

        >>> DispatchSettings(prefix="青美城办").code(2026, 12)
        '青美城办〔2026〕12号'
        """
        return f"{self.prefix}〔{year}〕{number}号"


class IssuedNumber(AreaOwned):
    """One 文号 taken from an office's register: who issued what, and when. Never reused."""

    area_lookup = "department__area"
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="issued_numbers", verbose_name="发文单位"
    )
    year = models.PositiveIntegerField("年度")
    number = models.PositiveIntegerField("顺序号")
    code = models.CharField("发文字号", max_length=40)
    title = models.CharField("标题", max_length=200)
    kind = models.CharField("文种", max_length=20, choices=ReportKind.choices)
    source = models.CharField("依据", max_length=120, help_text="生成所用的参数，如区划代码和月份")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="印发人"
    )
    issued_at = models.DateTimeField("印发时间", default=timezone.now)
    # The file as issued, kept so that the number always downloads the same document.
    document = models.FileField("印发文件", upload_to=_document_path, max_length=200, blank=True)
    pdf = models.FileField("PDF", upload_to=_document_path, max_length=200, blank=True)

    class Meta:
        verbose_name = "发文登记"
        verbose_name_plural = "发文登记"
        ordering = ["department", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year", "number"], name="issued_number_once")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def download_stem(self) -> str:
        """The file name people get: 文号 then title, as a register lists them."""
        return f"{self.code}{self.title}"
