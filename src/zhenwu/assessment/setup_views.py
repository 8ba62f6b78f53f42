"""设置 · 考核方案: the issuing area's 管理员 writes a scheme and previews the ranking it would give."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.changes import history, subject_of
from zhenwu.areas.models import Action, Area
from zhenwu.assessment import schemes, units
from zhenwu.assessment.forms import CriterionForm, PreviewForm, SchemeForm
from zhenwu.assessment.models import Criterion, Scheme
from zhenwu.assessment.periods import Period
from zhenwu.assessment.services import AssessmentError
from zhenwu.ledger.forms import describe_errors


def _admin_area(request, code: str) -> Area:
    return get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)


def _scheme(request, code: str, slug: str) -> Scheme:
    area = _admin_area(request, code)
    return get_object_or_404(Scheme.objects.select_related("area"), slug=slug, area=area)


def _criterion(request, code: str, pk: int) -> Criterion:
    area = _admin_area(request, code)
    return get_object_or_404(Criterion.objects.select_related("scheme__area"), pk=pk, scheme__area=area)


@login_required
def scheme_list(request, code):
    """The schemes the area issues, and the form for a new one."""
    area = _admin_area(request, code)
    form = SchemeForm(request.POST or None, area=area)
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                scheme = schemes.create_scheme(request.user, area, **data)
            except AssessmentError as error:
                messages.error(request, f"方案未新建：{error}")
            else:
                messages.success(request, f"已新建方案“{scheme.name}”，请添加考核项目。")
                return redirect("assessment:setup_scheme", code=area.code, slug=scheme.slug)
        else:
            messages.error(request, f"方案未新建：{describe_errors(form)}")
    context = {"area": area, "schemes": Scheme.objects.filter(area=area), "form": form}
    return render(request, "assessment/setup_schemes.html", context)


@login_required
def scheme(request, code, slug):
    """One scheme: its terms, its criteria with their weights, adding an item, and its history."""
    row = _scheme(request, code, slug)
    form = SchemeForm(request.POST or None, instance=row, area=row.area)
    if request.method == "POST":
        if form.is_valid():
            try:
                schemes.change_scheme(request.user, row, **form.cleaned_data)
            except AssessmentError as error:
                messages.error(request, f"方案未保存：{error}")
            else:
                messages.success(request, "方案已保存。")
                return redirect("assessment:setup_scheme", code=code, slug=row.slug)
        else:
            messages.error(request, f"方案未保存：{describe_errors(form)}")
        row.refresh_from_db()
    return render(request, "assessment/setup_scheme.html", _scheme_page(row, form, CriterionForm()))


def _scheme_page(row: Scheme, form, criterion_form) -> dict:
    return {
        "area": row.area,
        "scheme": row,
        "form": form,
        "criteria": list(row.criteria.all()),
        "weight_problem": row.weight_problem(),
        "criterion_form": criterion_form,
        "rule_note": units.RULE_NOTES.get(row.unit_kind, ""),
        "preview_form": PreviewForm(periods=schemes.past_periods(row)),
        "changes": history(subject_of(row)),
        "history_query": f"subject={subject_of(row)}",
    }


@login_required
@require_POST
def criterion_add(request, code, slug):
    row = _scheme(request, code, slug)
    form = CriterionForm(request.POST)
    if form.is_valid():
        try:
            criterion = schemes.add_criterion(request.user, row, **form.criterion_data())
        except AssessmentError as error:
            messages.error(request, f"考核项目未添加：{error}")
        else:
            messages.success(request, f"已添加考核项目“{criterion.name}”。")
            return redirect("assessment:setup_scheme", code=code, slug=row.slug)
    else:
        messages.error(request, f"考核项目未添加：{describe_errors(form)}")
    page = _scheme_page(row, SchemeForm(instance=row, area=row.area), form)
    return render(request, "assessment/setup_scheme.html", page)


@login_required
def criterion(request, code, pk):
    """Change one scored item of a scheme."""
    row = _criterion(request, code, pk)
    form = CriterionForm(request.POST or None, initial=CriterionForm.initial_for(row))
    if request.method == "POST":
        if form.is_valid():
            try:
                schemes.change_criterion(request.user, row, **form.criterion_data())
            except AssessmentError as error:
                messages.error(request, f"考核项目未保存：{error}")
            else:
                messages.success(request, f"已保存考核项目“{row.name}”。")
                return redirect("assessment:setup_scheme", code=code, slug=row.scheme.slug)
        else:
            messages.error(request, f"考核项目未保存：{describe_errors(form)}")
        row.refresh_from_db()
    context = {"area": row.scheme.area, "scheme": row.scheme, "criterion": row, "form": form}
    return render(request, "assessment/setup_criterion.html", context)


@login_required
@require_POST
def criterion_remove(request, code, pk):
    row = _criterion(request, code, pk)
    try:
        schemes.remove_criterion(request.user, row)
    except AssessmentError as error:
        messages.error(request, f"考核项目未删除：{error}")
    else:
        messages.success(request, f"已删除考核项目“{row.name}”。")
    return redirect("assessment:setup_scheme", code=code, slug=row.scheme.slug)


@login_required
def preview(request, code, slug):
    """The ranking the scheme, as it stands, would give a past period — computed now, saved nowhere."""
    row = _scheme(request, code, slug)
    form = PreviewForm(request.GET or None, periods=schemes.past_periods(row))
    result, problem = None, ""
    if form.is_valid():
        try:
            result = schemes.preview(row, Period.parse(form.cleaned_data["period"]))
        except AssessmentError as error:
            problem = str(error)
    elif form.errors:
        problem = describe_errors(form)
    context = {"area": row.area, "scheme": row, "form": form, "preview": result, "problem": problem}
    return render(request, "assessment/setup_preview.html", context)
