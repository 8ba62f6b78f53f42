"""Project pages: the list, a project's detail, the phone update form, the county overview, photos."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.documents import render_html, write_docx
from zhenwu.issuing.dispatch import issuing_office, signer
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.files import safe_filename
from zhenwu.lib.stale import AGAIN, StaleEdit, keep_for_second_try
from zhenwu.photos import photo_response
from zhenwu.projects import excel, services
from zhenwu.projects import jobs as project_jobs
from zhenwu.projects.excel import export_ledger
from zhenwu.projects.facts import listing, load_facts, timeline
from zhenwu.projects.forms import ImportForm, ProjectFilterForm, ProjectForm, StatusForm, UpdateForm
from zhenwu.projects.models import Project, UpdatePhoto
from zhenwu.projects.rates import (
    behind_reasons,
    by_area,
    by_category,
    investment_rate,
    summarise,
)
from zhenwu.projects.report import build_report
from zhenwu.web.downloads import document_response
from zhenwu.workbooks import XLSX_CONTENT

PAGE_SIZE = 50


def _projects(request):
    """The projects the user sees, within the area chosen in the switcher."""
    projects = Project.objects.for_user(request.user)
    if request.area is not None:
        projects = projects.in_subtree(request.area)
    return projects


@login_required
def index(request):
    filters = ProjectFilterForm(request.GET or None, user=request.user, area=request.area)
    month = filters.selected_month()
    rows = listing(
        filters.filter(_projects(request)), month, filters.behind_reason(), due=filters.month_due()
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "projects/index.html",
        {
            "filters": filters,
            "month": month,
            "page": page,
            "count": len(rows),
            "query": query.urlencode(),
            "may_administer": can(request.user, request.area, Action.ADMINISTER) if request.area else False,
        },
    )


@login_required
def overview(request):
    """县级总览: 开工率, 竣工率 and 投资完成率 by town and by category, and the projects behind."""
    filters = ProjectFilterForm(request.GET or None, user=request.user, area=request.area)
    month = filters.selected_month()
    facts = load_facts(_projects(request), month, due=filters.month_due())
    return render(
        request,
        "projects/overview.html",
        {
            "month": month,
            "month_value": f"{month.year}-{month.month:02d}",
            "total": summarise(facts, month),
            "towns": by_area(facts, month),
            "categories": by_category(facts, month),
        },
    )


@login_required
def detail(request, pk):
    project = get_visible_or_404(Project.objects.select_related("area", "department"), request.user, pk=pk)
    reporting = reporting_month(project.area, timezone.localdate())
    month = reporting.current
    facts = load_facts(Project.objects.filter(pk=project.pk), month, due=reporting.is_due(month))[0]
    may_enter = can(request.user, project.area, Action.ENTER)
    choices = services.next_statuses(project)
    events = timeline(project)
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "facts": facts,
            "rate": investment_rate(facts),
            "reasons": behind_reasons(facts, month),
            "month": month,
            "plans": project.year_plans.all(),
            "events": events,
            "photos": [photo for event in events if event.update for photo in event.update.photos.all()],
            "may_enter": may_enter,
            "may_administer": can(request.user, project.area, Action.ADMINISTER),
            "status_form": StatusForm(choices=choices) if may_enter and choices else None,
        },
    )


@login_required
def update(request, pk):
    """The month's update from a phone on site: investment, one line of 形象进度, photos."""
    project = get_writable_or_403(Project.objects.select_related("area"), request.user, Action.ENTER, pk=pk)
    month = reporting_month(project.area, timezone.localdate()).current
    existing = project.updates.filter(year=month.year, month=month.month).first()
    initial = {"month": month, "version": existing.version if existing else 0, "version_of": month}
    if existing is not None:
        initial.update(
            {name: getattr(existing, name) for name in services.UPDATE_FIELDS if name != "investment_ytd"}
        )
    form = UpdateForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_update(project, request.user, **data)
        except StaleEdit as error:
            form.add_error(None, f"{error}。{AGAIN}照片需重新选择。")
            keep_for_second_try(form, error, version_of=f"{data['month'].year}-{data['month'].month:02d}")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已保存{data['month']}进展：{project.name}")
            return redirect("projects:detail", pk=project.pk)
    return render(
        request, "projects/update_form.html", {"project": project, "form": form, "existing": existing}
    )


@login_required
@require_POST
def advance(request, pk):
    project = get_writable_or_403(Project.objects.select_related("area"), request.user, Action.ENTER, pk=pk)
    form = StatusForm(request.POST, choices=services.next_statuses(project))
    if not form.is_valid():
        messages.error(request, "请选择要推进到的状态和日期。")
        return redirect("projects:detail", pk=project.pk)
    try:
        change = services.advance(project, request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"已推进到“{change.get_to_status_display()}”。")
    return redirect("projects:detail", pk=project.pk)


def _report(request, code):
    area = get_visible_or_404(Area.objects, request.user, code=code)
    filters = ProjectFilterForm(request.GET or None, user=request.user, area=area)
    month = filters.selected_month()
    projects = Project.objects.for_user(request.user).in_subtree(area)
    return (
        area,
        month,
        build_report(area, projects, month, due=filters.month_due(), issuer=signer(request.user, area)),
    )


@login_required
def report_preview(request, code):
    """The month's report as a web page, to read before downloading."""
    area, month, document = _report(request, code)
    return render(
        request,
        "projects/report_preview.html",
        {
            "document": render_html(document),
            "area": area,
            "month_value": f"{month.year}-{month.month:02d}",
            "issuing_office": issuing_office(request.user, area),
        },
    )


@login_required
def report(request, code, as_pdf=False):
    """The month's illustrated report (.docx or PDF) of an area the user sees."""
    area, month, document = _report(request, code)
    stem = f"{area.name}{month.year}年{month.label}重点项目推进情况"
    return document_response(request, write_docx(document), stem, as_pdf=as_pdf)


@login_required
def export(request, code):
    """The area's ledger as .xlsx in the usual 台账 layout, with the month's figures."""
    area = get_visible_or_404(Area.objects, request.user, code=code)
    filters = ProjectFilterForm(request.GET or None, user=request.user, area=area)
    month = filters.selected_month()
    projects = Project.objects.for_user(request.user).in_subtree(area)
    data = export_ledger(area, projects, month, due=filters.month_due())
    filename = f"{area.name}{month.year}年重点项目台账（{month.label}）.xlsx"
    return FileResponse(
        io.BytesIO(data), as_attachment=True, filename=safe_filename(filename), content_type=XLSX_CONTENT
    )


@login_required
@require_POST
def in_background(request, code, kind):
    """The month's report or the ledger export made by the worker: for a large area, nothing to wait for."""
    area = get_visible_or_404(Area.objects, request.user, code=code)
    if kind not in project_jobs.KINDS:
        raise Http404("没有这种后台任务")
    month = ProjectFilterForm(request.POST or None, user=request.user, area=area).selected_month()
    job = project_jobs.start(request.user, area, kind, month)
    return redirect("jobs:detail", pk=job.pk)


@login_required
def import_ledger(request):
    """导入台账 (管理员): all or nothing, every problem named by row and column."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if "background" in request.POST:  # a large ledger: the worker imports it, the page need not wait
            job = project_jobs.start_import(request.user, upload.read(), upload.name)
            return redirect("jobs:detail", pk=job.pk)
        result = excel.import_ledger(upload.read(), upload.name, request.user)
        if result.ok:
            messages.success(
                request,
                f"已导入：新增项目 {result.created} 个，修改 {result.changed} 个，记录月度进展 {result.updates} 条。",
            )
            return redirect("projects:index")
    return render(request, "projects/import.html", {"form": form, "result": result})


def _save_project(request, form, project=None):
    data = dict(form.cleaned_data)
    plan = data.pop("plan")
    plans = {timezone.localdate().year: plan} if plan is not None else {}
    if project is None:
        return services.create_project(request.user, plans=plans, **data)
    return services.update_project(project, request.user, plans=plans, **data)


@login_required
def new(request):
    """登记项目 (管理员); others are told they may not, rather than shown a form they cannot use."""
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.has_areas and form.is_valid():
        try:
            project = _save_project(request, form)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error.messages[0] if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, f"已登记项目：{project.name}")
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": None})


@login_required
def edit(request, pk):
    project = get_writable_or_403(
        Project.objects.select_related("area"), request.user, Action.ADMINISTER, pk=pk
    )
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            _save_project(request, form, project)
        except StaleEdit as error:
            form.add_error(None, f"{error}。{AGAIN}")
            keep_for_second_try(form, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "已保存。")
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


def _serve(request, pk, field: str):
    """A photo only for users who see its project."""
    photo = get_visible_or_404(UpdatePhoto.objects, request.user, pk=pk)
    return photo_response(photo, field, f"project-photo-{photo.pk}.jpg")


@login_required
def photo(request, pk):
    return _serve(request, pk, "image")


@login_required
def photo_thumbnail(request, pk):
    return _serve(request, pk, "thumbnail")
