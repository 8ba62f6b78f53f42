"""The 报表 grid in a browser: typing, Enter to the next row, pasting a column from Excel, checks as you go."""

from decimal import Decimal

import pytest

from tests.conftest import build_world
from tests.ledger import factories as f
from zhenwu.ledger.models import ReportedValue

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    f.all_indicators()
    f.make_value(world, world.town_a, month=5, value="5.8")
    return world


def test_a_clerk_pastes_a_column_sees_the_checks_and_saves(page, live_server, live_world):
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "town_a_clerk")
    page.fill("#id_password", "secret-pass-1")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/ledger/entry/{live_world.town_a.code}/2025/6/")

    first = page.locator("input.figure").first
    first.focus()
    page.evaluate(
        """() => {
          const data = new DataTransfer();
          data.setData("text/plain", "6.02\\n三亿\\n40.5\\r\\n");
          document.activeElement.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
        }"""
    )
    values = page.locator("input.figure").evaluate_all("inputs => inputs.slice(0, 3).map(i => i.value)")
    assert values == ["6.02", "三亿", "40.5"]
    page.locator("text=不是数字").wait_for()

    page.locator("input.figure").nth(1).fill("3.1")
    page.locator("input.figure").nth(1).press("Enter")  # moves on, does not submit
    assert page.evaluate("document.activeElement.id") == page.locator("input.figure").nth(2).get_attribute(
        "id"
    )
    page.get_by_role("button", name="保存").click()
    page.locator("text=已保存 3 项").wait_for()
    assert ReportedValue.objects.filter(area=live_world.town_a, month=6).count() == 3
    assert ReportedValue.objects.get(
        area=live_world.town_a, month=6, indicator__code="GDTZ"
    ).value == Decimal("6.02")
