"""A county administrator decomposes a town's target on the 年度目标 page, then takes a share back."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world
from tests.ledger import factories as f
from zhenwu.ledger.models import TargetChange, TargetPart

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    f.make_target(world, world.town_a, value="12")
    return world


def test_the_admin_gives_a_village_a_share_and_takes_it_back(page, live_server, live_world):
    sign_in(page, live_server, "county_admin")
    page.goto(f"{live_server.url}/ledger/targets/{live_world.town_a.code}/2025/")

    row = page.locator("tr", has_text="固定资产投资")
    row.get_by_text("新增分解").click()
    row.get_by_label("分解给").select_option(label="东山村")
    row.get_by_label("分解目标").fill("5")
    row.get_by_role("button", name="保存分解").click()
    page.locator("text=已分解“固定资产投资”目标").wait_for()
    assert page.locator("text=分解合计 5，比目标 12 少 7").is_visible()

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    row = page.locator("tr", has_text="固定资产投资")
    row.locator("summary", has_text="修改").first.click()
    row.get_by_label("删除原因").fill("村里调整分工")
    row.get_by_role("button", name="删除此项").click()
    page.locator("text=未分解").wait_for()
    assert asked == ["删除“东山村”的分解目标？原数值会保留在变更记录中。"]
    assert not TargetPart.objects.exists()
    removed = TargetChange.objects.filter(target__area=live_world.town_a).order_by("at").last()
    assert removed.reason == "村里调整分工" and "东山村" in removed.summary
