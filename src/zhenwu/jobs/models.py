"""A job: one piece of long work a person (or the schedule) asked for, with its progress and result.

The queue itself is django-tasks' database backend (``django_tasks_db.DBTaskResult``); a job is
the part a user sees and the part the backend lacks: attempts and retries, a heartbeat so a job
whose worker died is taken up again, the steps already done (so a retry never does them twice),
and the result file kept for download.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet


class JobStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "进行中"
    DONE = "done", "已完成"
    FAILED = "failed", "失败"


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class JobQuerySet(AreaOwnedQuerySet):
    def visible_to(self, user):
        """A user's own jobs, and those of the areas the user administers (a county admin sees its towns')."""
        from zhenwu.areas.access import subtree_filter
        from zhenwu.areas.models import Action

        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(user=user) | (Q(area__isnull=False) & subtree_filter(user, "area__path", Action.ADMINISTER))
        )


class Job(AreaOwned):
    """Long work done by ``zhenwu worker``: a function named by its dotted path, called with this job."""

    objects = JobQuerySet.as_manager()

    function = models.CharField("函数", max_length=200)
    title = models.CharField("任务", max_length=200)
    params = models.JSONField("参数", default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="提交人",
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="区划"
    )
    status = models.CharField("状态", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField("已完成", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    note = models.CharField("进度说明", max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    max_attempts = models.PositiveSmallIntegerField("最多尝试次数", default=3)
    task_id = models.CharField("队列任务", max_length=64, blank=True)
    worker = models.CharField("执行进程", max_length=64, blank=True)
    heartbeat_at = models.DateTimeField("最近心跳", null=True, blank=True)
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    result_name = models.CharField("结果文件", max_length=200, blank=True)
    result_path = models.CharField("结果文件位置", max_length=300, blank=True)
    message = models.CharField("结果说明", max_length=300, blank=True)
    link = models.CharField("结果页面", max_length=300, blank=True, help_text="完成后去看结果的站内地址")
    error = models.TextField("错误", blank=True)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="job_status_heartbeat")]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def result_is_docx(self) -> bool:
        """A 通报 or report: its PDF is offered beside the .docx."""
        return self.result_name.lower().endswith(".docx")

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return round(self.done * 100 / self.total) if self.total else 0


class JobStep(AreaOwned):
    """A step of a job that is done and must not be done again (one town's summary in a batch).

    Written in the same transaction as the step's work: a worker killed mid-step leaves neither.
    """

    area_lookup = "job__area"
    objects = AreaOwnedQuerySet.as_manager()

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField("步骤", max_length=100)
    attempt = models.PositiveSmallIntegerField("第几次尝试")
    done_at = models.DateTimeField("完成时间", auto_now_add=True)

    class Meta:
        verbose_name = "任务步骤"
        verbose_name_plural = "任务步骤"
        ordering = ["job", "id"]
        constraints = [models.UniqueConstraint(fields=["job", "key"], name="job_step_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.key}"


class ScheduleRun(models.Model):
    """A periodic function's slot that was fired: the unique row makes each slot fire once across workers."""

    function = models.CharField("函数", max_length=200)
    slot = models.DateTimeField("应执行时间")
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, related_name="+")
    fired_at = models.DateTimeField("实际触发时间", auto_now_add=True)

    class Meta:
        verbose_name = "定时执行记录"
        verbose_name_plural = "定时执行记录"
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["function", "slot"], name="schedule_slot_once")]

    def __str__(self) -> str:
        return f"{self.function} @ {self.slot:%Y-%m-%d %H:%M}"
