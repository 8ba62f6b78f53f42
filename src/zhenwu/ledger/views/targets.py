"""年度目标: setting, revising and decomposing an area's annual targets."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action
from zhenwu.ledger import services, tables
from zhenwu.ledger.forms import RevisionForm
from zhenwu.ledger.models import Target
from zhenwu.ledger.views.common import roles, visible_area


@login_required
def targets(request, code, year):
    area = visible_area(request, code)
    context = {"area": area, "year": year, "rows": tables.target_table(area, year), "form": RevisionForm()}
    return render(request, "ledger/targets.html", context | roles(request, area))


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
