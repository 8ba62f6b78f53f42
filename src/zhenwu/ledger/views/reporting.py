"""报表: entering, checking, submitting, approving and unlocking a month's figures; Excel in and out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can
from zhenwu.areas.models import Action
from zhenwu.ledger import excel, exports, services, tables
from zhenwu.ledger.entry import check_grid_cell, read_grid
from zhenwu.ledger.forms import UnlockForm, UploadForm
from zhenwu.ledger.models import HistoryAction, Indicator, ValueHistory
from zhenwu.ledger.views.common import (
    get_visible_indicator,
    roles,
    visible_area,
    wants_xlsx,
    xlsx_response,
)

HISTORY_PAGE_SIZE = 100  # a month's changes: every save of every figure, a page at a time


@login_required
def entry(request, code, year, month):
    area = visible_area(request, code)
    checks, stale, held = {}, {}, {}
    if request.method == "POST":
        if not can(request.user, area, Action.ENTER):
            raise PermissionDenied("您的角色无权填报")
        typed = read_grid(tables.entry_grid(area, year, month), request.POST)
        checks = typed.kept
        if typed.ok:
            try:
                result = services.enter_values(
                    request.user,
                    area,
                    year,
                    month,
                    typed.figures,
                    clear=typed.clear,
                    versions=typed.versions,
                    confirm=bool(request.POST.get("confirm")),
                    reason=request.POST.get("confirm_reason", "").strip()[:200],
                )
            except services.LedgerError as error:
                messages.error(request, str(error))
            else:
                if result.saved:
                    messages.success(request, saved_message(result))
                    return redirect("ledger:entry", code=code, year=year, month=month)
                if result.stale:
                    stale = {item.indicator.pk: item.message for item in result.stale}
                    messages.error(request, stale_message(result))
                else:
                    held = {item.indicator.pk: item.message for item in result.checks}
                    messages.error(request, held_message(result))
        else:
            messages.error(request, "有数值不正确，均未保存；请按提示修改后再保存。")
    grid = tables.entry_grid(area, year, month, checks, stale, held)
    return render(
        request, "ledger/entry.html", {"grid": grid, "unlock_form": UnlockForm()} | roles(request, area)
    )


def held_message(result: services.SaveResult) -> str:
    """Why nothing was saved: figures that cannot be, or that look like slips until confirmed."""
    if result.refused:
        return "以下数值不可能成立，均未保存：" + "；".join(item.text for item in result.refused) + "。"
    return (
        "以下数值存疑，均未保存："
        + "；".join(item.text for item in result.checks)
        + "。请核实；确属无误，请勾选“确认无误”并填写原因后再保存（原因记入修改记录，供审核员查看）。"
    )


def stale_message(result: services.SaveResult) -> str:
    """Why nothing was saved: each figure changed by somebody else since the page was opened."""
    return (
        "您打开本页后，以下数值已被他人修改，本次填写均未保存："
        + "；".join(item.message for item in result.stale)
        + "。您填写的内容仍在表中，核对后可再次保存。"
    )


def saved_message(change: services.SaveResult) -> str:
    """ "已保存 3 项，清除 1 项，未变 5 项。" — clearings are named only when there were any."""
    cleared = f"清除 {change.cleared} 项，" if change.cleared else ""
    return f"已保存 {change.changed} 项，{cleared}未变 {change.unchanged} 项。"


@login_required
@require_POST
def check(request, code, year, month, indicator):
    """Check one cell as it is typed (htmx): an error blocks saving, a warning only asks to verify."""
    area = visible_area(request, code)
    indicator = get_visible_indicator(indicator)
    grid_row = next(
        (row for row in tables.entry_grid(area, year, month).rows if row.indicator == indicator), None
    )
    if grid_row is None:
        raise Http404("本期不填报此指标")
    result = check_grid_cell(request.POST.get(f"v-{indicator.pk}", ""), grid_row)
    return render(request, "ledger/_cell_check.html", {"check": result})


def _act(request, code, year, month, action) -> HttpResponse:
    area = visible_area(request, code)
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
    area = visible_area(request, code)
    records = (
        ValueHistory.objects.for_user(request.user)
        .filter(area=area, year=year, month=month)
        .select_related("indicator", "user")
        .order_by("-at", "-id")
    )
    if wants_xlsx(request):
        return xlsx_response(
            exports.history(area, year, month, records), f"{area.name}{year}年{month}月报表修改记录.xlsx"
        )
    indicators = Indicator.objects.filter(pk__in=records.values("indicator")).order_by("code")
    chosen = request.GET.get("indicator", "")
    if chosen.isdigit():
        records = records.filter(indicator_id=int(chosen))
    page = Paginator(records, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "area": area,
        "year": year,
        "month": month,
        "records": page.object_list,
        "page": page,
        "query": query.urlencode(),
        "indicators": indicators,
        "chosen": chosen,
    }
    return render(request, "ledger/history.html", context)


@login_required
def template(request, code, year, month):
    area = visible_area(request, code)
    data = excel.area_template(area, year, month)
    return xlsx_response(data, f"{area.name}{year}年{month}月报表.xlsx")


@login_required
def county_template(request, code, year, month):
    """The county's towns × indicators for the month as one sheet, to fill in and upload at once."""
    area = visible_area(request, code)
    data = excel.build_county_template(excel.county_template_data(area, year, month))
    return xlsx_response(data, f"{area.name}下辖单位{year}年{month}月汇总报表.xlsx")


@login_required
def upload(request):
    """Upload a filled template: one area's 报表, or a county's sheet of towns, written all or none."""
    form = UploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        result = excel.read_upload(uploaded.read(), uploaded.name, request.user)
        confirmed = form.cleaned_data["confirm_reason"]
        if result.ok:
            try:
                change = services.enter_many(
                    request.user,
                    result.year,
                    result.month,
                    result.parts,
                    confirm=bool(confirmed),
                    reason=f"Excel 导入：{uploaded.name}" + (f"；确认：{confirmed}" if confirmed else ""),
                    action=HistoryAction.IMPORT,
                )
            except services.LedgerError as error:
                result.errors.append(str(error))
            else:
                if change.stale:
                    result.errors += excel.stale_errors(result, change)
                    return render(request, "ledger/upload.html", {"form": form, "result": result})
                if not change.saved:
                    result.errors += excel.held_errors(change)
                    context = {"form": form, "result": result, "held": not change.refused}
                    return render(request, "ledger/upload.html", context)
                messages.success(request, imported_message(result, change))
                for warning in result.warnings + excel.violation_warnings(result):
                    messages.warning(request, warning)
                return redirect(uploaded_page(result))
    return render(request, "ledger/upload.html", {"form": form, "result": result})


def imported_message(result: excel.Upload, change: services.SaveResult) -> str:
    """ "已导入 青山镇2025年6月：更新 3 项，清除 1 项，未变 2 项。" (for a county sheet: "青溪县下辖 12 个单位")."""
    who = f"{result.area.name}下辖 {len(result.parts)} 个单位" if result.many else result.area.name
    cleared = f"清除 {change.cleared} 项，" if change.cleared else ""
    return f"已导入 {who}{result.year}年{result.month}月：更新 {change.changed} 项，{cleared}未变 {change.unchanged} 项。"


def uploaded_page(result: excel.Upload) -> str:
    """Where the figures just uploaded are seen: the area's 报表, or the county's table of towns."""
    if result.many:
        url = reverse("ledger:county", kwargs={"code": result.area.code})
        return f"{url}?period={result.year}-{result.month:02d}"
    return reverse(
        "ledger:entry", kwargs={"code": result.area.code, "year": result.year, "month": result.month}
    )
