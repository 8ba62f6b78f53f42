"""Reminder rules a county sets, the channels it sends through, and every reminder with its deliveries."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.utils import timezone

from zhenwu.areas.models import Area, AreaOwned, AreaOwnedQuerySet

MAX_URL_LENGTH = 500
webhook_url_validator = URLValidator(
    schemes=["http", "https"], message="请填写以 http:// 或 https:// 开头的网址"
)


class ReminderRules(AreaOwned):
    """One version of an area's reminder rules; a change adds a row, so the history stays.

    The rules of the nearest area above (or the area itself) with any row apply: a county sets
    them once for all its towns.
    """

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    enabled = models.BooleanField("启用自动提醒", default=True)
    days_before_deadline = models.PositiveSmallIntegerField(
        "报送截止前几天提醒", default=2, validators=[MaxValueValidator(20)], help_text="0 为不提醒"
    )
    remind_late = models.BooleanField("逾期次日提醒填报员和本镇领导", default=True)
    repeat_days = models.PositiveSmallIntegerField(
        "逾期后每几天再提醒一次",
        default=1,
        validators=[MaxValueValidator(31)],
        help_text="报送逾期和整改逾期都按此重复；0 为只在逾期次日提醒",
    )
    rectification_days_before = models.PositiveSmallIntegerField(
        "整改到期前几天提醒", default=3, validators=[MaxValueValidator(30)], help_text="0 为不提醒"
    )
    remind_overdue_rectifications = models.BooleanField("提醒逾期未整改", default=True)
    remind_project_updates = models.BooleanField("提醒未报本月进展的重点项目", default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="修改人",
    )
    changed_at = models.DateTimeField("修改时间", default=timezone.now)

    class Meta:
        verbose_name = "提醒规则"
        verbose_name_plural = "提醒规则"
        ordering = ["-changed_at", "-id"]


class ChannelKind(models.TextChoices):
    EMAIL = "email", "电子邮件"
    WECOM = "wecom", "企业微信群机器人"
    DINGTALK = "dingtalk", "钉钉群机器人"
    WEBHOOK = "webhook", "通用 JSON 接口"


class Channel(AreaOwned):
    """Where an area's reminders go besides the in-app inbox (which is always on)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    kind = models.CharField("渠道", max_length=10, choices=ChannelKind.choices)
    url = models.CharField(
        "Webhook 地址", max_length=MAX_URL_LENGTH, blank=True, validators=[webhook_url_validator]
    )
    secret = models.CharField(
        "密钥", max_length=200, blank=True, help_text="钉钉“加签”的 SEC 开头的密钥；通用接口用于签名"
    )
    markdown = models.BooleanField("以 Markdown 格式发送", default=False)
    enabled = models.BooleanField("开启", default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="修改人",
    )
    changed_at = models.DateTimeField("修改时间", default=timezone.now)

    class Meta:
        verbose_name = "提醒渠道"
        verbose_name_plural = "提醒渠道"
        ordering = ["area__path", "kind"]
        constraints = [models.UniqueConstraint(fields=["area", "kind"], name="reminder_channel_unique_kind")]

    def __str__(self) -> str:
        return f"{self.area} {self.get_kind_display()}"


class Kind(models.TextChoices):
    DUE_SOON = "due_soon", "报送截止提醒"
    LATE = "late", "逾期未报提醒"
    LATE_LEADER = "late_leader", "逾期未报通报领导"
    RECTIFICATION_DUE = "rectification_due", "整改到期提醒"
    RECTIFICATION_OVERDUE = "rectification_overdue", "整改逾期提醒"
    PROJECT_UPDATE = "project_update", "项目进展未报提醒"
    CHASE = "chase", "催报"


class ReminderQuerySet(AreaOwnedQuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Reminder(AreaOwned):
    """One message to one person about one area: what, when, from whom (blank: the schedule)."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name="区划")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders", verbose_name="收件人"
    )
    kind = models.CharField("类别", max_length=24, choices=Kind.choices)
    message = models.TextField("内容")
    key = models.CharField("去重键", max_length=120)  # the same reminder is never recorded twice
    created_at = models.DateTimeField("时间", default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="催报人",
    )
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="reminder_unique_key")]
        indexes = [models.Index(fields=["recipient", "read_at"], name="reminder_inbox")]

    def __str__(self) -> str:
        return f"{self.recipient} {self.get_kind_display()} {self.created_at:%Y-%m-%d}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "待发送"
    SENT = "sent", "已送达"
    RECORDED = "recorded", "已记录（未实际发送）"
    FAILED = "failed", "发送失败"


class Delivery(AreaOwned):
    """One reminder through one channel; a failed send waits ``next_attempt_at`` and is tried again."""

    area_lookup = "reminder__area"

    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField("渠道", max_length=10)  # "inbox" or a ChannelKind
    target = models.ForeignKey(Channel, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(
        "状态", max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试", null=True, blank=True)
    last_error = models.CharField("最近错误", max_length=500, blank=True)
    payload = models.TextField("发送内容", blank=True)  # what was (or, when recording, would have been) sent
    delivered_at = models.DateTimeField("送达时间", null=True, blank=True)

    class Meta:
        verbose_name = "提醒发送"
        verbose_name_plural = "提醒发送"
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due")]

    @property
    def channel_label(self) -> str:
        return "站内消息" if self.channel == "inbox" else ChannelKind(self.channel).label
