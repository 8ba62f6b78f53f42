"""A person at a browser: log in, open a town, switch area, log out."""

import pytest

from tests.conftest import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return build_world()


def log_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "secret-pass-1")
    page.click("button[type=submit]")


def test_a_county_admin_logs_in_opens_a_town_and_switches_area(page, live_server, live_world):
    log_in(page, live_server.url, "county_admin")
    assert page.locator("main h1").inner_text() == "青溪县"

    page.get_by_role("link", name="青山镇", exact=True).click()
    assert page.locator("main h1").inner_text() == "青山镇"
    assert page.locator("table.grid").first.inner_text().count("村") == 2

    page.select_option("#area-switch", label="白沙镇")
    page.wait_for_url(f"{live_server.url}/areas/390123101000/")  # the switcher keeps the page
    assert page.locator("#area-switch option:checked").inner_text() == "白沙镇"

    page.get_by_role("button", name="退出").click()
    page.wait_for_url(f"{live_server.url}/login/")
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url


def test_a_wrong_password_shows_the_chinese_error(page, live_server, live_world):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "town_a_clerk")
    page.fill("#id_password", "nope")
    page.click("button[type=submit]")
    assert page.locator(".error").inner_text() == "用户名或密码不正确，请重新输入。"


def test_on_a_phone_the_navigation_stays_reachable(phone, live_server, live_world):
    log_in(phone, live_server.url, "town_a_clerk")
    assert phone.locator("main h1").inner_text() == "青山镇"
    navigation = phone.locator("nav.sidenav")
    assert navigation.is_visible()
    assert "指标台账" in navigation.inner_text()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces sideways scrolling of the page
