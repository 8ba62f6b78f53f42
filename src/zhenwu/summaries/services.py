"""Every change to a summary goes through here: regenerating a draft, saving a person's words.

History is written at the call site: a narrative edit keeps who, when, the old and new words.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.summaries import drafting
from zhenwu.summaries.facts import gather
from zhenwu.summaries.models import Draft, NarrativeBlock, NarrativeRevision
from zhenwu.summaries.periods import Period


def narratives_of(area: Area, period: Period) -> dict[str, str]:
    """The words people wrote for the area and period, by slot."""
    return dict(NarrativeBlock.objects.filter(area=area, period=period.key).values_list("slot", "text"))


def document_for(
    area: Area, period: Period, *, user=None, today: datetime.date | None = None, with_charts=True
):
    """The summary built afresh from the ledger and the kept words (nothing is saved)."""
    facts = gather(area, period, user=user, today=today or timezone.localdate())
    return drafting.build_document(facts, narratives_of(area, period), with_charts=with_charts)


def require(user, area: Area, action: str = Action.ENTER) -> None:
    if not can(user, area, action):
        raise PermissionDenied(f"您在{area.name}没有起草工作总结的权限")


@transaction.atomic
def regenerate(
    user, area: Area, period: Period, *, today: datetime.date | None = None
) -> tuple[Draft, drafting.Draft]:
    """重新生成: rebuild the draft's figures from the ledger in place; the people's words stay."""
    require(user, area)
    built = document_for(area, period, user=user, today=today)
    draft, _ = Draft.objects.update_or_create(
        area=area,
        period=period.key,
        defaults={
            "title": built.document.title,
            "generated_at": timezone.now(),
            "generated_by": user,
            "sources": built.sources,
        },
    )
    return draft, built


@transaction.atomic
def save_narrative(user, area: Area, period: Period, slot: str, text: str) -> NarrativeBlock:
    """Keep a person's paragraph for the slot; an unchanged text writes nothing."""
    require(user, area)
    text = text.strip()
    block, _ = NarrativeBlock.objects.select_for_update().get_or_create(
        area=area, period=period.key, slot=slot
    )
    if block.text == text:
        return block
    now = timezone.now()
    NarrativeRevision.objects.create(block=block, old_text=block.text, new_text=text, user=user, at=now)
    block.text, block.updated_by, block.updated_at = text, user, now
    block.save(update_fields=["text", "updated_by", "updated_at"])
    return block
