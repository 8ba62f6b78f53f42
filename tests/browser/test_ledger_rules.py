"""A county administrator changes how 时序进度 is counted and sees the ledger follow."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world
from tests.ledger import factories as f
from zhenwu.ledger.models import ReportingRules

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="5.97")
    return world


def test_the_county_sets_its_rules_and_its_towns_deadline_follows(page, live_server, live_world):
    sign_in(page, live_server, "county_admin")
    page.goto(f"{live_server.url}/ledger/?period=2025-06")
    page.get_by_role("link", name="台账规则").click()
    page.get_by_label("按天（已过天数/全年天数）").check()
    page.get_by_label("报送截止日").fill("8")
    page.get_by_role("button", name="保存规则").click()
    page.locator("text=已保存青溪县台账规则").wait_for()
    assert page.locator("text=每月数据于次月 8 日前报送").is_visible()
    assert ReportingRules.objects.for_area(live_world.town_a).by_days

    page.goto(f"{live_server.url}/ledger/county/{live_world.county.code}/?period=2025-06")
    page.locator("text=本期截止报送日期 2025年7月8日").wait_for()
