"""The history of what a 管理员 set up: every change to a setting, who made it, when, before → after.

Each service that changes a setting (an indicator, a catalogue, a scheme, a department, an
account) calls :func:`record` itself, in its own transaction, with the setting described in
words before and after.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area, SettingChange


class SettingError(Exception):
    """A setting that cannot be saved as asked; the message says why, in words for the page."""


def require_admin(user, area: Area) -> None:
    """Refuse (403) unless the user is 管理员 of ``area`` or of an area above it."""
    if not can(user, area, Action.ADMINISTER):
        raise PermissionDenied(f"您不是{area.name}的管理员，不能修改设置")


def validation_text(error: ValidationError, model) -> str:
    """A model's validation errors on one line, each after its field's Chinese name: “等次：…”."""
    if not hasattr(error, "error_dict"):
        return "；".join(error.messages)
    lines = []
    for name, errors in error.message_dict.items():
        label = model._meta.get_field(name).verbose_name if name != "__all__" else ""
        lines += [f"{label}：{message}" if label else message for message in errors]
    return "；".join(lines)


def in_words(fields: Mapping[str, object]) -> str:
    """A setting as a line of "label：value" pairs: “名称：固定资产投资；单位：亿元”."""
    return "；".join(f"{label}：{_text(value)}" for label, value in fields.items())


def _text(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def record(
    user,
    area: Area,
    subject: str,
    label: str,
    before: Mapping[str, object] | None,
    after: Mapping[str, object] | None,
) -> SettingChange | None:
    """Keep one change: only the fields that differ (all of them for a new or removed setting).

    Nothing is written when nothing changed.
    """
    before, after = dict(before or {}), dict(after or {})
    if before and after:
        changed = [key for key in after if _text(before.get(key)) != _text(after[key])]
        before = {key: before.get(key) for key in changed}
        after = {key: after[key] for key in changed}
        if not changed:
            return None
    return SettingChange.objects.create(
        area=area,
        subject=subject,
        label=label[:160],
        before=in_words(before),
        after=in_words(after),
        user=user,
    )


def subject_of(row) -> str:
    """The key a setting's history is kept under: “indicator:12”, “catalogue:3”."""
    return f"{row._meta.model_name}:{row.pk}"


def history(*subjects: str):
    """The changes of the given settings, newest first."""
    return SettingChange.objects.filter(subject__in=subjects).select_related("user")


# The settings whose history the 修改记录 page filters by, keyed as ``subject_of`` names them.
SETTING_KINDS = {
    "indicator": "指标",
    "catalogue": "目录与创建标准",
    "scheme": "考核方案",
    "department": "部门",
}


def area_history(area: Area, model) -> object:
    """The changes to every ``model`` row the area keeps, deleted ones included, newest first."""
    prefix = f"{model._meta.model_name}:"
    return SettingChange.objects.filter(area=area, subject__startswith=prefix).select_related("user")
