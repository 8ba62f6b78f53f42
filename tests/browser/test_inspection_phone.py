"""On a phone: a county 督查员 photographs a problem, picks the category, saves, finds it in the list."""

import pytest

from tests.browser.test_login_and_navigate import log_in
from tests.conftest import build_world, make_user
from tests.inspections.factories import category, jpeg_bytes
from zhenwu.areas.models import Area, Role

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    make_user("county_inspector", Area.objects.get(name="青溪县"), Role.INSPECTOR, first_name="刘敏")
    category("违法建设")
    return world


def test_an_inspector_records_a_finding_from_the_phone_form(phone, live_server, live_world, tmp_path):
    photo = tmp_path / "IMG_0420.jpg"
    photo.write_bytes(jpeg_bytes((640, 480)))
    log_in(phone, live_server.url, "county_inspector")

    phone.goto(f"{live_server.url}/inspections/")
    phone.get_by_role("link", name="督查发现").click()
    phone.wait_for_url("**/inspections/findings/new/")
    camera = phone.locator("input[type=file]")
    assert camera.get_attribute("capture") == "environment"
    camera.set_input_files(str(photo))
    phone.select_option("#id_category", label="违法建设")
    phone.select_option("#id_area", label="青山镇 · 东山村")
    phone.fill("#id_location", "东山村村口桥头")
    phone.fill("#id_description", "沿河违规搭建简易棚约60平方米")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="保存").click()

    phone.wait_for_url("**/inspections/findings/*/")
    assert phone.locator("main h1").inner_text() == "违法建设 · 东山村村口桥头"
    phone.wait_for_function("() => document.querySelector('.photos img').complete")
    assert (
        phone.locator(".photos img").first.evaluate("img => img.naturalWidth") == 480
    )  # the thumbnail loaded

    phone.goto(f"{live_server.url}/inspections/")
    row = phone.locator("table.findings tbody tr").first
    assert "东山村村口桥头" in row.inner_text()
    assert "待整改" in row.inner_text()
