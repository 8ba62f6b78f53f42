"""The browser refuses what the server would: an over-long paste is never sent, and stays where it was typed."""

import pytest

from tests.browser.conftest import sign_in
from tests.conftest import build_world

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return build_world()


def test_a_paste_past_the_limit_is_refused_in_the_browser_and_kept(page, live_server, live_world, settings):
    settings.MAX_TEXT_CHARS = 20
    sign_in(page, live_server, "town_a_clerk")
    page.goto(f"{live_server.url}/check/")
    text = "上半年完成固定资产投资6.02亿元，同比增长8.1%。"
    page.fill("#id_text", text)
    page.get_by_role("button", name="核稿", exact=True).click()
    message = page.eval_on_selector("#id_text", "field => field.validationMessage")
    assert message == f"文字有 {len(text)} 字，超过 20 字的上限，请分成几份"
    assert page.url == f"{live_server.url}/check/" and page.locator("#check-result").inner_text() == ""
    assert page.input_value("#id_text") == text

    page.fill("#id_text", text[:20])
    page.get_by_role("button", name="核稿", exact=True).click()
    page.wait_for_selector("#check-result *")  # within the limit the form is sent and checked
