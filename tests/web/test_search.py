"""Search across the site finds what the user may open, and nothing from outside their subtree."""

import re

from django.urls import reverse

from tests.inspections.factories import make_finding
from tests.projects.factories import make_project as _make_project
from zhenwu.ledger.models import Indicator


def make_project(world, area, name):
    project = _make_project(world, area)
    project.name = name
    project.save()
    return project


def search(client, query):
    return client.get(reverse("search"), {"q": query}).content.decode()


def hits(client, query) -> str:
    """The result groups only (the query itself is echoed in the search box)."""
    page = search(client, query)
    return "".join(re.findall(r'<section class="card search-group">.*?</section>', page, re.S))


def test_a_clerk_finds_villages_projects_findings_and_people_of_the_town_only(client, world):
    make_project(world, world.town_a, "东山村污水管网改造")
    make_project(world, world.town_b, "南塘村污水管网改造")
    make_finding(world, world.town_a, location="东山村村口污水直排")
    make_finding(world, world.town_b, location="南塘村污水直排")
    client.force_login(world.town_a_clerk)

    found = hits(client, "污水")
    assert "东山村污水管网改造" in found and "东山村村口污水直排" in found
    assert "南塘" not in found and "白沙" not in found
    assert "东山村" in hits(client, "东山")
    assert hits(client, "南塘") == ""
    assert "李娟" in hits(client, "李娟") and hits(client, "张伟") == ""


def test_each_hit_links_to_a_page_the_user_can_open(client, world):
    make_project(world, world.town_a, "西岙村道路提升")
    Indicator.objects.create(code="XAGL", name="西岙公路里程", unit="公里")
    client.force_login(world.town_a_clerk)
    page = search(client, "西岙")
    hrefs = [part.split('"')[0] for part in page.split('<li><a href="')[1:]]
    assert len(hrefs) >= 3  # the village, the project, the indicator
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_an_empty_query_shows_the_box_and_nothing_else(client, world):
    client.force_login(world.county_admin)
    page = search(client, "  ")
    assert 'name="q"' in page and "没有找到" not in page
    assert "没有找到与“不存在的东西”相关的内容" in search(client, "不存在的东西")
