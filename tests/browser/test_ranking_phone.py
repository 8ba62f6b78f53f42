"""On a phone (390 px) the ranking reads at a glance: each town on one line, 总分 and 等次 in view."""

from decimal import Decimal

import pytest

from tests.assessment.factories import PERIOD, make_scheme
from tests.browser.test_login_and_navigate import log_in
from tests.browser.test_phone_home import live_world  # noqa: F401 — twelve towns
from zhenwu.areas.models import Area, Level
from zhenwu.assessment import services
from zhenwu.assessment.models import RuleType

pytestmark = pytest.mark.browser

CRITERIA = [
    (name, Decimal(20), RuleType.MANUAL, {"mode": "deduction"})
    for name in ("固定资产投资完成率", "重点项目推进", "督查整改销号", "暗访检查", "美丽城镇建设")
]


def test_the_ranking_fits_a_phone(phone, live_server, live_world):  # noqa: F811
    county = Area.objects.get(name="青溪县")
    towns = list(Area.objects.filter(level=Level.TOWN))
    scheme = make_scheme(live_world, county, assessed=towns, criteria=CRITERIA, slug="phone-ranking")
    services.publish(services.compute_draft(scheme, PERIOD), live_world.county_admin)

    log_in(phone, live_server.url, "county_admin")
    phone.goto(f"{live_server.url}/assessment/{scheme.slug}/{PERIOD.key}/")
    table = phone.locator("table.score-table")
    assert table.locator("tbody td.unit").count() == 12
    line_height = table.locator("tbody td.unit").first.evaluate(
        "cell => parseFloat(getComputedStyle(cell).lineHeight)"
    )
    for cell in table.locator("tbody td.unit").all():
        assert cell.evaluate("cell => cell.firstChild ? cell.getClientRects().length : 0") == 1
        text_height = cell.evaluate(
            "cell => { const r = document.createRange(); r.selectNodeContents(cell); return r.getBoundingClientRect().height; }"
        )
        assert text_height < 1.5 * line_height, f"{cell.inner_text()} wraps"
    for column in ("td.total", "td.grade"):
        for cell in table.locator(f"tbody {column}").all():
            box = cell.bounding_box()
            assert box["x"] + box["width"] <= 390, f"{column} is off the screen"
    assert (
        phone.evaluate("document.documentElement.scrollWidth") <= 390
    )  # only the criteria scroll, inside the card
