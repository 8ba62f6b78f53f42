"""年度目标: issuing, revising, assigning and decomposing an area's annual targets; the 考核指标 list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.ledger import exports, services, target_excel, target_tables
from zhenwu.ledger.forms import (
    OwnerForm,
    PartChangeForm,
    PartForm,
    PartRemoveForm,
    RevisionForm,
    TargetForm,
    TargetSheetForm,
    describe_errors,
)
from zhenwu.ledger.models import Target, TargetPart
from zhenwu.ledger.services.targets import plain
from zhenwu.ledger.views.common import roles, visible_area, wants_xlsx, xlsx_response
from zhenwu.lib.stale import AGAIN, StaleEdit, keep_for_second_try


@login_required
def targets(request, code, year):
    area = visible_area(request, code)
    if wants_xlsx(request):
        issued = target_tables.issued_table(area, year) if target_tables.issues_to_children(area) else None
        data = exports.targets(area, year, target_tables.target_panels(area, year), issued)
        return xlsx_response(data, f"{area.name}{year}年目标任务及分解.xlsx")
    return render(request, "ledger/targets.html", _page(request, area, year))


@dataclass
class PanelForms:
    """The forms a 管理员 sees beside one target, each with its own element ids."""

    revise: RevisionForm
    owner: OwnerForm
    part: PartForm
    part_changes: list[tuple[TargetPart, PartChangeForm, PartRemoveForm]]


def _page(request, area: Area, year: int, kept: dict | None = None, **extra) -> dict:
    """The targets page: every target with its history, and the forms when the user is the 管理员.

    ``kept`` maps ("revise", target pk) and the like to a form refused as stale, shown again as filled.
    """
    context = {"area": area, "year": year, **roles(request, area), **extra}
    if target_tables.issues_to_children(area):
        context["issued"] = target_tables.issued_table(area, year)
    panels = target_tables.target_panels(area, year)
    if not context["may_administer"]:
        return context | {"panels": [(panel, None) for panel in panels]}
    return context | {
        "panels": [(panel, _forms(area, panel, kept or {})) for panel in panels],
        "target_form": TargetForm(area=area, year=year),
        "issues_to_children": target_tables.issues_to_children(area),
        "sheet_form": extra.get("sheet_form") or TargetSheetForm(),
    }


def _forms(area: Area, panel: target_tables.TargetPanel, kept: dict) -> PanelForms:
    target = panel.row.target
    return PanelForms(
        revise=kept.get(("revise", target.pk))
        or RevisionForm(initial={"version": target.version}, auto_id=f"revise{target.pk}_%s"),
        owner=kept.get(("owner", target.pk))
        or OwnerForm(area=area, initial=_owner_initial(target), auto_id=f"owner{target.pk}_%s"),
        part=PartForm(area=area, auto_id=f"part{target.pk}_%s"),
        part_changes=[
            (
                part,
                kept.get(("change", part.pk))
                or PartChangeForm(initial=_part_initial(part), auto_id=f"change{part.pk}_%s"),
                kept.get(("remove", part.pk))
                or PartRemoveForm(initial={"version": part.version}, auto_id=f"remove{part.pk}_%s"),
            )
            for part in panel.row.parts
        ],
    )


def _owner_initial(target: Target) -> dict:
    return {
        "department": target.department_id,
        "person": target.responsible_person,
        "version": target.version,
    }


def _part_initial(part: TargetPart) -> dict:
    return {"value": plain(part.value), "person": part.responsible_person, "version": part.version}


def _apply(request, form, change: Callable[[dict], object], done: str, failed: str) -> StaleEdit | None:
    """Run one service change with a valid form, and tell the user in Chinese what happened.

    A change refused because somebody else changed the target meanwhile is returned, for the page
    to show the form again as the user filled it.
    """
    if not form.is_valid():
        messages.error(request, f"{failed}：{describe_errors(form)}")
        return None
    try:
        change(form.cleaned_data)
    except StaleEdit as error:
        messages.error(request, f"{failed}：{error}。{AGAIN}")
        return error
    except services.LedgerError as error:
        messages.error(request, f"{failed}：{error}")
    else:
        messages.success(request, done)
    return None


def _again(request, target: Target, key: tuple[str, int], form, stale: StaleEdit):
    """The targets page with ``form`` as the user filled it, now carrying the version it was refused for."""
    keep_for_second_try(form, stale)
    return render(request, "ledger/targets.html", _page(request, target.area, target.year, kept={key: form}))


def _back(target: Target):
    url = reverse("ledger:targets", kwargs={"code": target.area.code, "year": target.year})
    return redirect(f"{url}#target-{target.pk}")


def _writable_target(request, pk: int) -> Target:
    queryset = Target.objects.select_related("area", "indicator", "department")
    return get_writable_or_403(queryset, request.user, Action.ADMINISTER, pk=pk)


def _writable_part(request, pk: int) -> TargetPart:
    queryset = TargetPart.objects.select_related("target__area", "target__indicator", "department", "village")
    return get_writable_or_403(queryset, request.user, Action.ADMINISTER, pk=pk)


@login_required
@require_POST
def new_target(request, code, year):
    area = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)
    form = TargetForm(request.POST, area=area, year=year)
    _apply(
        request,
        form,
        lambda data: services.set_target(
            request.user,
            data["indicator"],
            area,
            year,
            data["value"],
            department=data["department"],
            person=data["person"],
        ),
        done=f"已下达{year}年目标。",
        failed="目标未下达",
    )
    return redirect("ledger:targets", code=area.code, year=year)


@login_required
@require_POST
def revise(request, pk):
    target = _writable_target(request, pk)
    form = RevisionForm(request.POST, auto_id=f"revise{target.pk}_%s")
    stale = _apply(
        request,
        form,
        lambda data: services.revise_target(request.user, target, **data),
        done=f"已调整“{target.indicator.name}”目标。",
        failed="目标调整未保存",
    )
    return _again(request, target, ("revise", target.pk), form, stale) if stale else _back(target)


@login_required
@require_POST
def owner(request, pk):
    target = _writable_target(request, pk)
    form = OwnerForm(
        request.POST, area=target.area, initial=_owner_initial(target), auto_id=f"owner{target.pk}_%s"
    )
    stale = _apply(
        request,
        form,
        lambda data: services.change_owner(request.user, target, **data),
        done=f"已更改“{target.indicator.name}”的责任单位/责任人。",
        failed="责任单位/责任人未更改",
    )
    return _again(request, target, ("owner", target.pk), form, stale) if stale else _back(target)


@login_required
@require_POST
def add_part(request, pk):
    target = _writable_target(request, pk)
    form = PartForm(request.POST, area=target.area)
    _apply(
        request,
        form,
        lambda data: services.decompose_target(
            request.user, target, value=data["value"], person=data["person"], **form.owner_kwargs()
        ),
        done=f"已分解“{target.indicator.name}”目标。",
        failed="目标分解未保存",
    )
    return _back(target)


@login_required
@require_POST
def change_part(request, pk):
    part = _writable_part(request, pk)
    form = PartChangeForm(request.POST, initial=_part_initial(part), auto_id=f"change{part.pk}_%s")
    stale = _apply(
        request,
        form,
        lambda data: services.change_part(request.user, part, **data),
        done=f"已修改“{part.owner_name}”的分解目标。",
        failed="分解目标未修改",
    )
    return _again(request, part.target, ("change", part.pk), form, stale) if stale else _back(part.target)


@login_required
@require_POST
def remove_part(request, pk):
    part = _writable_part(request, pk)
    target, name = part.target, part.owner_name
    form = PartRemoveForm(request.POST, auto_id=f"remove{part.pk}_%s")
    stale = _apply(
        request,
        form,
        lambda data: services.remove_part(request.user, part, **data),
        done=f"已删除“{name}”的分解目标，原数值保留在变更记录中。",
        failed="分解目标未删除",
    )
    return _again(request, target, ("remove", part.pk), form, stale) if stale else _back(target)


# --- 目标任务分解表 --------------------------------------------------------------------------------------


@login_required
def sheet(request, code, year):
    area = visible_area(request, code)
    return xlsx_response(target_excel.build_sheet(area, year), f"{area.name}{year}年目标任务分解表.xlsx")


@login_required
@require_POST
def upload_sheet(request, code, year):
    area = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)
    form = TargetSheetForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [describe_errors(form)]
        return render(request, "ledger/targets.html", _page(request, area, year, sheet_errors=errors))
    data, uploaded = form.cleaned_data, form.cleaned_data["file"]
    result = target_excel.read_sheet(
        uploaded.read(),
        uploaded.name,
        request.user,
        area,
        year,
        effective_month=data["effective_month"],
        reason=data["reason"],
    )
    if result.ok:
        try:
            issued = services.issue_targets(
                request.user,
                year,
                [(amount.area, amount.indicator, amount.value) for amount in result.amounts],
                effective_month=data["effective_month"],
                reason=data["reason"],
                numbers=result.numbers,
            )
        except StaleEdit as error:
            result.errors += target_excel.stale_errors(result, error)
        except services.LedgerError as error:
            result.errors.append(str(error))
        else:
            messages.success(
                request,
                f"已导入目标任务分解表：新下达 {issued.set} 项，调整 {issued.revised} 项，未变 {issued.unchanged} 项。",
            )
            for warning in result.warnings:
                messages.warning(request, warning)
            return redirect("ledger:targets", code=area.code, year=year)
    return render(
        request,
        "ledger/targets.html",
        _page(request, area, year, sheet_errors=result.errors, sheet_form=form),
    )


# --- 考核指标 ---------------------------------------------------------------------------------------------


@login_required
def catalogue(request, code, year):
    area = visible_area(request, code)
    catalogue_tables = target_tables.catalogue_tables(area, year)
    if wants_xlsx(request):
        data = exports.catalogue(area, year, catalogue_tables)
        return xlsx_response(data, f"{area.name}{year}年度目标考核指标.xlsx")
    context = {"area": area, "year": year, "tables": catalogue_tables}
    return render(request, "ledger/catalogue.html", context)
