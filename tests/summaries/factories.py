"""Rows of the summaries app for tests, in any area of the test world."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from zhenwu.summaries.models import (
    CompileBatch,
    CompiledDocument,
    Draft,
    ExtractedFigure,
    FinalVersion,
    NarrativeBlock,
    NarrativeRevision,
)

PERIOD = "2025-H1"


def make_draft(world, area):
    return Draft.objects.create(
        area=area, period=PERIOD, title=f"{area.name}2025年上半年工作总结", generated_at=timezone.now()
    )


def make_final_version(world, area):
    from tests.issuing.factories import make_issued

    record = make_issued(world, area, kept=True, kind="summary")
    return FinalVersion.objects.create(
        area=area, period=PERIOD, title=record.title, number=record, finalized_at=timezone.now()
    )


def make_narrative(
    world, area, slot="opening", text="今年以来，镇党委、镇政府团结带领全镇干部群众真抓实干。"
):
    return NarrativeBlock.objects.create(
        area=area, period=PERIOD, slot=slot, text=text, updated_at=timezone.now()
    )


def make_revision(world, area):
    block = make_narrative(world, area, slot="plans")
    return NarrativeRevision.objects.create(block=block, new_text=block.text, at=timezone.now())


def make_batch(world, area):
    return CompileBatch.objects.create(area=area, period=PERIOD)


def make_document(world, area):
    return CompiledDocument.objects.create(
        batch=make_batch(world, area), name="总结.txt", kind="txt", text="上半年完成固定资产投资6.02亿元。"
    )


def make_figure(world, area):
    return ExtractedFigure.objects.create(
        document=make_document(world, area),
        start=11,
        span="6.02亿元",
        context="上半年完成固定资产投资6.02亿元。",
        subject="固定资产投资",
        value=Decimal("602000000"),
        unit="元",
        kind="amount",
    )
