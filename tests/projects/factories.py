"""Rows of the project ledger for tests, made directly (the services are tested on their own)."""

from __future__ import annotations

import datetime
import io
import itertools
from decimal import Decimal

from django.core.files.base import ContentFile
from PIL import Image

from zhenwu.projects.models import MonthlyUpdate, Project, StatusChange, UpdatePhoto, UpdateRevision, YearPlan

_numbers = itertools.count(1)


def jpeg_bytes(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (140, 170, 200)).save(out, "JPEG", quality=70)
    return out.getvalue()


def make_project(world, area) -> Project:
    return Project.objects.create(
        area=area,
        name=f"{area.name}重点项目{next(_numbers)}",
        category="industry",
        total_investment=Decimal(5000),
        planned_start=datetime.date(2025, 3, 1),
    )


def make_year_plan(world, area) -> YearPlan:
    return YearPlan.objects.create(
        project=make_project(world, area), year=2025, planned_investment=Decimal(1000)
    )


def make_status_change(world, area) -> StatusChange:
    return StatusChange.objects.create(
        project=make_project(world, area),
        to_status="signed",
        date=datetime.date(2025, 1, 5),
        actor=world.county_admin,
    )


def make_update(world, area) -> MonthlyUpdate:
    return MonthlyUpdate.objects.create(
        project=make_project(world, area),
        year=2025,
        month=6,
        investment_month=Decimal(100),
        investment_ytd=Decimal(100),
        progress="基础施工",
        entered_by=world.county_admin,
    )


def make_revision(world, area) -> UpdateRevision:
    update = make_update(world, area)
    return UpdateRevision.objects.create(
        update=update,
        investment_month=Decimal(90),
        investment_ytd=Decimal(90),
        progress="基础",
        entered_by=world.county_admin,
        entered_at=update.entered_at,
        changed_by=world.county_admin,
    )


def make_photo_row(world, area) -> UpdatePhoto:
    """A photo row without a file (for scoping tests that never open it)."""
    return UpdatePhoto.objects.create(
        update=make_update(world, area),
        image="projects/missing.jpg",
        width=1,
        height=1,
        uploaded_by=world.county_admin,
    )


def make_photo(world, area) -> UpdatePhoto:
    """A photo with a real (tiny) JPEG written through the storage."""
    photo = UpdatePhoto(update=make_update(world, area), uploaded_by=world.county_admin, caption="施工现场")
    photo.image.save("p.jpg", ContentFile(jpeg_bytes()), save=False)
    photo.thumbnail.save("t.jpg", ContentFile(jpeg_bytes((32, 24))), save=False)
    photo.save()
    return photo
