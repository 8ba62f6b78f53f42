"""kill -9 the real server (``zhenwu serve``, waitress) in the middle of uploads, start it again:
nothing is half-written — no batch without its reports, no photo file without its row — and it answers."""

from __future__ import annotations

import io
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.test_demo_command import free_port, wait_for

PASSWORD = "kill-probe-pass-1"
SETUP = f"""
import datetime
from decimal import Decimal
from django.contrib.auth import get_user_model
from zhenwu.areas.models import Area, Level, Membership, Role
from zhenwu.projects import services
county = Area.objects.add_root(create_kwargs=dict(code="390123000000", name="青溪县", level=Level.COUNTY))
town = Area.objects.add_child(county, create_kwargs=dict(code="390123101000", name="青山镇", level=Level.TOWN))
admin = get_user_model().objects.create_user(username="county_admin", password="{PASSWORD}")
Membership.objects.create(user=admin, area=county, role=Role.ADMIN)
services.create_project(admin, area=town, name="溪东片区老旧小区改造工程", category="livelihood",
    total_investment=Decimal(12000), planned_start=datetime.date(2025, 3, 1),
    planned_completion=datetime.date(2026, 12, 31))
"""
REPORT = "上半年完成固定资产投资6.02亿元，同比增长8.1%；规模以上工业总产值20.5亿元。\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated data directory of its own, with a county admin and one project."""
    data = tmp_path_factory.mktemp("killed")
    env = {
        **os.environ,
        "ZHENWU_DATA_DIR": str(data),
        "ZHENWU_DATABASE_URL": f"sqlite:///{data / 'db.sqlite3'}",
    }
    zhenwu = [sys.executable, "-m", "zhenwu"]
    subprocess.run([*zhenwu, "manage", "migrate", "-v0"], env=env, check=True, timeout=300)
    subprocess.run([*zhenwu, "manage", "shell", "-c", SETUP], env=env, check=True, timeout=120)
    return data, env


def serve(env) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [sys.executable, "-m", "zhenwu", "serve", "--port", str(port), "--threads", "2"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wait_for(f"http://127.0.0.1:{port}/login/", process)
    return process, port


def sign_in(port: int) -> str:
    """Log in through the form; return the Cookie header (session and CSRF token)."""
    jar = urllib.request.HTTPCookieProcessor()
    opener = urllib.request.build_opener(jar)
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    form = {"username": "county_admin", "password": PASSWORD, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        f"{base}/login/", data=urllib.parse.urlencode(form).encode(), headers={"Referer": f"{base}/login/"}
    )
    assert opener.open(request).url == f"{base}/"
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar.cookiejar)


def multipart(cookie: str, fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    token = re.search(r"csrftoken=([^;]+)", cookie)[1]
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in {"csrfmiddlewaretoken": token, **fields}.items()
    ]
    for field, name, data in files:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
        parts.append(f"{head}Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), boundary


def send(
    port: int, path: str, cookie: str, body: bytes, boundary: str, *, share: float = 1.0
) -> socket.socket:
    """Send the head and ``share`` of the body; the socket is left open, as a phone on a bad line would."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
        f"Referer: http://127.0.0.1:{port}{path}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(head.encode() + body[: int(len(body) * share)])
    return connection


def jpeg(size=(1600, 1200)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def counts(data: Path) -> dict[str, int]:
    with sqlite3.connect(data / "db.sqlite3") as database:
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = (
            "summaries_compilebatch",
            "summaries_compileddocument",
            "projects_monthlyupdate",
            "projects_updatephoto",
        )
        found = {table: database.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    return found


def wait_for_write_lock(database: Path, seconds: float = 60) -> None:
    """Return once the server holds SQLite's write lock: it is inside its transaction."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        probe = sqlite3.connect(database, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:  # database is locked
            return
        finally:
            probe.close()
        time.sleep(0.002)
    raise AssertionError(f"the server did not start writing within {seconds} s")


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=20)


def test_killing_the_server_mid_upload_leaves_nothing_half_written(site):
    data, env = site
    before = counts(data)
    process, port = serve(env)
    try:
        cookie = sign_in(port)
        compile_path = "/summaries/390123000000/2025-H1/compile/"
        reports = [("files", f"镇{n}.txt", (REPORT * 300).encode()) for n in range(12)]
        body, boundary = multipart(cookie, {}, reports)
        half_compile = send(port, compile_path, cookie, body, boundary, share=0.5)
        photos = [("photos", f"site{n}.jpg", jpeg()) for n in range(3)]
        fields = {"month": "2025-06", "investment_month": "2400", "progress": "主体封顶"}
        body_photos, boundary_photos = multipart(cookie, fields, photos)
        half_photos = send(port, "/projects/1/update/", cookie, body_photos, boundary_photos, share=0.6)
        # And one upload sent whole, killed while the server writes the batch.
        whole = send(port, compile_path, cookie, body, boundary)
        wait_for_write_lock(data / "db.sqlite3")
        kill(process)
        for connection in (half_compile, half_photos, whole):
            connection.close()

        after = counts(data)
        assert after["summaries_compilebatch"] == after["summaries_compileddocument"] == 0
        assert {k: after[k] for k in ("projects_monthlyupdate", "projects_updatephoto")} == {
            k: before[k] for k in ("projects_monthlyupdate", "projects_updatephoto")
        }
        assert files_under(data / "media") == []  # no photo file without its row

        process, port = serve(env)
        cookie = sign_in(port)
        request = urllib.request.Request(f"http://127.0.0.1:{port}{compile_path}", headers={"Cookie": cookie})
        page = urllib.request.urlopen(request, timeout=10)
        assert page.status == 200 and "上传并提取数字" in page.read().decode()
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)
