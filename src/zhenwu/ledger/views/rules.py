"""台账规则: the deadline day, the status thresholds and how 时序进度 is counted, per area."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404
from zhenwu.areas.models import Action
from zhenwu.ledger import progress, services
from zhenwu.ledger.forms import DeadlineForm, describe_errors
from zhenwu.ledger.models import ReportingDeadline, ReportingRules, RulesChange
from zhenwu.ledger.views.common import roles, visible_area


class RulesForm(forms.ModelForm):
    class Meta:
        model = ReportingRules
        fields = services.rules.RULE_FIELDS
        widgets = {"schedule_basis": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)


@login_required
def rules(request, code):
    area = visible_area(request, code)
    governing = ReportingRules.objects.in_force(area)
    form = RulesForm(request.POST or None, instance=governing if governing else ReportingRules(area=area))
    if request.method == "POST":
        if not can(request.user, area, Action.ADMINISTER):
            raise PermissionDenied("只有管理员可以修改台账规则")
        if request.POST.get("inherit"):
            services.inherit_rules(request.user, area)
            messages.success(request, "已恢复沿用上级（或系统默认）规则。")
            return redirect("ledger:rules", code=code)
        if form.is_valid():
            try:
                services.set_rules(request.user, area, **form.cleaned_data)
            except services.LedgerError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"已保存{area.name}台账规则，下辖单位一并适用。")
                return redirect("ledger:rules", code=code)
    in_force = governing.as_rules() if governing else progress.DEFAULT_RULES
    context = {
        "area": area,
        "governing": governing,
        "own": governing is not None and governing.area_id == area.pk,
        # a town sees which county set its rules, but the county's page is not the town's to open
        "governing_visible": governing is not None and can(request.user, governing.area, Action.VIEW),
        "explained": progress.explain_rules(in_force),
        "form": form,
        "changes": RulesChange.objects.filter(area=area).select_related("user"),
        "deadlines": ReportingDeadline.objects.filter(area=area),
        "deadline_form": DeadlineForm(label_suffix=""),
    }
    return render(request, "ledger/rules.html", context | roles(request, area))


@login_required
@require_POST
def set_deadline(request, code):
    area = visible_area(request, code)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"截止日期未保存：{describe_errors(form)}")
        return redirect("ledger:rules", code=code)
    year, month = form.cleaned_data["period"]
    try:
        services.set_deadline(
            request.user, area, year, month, form.cleaned_data["due"], form.cleaned_data["reason"]
        )
    except services.LedgerError as error:
        messages.error(request, f"截止日期未保存：{error}")
    else:
        messages.success(request, f"已设定{year}年{month}月数据的截止日期，{area.name}及下辖单位一并适用。")
    return redirect("ledger:rules", code=code)


@login_required
@require_POST
def remove_deadline(request, pk):
    special = get_visible_or_404(ReportingDeadline.objects, request.user, pk=pk)
    services.remove_deadline(request.user, special)
    messages.success(request, f"{special.year}年{special.month}月数据恢复按常规截止日报送。")
    return redirect("ledger:rules", code=special.area.code)
