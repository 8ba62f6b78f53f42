"""Supervision pages: the county desk, the town's to-do list, the phone forms, a finding's detail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.inspections import services
from zhenwu.inspections.forms import (
    AssignForm,
    EvidenceForm,
    FindingFilterForm,
    FindingForm,
    InspectionFilterForm,
    InspectionForm,
    NoteForm,
    ReturnForm,
    areas_for,
)
from zhenwu.inspections.models import Finding, FindingPhoto, Inspection, PhotoKind, Source, Status, Step
from zhenwu.inspections.rectification import StepNotAllowed, action_for
from zhenwu.inspections.tallies import Period, facts_from, recent_months, summarise
from zhenwu.issuing.dispatch import issuing_office, signer
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.stale import AGAIN, StaleEdit, keep_for_second_try
from zhenwu.photos import photo_response
from zhenwu.web.downloads import document_response

PAGE_SIZE = 50


def _findings(request):
    """The findings the user sees, within the area chosen in the switcher."""
    findings = Finding.objects.for_user(request.user)
    if request.area is not None:
        findings = findings.in_subtree(request.area)
    return findings


@login_required
def index(request):
    today = timezone.localdate()
    scoped = _findings(request)
    filters = FindingFilterForm(request.GET or None, user=request.user, area=request.area)
    findings = filters.filter(scoped, today).select_related("category", "area", "department")
    page = Paginator(findings, PAGE_SIZE).get_page(request.GET.get("page"))
    year = Period.year(today.year)
    # This year's findings and every open one (for overdue): older closed ones change nothing.
    relevant = scoped.filter(
        Q(found_on__gte=year.start) | Q(closed_on__gte=year.start) | ~Q(status=Status.CLOSED)
    )
    summary = summarise(facts_from(relevant), year, today)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "inspections/index.html",
        {
            "summary": summary,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "may_inspect": areas_for(request.user, {Action.INSPECT}).exists(),
            "may_report": areas_for(request.user, {Action.ENTER}).exists(),
            "bulletin_months": recent_months(reporting_month(request.area, today).current.last_day, 3),
            "issuing_office": issuing_office(request.user, request.area) if request.area else None,
        },
    )


@login_required
def todo(request):
    """The town's (or village's) own findings still to rectify, the most urgent first."""
    findings = (
        _findings(request)
        .filter(
            status__in=[Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED],
            area__in=areas_for(request.user, {Action.ENTER}),
        )
        .select_related("category", "area", "department")
        .order_by("deadline", "id")
    )
    page = Paginator(findings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "inspections/todo.html", {"findings": page.object_list, "page": page})


def _record(request, source: str):
    form = FindingForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        source=source,
        area=request.area,
        initial={"inspection": request.GET.get("inspection")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            finding = services.record_from_form(request.user, source, data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已保存：{finding.category} · {finding.location}")
            return redirect("inspections:finding", pk=finding.pk)
    template = "inspections/finding_form.html"
    return render(request, template, {"form": form, "source": Source(source), "grid": source == Source.GRID})


@login_required
def new_finding(request):
    """督查发现: an inspector photographs a problem on the spot."""
    return _record(request, Source.INSPECTION)


@login_required
def grid_report(request):
    """事件上报: a village grid worker (or a town clerk) reports a problem they met."""
    return _record(request, Source.GRID)


@login_required
def finding_detail(request, pk):
    return _detail(request, pk)


def _detail(request, pk, kept: dict | None = None):
    """The finding's page; ``kept`` holds a step's form refused as stale, shown again as it was filled."""
    finding = get_visible_or_404(
        Finding.objects.select_related(
            "category", "area", "department", "inspection__area", "reported_by", "repeat_of__area"
        ),
        request.user,
        pk=pk,
    )
    steps = services.allowed_steps(finding, request.user)
    photos = list(finding.photos.all())
    kept = kept or {}

    def form(step, make):
        return (kept.get(step) or make()) if step in steps else None

    return render(
        request,
        "inspections/finding_detail.html",
        {
            "finding": finding,
            "finding_photos": [photo for photo in photos if photo.kind == PhotoKind.FINDING],
            "evidence_photos": [photo for photo in photos if photo.kind == PhotoKind.EVIDENCE],
            "transitions": finding.transitions.select_related("actor").prefetch_related("photos"),
            "repeats": finding.repeats.for_user(request.user),
            # a county's 暗访 round is named to the town, but its page is the county's
            "inspection_visible": finding.inspection is not None
            and can(request.user, finding.inspection.area, Action.VIEW),
            "repeat_visible": finding.repeat_of is not None
            and can(request.user, finding.repeat_of.area, Action.VIEW),
            "assign_form": form(Step.ASSIGN, lambda: AssignForm(user=request.user, finding=finding)),
            "may_start": Step.START in steps,
            "may_submit": Step.SUBMIT in steps,
            "close_form": form(Step.CLOSE, lambda: NoteForm(prefix="close", finding=finding)),
            "return_form": form(Step.RETURN, lambda: ReturnForm(prefix="return", finding=finding)),
        },
    )


def _stale_step(request, finding, error: StaleEdit, step: str, form=None):
    """A step asked from an older page: say what happened meanwhile, and show its form again as filled."""
    messages.error(request, f"{error}。请查看最新情况后再办理。")
    if form is None:
        return redirect("inspections:finding", pk=finding.pk)
    keep_for_second_try(form, error)
    return _detail(request, finding.pk, kept={step: form})


def _writable_finding(request, pk, step: str) -> Finding:
    """The finding, if the user's role allows ``step`` over its area: 404 outside the subtree, else 403."""
    return get_writable_or_403(
        Finding.objects.select_related("area", "category"), request.user, action_for(step), pk=pk
    )


def _step_done(request, finding, done: str):
    messages.success(request, done)
    return redirect("inspections:finding", pk=finding.pk)


def _step_failed(request, finding, error):
    text = error.messages[0] if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)
    return redirect("inspections:finding", pk=finding.pk)


@login_required
@require_POST
def assign(request, pk):
    finding = _writable_finding(request, pk, Step.ASSIGN)
    form = AssignForm(request.POST, user=request.user, finding=finding)
    if not form.is_valid():
        return _step_failed(request, finding, ValidationError(next(iter(form.errors.values()))[0]))
    try:
        services.assign(finding, request.user, **form.cleaned_data)
    except StaleEdit as error:
        return _stale_step(request, finding, error, Step.ASSIGN, form)
    except (ValidationError, StepNotAllowed) as error:
        return _step_failed(request, finding, error)
    return _step_done(request, finding, "已交办。")


@login_required
@require_POST
def start(request, pk):
    finding = _writable_finding(request, pk, Step.START)
    version = request.POST.get("version", "")
    try:
        services.start(
            finding,
            request.user,
            note=request.POST.get("note", ""),
            version=int(version) if version.isdigit() else None,
        )
    except StaleEdit as error:
        return _stale_step(request, finding, error, Step.START)
    except StepNotAllowed as error:
        return _step_failed(request, finding, error)
    return _step_done(request, finding, "已开始整改。")


@login_required
def submit(request, pk):
    """整改完成后上传整改照片、说明整改情况，提交验收。"""
    finding = _writable_finding(request, pk, Step.SUBMIT)
    form = EvidenceForm(request.POST or None, request.FILES or None, finding=finding)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit(finding, request.user, **form.cleaned_data)
        except StaleEdit as error:
            form.add_error(None, f"{error}。{AGAIN}照片需重新选择。")
            keep_for_second_try(form, error)
        except StepNotAllowed as error:
            return _step_failed(request, finding, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _step_done(request, finding, "整改已提交，等待验收。")
    return render(request, "inspections/submit.html", {"finding": finding, "form": form})


@login_required
@require_POST
def close(request, pk):
    finding = _writable_finding(request, pk, Step.CLOSE)
    form = NoteForm(request.POST, prefix="close", finding=finding)
    form.is_valid()
    data = form.cleaned_data
    try:
        services.close(finding, request.user, note=data.get("note", ""), version=data.get("version"))
    except StaleEdit as error:
        return _stale_step(request, finding, error, Step.CLOSE, form)
    except StepNotAllowed as error:
        return _step_failed(request, finding, error)
    return _step_done(request, finding, "已验收销号。")


@login_required
@require_POST
def return_for_rework(request, pk):
    finding = _writable_finding(request, pk, Step.RETURN)
    form = ReturnForm(request.POST, prefix="return", finding=finding)
    if not form.is_valid():
        return _step_failed(request, finding, ValidationError("退回须说明理由。"))
    try:
        services.return_for_rework(finding, request.user, **form.cleaned_data)
    except StaleEdit as error:
        return _stale_step(request, finding, error, Step.RETURN, form)
    except (StepNotAllowed, ValidationError) as error:
        return _step_failed(request, finding, error)
    return _step_done(request, finding, "已退回重改。")


def _serve(request, pk, field: str):
    """A photo only for users who see its finding."""
    photo = get_visible_or_404(FindingPhoto.objects, request.user, pk=pk)
    return photo_response(photo, field, f"photo-{photo.pk}.jpg")


@login_required
def photo(request, pk):
    return _serve(request, pk, "image")


@login_required
def photo_thumbnail(request, pk):
    return _serve(request, pk, "thumbnail")


@login_required
def inspection_list(request):
    inspections = Inspection.objects.for_user(request.user)
    if request.area is not None:
        inspections = inspections.in_subtree(request.area)
    filters = InspectionFilterForm(request.GET or None)
    inspections = filters.filter(inspections).select_related("area").prefetch_related("covered_areas")
    page = Paginator(inspections, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "inspections": page.object_list,
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "may_inspect": areas_for(request.user, {Action.INSPECT}).exists(),
        },
    )


@login_required
def new_inspection(request):
    form = InspectionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.record_inspection(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已建立督查：{inspection.title}")
            return redirect("inspections:inspection", pk=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form})


@login_required
def inspection_detail(request, pk):
    inspection = get_visible_or_404(
        Inspection.objects.select_related("area", "created_by"), request.user, pk=pk
    )
    findings = inspection.findings.for_user(request.user).select_related("category", "area", "department")
    page = Paginator(findings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "findings": page.object_list,
            "page": page,
            "may_record": can(request.user, inspection.area, Action.INSPECT),
        },
    )


@login_required
def bulletin(request, code, year, month, as_pdf=False):
    """The month's 督查通报 of an area the user sees, as .docx or PDF."""

    from zhenwu.documents import write_docx
    from zhenwu.inspections.bulletin import build_bulletin

    area = get_visible_or_404(Area.objects, request.user, code=code)
    issuer = signer(request.user, area)  # signed by the maker's own office
    document = build_bulletin(area, Period.month(year, month), timezone.localdate(), issuer=issuer)
    stem = f"{area.name}{year}年{month}月督查整改情况通报"
    return document_response(request, write_docx(document), stem, as_pdf=as_pdf)


@login_required
@require_POST
def bulletin_job(request, code, year, month):
    """The same 通报 made by the worker, for an area too large to wait for: downloaded from 我的任务."""
    from zhenwu.inspections.jobs import start_bulletin

    area = get_visible_or_404(Area.objects, request.user, code=code)
    job = start_bulletin(request.user, area, year, month, timezone.localdate())
    return redirect("jobs:detail", pk=job.pk)
