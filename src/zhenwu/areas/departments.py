"""部门/单位: an area's 管理员 adds and renames the departments that own its targets and tasks."""

from __future__ import annotations

from django.db import transaction

from zhenwu.areas.changes import SettingError, record, require_admin, subject_of
from zhenwu.areas.models import Area, Department


def department_words(department: Department) -> dict[str, str]:
    return {"名称": department.name, "简称": department.short_name}


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
