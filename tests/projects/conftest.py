"""Fixtures for the project tests: a key project in each town and photos drawn by code."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from zhenwu.projects import services


def jpeg(name="site.jpg", size=(320, 240), colour=(120, 160, 200)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=70)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def make_project(world, area, name="溪东片区老旧小区改造工程", **fields):
    defaults = {
        "category": "livelihood",
        "total_investment": Decimal(12000),
        "planned_start": datetime.date(2025, 3, 1),
        "planned_completion": datetime.date(2026, 12, 31),
        "responsible_person": "陈立",
    }
    return services.create_project(
        world.county_admin, area=area, name=name, plans={2025: Decimal(8000)}, **{**defaults, **fields}
    )


@pytest.fixture
def project_a(world):
    return make_project(world, world.town_a)


@pytest.fixture
def project_b(world):
    return make_project(world, world.town_b, name="S274白沙段改建工程", category="infrastructure")
