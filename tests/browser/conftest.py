"""Playwright driving Debian's chromium against the live test server."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between page actions are ordinary blocking calls, safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"浏览器测试需要 Debian 的 chromium（{CHROMIUM}）：请运行 sudo apt-get install chromium "
            "/ browser tests need Debian's chromium: sudo apt-get install chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(context):
    """A page that records what the Content-Security-Policy refused (Chromium says so on the console)."""
    page = context.new_page()
    page.set_default_timeout(15000)
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = open_page(context)
    yield page
    context.close()
    assert page.csp_violations == [], "the page broke the Content-Security-Policy"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = open_page(context)
    yield page
    context.close()
    assert page.csp_violations == [], "the page broke the Content-Security-Policy"


def sign_in(page, live_server, username: str, password: str = "secret-pass-1") -> None:
    """Sign in through the real login form as one of the test world's accounts."""
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
