"""The API's docs page (swagger-ui from the installed package) runs under the site's strict CSP."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return build_world()


def test_the_api_docs_load_every_operation_without_a_csp_violation(page, live_server, live_world):
    sign_in(page, live_server, "town_a_clerk")
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock-summary-path").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/ledger/values" in " ".join(paths)
    page.wait_for_load_state("networkidle")  # the fixture then fails the test on any CSP violation
