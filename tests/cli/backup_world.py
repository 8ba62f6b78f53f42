"""Data for the backup tests, built and read in a child process with its own data directory and database.

    python -m tests.cli.backup_world build   # the test county, figures with history, a project photo, a finding
    python -m tests.cli.backup_world facts   # what a user would see of it, as JSON
    python -m tests.cli.backup_world change  # a later edit, so a database is no longer the backup's

Run from the checkout's root with ZHENWU_DATA_DIR (and ZHENWU_DATABASE_URL) set.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import sys
from decimal import Decimal


def photo_bytes(colour) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (96, 64), colour).save(out, "JPEG", quality=80)
    return out.getvalue()


def build() -> dict:
    """Enter and correct a figure, report a project month with a photo, record a finding with a photo."""
    from django.core.files.base import ContentFile

    from tests.conftest import build_world
    from tests.inspections.factories import category
    from tests.ledger.factories import indicator
    from zhenwu.inspections.services import record_finding
    from zhenwu.ledger.services.values import enter_values
    from zhenwu.photos import check_photo
    from zhenwu.projects.rates import Month
    from zhenwu.projects.services import create_project, record_update

    world = build_world()
    clerk = world.town_a_clerk
    investment = indicator("GDTZ")
    enter_values(
        clerk, world.town_a, 2025, 6, {investment: Decimal("6.02"), indicator("GYCZ"): Decimal("31.4")}
    )
    enter_values(clerk, world.town_a, 2025, 6, {investment: Decimal("6.50")}, reason="统计局反馈更正")
    project_photo, finding_photo = photo_bytes((120, 160, 90)), photo_bytes((200, 80, 40))
    project = create_project(
        world.county_admin,
        area=world.town_a,
        name="青山镇污水管网改造",
        category="industry",
        total_investment=Decimal(5000),
    )
    record_update(
        project,
        clerk,
        month=Month(2025, 6),
        progress="主管网铺设完成六成",
        investment_month=Decimal(320),
        photos=[check_photo(ContentFile(project_photo, name="IMG_0601.jpg"))],
    )
    record_finding(
        world.county_admin,
        area=world.village_a1,
        category=category(),
        location="东山村村口桥头",
        description="沿河违规搭建简易棚",
        found_on=datetime.date(2026, 3, 2),
        photos=[check_photo(ContentFile(finding_photo, name="IMG_0302.jpg"))],
    )
    return {"photos": sorted(hashlib.sha256(data).hexdigest() for data in (project_photo, finding_photo))}


def change() -> dict:
    """A clerk corrects the figure once more."""
    from django.contrib.auth import get_user_model

    from zhenwu.areas.models import Area
    from zhenwu.ledger.models import Indicator
    from zhenwu.ledger.services.values import enter_values

    clerk = get_user_model().objects.get(username="town_a_clerk")
    town = Area.objects.get(code="390123101000")
    enter_values(clerk, town, 2025, 6, {Indicator.objects.get(code="GDTZ"): Decimal("7.10")})
    return {}


def facts() -> dict:
    """The figures, their history, the photos' bytes and the findings, as a user would compare them."""
    from django.contrib.auth import get_user_model

    from zhenwu.inspections.models import Finding, FindingPhoto
    from zhenwu.ledger.models import ReportedValue, ValueHistory
    from zhenwu.projects.models import MonthlyUpdate, UpdatePhoto

    def digest(field) -> str:
        with field.open("rb") as stored:
            return hashlib.sha256(stored.read()).hexdigest()

    photos = [*UpdatePhoto.objects.order_by("pk"), *FindingPhoto.objects.order_by("pk")]
    return {
        "figures": [
            [
                row.indicator.code,
                row.area.code,
                row.year,
                row.month,
                str(row.value),
                row.status,
                str(row.updated_by),
            ]
            for row in ReportedValue.objects.select_related("indicator", "area", "updated_by").order_by("pk")
        ],
        "history": [
            [
                *(row.indicator.code, row.area.code, row.action, str(row.old_value), str(row.new_value)),
                *(str(row.user), row.at.isoformat(), row.reason),
            ]
            for row in ValueHistory.objects.select_related("indicator", "area", "user").order_by("pk")
        ],
        "updates": [
            [row.project.name, row.year, row.month, str(row.investment_ytd), row.progress]
            for row in MonthlyUpdate.objects.select_related("project").order_by("pk")
        ],
        "photos": [[photo.image.name, digest(photo.image), digest(photo.thumbnail)] for photo in photos],
        "findings": [
            [row.area.code, row.location, row.status, row.deadline.isoformat(), row.transitions.count()]
            for row in Finding.objects.select_related("area").order_by("pk")
        ],
        "logins": get_user_model().objects.get(username="town_a_clerk").check_password("secret-pass-1"),
    }


if __name__ == "__main__":
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    print(json.dumps({"build": build, "facts": facts, "change": change}[sys.argv[1]](), ensure_ascii=False))
