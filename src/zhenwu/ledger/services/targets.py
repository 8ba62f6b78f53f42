"""年度目标: setting a target, 目标调整 as a new version, 目标分解 to departments and villages.

Amounts keep their history as versions; a change of owner or of a share writes a
``TargetChange`` here, next to the change, so no figure and no name is ever lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.timezone import localtime

from zhenwu.areas.departments import retired_choice
from zhenwu.areas.models import Action, Area, Department
from zhenwu.ledger.models import ChangeKind, Indicator, Target, TargetChange, TargetPart, TargetVersion
from zhenwu.ledger.services.values import LedgerError, require
from zhenwu.lib.stale import Stale, StaleEdit, name_of


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
    check_amount(indicator, value)
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
def revise_target(
    user, target: Target, value: Decimal, effective_month: int, reason: str, *, version: int | None = None
) -> TargetVersion:
    """目标调整: a new version from ``effective_month`` on, with its reason; earlier months keep the old one.

    ``version`` is the target's version the form was shown; a target changed since is not
    revised (``StaleEdit`` says by whom). ``None`` revises whatever the version.
    """
    require(user, target.area, Action.ADMINISTER)
    check_amount(target.indicator, value)
    if not reason.strip():
        raise LedgerError("目标调整必须填写原因")
    if not 1 <= effective_month <= 12:
        raise LedgerError("适用月份应在 1 到 12 之间")
    target = _claim_target(target, version, f"您提交的 {plain(value)} 未保存")
    last = target.versions.order_by("-number").first()
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


def _claim_target(target: Target, version: int | None, kept: str) -> Target:
    """Lock the target for a change and bump its version, unless it moved on from ``version`` meanwhile."""
    locked = (
        Target.objects.select_for_update(of=("self",))
        .select_related("area", "indicator", "department")
        .get(pk=target.pk)
    )
    if version is not None and locked.version != version:
        raise StaleEdit([_target_stale(locked, kept)])
    locked.version += 1
    locked.save(update_fields=["version"])
    return locked


def _target_stale(target: Target, kept: str, *, owners: bool = True) -> Stale:
    """What the last change of a target was, by whom and when: a 目标调整 or (with ``owners``) a new
    责任单位/责任人."""
    what = f"{target.area.name}{target.year}年“{target.indicator.name}”目标"
    revision = target.versions.select_related("created_by").order_by("-number").first()
    owner = target.changes.filter(kind=ChangeKind.OWNER).select_related("user").order_by("-at", "-id").first()
    if owners and owner is not None and (revision is None or owner.at >= revision.created_at):
        return Stale(what, f"改为 {owner.new_text}", kept, owner.author, localtime(owner.at), target.version)
    if revision is None:
        return Stale(what, "修改", kept, version=target.version)
    did = f"{'调整' if revision.number > 1 else '下达'}为 {plain(revision.value)}"
    return Stale(
        what, did, kept, name_of(revision.created_by), localtime(revision.created_at), target.version
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
    reason: str = "",
) -> TargetPart:
    """Give a share of the target to one of the area's departments or villages (目标分解)."""
    require(user, target.area, Action.ADMINISTER)
    check_amount(target.indicator, value)
    if (department is None) == (village is None):
        raise LedgerError("分解对象应为一个部门或一个村(社区)")
    if department is not None and department.area_id != target.area_id:
        raise LedgerError(f"“{department.name}”不是{target.area.name}的部门")
    if retired := retired_choice(department):
        raise LedgerError(retired)
    if village is not None and not (target.area.contains(village) and village.depth == target.area.depth + 1):
        raise LedgerError(f"“{village.name}”不在{target.area.name}下辖范围内")
    taken = target.parts.filter(department=department) if department else target.parts.filter(village=village)
    if taken.exists():
        raise LedgerError(f"“{department or village}”已有分解目标，请修改原有一项")
    part = TargetPart.objects.create(
        target=target, department=department, village=village, value=value, responsible_person=person.strip()
    )
    _record(user, target, ChangeKind.PART_ADDED, new=part_text(part), new_value=value, reason=reason)
    return part


@transaction.atomic
def change_owner(
    user,
    target: Target,
    *,
    department: Department | None,
    person: str,
    reason: str = "",
    version: int | None = None,
) -> None:
    """Name another 责任单位 or 责任人; the old names stay in the target's 变更记录.

    ``version``: as for ``revise_target``.
    """
    require(user, target.area, Action.ADMINISTER)
    if department is not None and department.area_id != target.area_id:
        raise LedgerError(f"责任单位“{department.name}”不属于{target.area.name}")
    if retired := retired_choice(department, target.department_id):
        raise LedgerError(f"责任单位{retired}")
    target = _claim_target(target, version, "您的更改未保存")
    old = owner_text(target)
    target.department, target.responsible_person = department, person.strip()
    new = owner_text(target)
    if new == old:
        raise LedgerError("责任单位和责任人都没有变化")
    target.save(update_fields=["department", "responsible_person"])
    _record(user, target, ChangeKind.OWNER, old=old, new=new, reason=reason)


@transaction.atomic
def change_part(
    user, part: TargetPart, *, value: Decimal, person: str, reason: str = "", version: int | None = None
) -> None:
    """Change a share's amount or person; the old ones stay in the target's 变更记录.

    ``version``: the share's version the form was shown, as for ``revise_target``.
    """
    target = part.target
    require(user, target.area, Action.ADMINISTER)
    check_amount(target.indicator, value)
    part = _claim_part(part, version, f"您提交的 {plain(value)} 未保存")
    old, old_value = part_text(part), part.value
    part.value, part.responsible_person = value, person.strip()
    if part_text(part) == old:
        raise LedgerError(f"“{part.owner_name}”的分解目标和责任人都没有变化")
    part.save(update_fields=["value", "responsible_person", "version"])
    _record(
        user,
        target,
        ChangeKind.PART_CHANGED,
        old=old,
        new=part_text(part),
        old_value=old_value,
        new_value=value,
        reason=reason,
    )


@transaction.atomic
def remove_part(user, part: TargetPart, *, reason: str = "", version: int | None = None) -> None:
    """Take a share back; the record keeps who had it, its amount and its person.

    ``version``: the share's version the form was shown, as for ``revise_target``.
    """
    target = part.target
    require(user, target.area, Action.ADMINISTER)
    part = _claim_part(part, version, "您的删除未执行")
    _record(user, target, ChangeKind.PART_REMOVED, old=part_text(part), old_value=part.value, reason=reason)
    part.delete()


def _claim_part(part: TargetPart, version: int | None, kept: str) -> TargetPart:
    """Lock a share for a change and bump its version, unless it moved on from ``version`` meanwhile."""
    locked = (
        TargetPart.objects.select_for_update(of=("self",))
        .select_related("target__indicator", "department", "village")
        .get(pk=part.pk)
    )
    if version is not None and locked.version != version:
        now = part_text(locked)
        made = (
            locked.target.changes.filter(
                kind__in=[ChangeKind.PART_ADDED, ChangeKind.PART_CHANGED], new_text=now
            )
            .select_related("user")
            .order_by("-at", "-id")
            .first()
        )
        what = f"“{locked.target.indicator.name}”分解给{locked.owner_name}的目标"
        by, at = (made.author, localtime(made.at)) if made else ("", None)
        raise StaleEdit([Stale(what, f"改为 {now}", kept, by, at, locked.version)])
    locked.version += 1
    return locked


@dataclass
class Issued:
    """What a 目标任务分解表 did: targets newly set, revised, and left as they were."""

    set: int = 0
    revised: int = 0
    unchanged: int = 0


@transaction.atomic
def issue_targets(
    user,
    year: int,
    amounts: Iterable[tuple[Area, Indicator, Decimal]],
    *,
    effective_month: int = 1,
    reason: str = "",
    numbers: Mapping[tuple[int, int], int] | None = None,
) -> Issued:
    """Issue many areas' targets at once: new ones are set, changed ones revised — all or none.

    An amount equal to the target in force changes nothing; a different one is a 目标调整
    from ``effective_month`` with ``reason``, so the old version is kept.

    ``numbers`` gives, per (area pk, indicator pk), the number of the target's latest version
    (第N版) the amounts were filled against, 0 for no target; a target set or revised since is
    not changed: ``StaleEdit`` names every such target and nothing is written. Without
    ``numbers`` every amount is issued whatever happened meanwhile.
    """
    amounts = list(amounts)
    if numbers is not None:
        _check_numbers(year, amounts, numbers)
    issued = Issued()
    for area, indicator, value in amounts:
        target = Target.objects.filter(indicator=indicator, area=area, year=year).first()
        if target is None:
            set_target(user, indicator, area, year, value)
            issued.set += 1
        elif current_amount(target) == value:
            require(user, area, Action.ADMINISTER)
            issued.unchanged += 1
        else:
            revise_target(user, target, value, effective_month, reason)
            issued.revised += 1
    return issued


def _check_numbers(
    year: int, amounts: list[tuple[Area, Indicator, Decimal]], numbers: Mapping[tuple[int, int], int]
) -> None:
    """Refuse the amounts whose target was set or revised after the version they were filled against."""
    targets = {
        (target.area_id, target.indicator_id): target
        for target in Target.objects.select_for_update(of=("self",))
        .select_related("area", "indicator")
        .filter(
            year=year, area__in={area for area, _, _ in amounts}, indicator__in={i for _, i, _ in amounts}
        )
    }
    stale = []
    for area, indicator, value in amounts:
        target = targets.get((area.pk, indicator.pk))
        last = target.versions.order_by("-number").first() if target else None
        if last is None or last.number == numbers.get((area.pk, indicator.pk), 0) or last.value == value:
            continue
        stale.append(_target_stale(target, f"您提交的 {plain(value)} 未保存", owners=False))
    if stale:
        raise StaleEdit(stale)


def current_amount(target: Target) -> Decimal | None:
    """The amount of the latest version: what the target is now."""
    last = target.versions.order_by("-number").first()
    return None if last is None else last.value


def check_amount(indicator: Indicator, value: Decimal) -> None:
    """A target below zero makes sense only for indicators that may be negative (利润总额)."""
    if value < 0 and not indicator.allow_negative:
        raise LedgerError(f"“{indicator.name}”的目标不能为负数")


def owner_text(target: Target) -> str:
    """责任单位 / 责任人 as the 变更记录 shows them."""
    unit = target.department.name if target.department else "未指定责任单位"
    return f"{unit} / {target.responsible_person}" if target.responsible_person else unit


def part_text(part: TargetPart) -> str:
    """A share as the 变更记录 shows it: "东山村 5 亿元（王书记）"."""
    person = f"（{part.responsible_person}）" if part.responsible_person else ""
    return f"{part.owner_name} {plain(part.value)} {part.target.indicator.unit}{person}"


def plain(value: Decimal) -> str:
    """A Decimal without trailing zeros or exponent: 5.0000 → "5", 1E+2 → "100"."""
    return f"{value.normalize():f}"


def _record(user, target: Target, kind: str, *, old="", new="", old_value=None, new_value=None, reason=""):
    TargetChange.objects.create(
        target=target,
        kind=kind,
        old_text=old[:200],
        new_text=new[:200],
        old_value=old_value,
        new_value=new_value,
        reason=reason.strip()[:200],
        user=user,
    )
