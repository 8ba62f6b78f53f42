"""The inbox, an area's reminder record, its rules and channels, and 催报 from the county page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.periods import parse_month
from zhenwu.paging import paginate
from zhenwu.reminders import delivery, services
from zhenwu.reminders.forms import ChannelForm, InboxFilterForm, ReminderFilterForm, RulesForm
from zhenwu.reminders.models import Delivery, DeliveryStatus, Reminder, ReminderRules

FAILING_SHOWN = 50  # the rest are found with the list's 送达 filter


@login_required
def inbox(request):
    """站内消息: every reminder sent to me, newest first; unread ones marked. POST marks all read."""
    if request.method == "POST":
        services.mark_read(request.user)
        return redirect("reminders:inbox")
    filters = InboxFilterForm(request.GET or None)
    page, query = paginate(request, filters.filter(services.inbox(request.user)))
    context = {"reminders": page.object_list, "page": page, "query": query, "filters": filters}
    return render(request, "reminders/inbox.html", context)


@login_required
@require_POST
def read(request, pk):
    get_object_or_404(Reminder, pk=pk, recipient=request.user)
    services.mark_read(request.user, pk)
    return redirect("reminders:inbox")


@login_required
def area(request, code):
    """提醒记录: who was reminded of what about the area and below, by which channel, delivered or not."""
    place = get_visible_or_404(Area.objects, request.user, code=code)
    filters = ReminderFilterForm(request.GET or None)
    page, query = paginate(request, filters.filter(services.reminders_of(request.user, place)))
    failing = (
        Delivery.objects.for_user(request.user)
        .in_subtree(place)
        .filter(status__in=[DeliveryStatus.FAILED, DeliveryStatus.PENDING], attempts__gt=0)
        .select_related("reminder__area", "reminder__recipient")
    )
    context = {
        "area": place,
        "reminders": page.object_list,
        "page": page,
        "query": query,
        "filters": filters,
        "failing_count": failing.count(),
        "rules": services.rules_for(place),
        "may_administer": can(request.user, place, Action.ADMINISTER),
        "failing": failing[:FAILING_SHOWN],
    }
    return render(request, "reminders/area.html", context)


@login_required
def settings(request, code):
    """提醒设置 (管理员): the rules for the area and below, and the channels reminders go through."""
    place = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)
    current = services.rules_for(place)
    initial = ReminderRules(area=place) if current is None else current
    posted = request.POST if request.method == "POST" else None
    rules_form = RulesForm(posted, instance=_copy(initial), prefix="rules")
    channel_forms = [
        ChannelForm(posted, instance=channel, prefix=kind)
        for kind, channel in services.channels_of(place).items()
    ]
    if posted is not None and rules_form.is_valid() and all(form.is_valid() for form in channel_forms):
        with transaction.atomic():
            if rules_form.has_changed() or current is None:
                services.save_rules(request.user, place, rules_form.save(commit=False))
            services.save_channels(
                request.user, place, [form.save(commit=False) for form in channel_forms if form.has_changed()]
            )
        messages.success(request, f"已保存{place.name}的提醒设置。")
        return redirect("reminders:settings", code=place.code)
    context = {
        "area": place,
        "current": current,
        "rules_form": rules_form,
        "channel_forms": channel_forms,
        "history": services.own_rules_history(place)[:50],
        "recording": _recording(),
    }
    return render(request, "reminders/settings.html", context)


def _copy(rules: ReminderRules) -> ReminderRules:
    """An unsaved copy, so the form edits a new version and never the one in the history."""
    copy = ReminderRules.objects.get(pk=rules.pk) if rules.pk else rules
    copy.pk = None
    return copy


def _recording() -> bool:
    from django.conf import settings as django_settings

    return django_settings.REMINDER_DELIVERY != "send"


@login_required
@require_POST
def retry(request, pk):
    """A 管理员 sends a failed delivery again now."""
    item = get_writable_or_403(
        Delivery.objects.select_related("reminder__area"), request.user, Action.ADMINISTER, pk=pk
    )
    delivery.retry_now(item, timezone.now())
    delivery.deliver_pending(timezone.now())
    messages.success(request, "已重新发送，结果见下表。")
    return redirect("reminders:area", code=item.reminder.area.code)


@login_required
@require_POST
def chase(request, code):
    """催报: one reminder to each clerk of one town (``town``) or of every late town, for ``period``."""
    place = get_visible_or_404(Area.objects, request.user, code=code)
    if not services.may_chase(request.user, place):
        raise PermissionDenied("只有本级的审核员或管理员可以催报")
    text = request.POST.get("period", "").strip()
    try:
        if text:
            year, month = parse_month(text)
        else:
            current = reporting_month(place, timezone.localdate()).current
            year, month = current.year, current.month
    except ValueError as error:
        raise BadRequest(f"报告期 period 无效：{error}") from error
    made = services.chase(request.user, place, year, month, request.POST.get("town", "").strip())
    towns = {reminder.area_id for reminder in made}
    if made:
        messages.success(
            request, f"已向 {len(towns)} 个单位的 {len(made)} 名填报员催报，对方已在站内消息中收到。"
        )
    else:
        messages.info(request, "没有需要催报的单位（或这些单位没有填报员账号）。")
    query = urlencode({"period": f"{year}-{month:02d}"})
    return redirect(f"{reverse('ledger:county', kwargs={'code': place.code})}?{query}")
