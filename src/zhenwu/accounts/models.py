"""The record of what was done to an account's password or sign-in lock, and by whom."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class AccountAction(models.TextChoices):
    PASSWORD_SET = "password_set", "设定新密码"
    PASSWORD_GENERATED = "password_generated", "生成临时密码"
    OWN_CHANGE = "own_change", "本人修改密码"
    UNLOCK = "unlock", "解除登录锁定"


# A password someone else chose: its owner replaces it at the next sign-in.
RESET_ACTIONS = (AccountAction.PASSWORD_SET, AccountAction.PASSWORD_GENERATED)
PASSWORD_ACTIONS = (*RESET_ACTIONS, AccountAction.OWN_CHANGE)


class AccountChange(models.Model):
    """Who reset or unlocked whose account and when — written by the service that did it."""

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

    class Meta:
        verbose_name = "账号操作记录"
        verbose_name_plural = "账号操作记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
