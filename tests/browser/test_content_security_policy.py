"""The Content-Security-Policy holds in a real browser: the site's own pages break none of it.

Every browser test fails on a CSP violation (tests/browser/conftest.py); this file proves the
watch sees one, and walks pages no other browser test opens: the admin, the documents' previews, an htmx swap.
"""

import pytest

from tests.assessment import factories as assessment
from tests.browser.conftest import sign_in
from tests.conftest import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    world = build_world()
    world.result = assessment.make_result(world, world.county)
    return world


def test_an_inline_script_is_refused_and_seen(page, live_server, live_world):
    sign_in(page, live_server, "town_a_clerk")
    page.evaluate(
        """() => {
            window.ran = false;
            const script = document.createElement("script");
            script.textContent = "window.ran = true";
            document.head.append(script);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.ran") is False
    assert any("inline script" in text for text in page.csp_violations)
    page.csp_violations.clear()  # seen: the fixture's own check would fail the test on it


def test_the_admin_and_the_htmx_pages_keep_to_the_policy(page, live_server, live_world):
    sign_in(page, live_server, "county_admin")
    county = live_world.county.code
    pages = ["/admin/", "/admin/ledger/indicator/", "/admin/ledger/indicator/add/"]
    pages += [f"/projects/report/{county}/preview/", f"/summaries/{county}/2025-H1/"]  # the documents' HTML
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    result = live_world.result
    page.goto(f"{live_server.url}/assessment/{result.scheme.slug}/{result.period}/")
    assert page.evaluate("htmx.config.allowEval") is False
    page.locator(".score-table td.num button").first.click()  # htmx fetches the explanation
    page.locator(".explanation").first.wait_for()
    assert page.locator("head style").count() == 0  # htmx's indicator styles are in zhenwu.css
