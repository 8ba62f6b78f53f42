"""年度目标 over JSON: an area's targets with their versions and shares; 下达 and 目标调整 for a 管理员.

The same forms validate the input and the same services (``ledger.services.targets``) make the
change as on the 年度目标 page; a target revised since it was read is 409, naming who revised it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Router, Schema, Status
from ninja.pagination import paginate

from zhenwu.api.common import Page, cleaned, visible_area, year_of
from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.ledger import services, tables
from zhenwu.ledger.forms import RevisionForm, TargetForm
from zhenwu.ledger.models import Target
from zhenwu.lib.stale import name_of

router = Router(tags=["年度目标"])

Amount = str | int | float


class VersionOut(Schema):
    number: int
    value: Decimal
    effective_month: int
    reason: str
    created_by: str
    created_at: datetime


class PartOut(Schema):
    id: int
    owner: str
    value: Decimal
    person: str
    version: int


class TargetOut(Schema):
    id: int
    indicator: str
    name: str
    unit: str
    year: int
    amount: Decimal | None
    version: int
    department: str | None
    person: str
    versions: list[VersionOut]
    parts: list[PartOut]
    warning: str


class TargetIn(Schema):
    indicator: str
    value: Amount
    department: int | None = None
    person: str = ""


class RevisionIn(Schema):
    value: Amount
    effective_month: int
    reason: str
    version: int | None = None


def _target(row: tables.TargetRow) -> dict:
    target = row.target
    return {
        "id": target.pk,
        "indicator": target.indicator.code,
        "name": target.indicator.name,
        "unit": target.indicator.unit,
        "year": target.year,
        "amount": row.amount,
        "version": target.version,
        "department": target.department.name if target.department else None,
        "person": target.responsible_person,
        "versions": [
            {
                "number": v.number,
                "value": v.value,
                "effective_month": v.effective_month,
                "reason": v.reason,
                "created_by": name_of(v.created_by),
                "created_at": v.created_at,
            }
            for v in row.versions
        ],
        "parts": [
            {
                "id": part.pk,
                "owner": part.owner_name,
                "value": part.value,
                "person": part.responsible_person,
                "version": part.version,
            }
            for part in row.parts
        ],
        "warning": row.warning,
    }


def _shown(target: Target) -> dict:
    """One target as the list shows it, read afresh after a change."""
    [row] = [row for row in tables.target_table(target.area, target.year) if row.target.pk == target.pk]
    return _target(row)


@router.get("/ledger/targets", response=list[TargetOut], summary="某区划某年的年度目标（含调整版本与分解）")
@paginate(Page)
def targets(request, area: str, year: int):
    place = visible_area(request, area)
    return [_target(row) for row in tables.target_table(place, year_of(year))]


@router.post("/ledger/targets", response={201: TargetOut}, summary="下达年度目标（管理员）")
def issue(request, area: str, year: int, payload: TargetIn):
    """Set a target the area has none of for the year (version 1), as 下达目标 on the page."""
    place = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=area)
    year = year_of(year)
    form = TargetForm(payload.dict(), area=place, year=year)
    form.fields["indicator"].to_field_name = "code"  # scripts name indicators by code, as the ledger does
    data = cleaned(form)
    target = services.set_target(
        request.user,
        data["indicator"],
        place,
        year,
        data["value"],
        department=data["department"],
        person=data["person"],
    )
    return Status(201, _shown(target))


@router.post("/ledger/targets/{pk}/revise", response=TargetOut, summary="目标调整（管理员，须写原因）")
def revise(request, pk: int, payload: RevisionIn):
    """A new version from ``effective_month`` on; ``version`` as last read, else 409 naming who changed it."""
    queryset = Target.objects.select_related("area", "indicator", "department")
    target = get_writable_or_403(queryset, request.user, Action.ADMINISTER, pk=pk)
    data = cleaned(RevisionForm(payload.dict()))
    services.revise_target(request.user, target, **data)
    return _shown(target)
