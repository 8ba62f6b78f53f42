"""台账规则: the deadline day, the status thresholds and how 时序进度 is counted, per area."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from zhenwu.areas.access import can
from zhenwu.areas.models import Action
from zhenwu.ledger import progress, services
from zhenwu.ledger.models import ReportingRules, RulesChange
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
        "explained": progress.explain_rules(in_force),
        "form": form,
        "changes": RulesChange.objects.filter(area=area).select_related("user"),
    }
    return render(request, "ledger/rules.html", context | roles(request, area))
