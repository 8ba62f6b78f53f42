"""督查整改 over JSON: findings by status, a finding with its steps, recording one with photos, and each step.

Input goes through the supervision pages' forms (photos checked by ``zhenwu.photos``), the
change through ``inspections.services``; which step may follow which is
``inspections.rectification``'s, so a refused step is 422 in the page's words, a step asked
from an outdated read is 409 naming who moved the finding on.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from zhenwu.api.common import Page, cleaned, multipart, visible_area
from zhenwu.api.errors import FieldErrors
from zhenwu.areas.access import get_visible_or_404, get_writable_or_403
from zhenwu.inspections import services
from zhenwu.inspections.forms import (
    AssignForm,
    EvidenceForm,
    FindingFilterForm,
    FindingForm,
    NoteForm,
    ReturnForm,
)
from zhenwu.inspections.models import Finding, Severity, Source, Step
from zhenwu.inspections.rectification import action_for
from zhenwu.lib.stale import name_of

router = Router(tags=["督查整改"])


class PhotoOut(Schema):
    id: int
    kind: str
    url: str
    thumbnail: str


class FindingOut(Schema):
    id: int
    area: str
    area_name: str
    source: str
    category: str
    location: str
    description: str
    severity: str
    quantity: Decimal | None
    department: str | None
    found_on: date
    deadline: date | None
    status: str
    days_overdue: int
    closed_on: date | None
    version: int


class TransitionOut(Schema):
    step: str
    from_status: str
    to_status: str
    actor: str
    at: datetime
    note: str


class FindingDetailOut(FindingOut):
    photos: list[PhotoOut]
    transitions: list[TransitionOut]
    steps: list[str]  # what the user may do next


class FindingIn(Schema):
    """The phone page's fields (multipart); ``category`` (and ``department``, ``inspection``) by id."""

    source: str = Source.INSPECTION
    category: int
    location: str
    description: str
    quantity: str = ""
    severity: str = "general"
    deadline: str = ""
    department: int | None = None
    inspection: int | None = None
    latitude: str = ""
    longitude: str = ""


class StepIn(Schema):
    note: str = ""
    version: int | None = None  # the finding's version as last read


class AssignIn(StepIn):
    deadline: date
    department: int | None = None


class EvidenceIn(Schema):
    note: str
    version: int | None = None


def _finding(finding: Finding) -> dict:
    return {
        "id": finding.pk,
        "area": finding.area.code,
        "area_name": finding.area.name,
        "source": finding.source,
        "category": finding.category.name,
        "location": finding.location,
        "description": finding.description,
        "severity": finding.severity,
        "quantity": finding.quantity,
        "department": finding.department.name if finding.department else None,
        "found_on": finding.found_on,
        "deadline": finding.deadline,
        "status": finding.status,
        "days_overdue": finding.days_overdue,
        "closed_on": finding.closed_on,
        "version": finding.version,
    }


def _detail(request, pk: int) -> dict:
    finding = get_visible_or_404(
        Finding.objects.select_related("category", "area", "department"), request.user, pk=pk
    )
    return _finding(finding) | {
        "photos": [
            {
                "id": photo.pk,
                "kind": photo.kind,
                "url": reverse("inspections:photo", kwargs={"pk": photo.pk}),
                "thumbnail": reverse("inspections:photo_thumbnail", kwargs={"pk": photo.pk}),
            }
            for photo in finding.photos.all()
        ],
        "transitions": [
            {
                "step": t.step,
                "from_status": t.from_status,
                "to_status": t.to_status,
                "actor": name_of(t.actor),
                "at": t.at,
                "note": t.note,
            }
            for t in finding.transitions.select_related("actor")
        ],
        "steps": services.allowed_steps(finding, request.user),
    }


@router.get(
    "/inspections/findings",
    response=list[FindingOut],
    summary="问题清单（按区划、状态、类别、来源、逾期筛选）",
)
@paginate(Page)
def findings(
    request,
    area: str | None = None,
    status: str = "",
    category: int | None = None,
    source: str = "",
    overdue: bool = False,
):
    scoped = Finding.objects.for_user(request.user)
    if area:
        scoped = scoped.in_subtree(visible_area(request, area))
    query = {"status": status, "category": category or "", "source": source, "overdue": overdue or ""}
    filters = FindingFilterForm(query, user=request.user, area=None)
    cleaned(filters)
    rows = filters.filter(scoped, timezone.localdate()).select_related("category", "area", "department")
    return [_finding(finding) for finding in rows]


@router.get(
    "/inspections/findings/{pk}", response=FindingDetailOut, summary="问题详情、整改记录与可办理的步骤"
)
def finding(request, pk: int):
    return _detail(request, pk)


@router.post(
    "/inspections/findings",
    response={201: FindingDetailOut},
    summary="记录督查发现或网格上报的问题（multipart，须附现场照片）",
    openapi_extra=multipart(FindingIn),
)
def record(request, area: str):
    """``source`` ``inspection`` (督查员: assigned at once) or ``grid`` (填报员: waits to be assigned)."""
    place = visible_area(request, area)
    source = request.POST.get("source") or Source.INSPECTION
    if source not in Source.values:
        raise FieldErrors({"source": f"来源应为 {' 或 '.join(Source.values)}"})
    data = request.POST.copy()
    data["area"] = place.pk
    data.setdefault("severity", Severity.GENERAL)  # the page's select starts at 一般
    form = FindingForm(data, request.FILES, user=request.user, source=source)
    if not form.fields["area"].queryset.filter(pk=place.pk).exists():  # the page offers only these areas
        raise PermissionDenied(f"您的角色无权在{place.name}记录{Source(source).label}")
    data = cleaned(form)
    recorded = services.record_from_form(request.user, source, data)
    return Status(201, _detail(request, recorded.pk))


def _writable(request, pk: int, step: str) -> Finding:
    """The finding, if the user's role allows ``step`` over its area: 404 outside the subtree, else 403."""
    return get_writable_or_403(
        Finding.objects.select_related("area", "category"), request.user, action_for(step), pk=pk
    )


@router.post("/inspections/findings/{pk}/assign", response=FindingDetailOut, summary="交办（督查员）")
def assign(request, pk: int, payload: AssignIn):
    found = _writable(request, pk, Step.ASSIGN)
    data = cleaned(AssignForm(payload.dict(), user=request.user, finding=found))
    services.assign(found, request.user, **data)
    return _detail(request, pk)


@router.post("/inspections/findings/{pk}/start", response=FindingDetailOut, summary="开始整改（责任单位）")
def start(request, pk: int, payload: StepIn):
    found = _writable(request, pk, Step.START)
    services.start(found, request.user, note=payload.note, version=payload.version)
    return _detail(request, pk)


@router.post(
    "/inspections/findings/{pk}/rectify",
    response=FindingDetailOut,
    summary="提交整改（multipart，须附整改后照片）",
    openapi_extra=multipart(EvidenceIn),
)
def rectify(request, pk: int):
    found = _writable(request, pk, Step.SUBMIT)
    data = cleaned(EvidenceForm(request.POST, request.FILES, finding=found))
    services.submit(found, request.user, **data)
    return _detail(request, pk)


@router.post("/inspections/findings/{pk}/close", response=FindingDetailOut, summary="验收销号（督查员）")
def close(request, pk: int, payload: StepIn):
    found = _writable(request, pk, Step.CLOSE)
    data = cleaned(NoteForm(payload.dict(), finding=found))
    services.close(found, request.user, note=data["note"], version=data["version"])
    return _detail(request, pk)


@router.post(
    "/inspections/findings/{pk}/return", response=FindingDetailOut, summary="退回重改（督查员，须写理由）"
)
def return_for_rework(request, pk: int, payload: StepIn):
    found = _writable(request, pk, Step.RETURN)
    data = cleaned(ReturnForm(payload.dict(), finding=found))
    services.return_for_rework(found, request.user, **data)
    return _detail(request, pk)
