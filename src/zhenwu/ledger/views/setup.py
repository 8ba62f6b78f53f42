"""设置 · 指标与目录: a county's 管理员 defines indicators and issues catalogues and creation standards."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.changes import history, subject_of
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.forms import (
    CatalogueCopyForm,
    CatalogueForm,
    ChecklistItemForm,
    EntryChangeForm,
    EntryForm,
    IndicatorFilterForm,
    IndicatorForm,
    describe_errors,
)
from zhenwu.ledger.models import Catalogue, CatalogueEntry, ChecklistItem, Indicator
from zhenwu.ledger.services import LedgerError
from zhenwu.ledger.services import setup as services
from zhenwu.paging import paginate


def _admin_area(request, code: str) -> Area:
    """The area named in the URL, if the user is its 管理员 (404 outside the subtree, 403 for other roles)."""
    return get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)


def _keeper_area(request, code: str) -> Area:
    area = _admin_area(request, code)
    services.require_keeper(request.user, area)
    return area


def _try(request, change, done: str, failed: str) -> bool:
    """Run one service change and say in Chinese what happened; False when it was refused."""
    try:
        change()
    except LedgerError as error:
        messages.error(request, f"{failed}：{error}")
        return False
    messages.success(request, done)
    return True


@login_required
def indicators(request, code):
    """Every indicator, retired ones last, and the form for a new one."""
    area = _keeper_area(request, code)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and _try(
            request,
            lambda: services.create_indicator(request.user, area, **form.cleaned_data),
            f"已新增指标“{form.cleaned_data['name']}”。",
            "指标未新增",
        ):
            return redirect("ledger:setup_indicators", code=area.code)
        if form.errors:
            messages.error(request, f"指标未新增：{describe_errors(form)}")
    filters = IndicatorFilterForm(request.GET or None, auto_id="filter_%s")
    page, query = paginate(
        request, filters.filter(Indicator.objects.order_by("-is_active", "sort_order", "code"))
    )
    context = {
        "area": area,
        "indicators": page.object_list,
        "page": page,
        "query": query,
        "filters": filters,
        "form": form,
    }
    return render(request, "ledger/setup_indicators.html", context)


@login_required
def indicator(request, code, pk):
    """One indicator's settings, its retirement, and every change made to it."""
    area = _keeper_area(request, code)
    row = get_object_or_404(Indicator, pk=pk)
    form = IndicatorForm(request.POST or None, instance=row)
    if request.method == "POST":
        if form.is_valid() and _try(
            request,
            lambda: services.change_indicator(request.user, area, row, **form.cleaned_data),
            "指标已保存。",
            "指标未保存",
        ):
            return redirect("ledger:setup_indicator", code=area.code, pk=row.pk)
        if form.errors:
            messages.error(request, f"指标未保存：{describe_errors(form)}")
        row.refresh_from_db()
    context = {
        "area": area,
        "indicator": row,
        "form": form,
        "changes": history(subject_of(row)),
        "history_query": f"subject={subject_of(row)}",
    }
    return render(request, "ledger/setup_indicator.html", context)


@login_required
@require_POST
def indicator_active(request, code, pk):
    """停用 an indicator (it keeps its figures and targets) or 恢复启用 it."""
    area = _keeper_area(request, code)
    row = get_object_or_404(Indicator, pk=pk)
    active = request.POST.get("active") == "1"
    services.set_indicator_active(request.user, area, row, active)
    messages.success(request, f"已{'恢复启用' if active else '停用'}指标“{row.name}”。")
    return redirect("ledger:setup_indicator", code=area.code, pk=row.pk)


@login_required
def catalogues(request, code):
    """The catalogues the area issues (考核指标 by year, 创建标准), a new one, or a copy of last year's."""
    area = _admin_area(request, code)
    form = CatalogueForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                catalogue = services.create_catalogue(request.user, area, **form.cleaned_data)
            except LedgerError as error:
                messages.error(request, f"目录未新建：{error}")
            else:
                messages.success(request, f"已新建目录“{catalogue.name}”，请加入指标。")
                return redirect("ledger:setup_catalogue", code=area.code, pk=catalogue.pk)
        else:
            messages.error(request, f"目录未新建：{describe_errors(form)}")
    context = {
        "area": area,
        "catalogues": Catalogue.objects.filter(issued_by=area).prefetch_related("entries"),
        "form": form,
        "copy_form": CatalogueCopyForm(area=area),
    }
    return render(request, "ledger/setup_catalogues.html", context)


@login_required
@require_POST
def catalogue_copy(request, code):
    area = _admin_area(request, code)
    form = CatalogueCopyForm(request.POST, area=area)
    if not form.is_valid():
        messages.error(request, f"目录未复制：{describe_errors(form)}")
        return redirect("ledger:setup_catalogues", code=area.code)
    try:
        copy = services.copy_catalogue(request.user, form.cleaned_data["source"], form.cleaned_data["year"])
    except LedgerError as error:
        messages.error(request, f"目录未复制：{error}")
        return redirect("ledger:setup_catalogues", code=area.code)
    messages.success(request, f"已复制为“{copy.name}”，共 {copy.entries.count()} 项指标。")
    return redirect("ledger:setup_catalogue", code=area.code, pk=copy.pk)


def _catalogue(request, code, pk) -> Catalogue:
    area = _admin_area(request, code)
    return get_object_or_404(Catalogue.objects.select_related("issued_by"), pk=pk, issued_by=area)


def _entry(request, code, pk) -> CatalogueEntry:
    area = _admin_area(request, code)
    queryset = CatalogueEntry.objects.select_related("catalogue__issued_by", "indicator")
    return get_object_or_404(queryset, pk=pk, catalogue__issued_by=area)


@login_required
def catalogue(request, code, pk):
    """One catalogue's indicators in order, each with its weight or threshold, and its history."""
    row = _catalogue(request, code, pk)
    form = EntryForm(request.POST or None, catalogue=row)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if _try(
                request,
                lambda: services.add_entry(
                    request.user,
                    row,
                    data["indicator"],
                    weight=data.get("weight"),
                    threshold=data.get("threshold"),
                ),
                f"已将“{data['indicator'].name}”加入目录。",
                "指标未加入",
            ):
                return redirect("ledger:setup_catalogue", code=code, pk=row.pk)
        else:
            messages.error(request, f"指标未加入：{describe_errors(form)}")
    entries = list(row.entries.select_related("indicator"))
    context = {
        "area": row.issued_by,
        "catalogue": row,
        "entries": [
            (entry, EntryChangeForm(catalogue=row, initial=_entry_initial(entry), auto_id=f"e{entry.pk}_%s"))
            for entry in entries
        ],
        "form": form,
        "items": [
            (item, ChecklistItemForm(initial=_item_initial(item), auto_id=f"i{item.pk}_%s"))
            for item in row.items.filter(is_active=True)
        ],
        "item_form": ChecklistItemForm(auto_id="new_item_%s"),
        "changes": history(subject_of(row)),
        "history_query": f"subject={subject_of(row)}",
    }
    return render(request, "ledger/setup_catalogue.html", context)


def _item_initial(item: ChecklistItem) -> dict:
    fields = ("text", "needs_photos", "needs_document", "needs_date")
    return {name: getattr(item, name) for name in fields}


def _entry_initial(entry: CatalogueEntry) -> dict:
    return {"weight": entry.weight, "threshold": entry.threshold}


@login_required
@require_POST
def entry_change(request, code, pk):
    entry = _entry(request, code, pk)
    form = EntryChangeForm(request.POST, catalogue=entry.catalogue)
    if form.is_valid():
        services.change_entry(
            request.user,
            entry,
            weight=form.cleaned_data.get("weight"),
            threshold=form.cleaned_data.get("threshold"),
        )
        messages.success(request, f"已保存“{entry.indicator.name}”。")
    else:
        messages.error(request, f"“{entry.indicator.name}”未保存：{describe_errors(form)}")
    return redirect("ledger:setup_catalogue", code=code, pk=entry.catalogue_id)


@login_required
@require_POST
def entry_remove(request, code, pk):
    entry = _entry(request, code, pk)
    services.remove_entry(request.user, entry)
    messages.success(request, f"已将“{entry.indicator.name}”移出目录，其目标和数据不受影响。")
    return redirect("ledger:setup_catalogue", code=code, pk=entry.catalogue_id)


@login_required
@require_POST
def entry_move(request, code, pk):
    entry = _entry(request, code, pk)
    services.move_entry(request.user, entry, up=request.POST.get("direction") != "down")
    return redirect("ledger:setup_catalogue", code=code, pk=entry.catalogue_id)
