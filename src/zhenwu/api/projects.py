"""重点项目 over JSON: the list with the month's figures, a project, and its monthly updates with photos.

The list filters with the project page's ``ProjectFilterForm``; an update is validated by the
phone page's ``UpdateForm`` (photos checked by ``zhenwu.photos`` within its bounds) and saved by
``projects.services.record_update``, so a script meets exactly the page's rules.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from zhenwu.api.common import Page, cleaned, multipart, visible_area
from zhenwu.areas.access import get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.stale import name_of
from zhenwu.projects import services
from zhenwu.projects.facts import Row, listing, load_facts
from zhenwu.projects.forms import ProjectFilterForm, UpdateForm
from zhenwu.projects.models import MonthlyUpdate, Project
from zhenwu.projects.rates import Month, behind_reasons

router = Router(tags=["重点项目"])


class ProjectOut(Schema):
    id: int
    name: str
    area: str
    area_name: str
    category: str
    tier: str
    status: str
    total_investment: Decimal
    annual_plan: Decimal | None
    investment_ytd: Decimal
    investment_rate: Decimal | None
    updated_this_month: bool
    behind: list[str]
    version: int


class PlanOut(Schema):
    year: int
    planned_investment: Decimal


class ProjectDetailOut(ProjectOut):
    month: str
    content: str
    owner_company: str
    department: str | None
    responsible_person: str
    planned_start: date | None
    planned_completion: date | None
    started_on: date | None
    completed_on: date | None
    plans: list[PlanOut]
    next_statuses: list[str]


class PhotoOut(Schema):
    id: int
    caption: str
    taken_on: date
    url: str
    thumbnail: str


class UpdateOut(Schema):
    period: str
    investment_month: Decimal
    investment_ytd: Decimal
    progress: str
    milestone: str
    problems: str
    help_needed: str
    entered_by: str
    entered_at: datetime
    version: int
    photos: list[PhotoOut]


class UpdateIn(Schema):
    """The fields of the phone page's form (as multipart form fields), photos under ``photos``."""

    month: str
    investment_month: str
    progress: str
    caption: str = ""
    milestone: str = ""
    problems: str = ""
    help_needed: str = ""
    version: int | None = None


def _month_key(month: Month) -> str:
    return f"{month.year}-{month.month:02d}"


def _row(row: Row) -> dict:
    project, facts = row.project, row.facts
    return {
        "id": project.pk,
        "name": project.name,
        "area": project.area.code,
        "area_name": project.area.name,
        "category": project.category,
        "tier": project.tier,
        "status": project.status,
        "total_investment": project.total_investment,
        "annual_plan": facts.annual_plan,
        "investment_ytd": facts.ytd,
        "investment_rate": row.investment_rate,
        "updated_this_month": facts.updated_this_month,
        "behind": row.reasons,
        "version": project.version,
    }


@router.get("/projects", response=list[ProjectOut], summary="重点项目列表（按区划、类别、状态、滞后筛选）")
@paginate(Page)
def projects(
    request,
    area: str | None = None,
    status: str = "",
    category: str = "",
    behind: str = "",
    month: str = "",
    q: str = "",
):
    """The projects the user sees (in ``area``'s subtree when given), with the month's figures."""
    scoped = Project.objects.for_user(request.user)
    if area:
        scoped = scoped.in_subtree(visible_area(request, area))
    query = {"status": status, "category": category, "behind": behind, "month": month, "q": q}
    filters = ProjectFilterForm(query, user=request.user, area=None)
    cleaned(filters)
    return [
        _row(row)
        for row in listing(
            filters.filter(scoped), filters.selected_month(), filters.behind_reason(), due=filters.month_due()
        )
    ]


@router.get("/projects/{pk}", response=ProjectDetailOut, summary="项目详情")
def project(request, pk: int):
    found = get_visible_or_404(Project.objects.select_related("area", "department"), request.user, pk=pk)
    reporting = reporting_month(found.area, timezone.localdate())
    month = reporting.current
    facts = load_facts(Project.objects.filter(pk=found.pk), month, due=reporting.is_due(month))[0]
    return _row(Row(found, facts, behind_reasons(facts, month))) | {
        "month": _month_key(month),
        "content": found.content,
        "owner_company": found.owner_company,
        "department": found.department.name if found.department else None,
        "responsible_person": found.responsible_person,
        "planned_start": found.planned_start,
        "planned_completion": found.planned_completion,
        "started_on": found.started_on,
        "completed_on": found.completed_on,
        "plans": list(found.year_plans.values("year", "planned_investment")),
        "next_statuses": [status.value for status in services.next_statuses(found)],
    }


def _update(update: MonthlyUpdate) -> dict:
    return {
        "period": _month_key(Month(update.year, update.month)),
        "investment_month": update.investment_month,
        "investment_ytd": update.investment_ytd,
        "progress": update.progress,
        "milestone": update.milestone,
        "problems": update.problems,
        "help_needed": update.help_needed,
        "entered_by": name_of(update.entered_by),
        "entered_at": update.entered_at,
        "version": update.version,
        "photos": [
            {
                "id": photo.pk,
                "caption": photo.caption,
                "taken_on": photo.taken_on,
                "url": reverse("projects:photo", kwargs={"pk": photo.pk}),
                "thumbnail": reverse("projects:photo_thumbnail", kwargs={"pk": photo.pk}),
            }
            for photo in update.photos.all()
        ],
    }


@router.get("/projects/{pk}/updates", response=list[UpdateOut], summary="项目的月度进展（最新在前）")
@paginate(Page)
def updates(request, pk: int):
    found = get_visible_or_404(Project.objects, request.user, pk=pk)
    rows = found.updates.select_related("entered_by").prefetch_related("photos").order_by("-year", "-month")
    return [_update(update) for update in rows]


@router.post(
    "/projects/{pk}/updates",
    response={201: UpdateOut},
    summary="填报月度进展（multipart，可附现场照片）",
    openapi_extra=multipart(UpdateIn),
)
def record_update(request, pk: int):
    """The phone page's update: ``version`` as last read (0 for a month without one), else 409."""
    found = get_writable_or_403(Project.objects.select_related("area"), request.user, Action.ENTER, pk=pk)
    data = request.POST.copy()
    data["version_of"] = data.get("month", "")  # the version a script sends is the month's it names
    values = cleaned(UpdateForm(data, request.FILES))
    saved = services.record_update(found, request.user, **values)
    return Status(201, _update(MonthlyUpdate.objects.select_related("entered_by").get(pk=saved.pk)))
