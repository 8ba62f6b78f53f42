"""年度目标: setting a target, 目标调整 as a new version, 目标分解 to departments and villages."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from zhenwu.areas.models import Action, Area, Department
from zhenwu.ledger.models import Indicator, Target, TargetPart, TargetVersion
from zhenwu.ledger.services.values import LedgerError, require


@transaction.atomic
def set_target(
    user,
    indicator: Indicator,
    area: Area,
    year: int,
    value: Decimal,
    *,
    department: Department | None = None,
    person: str = "",
) -> Target:
    """A 管理员 sets an area's annual target, the responsible unit and person (version 1)."""
    require(user, area, Action.ADMINISTER)
    if department is not None and department.area_id != area.pk:
        raise LedgerError(f"责任单位“{department.name}”不属于{area.name}")
    target, created = Target.objects.get_or_create(
        indicator=indicator,
        area=area,
        year=year,
        defaults={"department": department, "responsible_person": person},
    )
    if not created:
        raise LedgerError(f"{area.name}{year}年“{indicator.name}”已有目标，请用目标调整")
    TargetVersion.objects.create(target=target, number=1, value=value, effective_month=1, created_by=user)
    return target


@transaction.atomic
def revise_target(user, target: Target, value: Decimal, effective_month: int, reason: str) -> TargetVersion:
    """目标调整: a new version from ``effective_month`` on, with its reason; earlier months keep the old one."""
    require(user, target.area, Action.ADMINISTER)
    if not reason.strip():
        raise LedgerError("目标调整必须填写原因")
    if not 1 <= effective_month <= 12:
        raise LedgerError("适用月份应在 1 到 12 之间")
    last = target.versions.select_for_update().order_by("-number").first()
    if last is not None and effective_month < last.effective_month:
        raise LedgerError(f"调整只能从第{last.effective_month}月或以后起适用")
    return TargetVersion.objects.create(
        target=target,
        number=(last.number + 1) if last else 1,
        value=value,
        effective_month=effective_month,
        reason=reason.strip(),
        created_by=user,
    )


@transaction.atomic
def decompose_target(
    user,
    target: Target,
    *,
    department: Department | None = None,
    village: Area | None = None,
    value: Decimal,
    person="",
) -> TargetPart:
    """Give a share of the target to one of the area's departments or villages (目标分解)."""
    require(user, target.area, Action.ADMINISTER)
    if (department is None) == (village is None):
        raise LedgerError("分解对象应为一个部门或一个村(社区)")
    if department is not None and department.area_id != target.area_id:
        raise LedgerError(f"“{department.name}”不是{target.area.name}的部门")
    if village is not None and not (target.area.contains(village) and village.depth == target.area.depth + 1):
        raise LedgerError(f"“{village.name}”不在{target.area.name}下辖范围内")
    return TargetPart.objects.create(
        target=target, department=department, village=village, value=value, responsible_person=person
    )
