"""台账规则: an area's 管理员 sets how its subtree is judged, or goes back to the rules from above."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from zhenwu.areas.models import Action, Area
from zhenwu.ledger import progress
from zhenwu.ledger.models import ReportingDeadline, ReportingRules, RulesChange
from zhenwu.ledger.services.values import LedgerError, require
from zhenwu.ledger.tables import deadline, due_date

RULE_FIELDS = ("due_day", "schedule_basis", "ahead_from", "lagging_below", "severe_below")


@transaction.atomic
def set_rules(user, area: Area, **values) -> ReportingRules:
    """Set the area's own rules; every town below follows them unless it sets its own.

    The change is recorded with the rules that applied before (修改记录); saving the same rules
    again records nothing.
    """
    require(user, area, Action.ADMINISTER)
    before = rules_in_words(area)
    rules = ReportingRules.objects.select_for_update().filter(area=area).first() or ReportingRules(area=area)
    for name in RULE_FIELDS:
        setattr(rules, name, values[name])
    rules.updated_by = user
    try:
        rules.full_clean()
    except ValidationError as error:
        raise LedgerError("；".join(error.messages)) from error
    rules.save()
    _record(user, area, before, rules_in_words(area))
    return rules


@transaction.atomic
def inherit_rules(user, area: Area) -> int:
    """Drop the area's own rules so the ones set above (or the defaults) apply again."""
    require(user, area, Action.ADMINISTER)
    before = rules_in_words(area)
    deleted, _ = ReportingRules.objects.filter(area=area).delete()
    _record(user, area, before, rules_in_words(area))
    return deleted


def rules_in_words(area: Area) -> str:
    """What governs ``area`` now, and where it comes from: “本级设置：…”, “沿用青溪县：…”, “系统默认：…”."""
    governing = ReportingRules.objects.in_force(area)
    if governing is None:
        return f"系统默认：{progress.summarize_rules(progress.DEFAULT_RULES)}"
    source = "本级设置" if governing.area_id == area.pk else f"沿用{governing.area.name}"
    return f"{source}：{progress.summarize_rules(governing.as_rules())}"


def _record(user, area: Area, before: str, after: str) -> None:
    """One line of the 修改记录, unless nothing changed."""
    if after != before:
        RulesChange.objects.create(area=area, user=user, old_text=before, new_text=after)


@transaction.atomic
def set_deadline(user, area: Area, year: int, month: int, due: date, reason: str) -> ReportingDeadline:
    """Set one month's deadline for the area and everything below it (春节顺延), with the reason.

    The day must fall in the two months after the month reported; the change is recorded in the
    修改记录 beside the rules' own.
    """
    require(user, area, Action.ADMINISTER)
    reason = reason.strip()
    if not reason:
        raise LedgerError("请填写单独设定截止日期的原因（如“春节顺延”）")
    first = due_date(year, month, 1)  # the 1st of the month after the one reported
    second = due_date(first.year, first.month, 1)  # the 1st of the month after that
    last = due_date(second.year, second.month, 1) - timedelta(days=1)  # and its last day
    if not first <= due <= last:
        raise LedgerError(
            f"{year}年{month}月数据的截止日期应在{first.year}年{first.month}月1日至"
            f"{last.year}年{last.month}月{last.day}日之间"
        )
    before = _deadline_in_words(area, year, month)
    special, _ = ReportingDeadline.objects.update_or_create(
        area=area, year=year, month=month, defaults={"due": due, "reason": reason, "set_by": user}
    )
    _record(user, area, before, _deadline_in_words(area, year, month))
    return special


@transaction.atomic
def remove_deadline(user, special: ReportingDeadline) -> None:
    """Go back to the usual day for that month (or a deadline set above), recorded like any change."""
    require(user, special.area, Action.ADMINISTER)
    area, year, month = special.area, special.year, special.month
    before = _deadline_in_words(area, year, month)
    special.delete()
    _record(user, area, before, _deadline_in_words(area, year, month))


def _deadline_in_words(area: Area, year: int, month: int) -> str:
    due = deadline(area, year, month)
    return f"{year}年{month}月数据：{due.day}前报送" + (f"（{due.reason}）" if due.reason else "")
