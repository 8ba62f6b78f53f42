"""Whom a scheme assesses: the towns below a county, the villages of a town, or an area's departments.

Every kind is scored, ranked, published and written up the same way; what differs is where the
units come from, what they are called, and which rules have figures to read. A department has
no ledger of its own, so the indicator rules (and ranking by an indicator) do not apply to it;
its key projects and the findings it answers for (责任单位) do.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhenwu.areas.models import Area, Department, Level
from zhenwu.assessment import scoring
from zhenwu.assessment.models import Scheme, UnitKind, department_key


@dataclass(frozen=True)
class Unit:
    """One assessed unit: its key in the scores, its name, and the area or department it is."""

    key: str
    name: str
    area: Area | None = None
    department: Department | None = None

    @property
    def is_department(self) -> bool:
        return self.department is not None


def of_area(area: Area) -> Unit:
    return Unit(area.code, area.name, area=area)


def of_department(department: Department) -> Unit:
    return Unit(department_key(department.pk), department.name, department=department)


def units_of(scheme: Scheme) -> list[Unit]:
    """The scheme's assessed units, in the order ties are listed (area code; departments as added)."""
    if scheme.unit_kind == UnitKind.DEPARTMENTS:
        found = [of_department(d) for d in scheme.assessed_departments.order_by("id")]
    else:
        found = [of_area(area) for area in scheme.assessed.all()]
    return sorted(found, key=lambda unit: unit.key)


def unit_of(scheme: Scheme, unit: Area | Department) -> Unit | None:
    """The scheme's unit for an area or a department, or None when the scheme does not assess it."""
    if isinstance(unit, Department):
        if scheme.unit_kind != UnitKind.DEPARTMENTS:
            return None
        found = scheme.assessed_departments.filter(pk=unit.pk).exists()
        return of_department(unit) if found else None
    if scheme.unit_kind == UnitKind.DEPARTMENTS:
        return None
    return of_area(unit) if scheme.assessed.filter(pk=unit.pk).exists() else None


def default_kind(area: Area) -> str:
    """The kind a new scheme of ``area`` most likely has: a town ranks its villages, a county its towns."""
    return UnitKind.VILLAGES if area.level == Level.TOWN else UnitKind.TOWNS


def candidate_areas(area: Area):
    """The areas directly below the issuer: the ones a towns or villages scheme may assess."""
    return Area.objects.filter(path__startswith=area.path, depth=area.depth + 1).order_by("code")


def candidate_departments(area: Area):
    """The issuer's own departments: the ones a departments scheme may assess."""
    return Department.objects.filter(area=area).order_by("id")


def check_units(area: Area, kind: str, assessed: list[Area], departments: list[Department]) -> str:
    """Why these units cannot be the scheme's ("" when they can)."""
    if kind == UnitKind.DEPARTMENTS:
        if not departments:
            return "请选择考核的部门"
        outside = [d.name for d in departments if d.area_id != area.pk]
        if outside:
            return f"{'、'.join(outside)}不是{area.name}的部门，不能作为考核对象"
        return ""
    if not assessed:
        return "请选择考核对象"
    outside = [unit.name for unit in assessed if not area.contains(unit)]
    if outside:
        return f"{'、'.join(outside)}不在{area.name}范围内，不能作为考核对象"
    if kind == UnitKind.VILLAGES:
        if area.level != Level.TOWN:
            return "村（社区）考核由乡镇（街道）发布，请选择其他考核对象类型"
        wrong = [unit.name for unit in assessed if unit.level != Level.VILLAGE]
        if wrong:
            return f"{'、'.join(wrong)}不是村（社区），不能列入村（社区）考核"
    return ""


RULE_NOTES = {
    UnitKind.DEPARTMENTS: "部门没有指标台账数据：请用人工评分、加分项、一票否决，或重点项目、督查整改类规则"
    "（按部门作为责任单位的项目和问题计算）。",
    UnitKind.VILLAGES: "村（社区）的指标、项目和督查问题按各村（社区）自身的台账计算；村干部考核多用人工评分。",
}


def rule_problem(kind: str, rule: str, params: dict | None) -> str:
    """Why a rule cannot score units of this kind ("" when it can): departments have no ledger figures."""
    if kind != UnitKind.DEPARTMENTS:
        return ""
    params = params or {}
    if rule in (scoring.INDICATOR_COMPLETION, scoring.INDICATOR_SCHEDULE) or (
        rule == scoring.RANK_POINTS and params.get("measure") in scoring.INDICATOR_MEASURES
    ):
        return "部门没有指标台账数据，部门考核请用人工评分、加分、一票否决或项目、督查整改类规则"
    return ""
