"""A county leader clicks an indicator, reads its year against last year, and follows a lagging town."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world
from tests.ledger import factories as f

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="8")
    for month, (a, b) in enumerate([("2", "1"), ("4", "1.6"), ("6.02", "3")], start=4):
        f.make_value(world, world.town_a, month=month, value=a)
        f.make_value(world, world.town_b, month=month, value=b)
    f.make_value(world, world.town_b, year=2024, month=6, value="3.5")
    return world


def test_from_the_table_to_the_indicator_and_on_to_the_lagging_town(page, live_server, live_world):
    sign_in(page, live_server, "county_admin")
    page.goto(f"{live_server.url}/ledger/?period=2025-06")
    page.get_by_role("link", name="固定资产投资").click()

    page.get_by_role("heading", name="青溪县 固定资产投资").wait_for()
    chart = page.get_by_role("img", name="固定资产投资本年与上年逐月对比")
    assert chart.is_visible() and chart.locator("circle.this-year").count() == 3
    row = page.locator("tr", has=page.get_by_role("link", name="白沙镇"))
    assert "严重滞后" in row.inner_text() and "下降 14.3%" in row.inner_text()

    row.get_by_role("link", name="白沙镇").click()
    page.get_by_role("heading", name="白沙镇 固定资产投资").wait_for()
    assert page.locator("circle.last-year").count() == 1  # last year's 1-6月, the one figure on record
    assert "37.5%" in page.locator(".stats").inner_text()
