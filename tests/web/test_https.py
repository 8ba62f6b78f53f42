"""Behind a TLS proxy, ZHENWU_HTTPS=true makes the site HTTPS-only; every page forbids outside scripts.

Each HTTPS setting is read at start-up, so those tests run the site in a process of its own
with the variables a deployment sets; the Content-Security-Policy is on in every setting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

import zhenwu

TEMPLATES = sorted(Path(zhenwu.__file__).parent.glob("*/templates/**/*.html"))
DEPLOYMENT = {"ZHENWU_HTTPS": "true", "ZHENWU_ALLOWED_HOSTS": "zhenwu.example.cn"}


def run(tmp_path, args: list[str], **env) -> subprocess.CompletedProcess:
    """Python in a fresh process with only the ZHENWU_ variables given (and the data directory)."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("ZHENWU_", "DJANGO_"))
    }
    environment |= {"ZHENWU_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "zhenwu.settings", **env}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_check_deploy_is_clean_with_https_on(tmp_path):
    result = run(
        tmp_path, ["-m", "zhenwu", "manage", "check", "--deploy", "--fail-level", "WARNING"], **DEPLOYMENT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_names_what_is_missing_without_https(tmp_path):
    result = run(tmp_path, ["-m", "zhenwu", "manage", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr  # HSTS, SSL redirect


REQUESTS = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="zhenwu.example.cn")
    plain = client.get("/login/")
    proxied = client.get("/login/", headers={"X-Forwarded-Proto": "https"})
    csrf = proxied.cookies["csrftoken"]
    from django.conf import settings
    print(json.dumps({
        "plain": [plain.status_code, plain.get("Location")],
        "proxied": [proxied.status_code, proxied.get("Strict-Transport-Security")],
        "csrf_secure": bool(csrf["secure"]),
        "session_secure": settings.SESSION_COOKIE_SECURE,
    }))
    """
)


def test_with_https_on_plain_http_is_redirected_and_cookies_are_secure(tmp_path):
    result = run(tmp_path, ["-c", REQUESTS], **DEPLOYMENT)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["plain"] == [301, "https://zhenwu.example.cn/login/"]
    assert seen["proxied"] == [200, "max-age=31536000; includeSubDomains"]  # no preload unless chosen
    assert seen["csrf_secure"] and seen["session_secure"]


def test_without_https_the_site_answers_plain_http(tmp_path):
    seen = json.loads(run(tmp_path, ["-c", REQUESTS.replace("zhenwu.example.cn", "localhost")]).stdout)
    assert seen["plain"] == [200, None] and seen["proxied"] == [200, None]
    assert not seen["csrf_secure"]


def test_every_page_forbids_inline_scripts_and_outside_origins(client, world):
    client.force_login(world.town_a_clerk)
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in client.get("/ledger/")["Content-Security-Policy"].split("; ")
    }
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]  # the report preview's photos are data: URIs
    assert policy["form-action"] == ["'self'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert all(source.startswith(("'", "data:")) for sources in policy.values() for source in sources)


class InlineScripts(HTMLParser):
    """Every way a template could run script that is not a file under /static/."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/json":
            self.found.append(f"<script> without src at line {self.getpos()[0]}")
        for name, value in attrs:
            if name.startswith(("on", "hx-on")):
                self.found.append(f"{name}= at line {self.getpos()[0]}")
            if (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{name}=javascript: at line {self.getpos()[0]}")


def test_the_scanner_finds_inline_script():
    scanner = InlineScripts()
    scanner.feed(
        '<select onchange="this.form.submit()"></select><script>alert(1)</script><a href="javascript:x">'
    )
    scanner.feed('<div hx-on:click="x"></div><script src="/static/a.js"></script>')
    assert len(scanner.found) == 4


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda path: f"{path.parent.parent.parent.name}/{path.name}"
)
def test_no_template_runs_inline_script(template):
    scanner = InlineScripts()
    scanner.feed(template.read_text(encoding="utf-8"))
    assert scanner.found == []
