"""部门/单位: an area's 管理员 adds, renames and retires the departments that own its targets and tasks.

A department that anything names (an account, a target, a project, a finding, a 发文 setting or an
issued 文号) is never deleted: it is 停用 — gone from every picker, kept on every row and in history.
"""

from __future__ import annotations

from django.db import transaction

from zhenwu.areas.changes import SettingError, record, require_admin, subject_of
from zhenwu.areas.models import Area, Department


def department_words(department: Department) -> dict[str, str]:
    return {"名称": department.name, "简称": department.short_name, "状态": _state(department)}


def _state(department: Department) -> str:
    return "在用" if department.is_active else "停用"


def _check_unique(area: Area, name: str, department: Department | None = None) -> None:
    clash = Department.objects.filter(area=area, name=name)
    if department is not None:
        clash = clash.exclude(pk=department.pk)
    if clash.exists():
        raise SettingError(f"{area.name}已有名为“{name}”的部门")


@transaction.atomic
def add_department(user, area: Area, name: str, short_name: str = "") -> Department:
    """Add a department to the area; its history begins with the name it was given."""
    require_admin(user, area)
    name, short_name = name.strip(), short_name.strip()
    if not name:
        raise SettingError("请填写部门名称")
    _check_unique(area, name)
    department = Department.objects.create(area=area, name=name, short_name=short_name)
    record(user, area, subject_of(department), f"部门“{name}”", None, department_words(department))
    return department


@transaction.atomic
def change_department(user, department: Department, name: str, short_name: str = "") -> Department:
    """Rename a department; targets and tasks it owns stay with it."""
    require_admin(user, department.area)
    name, short_name = name.strip(), short_name.strip()
    if not name:
        raise SettingError("请填写部门名称")
    _check_unique(department.area, name, department)
    before = department_words(department)
    department.name, department.short_name = name, short_name
    department.save(update_fields=["name", "short_name"])
    record(
        user, department.area, subject_of(department), f"部门“{name}”", before, department_words(department)
    )
    return department


@transaction.atomic
def set_department_active(user, department: Department, active: bool) -> Department:
    """停用 a department (no picker offers it; what names it keeps it) or bring it back (恢复)."""
    require_admin(user, department.area)
    department = Department.objects.select_for_update().get(pk=department.pk)
    if department.is_active == active:
        return department
    before = department_words(department)
    department.is_active = active
    department.save(update_fields=["is_active"])
    record(
        user,
        department.area,
        subject_of(department),
        f"部门“{department.name}”",
        before,
        department_words(department),
    )
    return department


def references(department: Department) -> list[str]:
    """What names the department, in words for the page: “成员角色 2 条”, “发文登记 5 条”.

    Read from the models that point at departments, so an app added later is counted too.
    """
    found = []
    for relation in department._meta.related_objects:
        model = relation.related_model
        count = model._base_manager.filter(**{relation.field.name: department}).count()
        if count:
            found.append(f"{model._meta.verbose_name} {count} 条")
    return found


@transaction.atomic
def remove_department(user, department: Department) -> None:
    """Delete a department added by mistake; one that anything names can only be 停用."""
    require_admin(user, department.area)
    named = references(department)
    if named:
        raise SettingError(f"“{department.name}”已被引用（{'、'.join(named)}），不能删除；不再使用请停用")
    record(
        user,
        department.area,
        subject_of(department),
        f"部门“{department.name}”",
        department_words(department),
        None,
    )
    department.delete()


def retired_choice(department: Department | None, current_id: int | None = None) -> str:
    """Why ``department`` may not be newly named as responsible (it is 停用), or "" when it may.

    A row that already names it (``current_id``) keeps it: retiring never rewrites what was assigned.
    """
    if department is None or department.is_active or department.pk == current_id:
        return ""
    return f"“{department.name}”已停用，请选择在用的部门"
