"""创建标准 checklist items: the issuing 管理员 keeps them; a town marks them done; the county reviews.

Items are settings of the standard: each change goes into the standard's history (``record``).
Marks are data: a new mark is a new row (an earlier one still waiting is set 已重新提交), and a
review fills the mark's review once; nothing a town sent is ever overwritten.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.changes import record, require_admin, subject_of
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.evidence import CheckedDocument
from zhenwu.ledger.models import (
    Catalogue,
    CatalogueKind,
    ChecklistItem,
    ChecklistMark,
    ChecklistPhoto,
    MarkStatus,
)
from zhenwu.ledger.services.values import LedgerError
from zhenwu.photos import CheckedPhoto, thumbnail

MAX_ITEM_TEXT = 120


def item_words(item: ChecklistItem) -> dict[str, object]:
    """The item as the standard's history shows it."""
    return {"清单项": item.text, "佐证要求": item.evidence_text, "状态": "启用" if item.is_active else "停用"}


def _label(catalogue: Catalogue) -> str:
    return f"创建标准“{catalogue.name}”"


def _keep(user, catalogue: Catalogue, before, after) -> None:
    record(user, catalogue.issued_by, subject_of(catalogue), _label(catalogue), before, after)


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise LedgerError("请填写清单项内容")
    if len(text) > MAX_ITEM_TEXT:
        raise LedgerError(f"清单项内容不超过 {MAX_ITEM_TEXT} 个字")
    return text


@transaction.atomic
def add_item(
    user, catalogue: Catalogue, text: str, *, needs_photos: bool, needs_document: bool, needs_date: bool
) -> ChecklistItem:
    """Put a checklist item at the end of a creation standard."""
    require_admin(user, catalogue.issued_by)
    if catalogue.kind != CatalogueKind.STANDARD:
        raise LedgerError("只有创建标准可以设清单项")
    text = _clean_text(text)
    if catalogue.items.filter(text=text, is_active=True).exists():
        raise LedgerError(f"“{text}”已在清单中")
    last = catalogue.items.aggregate(last=Max("order"))["last"] or 0
    item = ChecklistItem.objects.create(
        catalogue=catalogue,
        text=text,
        needs_photos=needs_photos,
        needs_document=needs_document,
        needs_date=needs_date,
        order=last + 1,
    )
    _keep(user, catalogue, None, item_words(item))
    return item


@transaction.atomic
def change_item(
    user, item: ChecklistItem, text: str, *, needs_photos: bool, needs_document: bool, needs_date: bool
) -> ChecklistItem:
    """Change an item's wording or the evidence it needs; marks already made keep what they sent."""
    catalogue = item.catalogue
    require_admin(user, catalogue.issued_by)
    item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
    before = item_words(item)
    item.text = _clean_text(text)
    item.needs_photos, item.needs_document, item.needs_date = needs_photos, needs_document, needs_date
    item.save()
    _keep(user, catalogue, before, item_words(item))
    return item


@transaction.atomic
def remove_item(user, item: ChecklistItem) -> bool:
    """Take an item out of the standard: deleted if no area marked it, else 停用 with its marks kept.

    Returns True when the item was deleted.
    """
    catalogue = item.catalogue
    require_admin(user, catalogue.issued_by)
    before = item_words(item)
    if item.marks.exists():
        item.is_active = False
        item.save(update_fields=["is_active"])
        _keep(user, catalogue, before, item_words(item))
        return False
    item.delete()
    _keep(user, catalogue, before, None)
    return True


@transaction.atomic
def move_item(user, item: ChecklistItem, up: bool) -> None:
    """Swap an item with the one above (or below) it; the list is numbered 1…n afterwards."""
    catalogue = item.catalogue
    require_admin(user, catalogue.issued_by)
    items = list(catalogue.items.select_for_update().filter(is_active=True))
    before = "、".join(row.text for row in items)
    index = next(n for n, row in enumerate(items) if row.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for number, row in enumerate(items, start=1):
        row.order = number
    ChecklistItem.objects.bulk_update(items, ["order"])
    _keep(user, catalogue, {"清单顺序": before}, {"清单顺序": "、".join(row.text for row in items)})


# --- marks and reviews ------------------------------------------------------------------------------------


def require_marker(user, area: Area, item: ChecklistItem) -> None:
    """A town marks its own items: 填报 rights over the area, which the standard binds from above."""
    if not can(user, area, Action.ENTER):
        raise PermissionDenied(f"您无权为{area.name}标记清单项")
    if area.path == item.catalogue.issued_by.path or not item.catalogue.issued_by.contains(area):
        raise LedgerError(f"“{item.catalogue.name}”由{item.catalogue.issued_by.name}对照下辖单位验收")


def require_reviewer(user, mark: ChecklistMark) -> None:
    """The county reviews: 审核 rights over the area that issued the standard (not the town's own)."""
    issuer = mark.item.catalogue.issued_by
    if not can(user, issuer, Action.REVIEW):
        raise PermissionDenied(f"清单项由{issuer.name}审核")


def missing_evidence(
    item: ChecklistItem, photos: list, document: CheckedDocument | None, done_on: datetime.date | None
) -> list[str]:
    """What the item asks for that the mark does not bring, in the words of the form."""
    missing = []
    if item.needs_photos and not photos:
        missing.append("照片")
    if item.needs_document and document is None:
        missing.append("佐证文件")
    if item.needs_date and done_on is None:
        missing.append("完成日期")
    return missing


@transaction.atomic
def mark_done(
    user,
    item: ChecklistItem,
    area: Area,
    *,
    photos: list[CheckedPhoto],
    document: CheckedDocument | None = None,
    done_on: datetime.date | None = None,
    note: str = "",
    today: datetime.date | None = None,
) -> ChecklistMark:
    """Mark ``item`` 已完成 for ``area`` with its evidence, for the county to review."""
    require_marker(user, area, item)
    if not item.is_active:
        raise LedgerError(f"清单项“{item.text}”已停用")
    today = today or timezone.localdate()
    if done_on is not None and done_on > today:
        raise LedgerError(f"完成日期 {done_on:%Y-%m-%d} 晚于今天")
    if missing := missing_evidence(item, photos, document, done_on):
        raise LedgerError(f"“{item.text}”需要{'、'.join(missing)}")
    earlier = (
        ChecklistMark.objects.select_for_update()
        .filter(item=item, area=area)
        .order_by("-marked_at", "-id")
        .first()
    )
    if earlier is not None and earlier.status == MarkStatus.ACCEPTED:
        raise LedgerError(f"“{item.text}”已通过审核，无需再次提交")
    if earlier is not None and earlier.status == MarkStatus.SUBMITTED:
        earlier.status = MarkStatus.REPLACED
        earlier.save(update_fields=["status"])
    mark = ChecklistMark(item=item, area=area, done_on=done_on, note=note.strip(), marked_by=user)
    if document is not None:
        mark.document_name = document.name
        mark.document.save(f"document{document.suffix}", document.upload, save=False)
    mark.save()
    for checked in photos:
        photo = ChecklistPhoto(
            mark=mark,
            content_type=checked.content_type,
            original_name=(getattr(checked.upload, "name", "") or "")[:200],
        )
        photo.image.save(f"photo{checked.extension}", checked.upload, save=False)
        photo.thumbnail.save("thumb.jpg", thumbnail(checked.upload), save=False)
        photo.save()
    return mark


@transaction.atomic
def review(user, mark: ChecklistMark, *, accept: bool, reason: str = "") -> ChecklistMark:
    """通过 a mark, or 退回 it to the town with the reason it will read (a reason is required)."""
    require_reviewer(user, mark)
    mark = ChecklistMark.objects.select_for_update().get(pk=mark.pk)
    if mark.status != MarkStatus.SUBMITTED:
        raise LedgerError(f"该标记{mark.get_status_display()}，不能再审核")
    if mark.marked_by_id is not None and mark.marked_by_id == user.pk:
        raise LedgerError("不能审核本人提交的标记")
    reason = reason.strip()
    if not accept and not reason:
        raise LedgerError("退回须填写理由")
    mark.status = MarkStatus.ACCEPTED if accept else MarkStatus.RETURNED
    mark.reason = reason
    mark.reviewed_by, mark.reviewed_at = user, timezone.now()
    mark.save(update_fields=["status", "reason", "reviewed_by", "reviewed_at"])
    return mark
