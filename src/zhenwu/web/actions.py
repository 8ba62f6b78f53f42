"""The home page's first lines: what this account does here, by role (记录问题, 待验收, 本月填报 …).

On a phone these come before every figure and list, so a 督查员 in the street or a 填报员 at the
month's end reaches their work in one tap. Each entry is a link the user may open, with a count
of what waits where there is one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse

from zhenwu.areas.access import can, roles_over
from zhenwu.areas.models import Action, Area, Role
from zhenwu.inspections.forms import areas_for
from zhenwu.inspections.models import Finding, Status
from zhenwu.ledger.reporting import reporting_month


@dataclass(frozen=True)
class Task:
    label: str
    url: str
    hint: str = ""
    count: int | None = None  # what waits there; None: nothing to count
    primary: bool = False


def _inspector_tasks(area: Area, user) -> list[Task]:
    waiting = Finding.objects.for_user(user).in_subtree(area).filter(status=Status.SUBMITTED).count()
    return [
        Task("记录问题", reverse("inspections:new_finding"), "现场拍照，交办整改", primary=True),
        Task(
            "待验收",
            f"{reverse('inspections:index')}?status={Status.SUBMITTED}",
            "已提交整改，等您验收",
            waiting,
        ),
        Task("督查活动", reverse("inspections:inspections"), "暗访和检查记录"),
    ]


def _clerk_tasks(area: Area, user, today: datetime.date) -> list[Task]:
    month = reporting_month(area, today).current
    to_fix = (
        Finding.objects.for_user(user)
        .in_subtree(area)
        .filter(
            status__in=[Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED],
            area__in=areas_for(user, {Action.ENTER}),
        )
        .count()
    )
    return [
        Task(
            "本月填报",
            reverse("ledger:entry", args=[area.code, month.year, month.month]),
            f"{month.year}年{month.label}指标",
            primary=True,
        ),
        Task("待我整改", reverse("inspections:todo"), "交办给本单位的问题", to_fix),
        Task("项目更新", reverse("projects:index"), "重点项目月度进度和照片"),
    ]


def _reviewer_tasks(area: Area, today: datetime.date) -> list[Task]:
    month = reporting_month(area, today).current
    if area.numchild:
        url = f"{reverse('ledger:county', args=[area.code])}?period={month.year}-{month.month:02d}"
        hint = f"下辖单位{month.label}报送情况"
    else:
        url = reverse("ledger:entry", args=[area.code, month.year, month.month])
        hint = f"{month.year}年{month.label}报表"
    return [Task("本月审核", url, hint, primary=True)]


def _admin_tasks(area: Area, today: datetime.date) -> list[Task]:
    return [
        Task("目标分解", reverse("ledger:targets", args=[area.code, today.year]), f"{today.year}年目标任务"),
        Task("台账规则", reverse("ledger:rules", args=[area.code]), "报送截止日、超序时和滞后的标准"),
        Task("账号与区划", reverse("areas:detail", args=[area.code]), "下辖区划、部门和账号"),
    ]


def _reader_tasks() -> list[Task]:
    return [
        Task("指标完成情况", reverse("ledger:index"), "完成率与时序进度", primary=True),
        Task("考核排名", reverse("assessment:index"), "排名与通报"),
        Task("重点项目", reverse("projects:overview"), "开工率、投资完成率"),
    ]


def home_tasks(area: Area, user, today: datetime.date) -> list[Task]:
    """The account's tasks in ``area``, the most used first; a role's tasks appear only when it holds it here."""
    if Role.ADMIN in roles_over(user, area):  # an admin may do everything: the setting-up comes first
        return _admin_tasks(area, today) + _reviewer_tasks(area, today)
    tasks: list[Task] = []
    if can(user, area, Action.INSPECT):
        tasks += _inspector_tasks(area, user)
    if can(user, area, Action.ENTER):
        tasks += _clerk_tasks(area, user, today)
    if can(user, area, Action.REVIEW):
        tasks += _reviewer_tasks(area, today)
    if can(user, area, Action.ADMINISTER):
        tasks += _admin_tasks(area, today)
    if not tasks:
        tasks = _reader_tasks()
    return tasks
