from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_visible_or_404, get_writable_or_403
from zhenwu.areas.changes import SettingError, area_history
from zhenwu.areas.departments import (
    add_department,
    change_department,
    remove_department,
    set_department_active,
)
from zhenwu.areas.forms import DepartmentForm, HistoryFilterForm
from zhenwu.areas.middleware import SESSION_KEY
from zhenwu.areas.models import Action, Area, Department, SettingChange
from zhenwu.areas.overview import area_overview, child_rows
from zhenwu.paging import paginate


@login_required
def area_detail(request, code):
    """An area: the areas below it (found by name or code, 50 a page), its departments and accounts."""
    area = get_visible_or_404(Area.objects, request.user, code=code)
    overview = area_overview(area, request.user)
    search = request.GET.get("q", "")
    page, query = paginate(request, child_rows(overview, search))
    context = {
        "overview": overview,
        "children": page.object_list,
        "page": page,
        "query": query,
        "search": search,
    }
    return render(request, "areas/area_detail.html", context)


@login_required
@require_POST
def switch_area(request):
    area = get_visible_or_404(Area.objects, request.user, code=request.POST.get("code", ""))
    request.session[SESSION_KEY] = area.code
    target = request.POST.get("next") or "home"
    if target != "home" and not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "home"
    return redirect(target)


def _admin_area(request, code: str) -> Area:
    return get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)


def _save_department(request, form: DepartmentForm, change, failed: str) -> bool:
    """Run the department change with a valid form; False (and the reason on the page) when refused."""
    if not form.is_valid():
        messages.error(
            request, f"{failed}：" + "；".join(e for errors in form.errors.values() for e in errors)
        )
        return False
    try:
        change(form.cleaned_data)
    except SettingError as error:
        messages.error(request, f"{failed}：{error}")
        return False
    return True


@login_required
def departments(request, code):
    """设置 · 部门: the area's departments (在用 first, then 停用), a new one, and the history of all."""
    area = _admin_area(request, code)
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and _save_department(
        request, form, lambda data: add_department(request.user, area, **data), "部门未新增"
    ):
        messages.success(request, f"已新增部门“{form.cleaned_data['name']}”。")
        return redirect("areas:departments", code=area.code)
    rows = list(Department.objects.filter(area=area).order_by("-is_active", "id"))
    context = {
        "area": area,
        "departments": [
            (row, DepartmentForm(initial=_initial(row), auto_id=f"d{row.pk}_%s")) for row in rows
        ],
        "form": form,
        "changes": area_history(area, Department),
        "history_query": "kind=department",
    }
    return render(request, "areas/departments.html", context)


def _initial(department: Department) -> dict:
    return {"name": department.name, "short_name": department.short_name}


@login_required
@require_POST
def department_change(request, code, pk):
    area = _admin_area(request, code)
    department = get_object_or_404(Department, pk=pk, area=area)
    form = DepartmentForm(request.POST)
    if _save_department(
        request, form, lambda data: change_department(request.user, department, **data), "部门未保存"
    ):
        messages.success(request, f"已保存部门“{department.name}”。")
    return redirect("areas:departments", code=area.code)


@login_required
@require_POST
def department_active(request, code, pk):
    """停用 a department (gone from every picker; what names it keeps it) or 恢复 it."""
    area = _admin_area(request, code)
    department = get_object_or_404(Department, pk=pk, area=area)
    active = request.POST.get("active") == "1"
    set_department_active(request.user, department, active)
    messages.success(request, f"已{'恢复' if active else '停用'}部门“{department.name}”。")
    return redirect("areas:departments", code=area.code)


@login_required
@require_POST
def department_remove(request, code, pk):
    """删除 a department that nothing names yet (one added by mistake); others are refused, to be 停用."""
    area = _admin_area(request, code)
    department = get_object_or_404(Department, pk=pk, area=area)
    try:
        remove_department(request.user, department)
    except SettingError as error:
        messages.error(request, f"部门未删除：{error}")
    else:
        messages.success(request, f"已删除部门“{department.name}”。")
    return redirect("areas:departments", code=area.code)


@login_required
def setting_history(request, code):
    """修改记录: every change to the area's settings, newest first, by kind and words, 50 a page."""
    area = _admin_area(request, code)
    filters = HistoryFilterForm(request.GET or None)
    changes = SettingChange.objects.filter(area=area).select_related("user")
    page, query = paginate(request, filters.filter(changes))
    context = {"area": area, "changes": page.object_list, "page": page, "query": query, "filters": filters}
    return render(request, "areas/history.html", context)
