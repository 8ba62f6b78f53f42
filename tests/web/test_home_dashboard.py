"""The home page: one tile per capability, each counting only what the user may see."""

import datetime

import time_machine
from django.urls import reverse

from tests.inspections.factories import make_finding
from tests.ledger import factories as ledger
from tests.projects.conftest import make_project


def tile_text(page: str, title: str) -> str:
    start = page.index(f"<h2>{title}</h2>")
    return page[start : page.index("</a>", start)]


def test_a_town_sees_its_own_findings_and_projects_only(client, world):
    today = datetime.date.today()
    make_finding(world, world.village_a1, found_on=today, deadline=today - datetime.timedelta(days=3))
    for _ in range(4):
        make_finding(world, world.town_b, found_on=today)
    make_project(world, world.town_a, name="青山镇污水管网改造工程")
    make_project(world, world.town_b, name="白沙溪大桥新建工程")

    client.force_login(world.town_a_clerk)
    page = client.get(reverse("home")).content.decode()
    findings = tile_text(page, "督查整改")
    assert "<strong>1</strong><span>发现问题</span>" in findings
    assert '<li class="bad"><strong>1</strong><span>逾期未改</span>' in findings
    assert "1个项目" in tile_text(page, "重点项目")
    assert "白沙" not in page


@time_machine.travel("2025-07-03 10:00 +0800", tick=False)  # June's figures are due by 5 July
def test_a_county_sees_which_towns_have_not_reported(client, world):
    ledger.all_indicators()
    ledger.make_value(world, world.town_a, month=6)
    client.force_login(world.county_admin)
    page = client.get(reverse("home")).content.decode()
    indicators = tile_text(page, "指标台账")
    assert "2025年1-6月" in indicators and "未报齐" in indicators
    assert "白沙镇（未填报）" in indicators and "青山镇（填报中）" in indicators  # one draft figure so far
    assert "7月5日前报送，尚未逾期" in indicators
