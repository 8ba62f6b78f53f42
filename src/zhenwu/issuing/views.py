"""发文设置 pages (viewers read, the area's 管理员 edits) and the 印发 action of every report page."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Department
from zhenwu.documents import write_docx
from zhenwu.issuing import dispatch, reports
from zhenwu.issuing.forms import DispatchSettingsForm, RegisterFilterForm
from zhenwu.issuing.models import DispatchSettings, IssuedNumber, ReportKind
from zhenwu.paging import paginate
from zhenwu.web.downloads import docx_response, pdf_download, pdf_of


@login_required
def index(request):
    """The offices the user sees, with their 发文 settings and last numbers issued."""
    departments = (
        Department.objects.for_user(request.user)
        .select_related("area", "dispatch")
        .filter(Q(dispatch__isnull=False) | Q(area__depth__lte=3, is_active=True))
        .order_by("area__path", "id")
    )
    issued = IssuedNumber.objects.for_user(request.user).select_related("department", "issued_by")[:30]
    return render(request, "issuing/index.html", {"departments": departments, "issued": issued})


@login_required
def office(request, pk):
    """One office's 发文 settings and register; the 管理员 of its area may change the settings."""
    department = get_visible_or_404(Department.objects.select_related("area"), request.user, pk=pk)
    settings = DispatchSettings.objects.filter(department=department).first()
    may_edit = can(request.user, department.area, Action.ADMINISTER)
    if request.method == "POST":
        get_writable_or_403(Department.objects, request.user, Action.ADMINISTER, pk=pk)
        form = DispatchSettingsForm(request.POST, instance=settings)
        if form.is_valid():
            saved = form.save(commit=False)
            saved.department, saved.updated_by = department, request.user
            saved.save()
            messages.success(request, f"已保存{department.name}的发文设置")
            return redirect("issuing:office", pk=department.pk)
    else:
        initial = {"year": timezone.localdate().year, "printed_by": department.name}
        form = DispatchSettingsForm(instance=settings, initial=None if settings else initial)
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True
    filters = RegisterFilterForm(request.GET or None)
    page, query = paginate(request, filters.filter(department.issued_numbers.select_related("issued_by")))
    context = {
        "department": department,
        "form": form,
        "may_edit": may_edit,
        "register": page.object_list,
        "page": page,
        "query": query,
        "filters": filters,
    }
    return render(request, "issuing/office.html", context)


@login_required
@require_POST
def issue(request, kind):
    """印发: build the report, take the office's next 文号, keep the issued .docx and return it."""
    if kind == ReportKind.SUMMARY:  # a summary is issued by its 定稿, which also freezes the draft
        raise PermissionDenied("工作总结请在总结页面点“定稿印发”")
    today = timezone.localdate()
    built = reports.build(kind, request.user, request.POST, today)
    department = _office(request, built)
    try:
        document, record = dispatch.issue(
            built.document, department, kind=kind, source=built.source, user=request.user, today=today
        )
    except dispatch.IssueError as error:
        raise PermissionDenied(str(error)) from error
    data = write_docx(document)
    dispatch.keep(record, data)
    response = docx_response(data, f"{record.code}{built.filename}")
    response["X-Zhenwu-Document-Number"] = quote(record.code)
    return response


@login_required
def issued(request, pk, as_pdf=False):
    """A 公文 as it was issued under its 文号: the kept .docx, or its PDF (converted once, then kept)."""
    record = get_visible_or_404(IssuedNumber.objects, request.user, pk=pk)
    if not record.document:
        raise Http404("该文号印发时没有留存文件（命令行印发的文件在印发人手中）")
    if as_pdf:
        return pdf_download(request, lambda: dispatch.kept_pdf(record, pdf_of), record.download_stem)
    return docx_response(dispatch.kept_docx(record), record.download_stem)


def _office(request, built) -> Department:
    """The office chosen on the form, else the user's own; it must have 发文 settings and be theirs."""
    chosen = request.POST.get("office", "").strip()
    if chosen:
        department = get_visible_or_404(Department.objects.select_related("area"), request.user, pk=chosen)
    else:
        department = dispatch.own_department(request.user, built.area)
    if department is None:
        raise PermissionDenied("您的账号没有所在部门，无法印发：请管理员在账号中设置所在部门")
    if not dispatch.may_issue(request.user, department):
        raise PermissionDenied(f"您不属于{department.name}，不能以其名义印发")
    if not DispatchSettings.objects.filter(department=department).exists():
        raise PermissionDenied(f"{department.name}没有发文设置，不能印发")
    return department
