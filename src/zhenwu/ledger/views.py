"""The ledger's pages: thin views that fetch, call one function, and render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.ledger import excel, services, tables
from zhenwu.ledger.entry import check_cell
from zhenwu.ledger.forms import RevisionForm, UnlockForm, UploadForm, parse_period
from zhenwu.ledger.models import Indicator, Target, ValueHistory


def _area(request, code: str) -> Area:
    return get_visible_or_404(Area.objects, request.user, code=code)


def _period(request, area: Area) -> tuple[int, int]:
    return parse_period(request.GET.get("period")) or tables.latest_period(area)


def _roles(request, area: Area) -> dict:
    return {
        "may_enter": can(request.user, area, Action.ENTER),
        "may_review": can(request.user, area, Action.REVIEW),
        "may_administer": can(request.user, area, Action.ADMINISTER),
    }


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise Http404("月份应在 1 到 12 之间")


@login_required
def index(request):
    area = request.area
    if not area:
        raise Http404("您还没有所属区划")
    year, month = _period(request, area)
    context = {"table": tables.area_table(area, year, month), "has_children": area.numchild > 0}
    return render(request, "ledger/index.html", context | _roles(request, area))


@login_required
def county(request, code):
    area = _area(request, code)
    year, month = _period(request, area)
    return render(request, "ledger/county.html", {"table": tables.county_table(area, year, month)})


@login_required
def county_export(request, code):
    area = _area(request, code)
    year, month = _period(request, area)
    data = excel.export_county_table(tables.county_table(area, year, month))
    return _xlsx(data, f"{area.name}下辖单位{year}年1-{month}月完成率.xlsx")


@login_required
def export(request, code, year, month):
    _check_month(month)
    area = _area(request, code)
    data = excel.export_area_table(tables.area_table(area, year, month))
    return _xlsx(data, f"{area.name}{year}年1-{month}月指标完成情况.xlsx")


@login_required
def entry(request, code, year, month):
    _check_month(month)
    area = _area(request, code)
    checks = {}
    if request.method == "POST":
        if not can(request.user, area, Action.ENTER):
            raise PermissionDenied("您的角色无权填报")
        grid = tables.entry_grid(area, year, month)
        checks = {
            row.indicator.pk: check_cell(
                request.POST.get(f"v-{row.indicator.pk}", ""),
                allow_negative=row.indicator.allow_negative,
                kind=row.indicator.kind,
                previous=row.previous,
            )
            for row in grid.rows
            if not row.locked
        }
        if all(check.ok for check in checks.values()):
            try:
                change = services.enter_values(
                    request.user,
                    area,
                    year,
                    month,
                    {row.indicator: checks[row.indicator.pk].value for row in grid.rows if not row.locked},
                )
            except services.LedgerError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"已保存 {change.changed} 项，未变 {change.unchanged} 项。")
                return redirect("ledger:entry", code=code, year=year, month=month)
        else:
            messages.error(request, "有数值不正确，均未保存；请按提示修改后再保存。")
    context = {"grid": tables.entry_grid(area, year, month, checks), "unlock_form": UnlockForm()}
    return render(request, "ledger/entry.html", context | _roles(request, area))


@login_required
@require_POST
def check(request, code, year, month, indicator):
    """Check one cell as it is typed (htmx): an error blocks saving, a warning only asks to verify."""
    _check_month(month)
    area = _area(request, code)
    indicator = get_visible_indicator(indicator)
    grid_row = next(
        (row for row in tables.entry_grid(area, year, month).rows if row.indicator == indicator), None
    )
    if grid_row is None:
        raise Http404("本期不填报此指标")
    result = check_cell(
        request.POST.get(f"v-{indicator.pk}", ""),
        allow_negative=indicator.allow_negative,
        kind=indicator.kind,
        previous=grid_row.previous,
    )
    return render(request, "ledger/_cell_check.html", {"check": result})


def get_visible_indicator(pk: int) -> Indicator:
    """Indicators are a shared catalogue: every signed-in user may read the active ones."""
    try:
        return Indicator.objects.get(pk=pk, is_active=True)
    except Indicator.DoesNotExist as error:
        raise Http404("没有这个指标") from error


def _act(request, code, year, month, action) -> HttpResponse:
    _check_month(month)
    area = _area(request, code)
    try:
        count = action(area)
    except services.LedgerError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已处理 {count} 项数据。")
    return redirect("ledger:entry", code=code, year=year, month=month)


@login_required
@require_POST
def submit(request, code, year, month):
    return _act(
        request, code, year, month, lambda area: services.submit_period(request.user, area, year, month)
    )


@login_required
@require_POST
def approve(request, code, year, month):
    return _act(
        request, code, year, month, lambda area: services.approve_period(request.user, area, year, month)
    )


@login_required
@require_POST
def unlock(request, code, year, month):
    form = UnlockForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request,
        code,
        year,
        month,
        lambda area: services.unlock_period(request.user, area, year, month, reason),
    )


@login_required
def history(request, code, year, month):
    _check_month(month)
    area = _area(request, code)
    records = (
        ValueHistory.objects.for_user(request.user)
        .filter(reported__area=area, reported__year=year, reported__month=month)
        .select_related("reported__indicator", "user")
        .order_by("-at", "-id")
    )
    return render(
        request, "ledger/history.html", {"area": area, "year": year, "month": month, "records": records}
    )


@login_required
def targets(request, code, year):
    area = _area(request, code)
    context = {"area": area, "year": year, "rows": tables.target_table(area, year), "form": RevisionForm()}
    return render(request, "ledger/targets.html", context | _roles(request, area))


@login_required
@require_POST
def revise(request, pk):
    target = get_writable_or_403(
        Target.objects.select_related("area"), request.user, Action.ADMINISTER, pk=pk
    )
    form = RevisionForm(request.POST)
    if form.is_valid():
        try:
            services.revise_target(request.user, target, **form.cleaned_data)
        except services.LedgerError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已调整“{target.indicator.name}”目标。")
    else:
        messages.error(
            request, "目标调整未保存：" + "；".join(e for errors in form.errors.values() for e in errors)
        )
    return redirect("ledger:targets", code=target.area.code, year=target.year)


@login_required
def template(request, code, year, month):
    _check_month(month)
    area = _area(request, code)
    data = excel.build_template(tables.entry_grid(area, year, month))
    return _xlsx(data, f"{area.name}{year}年{month}月报表.xlsx")


@login_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        result = excel.read_upload(uploaded.read(), uploaded.name, request.user)
        if result.ok:
            try:
                change = services.enter_values(
                    request.user,
                    result.area,
                    result.year,
                    result.month,
                    result.figures,
                    reason=f"Excel 导入：{uploaded.name}",
                    action="import",
                )
            except services.LedgerError as error:
                result.errors.append(str(error))
            else:
                messages.success(
                    request,
                    f"已导入 {result.area.name}{result.year}年{result.month}月：更新 {change.changed} 项，未变 {change.unchanged} 项。",
                )
                for warning in result.warnings:
                    messages.warning(request, warning)
                url = reverse(
                    "ledger:entry",
                    kwargs={"code": result.area.code, "year": result.year, "month": result.month},
                )
                return redirect(url)
    return render(request, "ledger/upload.html", {"form": form, "result": result})


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=excel.XLSX_CONTENT)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def standards(request, code):
    area = _area(request, code)
    year, month = _period(request, area)
    context = {
        "area": area,
        "year": year,
        "month": month,
        "tables": tables.standards_tables(area, year, month),
    }
    return render(request, "ledger/standards.html", context)
