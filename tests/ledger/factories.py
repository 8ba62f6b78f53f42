"""Rows of the ledger for tests: a few indicators, targets and figures in the test world's towns."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from zhenwu.ledger.models import (
    Aggregation,
    Direction,
    HistoryAction,
    Indicator,
    Kind,
    ReportedValue,
    Target,
    TargetPart,
    TargetVersion,
    ValueHistory,
    ValueStatus,
)

INDICATORS = {
    "GDTZ": dict(name="固定资产投资", unit="亿元", decimals=2, kind=Kind.CUMULATIVE, aliases="固投"),
    "GYCZ": dict(name="规上工业产值", unit="亿元", decimals=2, kind=Kind.CUMULATIVE),
    "LHFG": dict(name="绿化覆盖率", unit="%", decimals=1, kind=Kind.LEVEL, aggregation=Aggregation.NONE),
    "SGQS": dict(name="安全生产事故起数", unit="起", decimals=0, kind=Kind.FLOW, direction=Direction.LOWER),
    "LRZZ": dict(name="利润总额", unit="万元", decimals=1, kind=Kind.CUMULATIVE, allow_negative=True),
}


def indicator(code: str = "GDTZ") -> Indicator:
    fields = INDICATORS[code]
    return Indicator.objects.get_or_create(
        code=code, defaults={**fields, "sort_order": list(INDICATORS).index(code)}
    )[0]


def all_indicators() -> list[Indicator]:
    return [indicator(code) for code in INDICATORS]


def make_value(world, area, *, code="GDTZ", year=2025, month=6, value="6.02", status=ValueStatus.DRAFT):
    return ReportedValue.objects.create(
        indicator=indicator(code), area=area, year=year, month=month, value=Decimal(value), status=status
    )


def make_target(world, area, *, code="GDTZ", year=2025, value="12"):
    target = Target.objects.create(indicator=indicator(code), area=area, year=year, responsible_person="陈明")
    TargetVersion.objects.create(target=target, number=1, value=Decimal(value))
    return target


def make_target_version(world, area):
    return make_target(world, area).versions.get()


def make_target_part(world, area):
    from zhenwu.areas.models import Department

    department = Department.objects.create(area=area, name=f"{area.name}经发办")
    return TargetPart.objects.create(target=make_target(world, area), department=department, value=Decimal(5))


def make_history(world, area):
    reported = make_value(world, area)
    return ValueHistory.objects.create(
        reported=reported,
        indicator=reported.indicator,
        area=reported.area,
        year=reported.year,
        month=reported.month,
        action=HistoryAction.ENTER,
        new_value=reported.value,
        new_status=ValueStatus.DRAFT,
        at=timezone.now(),
    )


def make_checklist(world, *, issued_by=None, name="美丽城镇“七个一”", items=None):
    """A creation standard issued by the county with checklist items (text, photos, document, date)."""
    from zhenwu.ledger.models import Catalogue, CatalogueKind, ChecklistItem

    catalogue = Catalogue.objects.create(
        name=name, kind=CatalogueKind.STANDARD, issued_by=issued_by or world.county
    )
    for order, (text, photos, document, date) in enumerate(
        items or [("一条美丽街道", True, False, False)], start=1
    ):
        ChecklistItem.objects.create(
            catalogue=catalogue,
            text=text,
            needs_photos=photos,
            needs_document=document,
            needs_date=date,
            order=order,
        )
    return catalogue


def make_mark(world, area, **fields):
    """A 待审核 mark of the county standard's first item by ``area``."""
    from zhenwu.ledger.models import Catalogue, ChecklistMark

    catalogue = Catalogue.objects.filter(issued_by=world.county, items__isnull=False).first()
    catalogue = catalogue or make_checklist(world)
    return ChecklistMark.objects.create(item=catalogue.items.first(), area=area, **fields)
