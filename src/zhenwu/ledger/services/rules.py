"""台账规则: an area's 管理员 sets how its subtree is judged, or goes back to the rules from above."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from zhenwu.areas.models import Action, Area
from zhenwu.ledger import progress
from zhenwu.ledger.models import ReportingRules, RulesChange
from zhenwu.ledger.services.values import LedgerError, require

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
    _record(user, area, before)
    return rules


@transaction.atomic
def inherit_rules(user, area: Area) -> int:
    """Drop the area's own rules so the ones set above (or the defaults) apply again."""
    require(user, area, Action.ADMINISTER)
    before = rules_in_words(area)
    deleted, _ = ReportingRules.objects.filter(area=area).delete()
    _record(user, area, before)
    return deleted


def rules_in_words(area: Area) -> str:
    """What governs ``area`` now, and where it comes from: “本级设置：…”, “沿用青溪县：…”, “系统默认：…”."""
    governing = ReportingRules.objects.in_force(area)
    if governing is None:
        return f"系统默认：{progress.summarize_rules(progress.DEFAULT_RULES)}"
    source = "本级设置" if governing.area_id == area.pk else f"沿用{governing.area.name}"
    return f"{source}：{progress.summarize_rules(governing.as_rules())}"


def _record(user, area: Area, before: str) -> None:
    after = rules_in_words(area)
    if after != before:
        RulesChange.objects.create(area=area, user=user, old_text=before, new_text=after)
