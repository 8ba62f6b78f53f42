"""The 报表 grid in a browser: typing, Enter to the next row, pasting a column from Excel, checks as you go."""

from decimal import Decimal

import pytest

from tests.browser.conftest import sign_in
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
    sign_in(page, live_server, "town_a_clerk")
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


def test_on_a_phone_each_indicator_is_a_card_and_its_figure_is_entered_without_scrolling_sideways(
    phone, live_server, live_world
):
    f.make_target(live_world, live_world.town_a, value="12")
    sign_in(phone, live_server, "town_a_clerk")
    phone.goto(f"{live_server.url}/ledger/entry/{live_world.town_a.code}/2025/6/")

    figure = phone.get_by_label("固定资产投资")
    box = figure.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the field is on screen, not off to the right
    card = phone.locator("tr", has=figure)
    assert "12.00" in card.inner_text() and not phone.locator("thead").is_visible()
    labels = card.locator("td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert '"全年目标"' in labels and '"本期数值"' in labels  # each figure under its column's name
    figure.fill("6.5")
    phone.get_by_role("button", name="保存").click()
    phone.locator("text=已保存 1 项").wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    phone.goto(f"{live_server.url}/ledger/?period=2025-06")
    row = phone.locator("tr", has_text="固定资产投资")
    assert "54.2%" in row.inner_text() and not phone.locator("thead").is_visible()
    labels = row.locator("td").evaluate_all(
        "cells => cells.map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert '"完成率"' in labels and '"对照时序进度"' in labels
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_1583_typed_into_the_retail_cell_is_not_saved_until_confirmed_with_a_reason(
    page, live_server, live_world
):
    from zhenwu.ledger.models import Indicator, Kind

    retail = Indicator.objects.create(
        code="SXLS", name="社会消费品零售总额", unit="亿元", kind=Kind.CUMULATIVE
    )
    ReportedValue.objects.create(
        indicator=retail, area=live_world.town_a, year=2025, month=5, value=Decimal("13.72")
    )
    sign_in(page, live_server, "town_a_clerk")
    page.goto(f"{live_server.url}/ledger/entry/{live_world.town_a.code}/2025/6/")

    cell = page.get_by_label("社会消费品零售总额")
    cell.fill("1583")
    cell.dispatch_event("change")
    page.locator("text=存疑，须确认").wait_for()
    page.get_by_role("button", name="保存").click()
    page.locator("text=以下数值存疑，均未保存").wait_for()
    assert not ReportedValue.objects.filter(indicator=retail, month=6).exists()
    assert page.get_by_label("社会消费品零售总额").input_value() == "1583"

    page.get_by_label("存疑数值已核实，确认无误").check()
    page.locator("#confirm-reason").fill("新开大型商超，已与统计站核对")
    page.get_by_role("button", name="保存").click()
    page.locator("text=已保存 1 项").wait_for()
    assert ReportedValue.objects.get(indicator=retail, month=6).value == Decimal("1583")
    page.locator("text=经填报员确认").wait_for()
