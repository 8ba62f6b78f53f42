"""A small ledger for 青山镇 (town A) at the end of June 2025, with last year's figures and targets."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tests.ledger.factories import make_target, make_value
from zhenwu.ledger.models import ValueStatus
from zhenwu.lib.periods import parse_period
from zhenwu.summaries import drafting
from zhenwu.summaries.facts import gather

TODAY = datetime.date(2025, 7, 5)
H1 = parse_period("2025-H1")

# code: (2025 1-6月, 2024 1-6月, 2025 target)
FIGURES = {
    "GDTZ": ("6.02", "5.57", "12"),
    "GYCZ": ("20.5", "19.8", "45"),
    "LHFG": ("41.2", "40.8", "40"),
}


@pytest.fixture
def ledger(world):
    for code, (now, before, target) in FIGURES.items():
        make_value(world, world.town_a, code=code, month=6, value=now, status=ValueStatus.APPROVED)
        make_value(
            world, world.town_a, code=code, year=2024, month=6, value=before, status=ValueStatus.APPROVED
        )
        make_target(world, world.town_a, code=code, value=target)
    return world


def draft_of(area, narratives=None, period=H1):
    return drafting.build_document(gather(area, period, today=TODAY), narratives or {}, date=TODAY)


def texts(document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(getattr(block, "text", None), str)]


__all__ = ["Decimal", "draft_of", "texts"]
