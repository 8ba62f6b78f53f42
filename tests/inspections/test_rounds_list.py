"""The rounds list (督查活动) of a busy county: filtered by year, way and title, fifty to a page."""

import datetime
import re

from django.urls import reverse

from zhenwu.inspections.models import Inspection, InspectionKind


def make_rounds(world, count, **fields):
    for number in range(count):
        Inspection.objects.create(
            area=world.county,
            title=fields.get("title", f"第{number + 1}次例行检查"),
            kind=fields.get("kind", InspectionKind.SCHEDULED),
            date=fields.get("date", datetime.date(2026, 3, 1) + datetime.timedelta(days=number)),
            created_by=world.county_admin,
        )


def titles(page: str) -> int:
    """How many rounds the page links to."""
    return len(re.findall(r'href="/inspections/rounds/\d+/"', page))


def test_every_round_is_reachable_page_by_page(client, world):
    make_rounds(world, 55)
    client.force_login(world.county_admin)
    first = client.get(reverse("inspections:inspections")).content.decode()
    assert titles(first) == 50 and "第 1 / 2 页（共 55 条）" in first
    second = client.get(reverse("inspections:inspections"), {"page": 2}).content.decode()
    assert titles(second) == 5


def test_filters_keep_the_way_year_and_title_asked_for(client, world):
    make_rounds(world, 3)
    make_rounds(
        world, 2, kind=InspectionKind.UNANNOUNCED, title="三不两直暗访", date=datetime.date(2025, 6, 1)
    )
    client.force_login(world.county_admin)
    url = reverse("inspections:inspections")
    assert titles(client.get(url, {"kind": "unannounced"}).content.decode()) == 2
    assert titles(client.get(url, {"year": 2026}).content.decode()) == 3
    assert titles(client.get(url, {"q": "暗访"}).content.decode()) == 2
    assert titles(client.get(url, {"year": "abc"}).content.decode()) == 5  # a wrong value filters nothing
