"""Every change to a summary goes through here: regenerating a draft, saving a person's words.

History is written at the call site: a narrative edit keeps who, when, the old and new words.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.documents.reading import UnreadableDocument, read_bytes
from zhenwu.ledger import matching
from zhenwu.ledger import services as ledger_services
from zhenwu.ledger.models import HistoryAction, Indicator
from zhenwu.lib.periods import Period, parse_period
from zhenwu.summaries import compiling, drafting
from zhenwu.summaries.facts import gather
from zhenwu.summaries.models import (
    BatchStatus,
    CompileBatch,
    CompiledDocument,
    Draft,
    DraftStatus,
    ExtractedFigure,
    FigureStatus,
    FinalVersion,
    NarrativeBlock,
    NarrativeRevision,
)
from zhenwu.uploads import read_limits


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


def frozen_version(area: Area, period: Period) -> FinalVersion | None:
    """The 定稿 the area's draft for the period is frozen as, or None while it is being drafted."""
    if not Draft.objects.filter(area=area, period=period.key, status=DraftStatus.FINAL).exists():
        return None
    return FinalVersion.objects.filter(area=area, period=period.key).select_related("number").first()


def require_open(area: Area, period: Period) -> None:
    """A 定稿 is never changed: edits wait for a new draft (另起新稿)."""
    version = frozen_version(area, period)
    if version is not None:
        raise PermissionDenied(
            f"{area.name}{period.title_name}工作总结已定稿（{version.number.code}），不能再修改；"
            "如需修改，请先点“另起新稿”"
        )


@transaction.atomic
def regenerate(
    user, area: Area, period: Period, *, today: datetime.date | None = None
) -> tuple[Draft, drafting.Draft]:
    """重新生成: rebuild the draft's figures from the ledger in place; the people's words stay."""
    require(user, area)
    require_open(area, period)
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
    require_open(area, period)
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


# --- compiling from the towns' reports ---------------------------------------------------------------


class CompileError(Exception):
    """A compile step refused, with a message for the user."""


def _town_choices(area: Area) -> list[Area]:
    return list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))


@transaction.atomic
def create_batch(user, area: Area, period: Period, files: Iterable[tuple[str, bytes]]) -> CompileBatch:
    """Read the uploaded reports, propose each one's town and each figure's indicator; nothing enters the ledger yet.

    A file that cannot be read, or passes the upload limits (characters, figures), is refused with
    its name and why; then nothing is kept.
    """
    require(user, area)
    indicators = compiling.candidates(Indicator.objects.filter(is_active=True))
    towns = _town_choices(area)
    batch = CompileBatch.objects.create(area=area, period=period.key, created_by=user)
    for name, data in files:
        try:
            extracted = read_bytes(data, PurePath(name).suffix.lower(), read_limits())
        except UnreadableDocument as error:
            raise CompileError(f"“{name}”无法读取：{error}") from error
        proposals = compiling.propose(extracted.text, indicators)
        if len(proposals) > settings.MAX_COMPILE_FIGURES:
            raise CompileError(
                f"“{name}”中找到 {len(proposals):,} 个数字，超过每份材料 {settings.MAX_COMPILE_FIGURES:,} 个的上限，"
                "不像一份工作总结，请检查文件或拆分后再上传"
            )
        document = CompiledDocument.objects.create(
            batch=batch,
            name=name[:200],
            kind=extracted.kind,
            text=extracted.text,
            town=compiling.propose_town(name, extracted.text, towns),
        )
        rows = []
        for proposal in proposals:
            indicator_id = proposal.candidate.pk if proposal.candidate else None
            status = (
                FigureStatus.PROPOSED if indicator_id and not proposal.duplicate else FigureStatus.IGNORED
            )
            rows.append(
                ExtractedFigure(
                    document=document,
                    start=proposal.start,
                    span=proposal.span,
                    context=proposal.context,
                    subject=proposal.subject,
                    value=proposal.value,
                    unit=proposal.unit,
                    kind=proposal.kind,
                    proposed_id=indicator_id,
                    indicator_id=indicator_id if status == FigureStatus.PROPOSED else None,
                    status=status,
                )
            )
        ExtractedFigure.objects.bulk_create(rows)
    return batch


def _open(batch: CompileBatch) -> None:
    if batch.status == BatchStatus.LOADED:
        raise CompileError("本批材料已导入台账，不能再修改")


@transaction.atomic
def decide_figure(user, figure: ExtractedFigure, indicator: Indicator | None, status: str) -> ExtractedFigure:
    """The person's decision on one figure: which indicator it is (confirmed) or that it stays out (ignored)."""
    require(user, figure.document.batch.area)
    _open(figure.document.batch)
    if status == FigureStatus.CONFIRMED and indicator is None:
        raise CompileError("确认前请选择指标")
    if indicator is not None and not matching.same_dimension(figure.unit, indicator.unit):
        raise CompileError(f"“{figure.span}”的单位与指标“{indicator.name}”（{indicator.unit}）不符")
    figure.indicator = indicator if status != FigureStatus.IGNORED else figure.indicator
    figure.status = status
    figure.save(update_fields=["indicator", "status"])
    return figure


@transaction.atomic
def set_town(user, document: CompiledDocument, town: Area | None) -> CompiledDocument:
    batch = document.batch
    require(user, batch.area)
    _open(batch)
    if town is not None and not (batch.area.contains(town) and town.depth == batch.area.depth + 1):
        raise CompileError(f"“{town.name}”不是{batch.area.name}的下辖单位")
    document.town = town
    document.save(update_fields=["town"])
    return document


def confirmed_values(batch: CompileBatch) -> dict[tuple[int, int], tuple[Indicator, Decimal, str]]:
    """(town, indicator) → (indicator, value in its unit, document name) for every confirmed figure."""
    values = {}
    figures = ExtractedFigure.objects.filter(
        document__batch=batch,
        status=FigureStatus.CONFIRMED,
        indicator__isnull=False,
        document__town__isnull=False,
    ).select_related("indicator", "document")
    for figure in figures.order_by("document_id", "start"):
        value = matching.to_indicator_unit(figure.value, figure.indicator.unit).quantize(
            compiling.DECIMAL_PLACES
        )
        values.setdefault(
            (figure.document.town_id, figure.indicator_id), (figure.indicator, value, figure.document.name)
        )
    return values


@transaction.atomic
def load_batch(user, batch: CompileBatch) -> int:
    """Enter the confirmed figures into the towns' ledgers for the period's last month, the report named as the source.

    Goes through ``ledger.services.enter_values`` (its rights check, lock check and history).
    Returns how many figures changed.
    """
    require(user, batch.area)
    _open(batch)
    period = parse_period(batch.period)
    by_town: dict[int, dict[Indicator, Decimal]] = {}
    names: dict[int, set[str]] = {}
    for (town_id, _), (indicator, value, name) in confirmed_values(batch).items():
        by_town.setdefault(town_id, {})[indicator] = value
        names.setdefault(town_id, set()).add(name)
    if not by_town:
        raise CompileError("没有已确认、且已指定所属单位的数字")
    changed = 0
    towns = {town.pk: town for town in Area.objects.filter(pk__in=by_town)}
    for town_id, figures in by_town.items():
        reason = f"汇编自报送材料《{'》《'.join(sorted(names[town_id]))}》"[:200]
        try:
            change = ledger_services.enter_values(
                user,
                towns[town_id],
                period.year,
                period.last_month,
                figures,
                reason=reason,
                action=HistoryAction.IMPORT,
            )
        except ledger_services.LedgerError as error:
            raise CompileError(f"{towns[town_id].name}：{error}") from error
        changed += change.changed
    ExtractedFigure.objects.filter(document__batch=batch, status=FigureStatus.CONFIRMED).update(
        status=FigureStatus.LOADED
    )
    batch.status = BatchStatus.LOADED
    batch.save(update_fields=["status"])
    return changed


# --- drafting every town at once ----------------------------------------------------------------------


def batch_rows(user, area: Area, period: Period) -> list[tuple[Area, Draft | None]]:
    """Each town under ``area`` the user sees, with its draft for the period if there is one."""
    towns = list(Area.objects.for_user(user).filter(path__startswith=area.path, depth=area.depth + 1))
    drafts = {
        draft.area_id: draft
        for draft in Draft.objects.for_user(user).filter(area__in=towns, period=period.key)
    }
    return [(town, drafts.get(town.pk)) for town in towns]


def batch_towns(user, area: Area) -> list[Area]:
    """The towns under ``area`` whose summary the user may draft."""
    towns = Area.objects.for_user(user).filter(path__startswith=area.path, depth=area.depth + 1)
    return [town for town in towns if can(user, town, Action.ENTER)]
