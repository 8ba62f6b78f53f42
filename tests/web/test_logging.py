"""Server errors and, when asked for, every request leave a line in the log (stderr and a file)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from django.test import Client

# A site whose one page fails, served with the settings a fresh install has (only the data
# directory chosen): what reaches stderr and the log file is what an operator would see.
SCRIPT = textwrap.dedent(
    """
    import sys, types
    import django
    from django.urls import path

    django.setup()
    from django.conf import settings
    from django.test import Client

    def broken(request):
        raise RuntimeError("the ledger table fell over")

    urls = types.ModuleType("probe_urls")
    urls.urlpatterns = [path("broken/", broken), *__import__("zhenwu.urls").urls.urlpatterns]
    sys.modules["probe_urls"] = urls
    settings.ROOT_URLCONF = "probe_urls"
    client = Client(raise_request_exception=False, HTTP_HOST="localhost")
    print(client.get("/broken/").status_code, client.get("/login/").status_code)
    """
)


def serve_two_requests(tmp_path, **env) -> tuple[str, str, str]:
    """(stdout, stderr, the log file) of a process that answers /broken/ and /login/."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("ZHENWU_", "DJANGO_"))
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "zhenwu.settings", "ZHENWU_DATA_DIR": str(tmp_path), **env}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    log = tmp_path / "logs" / "zhenwu.log"
    return result.stdout, result.stderr, log.read_text(encoding="utf-8") if log.exists() else ""


def test_a_server_error_leaves_its_traceback_on_stderr_and_in_the_log_file(tmp_path):
    stdout, stderr, log = serve_two_requests(tmp_path)
    assert stdout.split() == ["500", "200"]
    for text in (stderr, log):
        assert "ERROR django.request: Internal Server Error: /broken/" in text
        assert "Traceback (most recent call last)" in text
        assert "RuntimeError: the ledger table fell over" in text
    assert "GET /login/" not in log  # no line per request unless asked for
    assert oct((tmp_path / "logs").stat().st_mode)[-3:] == "700"


def test_with_request_logging_on_each_request_is_one_line(tmp_path):
    _, stderr, log = serve_two_requests(tmp_path, ZHENWU_LOG_REQUESTS="true")
    for text in (stderr, log):
        assert "INFO zhenwu.requests: GET /broken/ 500 " in text
        assert "INFO zhenwu.requests: GET /login/ 200 " in text
    line = next(line for line in log.splitlines() if "GET /login/" in line)
    assert line.endswith("user=- area=-") and "ms user=" in line


@pytest.fixture
def request_log(settings, caplog):
    settings.LOG_REQUESTS = True
    caplog.set_level("INFO", logger="zhenwu.requests")
    return caplog


def test_the_request_line_names_the_user_the_area_and_the_time(world, request_log):
    client = Client()  # a new client builds its middleware with the setting on
    client.force_login(world.town_a_clerk)
    client.get("/ledger/?period=2025-06")
    (record,) = [r for r in request_log.records if r.name == "zhenwu.requests"]
    message = record.getMessage()
    assert message.startswith("GET /ledger/?period=2025-06 200 ")
    assert message.endswith(f"ms user=town_a_clerk area={world.town_a.code}")


def test_without_the_setting_no_request_is_logged(world, settings, caplog):
    settings.LOG_REQUESTS = False
    caplog.set_level("INFO", logger="zhenwu.requests")
    client = Client()
    client.force_login(world.town_a_clerk)
    client.get("/ledger/")
    assert [r for r in caplog.records if r.name == "zhenwu.requests"] == []
