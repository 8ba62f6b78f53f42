"""Done-when of issue 21: the wheel, installed outside the checkout, serves the demo behind the shipped
nginx site over HTTPS, and ``zhenwu doctor`` passes there and names each fault it is shown.

Slow (a wheel build, a virtualenv, the demo county): marked ``deploy``; it runs in ``make test``.
nginx runs as this user from a temporary prefix on high ports, with a self-signed certificate.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import Installed, clean_environment
from .shipped import free_port, nginx_command, nginx_config, self_signed_certificate

pytestmark = [pytest.mark.deploy, pytest.mark.xdist_group("deploy")]  # one install per run


@dataclass
class Site:
    installed: Installed
    env: dict
    data_dir: Path
    cert: Path
    key: Path
    url: str
    folder: Path
    upstream_port: int

    def zhenwu(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.installed.zhenwu, *args],
            capture_output=True,
            text=True,
            cwd=self.folder,
            env={**self.env, **env},
            check=False,
            timeout=600,
        )

    def doctor(self, url: str | None = None, **env: str) -> tuple[int, dict]:
        result = self.zhenwu(
            "doctor", "--format", "json", "--url", url or self.url, "--cafile", str(self.cert), **env
        )
        assert result.returncode in (0, 1), result.stderr
        return result.returncode, {check["check"]: check for check in json.loads(result.stdout)["checks"]}


def start(command: list[str], folder: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def opener(cert: Path, jar=None) -> urllib.request.OpenerDirector:
    context = ssl.create_default_context(cafile=str(cert))

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    handlers = [urllib.request.HTTPSHandler(context=context), NoRedirect]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


def fetch(client, url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        return client.open(request, timeout=60)
    except urllib.error.HTTPError as error:
        return error


def wait_until_up(url: str, cert: Path, processes: list[subprocess.Popen], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"{process.args[0]} exited:\n{process.stdout.read()}")
        try:
            if fetch(opener(cert), url).status < 500:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="module")
def site(installed, tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")  # also the working directory: nowhere near the checkout
    data_dir = folder / "data"
    cert, key = self_signed_certificate(folder)
    upstream, https_port = free_port(), free_port()
    env = clean_environment(
        ZHENWU_DATA_DIR=str(data_dir),
        ZHENWU_HTTPS="true",
        ZHENWU_ALLOWED_HOSTS="127.0.0.1",
        ZHENWU_CLIENT_IP_HEADER="X-Real-IP",
        HOME=str(folder),
    )
    site = Site(installed, env, data_dir, cert, key, f"https://127.0.0.1:{https_port}/", folder, upstream)
    demo = site.zhenwu("demo", "--no-serve")
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "qs_clerk" in demo.stdout
    backup = site.zhenwu("backup")
    assert backup.returncode == 0, backup.stderr
    config = nginx_config(
        folder / "nginx",
        https_port=https_port,
        http_port=free_port(),
        upstream_port=upstream,
        cert=cert,
        key=key,
    )
    server = start([installed.zhenwu, "serve", "--port", str(upstream)], folder, env)
    worker = start([installed.zhenwu, "worker"], folder, env)
    proxy = start(nginx_command(config), folder)
    try:
        wait_until_up(site.url + "login/", cert, [server, proxy])
        yield site
    finally:
        stop(proxy)
        stop(worker)
        stop(server)


def test_it_signs_in_over_https_with_secure_cookies_and_hsts(site):
    jar = http.cookiejar.CookieJar()
    client = opener(site.cert, jar)
    login = fetch(client, site.url + "login/")
    assert login.status == 200
    assert "max-age=31536000" in login.headers["Strict-Transport-Security"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.read().decode()).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "qs_clerk", "password": "zhenwu-demo"}
    )
    signed_in = fetch(client, site.url + "login/", form.encode(), {"Referer": site.url + "login/"})
    assert signed_in.status == 302, signed_in.read().decode()[:2000]
    cookies = {cookie.name: cookie for cookie in jar}
    assert cookies["sessionid"].secure and cookies["csrftoken"].secure
    assert all("Secure" in header for header in signed_in.headers.get_all("Set-Cookie"))
    home = fetch(client, site.url)
    assert home.status == 200 and "青山镇" in home.read().decode()
    assert "max-age" in home.headers["Strict-Transport-Security"]


def test_static_files_come_through_the_proxy_from_the_installed_package(site):
    css = fetch(opener(site.cert), site.url + "static/zhenwu/zhenwu.css")
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")


def test_doctor_passes_on_the_deployment(site):
    code, checks = site.doctor()
    assert code == 0, checks
    assert {name for name, check in checks.items() if check["status"] == "fault"} == set()
    assert checks["HTTPS"]["status"] == "ok"
    deadline = time.monotonic() + 120
    while checks["后台任务"]["status"] != "ok" and time.monotonic() < deadline:  # the worker is starting
        time.sleep(2)
        code, checks = site.doctor()
    assert checks["后台任务"]["status"] == "ok", checks["后台任务"]


def test_doctor_names_a_proxy_that_drops_the_forwarded_proto_header(site):
    config = nginx_config(
        site.folder / "nginx-broken",
        https_port=(port := free_port()),
        http_port=free_port(),
        upstream_port=site.upstream_port,
        cert=site.cert,
        key=site.key,
        drop=["proxy_set_header X-Forwarded-Proto $scheme;"],
    )
    proxy = start(nginx_command(config), site.folder)
    try:
        url = f"https://127.0.0.1:{port}/"
        wait_until_up(url + "login/", site.cert, [proxy])
        code, checks = site.doctor(url)
    finally:
        stop(proxy)
    assert code == 1
    assert checks["HTTPS"]["status"] == "fault"
    assert "X-Forwarded-Proto" in checks["HTTPS"]["message"]


def test_doctor_names_a_world_readable_data_directory(site):
    site.data_dir.chmod(0o755)
    code, checks = site.doctor()
    assert code == 1
    assert checks["数据目录"]["status"] == "fault"
    assert "0755" in checks["数据目录"]["message"] and "chmod 700" in checks["数据目录"]["message"]
    assert site.doctor()[0] == 0, "the site tightened it back to 0700 when it started"


def test_doctor_names_an_unmigrated_database(site):
    empty = site.folder / "empty.sqlite3"
    code, checks = site.doctor(ZHENWU_DATABASE_URL=f"sqlite:///{empty}")
    assert code == 1
    assert checks["数据库"]["status"] == "fault"
    assert (
        "迁移未执行" in checks["数据库"]["message"] and "zhenwu manage migrate" in checks["数据库"]["message"]
    )
    assert [name for name, check in checks.items() if check["status"] == "fault"] == ["数据库"]
