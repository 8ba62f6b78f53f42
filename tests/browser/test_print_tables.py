"""Printing a page with a table prints the table, not the site's navigation and buttons."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world
from tests.issuing.factories import make_settings

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    make_settings(world, world.town_a)
    return world


def test_the_print_view_hides_navigation_and_keeps_the_table(page, live_server, live_world):
    sign_in(page, live_server, "county_admin")
    page.goto(f"{live_server.url}/issuing/")
    assert page.locator(".sidenav").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".sidenav").is_visible()
    assert not page.locator(".topbar").is_visible()
    table = page.locator("table.grid").first
    assert table.is_visible()
    assert table.locator("th").first.evaluate("th => getComputedStyle(th).borderTopStyle") == "solid"
    assert table.locator("thead").evaluate("t => getComputedStyle(t).display") == "table-header-group"
