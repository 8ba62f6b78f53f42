"""The demo county's qualitative standard: 美丽城镇“七个一”, marked by the towns and reviewed by the county.

Every town stands somewhere different so a newcomer sees each state: 青山镇 has six items
通过 and one 退回 with the reason; 白沙镇 has five 通过, one 待审核 and one not yet marked;
the other towns follow a fixed pattern. Nothing here draws on the shared random generator
(the later steps would change), and every date lies before the demo's today.
"""

from __future__ import annotations

import datetime
import io
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from zhenwu.demo.areas import TOWN_A, TOWN_B, DemoCounty
from zhenwu.ledger.models import (
    Catalogue,
    CatalogueKind,
    ChecklistItem,
    ChecklistMark,
    ChecklistPhoto,
    MarkStatus,
)

NAME = "美丽城镇“七个一”"
# (item, photos, document, date): the evidence the 美丽城镇办 asks for each
ITEMS = [
    ("一条美丽街道", True, False, False),
    ("一个镇级公园（广场）", True, False, False),
    ("一个规范化农贸市场", True, True, False),
    ("一个公共停车场", True, False, False),
    ("一个等级客运站（公交站）", True, False, True),
    ("一个文体活动中心", True, False, False),
    ("一个商贸综合体", False, True, True),
]
RETURN_REASON = "照片只拍到入口，看不出摊位规范化改造，请补拍场内照片并附验收意见"
# Towns after the two demo towns: how many items (from the first) are 通过, and whether the next waits.
PATTERN = [(7, False), (4, True), (5, False), (3, True), (6, True), (2, False), (7, False), (5, True)]
COLOURS = [(46, 125, 50), (21, 101, 192), (239, 108, 0), (109, 76, 65), (0, 131, 143), (123, 31, 162)]
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def build(demo: DemoCounty, rng: random.Random) -> None:
    """The standard, its seven items, and each town's marks with photos, documents and reviews."""
    catalogue = Catalogue.objects.create(name=NAME, kind=CatalogueKind.STANDARD, issued_by=demo.county)
    items = ChecklistItem.objects.bulk_create(
        ChecklistItem(
            catalogue=catalogue,
            text=text,
            needs_photos=photos,
            needs_document=document,
            needs_date=date,
            order=order,
        )
        for order, (text, photos, document, date) in enumerate(ITEMS, start=1)
    )
    users = get_user_model().objects.in_bulk(["qs_clerk", "bs_clerk", "qx_reviewer"], field_name="username")
    reviewer = users["qx_reviewer"]
    for number, town in enumerate(demo.towns):
        clerk = users.get({TOWN_A: "qs_clerk", TOWN_B: "bs_clerk"}.get(town.name, ""))
        for index, item in enumerate(items):
            status = _status(town.name, number, index)
            if status is not None:
                _mark(demo.today, town, item, index, status, clerk, reviewer)


def _status(town: str, number: int, index: int) -> str | None:
    """What the town's latest mark of the ``index``-th item is (None: not marked)."""
    if town == TOWN_A:
        return MarkStatus.RETURNED if index == 2 else MarkStatus.ACCEPTED
    if town == TOWN_B:
        return {5: MarkStatus.SUBMITTED, 6: None}.get(index, MarkStatus.ACCEPTED)
    accepted, waiting = PATTERN[number % len(PATTERN)]
    if index < accepted:
        return MarkStatus.ACCEPTED
    return MarkStatus.SUBMITTED if waiting and index == accepted else None


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _mark(today, town, item, index, status, clerk, reviewer) -> None:
    days_ago = 2 if status == MarkStatus.SUBMITTED else 40 - 4 * index
    marked_on = today - datetime.timedelta(days=days_ago)
    mark = ChecklistMark(
        item=item,
        area=town,
        status=status,
        done_on=marked_on - datetime.timedelta(days=3) if item.needs_date else None,
        marked_by=clerk,
        marked_at=_at(marked_on, 9),
    )
    if status != MarkStatus.SUBMITTED:
        mark.reviewed_by, mark.reviewed_at = reviewer, _at(marked_on + datetime.timedelta(days=1), 15)
    if status == MarkStatus.RETURNED:
        mark.reason = RETURN_REASON
    if item.needs_document:
        mark.document_name = f"{town.name}{item.text}验收意见.pdf"
        mark.document.save("document.pdf", ContentFile(PDF), save=False)
    mark.save()
    if item.needs_photos:
        data = _photo(index)
        photo = ChecklistPhoto(mark=mark, original_name=f"{item.text}.jpg")
        photo.image.save("photo.jpg", ContentFile(data), save=False)
        photo.thumbnail.save("thumb.jpg", ContentFile(data), save=False)
        photo.save()


def _photo(index: int) -> bytes:
    """A small drawn scene: sky, ground and a building in the item's colour."""
    image = Image.new("RGB", (320, 240), (186, 220, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 170, 320, 240), fill=(120, 160, 90))
    colour = COLOURS[index % len(COLOURS)]
    draw.rectangle((60 + 10 * index, 80, 220 + 10 * index, 170), fill=colour)
    for column in range(75 + 10 * index, 210 + 10 * index, 30):
        draw.rectangle((column, 100, column + 14, 118), fill=(250, 250, 240))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()
