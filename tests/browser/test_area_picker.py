"""The area picker of a county (150-odd towns and villages) narrows down as the 督查员 types."""

import pytest

from tests.browser.test_login_and_navigate import log_in
from tests.browser.test_phone_home import live_world  # noqa: F401 — the county at full size
from tests.inspections.factories import category

pytestmark = pytest.mark.browser


def test_typing_part_of_a_name_keeps_only_the_matching_areas(phone, live_server, live_world):  # noqa: F811
    category("违法建设")
    log_in(phone, live_server.url, "county_inspector")
    phone.goto(f"{live_server.url}/inspections/findings/new/")
    picker = phone.locator("#id_area")
    assert picker.locator("option").count() > 150

    phone.get_by_role("searchbox", name="筛选选项").fill("东山")
    assert picker.locator("option:not([value=''])").all_inner_texts() == ["青山镇 · 东山村"]
    assert picker.evaluate("select => select.selectedOptions[0].textContent") == "青山镇 · 东山村"

    phone.get_by_role("searchbox", name="筛选选项").fill("第7镇 3")
    labels = picker.locator("option").all_inner_texts()
    assert "第7镇 · 第7镇3村" in labels and "第7镇 · 第7镇1村" not in labels

    phone.get_by_role("searchbox", name="筛选选项").fill("")
    assert picker.locator("option").count() > 150
