"""`zhenwu demo` from a clean data directory: migrate, load, print accounts, serve, log in over HTTP."""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process, seconds: float = 240) -> None:  # the demo loads a county first
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"zhenwu demo exited early:\n{process.stdout.read()}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def demo_server(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "ZHENWU_DATA_DIR": str(tmp_path),
        "ZHENWU_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "zhenwu", "demo", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/login/", process)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_demo_serves_a_printed_account_logs_in_and_its_worker_drafts_12_towns(demo_server, tmp_path):
    base, process = demo_server
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode(
        {"username": "qx_admin", "password": "zhenwu-demo", "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(f"{base}/login/", data=form, headers={"Referer": f"{base}/login/"})
    home = opener.open(request)
    page = home.read().decode()
    assert home.url == f"{base}/"
    assert "<h1>青溪县</h1>" in page and "青山镇" in page and "白沙镇" in page

    # 批量起草: one click, then the browser is closed; the worker beside the site does the 12 towns
    batch = f"{base}/summaries/390123000000/2026-H1/batch/"
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', opener.open(batch).read().decode()
    ).group(1)
    started = opener.open(
        urllib.request.Request(
            f"{batch}start/",
            data=urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode(),
            headers={"Referer": batch},
        )
    )
    job_id = int(re.search(r"/jobs/(\d+)/$", started.url).group(1))
    database = sqlite3.connect(tmp_path / "db.sqlite3")
    deadline = time.monotonic() + 240  # a guard against a hang, not a speed requirement
    while database.execute(f"SELECT status FROM jobs_job WHERE id = {job_id}").fetchone()[0] != "done":
        assert time.monotonic() < deadline, "the batch did not finish"
        time.sleep(0.5)
    assert (
        database.execute("SELECT COUNT(*) FROM summaries_draft WHERE period = '2026-H1'").fetchone()[0] == 12
    )

    process.terminate()
    output = process.communicate(timeout=20)[0]
    assert "qx_admin" in output and "zhenwu-demo" in output and base in output
    assert "后台任务进程" in output and "已启动" in output and "已停止" in output  # a worker ran beside it


def test_two_fresh_loads_give_the_same_county(tmp_path):
    listings = []
    for name in ("one", "two"):
        env = {
            **os.environ,
            "ZHENWU_DATA_DIR": str(tmp_path / name),
            "ZHENWU_DATABASE_URL": f"sqlite:///{tmp_path / name / 'db.sqlite3'}",
        }
        subprocess.run(
            [sys.executable, "-m", "zhenwu", "demo", "--no-serve"], env=env, check=True, capture_output=True
        )
        listing = subprocess.run(
            [sys.executable, "-m", "zhenwu", "areas", "--json"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        listings.append(listing.stdout)
    assert listings[0] == listings[1] and "青山镇" in listings[0]


def test_a_second_run_keeps_the_data_and_can_stop_after_loading(tmp_path):
    env = {
        **os.environ,
        "ZHENWU_DATA_DIR": str(tmp_path),
        "ZHENWU_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    command = [sys.executable, "-m", "zhenwu", "demo", "--no-serve"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0 and "正在生成演示县" in first.stdout
    assert second.returncode == 0 and "演示县已存在" in second.stdout
    assert "qs_clerk" in second.stdout


def test_serve_refuses_an_unmigrated_database_with_the_fix(tmp_path):
    env = {
        **os.environ,
        "ZHENWU_DATA_DIR": str(tmp_path),
        "ZHENWU_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "zhenwu", "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "zhenwu manage migrate" in result.stdout
