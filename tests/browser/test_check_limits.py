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


def test_more_reports_than_the_compile_limit_are_refused_in_the_browser(
    page, live_server, live_world, settings
):
    settings.MAX_COMPILE_FILES = 1
    sign_in(page, live_server, "county_admin")
    page.goto(f"{live_server.url}/summaries/{live_world.county.code}/2025-H1/compile/")
    report = "上半年完成固定资产投资6.02亿元。".encode()
    page.set_input_files(
        "#id_files",
        [{"name": name, "mimeType": "text/plain", "buffer": report} for name in ("青山镇.txt", "白沙镇.txt")],
    )
    message = page.eval_on_selector("#id_files", "field => field.validationMessage")
    assert message == "一次最多上传 1 个文件（选了 2 个），请分批上传"
    page.get_by_role("button", name="上传并提取数字").click()
    assert page.url.endswith("/compile/") and "汇编核对" not in page.content()
