"""台账规则: an area's 管理员 sets how its subtree is judged, or goes back to the rules from above."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from zhenwu.areas.models import Action, Area
from zhenwu.ledger.models import ReportingRules
from zhenwu.ledger.services.values import LedgerError, require

RULE_FIELDS = ("due_day", "schedule_basis", "ahead_from", "lagging_below", "severe_below")


@transaction.atomic
def set_rules(user, area: Area, **values) -> ReportingRules:
    """Set the area's own rules; every town below follows them unless it sets its own."""
    require(user, area, Action.ADMINISTER)
    rules = ReportingRules.objects.select_for_update().filter(area=area).first() or ReportingRules(area=area)
    for name in RULE_FIELDS:
        setattr(rules, name, values[name])
    rules.updated_by = user
    try:
        rules.full_clean()
    except ValidationError as error:
        raise LedgerError("；".join(error.messages)) from error
    rules.save()
    return rules


@transaction.atomic
def inherit_rules(user, area: Area) -> int:
    """Drop the area's own rules so the ones set above (or the defaults) apply again."""
    require(user, area, Action.ADMINISTER)
    deleted, _ = ReportingRules.objects.filter(area=area).delete()
    return deleted
