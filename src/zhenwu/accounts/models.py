"""The record of what was done to an account's password or sign-in lock, and by whom."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone


class AccountAction(models.TextChoices):
    PASSWORD_SET = "password_set", "设定新密码"
    PASSWORD_GENERATED = "password_generated", "生成临时密码"
    OWN_CHANGE = "own_change", "本人修改密码"
    UNLOCK = "unlock", "解除登录锁定"
    CREATED = "created", "新建账号"
    ROLE_CHANGED = "role_changed", "变更角色"
    ROLE_ADDED = "role_added", "增加角色"
    ROLE_REMOVED = "role_removed", "取消角色"
    CONTACT_CHANGED = "contact_changed", "修改联系方式"
    NAME_CHANGED = "name_changed", "修改姓名"
    DEACTIVATED = "deactivated", "停用账号"
    REACTIVATED = "reactivated", "恢复账号"


# A password someone else chose: its owner replaces it at the next sign-in.
RESET_ACTIONS = (AccountAction.PASSWORD_SET, AccountAction.PASSWORD_GENERATED)
PASSWORD_ACTIONS = (*RESET_ACTIONS, AccountAction.OWN_CHANGE)


class AccountChange(models.Model):
    """Who created, reset, unlocked, re-roled or stopped whose account and when — written by the service
    that did it, with what the account was before and after where that is more than the action."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account_changes",
        verbose_name="账号",
    )
    action = models.CharField("操作", max_length=20, choices=AccountAction.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="操作人",
    )
    at = models.DateTimeField("时间", default=timezone.now)
    old_text = models.CharField("变更前", max_length=200, blank=True)
    new_text = models.CharField("变更后", max_length=200, blank=True)

    class Meta:
        verbose_name = "账号操作记录"
        verbose_name_plural = "账号操作记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class ApiTokenQuerySet(models.QuerySet):
    def live(self):
        """Tokens that still open the API: not revoked and not past their expiry."""
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A key for ``Authorization: Bearer``: it acts as its user, no more.

    Only a hash of the secret is kept; the secret is shown once, when the token is made. The
    first characters (``prefix``) are stored in clear so a token is found by an index and can
    be told apart on the "API 令牌" page.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="账号"
    )
    name = models.CharField("名称", max_length=60, blank=True)
    prefix = models.CharField("前缀", max_length=16, unique=True)
    digest = models.CharField("摘要", max_length=64)  # sha256 of the whole token, hex
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    expires_at = models.DateTimeField("到期时间", null=True, blank=True)
    last_used_at = models.DateTimeField("上次使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.name or self.prefix}"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        if self.revoked_at:
            return "已吊销"
        return "已过期" if self.expired else "有效"


mobile_validator = RegexValidator(
    r"^1[3-9]\d{9}$", "手机号码应为 11 位数字，以 13–19 开头（如 13812345678）", code="mobile"
)


class Contact(models.Model):
    """How to reach an account's owner: the mobile number (e-mail stays on the user record).

    Kept beside the account rather than on it so Django's own user model stays as it ships; one
    row per user, made the first time a number is entered.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact", verbose_name="账号"
    )
    mobile = models.CharField("手机号码", max_length=11, validators=[mobile_validator])
    updated_at = models.DateTimeField("修改时间", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="修改人",
    )

    class Meta:
        verbose_name = "联系方式"
        verbose_name_plural = "联系方式"

    def __str__(self) -> str:
        return f"{self.user} {self.mobile}"
