"""Findings, photos and inspections for tests, made directly in the database (no access checks)."""

from __future__ import annotations

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image

from zhenwu.inspections.models import (
    Finding,
    FindingCategory,
    FindingPhoto,
    Inspection,
    Status,
    Transition,
)

CATEGORIES = {
    "违法建设": {
        "short_name": "违建",
        "count_unit": "处",
        "count_verb": "查处",
        "quantity_unit": "平方米",
        "quantity_verb": "拆除",
        "default_days": 15,
    },
    "乱占道经营": {"short_name": "占道经营", "count_unit": "户", "count_verb": "清理", "default_days": 3},
    "乱堆乱放": {"count_unit": "处", "count_verb": "清理", "default_days": 3},
}


def category(name: str = "违法建设") -> FindingCategory:
    """A category by name; created when a flushed database lost the migration's rows."""
    return FindingCategory.objects.get_or_create(name=name, defaults=CATEGORIES.get(name, {}))[0]


def jpeg_bytes(size=(64, 48), colour=(200, 80, 40), fmt="JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt)
    return out.getvalue()


def make_finding(world, area, *, reporter=None, status=Status.ASSIGNED, **fields) -> Finding:
    fields.setdefault("category", category())
    fields.setdefault("location", f"{area.name}村口")
    fields.setdefault("description", "沿街搭建彩钢棚")
    fields.setdefault("deadline", datetime.date.today() + datetime.timedelta(days=7))
    return Finding.objects.create(
        area=area, status=status, reported_by=reporter or world.county_admin, **fields
    )


def make_transition(world, area) -> Transition:
    finding = make_finding(world, area)
    return Transition.objects.create(
        finding=finding, step="record", to_status="assigned", actor=world.county_admin
    )


def make_photo_row(world, area) -> FindingPhoto:
    """A photo row without a file (for scoping tests that never open it)."""
    finding = make_finding(world, area)
    return FindingPhoto.objects.create(
        finding=finding, image="inspections/missing.jpg", width=1, height=1, uploaded_by=world.county_admin
    )


def make_photo(world, area) -> FindingPhoto:
    """A photo with a real (tiny) JPEG written through the storage."""
    finding = make_finding(world, area)
    photo = FindingPhoto(finding=finding, uploaded_by=world.county_admin)
    photo.image.save("p.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.thumbnail.save("t.jpg", ContentFile(jpeg_bytes((32, 24))), save=False)
    photo.save()
    return photo


def make_inspection(world, area) -> Inspection:
    return Inspection.objects.create(
        area=area,
        title=f"{area.name}市容暗访",
        date=datetime.date.today(),
        kind="unannounced",
        created_by=world.county_admin,
    )
