"""Schemes and results for the tests: small, explicit, in any area of the test world."""

from __future__ import annotations

import itertools
from decimal import Decimal

from zhenwu.areas.models import Area, Department
from zhenwu.assessment import services
from zhenwu.assessment.models import (
    Criterion,
    ManualScore,
    Result,
    ResultRow,
    RuleType,
    Scheme,
    ScoreDetail,
    UnitKind,
)
from zhenwu.assessment.periods import Period

_numbers = itertools.count(1)
PERIOD = Period(2026, "quarter", 1)


def make_scheme(world, area, *, assessed=None, criteria=None, slug=None, **fields) -> Scheme:
    """A quarterly scheme issued by ``area``; by default one manual (暗访扣分) item worth 100."""
    scheme = Scheme.objects.create(
        area=area,
        name=fields.pop("name", f"{area.name}考核"),
        slug=slug or f"scheme-{next(_numbers)}",
        first_year=fields.pop("first_year", 2025),
        **fields,
    )
    if fields.get("unit_kind") == UnitKind.DEPARTMENTS:
        scheme.assessed_departments.set(assessed or [])
    else:
        scheme.assessed.set(assessed or [area])
    for order, (name, weight, rule, params) in enumerate(
        criteria or [("暗访检查", Decimal(100), RuleType.MANUAL, {"mode": "deduction"})], start=1
    ):
        Criterion.objects.create(
            scheme=scheme, name=name, weight=weight, rule=rule, params=params, order=order
        )
    return scheme


def make_criterion(world, area) -> Criterion:
    return make_scheme(world, area).criteria.get()


def make_manual_score(world, area) -> ManualScore:
    criterion = make_criterion(world, area)
    return ManualScore.objects.create(
        criterion=criterion,
        area=area,
        period=PERIOD.key,
        points=Decimal(2),
        reason="暗访发现垃圾乱堆",
        entered_by=world.county_admin,
    )


def make_result(world, area, *, publish=True) -> Result:
    scheme = make_scheme(world, area)
    result = services.compute_draft(scheme, PERIOD)
    return services.publish(result, world.county_admin) if publish else result


def make_row(world, area) -> ResultRow:
    return make_result(world, area).rows.get()


def make_detail(world, area) -> ScoreDetail:
    return ScoreDetail.objects.get(row=make_row(world, area))


# --- the other kinds of assessed unit ---------------------------------------------------------------------


def make_villages_scheme(world, town) -> Scheme:
    """The town's 村干部百分考核 over its villages, with 2026-Q1 published."""
    villages = list(Area.objects.filter(path__startswith=town.path, depth=town.depth + 1))
    scheme = make_scheme(
        world, town, assessed=villages, unit_kind=UnitKind.VILLAGES, name=f"{town.name}村干部考核"
    )
    services.publish(services.compute_draft(scheme, PERIOD), world.county_admin)
    return scheme


def make_departments_scheme(world, area) -> Scheme:
    """The area ranks two of its own departments; nothing computed yet."""
    departments = [
        Department.objects.create(area=area, name=f"{area.name}部门{next(_numbers)}") for _ in range(2)
    ]
    return make_scheme(
        world, area, assessed=departments, unit_kind=UnitKind.DEPARTMENTS, name=f"{area.name}部门考核"
    )


def make_department_score(world, area) -> ManualScore:
    scheme = make_departments_scheme(world, area)
    return ManualScore.objects.create(
        criterion=scheme.criteria.get(),
        department=scheme.assessed_departments.first(),
        period=PERIOD.key,
        points=Decimal(3),
        reason="服务镇街不到位",
        entered_by=world.county_admin,
    )


def make_department_row(world, area) -> ResultRow:
    scheme = make_departments_scheme(world, area)
    result = services.publish(services.compute_draft(scheme, PERIOD), world.county_admin)
    return result.rows.first()
