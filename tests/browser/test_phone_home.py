"""On a phone (390 px): each role's home page starts with its own work, within the first screen."""

import pytest

from tests.browser.test_login_and_navigate import log_in
from tests.conftest import add, build_world, make_user
from zhenwu.areas.models import Area, Level, Role

pytestmark = pytest.mark.browser

SCREEN = 844  # the phone fixture's viewport height


@pytest.fixture
def live_world(transactional_db):
    """The test county grown to a real county's size: 12 towns, 150-odd villages, an account in each town."""
    world = build_world()
    county = Area.objects.get(name="青溪县")
    for number in range(3, 13):
        town = add(county, code=f"390123{100 + number:03d}000", name=f"第{number}镇", level=Level.TOWN)
        for village in range(1, 15):
            add(
                town,
                code=f"{town.code[:9]}{200 + village:03d}",
                name=f"第{number}镇{village}村",
                level=Level.VILLAGE,
            )
        make_user(f"town_{number}_clerk", town, Role.CLERK, first_name=f"填报员{number}")
    make_user("county_inspector", county, Role.INSPECTOR, first_name="刘敏")
    return world


def bottom_of(page, name: str) -> float:
    box = page.get_by_role("navigation", name="我的事项").get_by_role("link", name=name).bounding_box()
    return box["y"] + box["height"]


def test_an_inspectors_phone_home_shows_its_actions_in_the_first_screen(phone, live_server, live_world):
    log_in(phone, live_server.url, "county_inspector")
    phone.wait_for_url(f"{live_server.url}/")
    assert phone.locator("main h1").inner_text() == "青溪县"
    for action in ("记录问题", "待验收"):
        assert bottom_of(phone, action) <= SCREEN, f"{action} is below the first screen"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.evaluate("document.documentElement.scrollHeight") < 2000  # no wall of codes and accounts

    phone.get_by_role("link", name="记录问题").click()
    phone.wait_for_url("**/inspections/findings/new/")


def test_a_clerks_phone_home_starts_with_this_months_figures(phone, live_server, live_world):
    log_in(phone, live_server.url, "town_a_clerk")
    phone.wait_for_url(f"{live_server.url}/")
    for action in ("本月填报", "待我整改"):
        assert bottom_of(phone, action) <= SCREEN
    phone.get_by_role("link", name="本月填报").click()
    phone.wait_for_url("**/ledger/entry/390123101000/**")
