"""创建标准 清单项: a town marks its items done with evidence, the county reviews, the issuer keeps the list."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.ledger import checklists
from zhenwu.ledger.evidence import DOCUMENT_TYPES
from zhenwu.ledger.forms import ChecklistItemForm, MarkForm, ReviewForm, describe_errors
from zhenwu.ledger.models import Catalogue, CatalogueKind, ChecklistItem, ChecklistMark, ChecklistPhoto
from zhenwu.ledger.services import LedgerError
from zhenwu.ledger.services import checklists as services
from zhenwu.ledger.views.common import visible_area
from zhenwu.ledger.views.setup import _admin_area
from zhenwu.lib.files import safe_filename
from zhenwu.photos import photo_response


def _standard(area: Area, pk: int) -> Catalogue:
    """A creation standard binding ``area`` from above; 404 for any other."""
    queryset = Catalogue.objects.applicable_to(area).filter(kind=CatalogueKind.STANDARD)
    catalogue = get_object_or_404(queryset.select_related("issued_by"), pk=pk)
    if catalogue.issued_by.path == area.path:
        raise Http404("创建标准由发布单位对照下辖单位验收")
    return catalogue


@login_required
def checklist(request, code, pk):
    """One area's checklist of a standard: each item's standing, its evidence, reviews and every mark."""
    area = visible_area(request, code)
    catalogue = _standard(area, pk)
    context = {
        "area": area,
        "catalogue": catalogue,
        "rows": [
            (row, MarkForm(auto_id=f"m{row.item.pk}_%s"))
            for row in checklists.area_checklist(catalogue, area)
        ],
        "may_mark": can(request.user, area, Action.ENTER),
        "may_review": can(request.user, catalogue.issued_by, Action.REVIEW),
    }
    return render(request, "ledger/checklist.html", context)


@login_required
@require_POST
def mark(request, code, pk):
    """已完成: the town sends one item's evidence; nothing is written if any of it is refused."""
    area = get_writable_or_403(Area.objects, request.user, Action.ENTER, code=code)
    queryset = ChecklistItem.objects.select_related("catalogue__issued_by").filter(is_active=True)
    item = get_object_or_404(queryset, pk=pk, catalogue__in=Catalogue.objects.applicable_to(area))
    back = redirect("ledger:checklist", code=area.code, pk=item.catalogue_id)
    form = MarkForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, f"“{item.text}”未提交：{describe_errors(form)}")
        return back
    data = form.cleaned_data
    try:
        services.mark_done(
            request.user,
            item,
            area,
            photos=data["photos"],
            document=data["document"],
            done_on=data["done_on"],
            note=data["note"],
        )
    except LedgerError as error:
        messages.error(request, f"“{item.text}”未提交：{error}")
        return back
    messages.success(request, f"已提交“{item.text}”，待{item.catalogue.issued_by.name}审核。")
    return back


@login_required
@require_POST
def review(request, pk):
    """通过 or 退回 (with the reason) one mark; only the county above the town may."""
    row = get_visible_or_404(
        ChecklistMark.objects.select_related("item__catalogue__issued_by", "area"), request.user, pk=pk
    )
    services.require_reviewer(request.user, row)
    back = redirect("ledger:checklist", code=row.area.code, pk=row.item.catalogue_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"“{row.item.text}”未审核：{describe_errors(form)}")
        return back
    accept = form.cleaned_data["verdict"] == "accept"
    try:
        services.review(request.user, row, accept=accept, reason=form.cleaned_data["reason"])
    except LedgerError as error:
        messages.error(request, f"“{row.item.text}”未审核：{error}")
        return back
    messages.success(request, f"{row.area.name}“{row.item.text}”已{'通过' if accept else '退回'}。")
    return back


def _photo(request, pk, field: str):
    row = get_visible_or_404(ChecklistPhoto.objects, request.user, pk=pk)
    return photo_response(row, field, f"checklist-photo-{row.pk}.jpg")


@login_required
def photo(request, pk):
    return _photo(request, pk, "image")


@login_required
def photo_thumbnail(request, pk):
    return _photo(request, pk, "thumbnail")


@login_required
def document(request, pk):
    """A mark's document, only for users who see the marked area."""
    row = get_visible_or_404(ChecklistMark.objects, request.user, pk=pk)
    if not row.document:
        raise Http404("该标记没有佐证文件")
    try:
        handle = row.document.open("rb")
    except FileNotFoundError as error:
        raise Http404("文件不存在") from error
    name = safe_filename(row.document_name or f"佐证文件{row.pk}")
    suffix = PurePosixPath(row.document.name).suffix.lower()
    content_type = DOCUMENT_TYPES.get(suffix, ("application/octet-stream",))[0]
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


# --- 设置: the issuing 管理员 keeps the items --------------------------------------------------------------


def _item(request, code, pk) -> ChecklistItem:
    area = _admin_area(request, code)
    queryset = ChecklistItem.objects.select_related("catalogue__issued_by")
    return get_object_or_404(queryset, pk=pk, catalogue__issued_by=area)


def _to_catalogue(code, catalogue_id):
    return redirect("ledger:setup_catalogue", code=code, pk=catalogue_id)


@login_required
@require_POST
def item_add(request, code, pk):
    area = _admin_area(request, code)
    catalogue = get_object_or_404(Catalogue, pk=pk, issued_by=area)
    form = ChecklistItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"清单项未加入：{describe_errors(form)}")
        return _to_catalogue(code, catalogue.pk)
    try:
        item = services.add_item(request.user, catalogue, **_item_fields(form))
    except LedgerError as error:
        messages.error(request, f"清单项未加入：{error}")
    else:
        messages.success(request, f"已加入清单项“{item.text}”。")
    return _to_catalogue(code, catalogue.pk)


def _item_fields(form) -> dict:
    data = form.cleaned_data
    return {name: data[name] for name in ("text", "needs_photos", "needs_document", "needs_date")}


@login_required
@require_POST
def item_change(request, code, pk):
    item = _item(request, code, pk)
    form = ChecklistItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"“{item.text}”未保存：{describe_errors(form)}")
    else:
        try:
            services.change_item(request.user, item, **_item_fields(form))
        except LedgerError as error:
            messages.error(request, f"“{item.text}”未保存：{error}")
        else:
            messages.success(request, f"已保存清单项“{form.cleaned_data['text']}”。")
    return _to_catalogue(code, item.catalogue_id)


@login_required
@require_POST
def item_remove(request, code, pk):
    item = _item(request, code, pk)
    deleted = services.remove_item(request.user, item)
    tail = "" if deleted else "；已有单位标记，清单项停用，标记保留"
    messages.success(request, f"已移出清单项“{item.text}”{tail}。")
    return _to_catalogue(code, item.catalogue_id)


@login_required
@require_POST
def item_move(request, code, pk):
    item = _item(request, code, pk)
    services.move_item(request.user, item, up=request.POST.get("direction") != "down")
    return _to_catalogue(code, item.catalogue_id)
