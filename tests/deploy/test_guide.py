"""docs/部署.md runs as written: every fenced ``sh`` block, in order, in one shell that stops at the first error.

The guide is for root on a real server; this test runs it as this user in a temporary directory:

- paths: ``/etc``, ``/opt/zhenwu``, ``/var/lib/zhenwu`` and ``/usr/local/bin`` become folders under a
  temporary root, in the guide's commands and in the copied deploy/ files alike; the commands run in a
  copy of the checkout (the guide's "source directory");
- ``sudo [-u USER]`` runs the command as this user; ``useradd`` and ``apt-get install`` are recorded, not
  run (scripts/system-packages.sh installs what the tests need); ``install -o/-g`` drops the owner;
- PostgreSQL: ``sudo -u postgres createuser/createdb`` run against the test server
  (ZHENWU_TEST_DATABASE_URL or ZHENWU_DATABASE_URL) under a name of this run, and the environment file's
  socket URL points at it;
- ``pip install`` takes the dependencies from var/wheelhouse (filled by the deployment fixture), not the network;
- ``systemctl daemon-reload`` does nothing; ``enable`` runs ``systemd-analyze verify`` on the units;
  ``--now``/``start``/``restart`` start a service's ExecStart with its EnvironmentFile (a oneshot runs to
  completion); ``reload nginx`` starts nginx from a temporary prefix; ``nginx -t`` checks the installed
  site; the server name 192.168.1.20 becomes 127.0.0.1 and port 443 a free high port.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from .conftest import CHECKOUT, WHEELHOUSE, clean_environment
from .shipped import free_port, rewrite

pytestmark = [pytest.mark.deploy, pytest.mark.xdist_group("deploy")]  # one install per run
GUIDE = CHECKOUT / "docs" / "部署.md"
STUBS = Path(__file__).with_name("guide_stubs.py")
# Every unit the guide enables is started; a command not built yet would be listed here.
NOT_YET_RUNNABLE: set[str] = set()


def shell_blocks(markdown: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)


def postgres_url() -> str:
    for name in ("ZHENWU_TEST_DATABASE_URL", "ZHENWU_DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            return url
    pytest.skip("部署说明用 PostgreSQL：请设置 ZHENWU_TEST_DATABASE_URL（make test 在 CI 中会设置）")


def test_the_guide_has_the_steps_in_order():
    blocks = shell_blocks(GUIDE.read_text(encoding="utf-8"))
    text = "\n".join(blocks)
    for step in ("createdb", "pip install", "manage migrate", "nginx -t", "enable --now", "doctor"):
        assert step in text
    upgrade = blocks[-1]
    order = ["zhenwu-backup.service", "pip install --upgrade", "manage migrate", "restart", "doctor"]
    assert [upgrade.index(step) for step in order] == sorted(upgrade.index(step) for step in order)
    assert "docs/部署.md" in (CHECKOUT / "README.md").read_text(encoding="utf-8")


def test_every_command_of_the_guide_runs(installed, tmp_path):
    url = urllib.parse.urlsplit(postgres_url())
    run_name = f"zhenwu_guide_{os.getpid()}"
    root, source = tmp_path / "root", tmp_path / "zhenwu"
    https_port, upstream = free_port(), free_port()
    shutil.copytree(
        CHECKOUT,
        source,
        ignore=shutil.ignore_patterns(".git", ".venv", "var", "build", "dist", "__pycache__", "*.egg-info"),
    )
    paths = {
        "/etc/": f"{root}/etc/",
        "/opt/zhenwu": f"{root}/opt/zhenwu",
        "/var/lib/zhenwu": f"{root}/var/lib/zhenwu",
        "/usr/local/bin": f"{root}/usr/local/bin",
    }
    database = f"postgresql://{run_name}@{url.hostname}:{url.port or 5432}/{run_name}"
    for name in (
        "zhenwu.env",
        "zhenwu-admin",
        *(f"systemd/{unit}" for unit in os.listdir(source / "deploy/systemd")),
    ):
        file = source / "deploy" / name
        text = file.read_text(encoding="utf-8").replace(
            "postgresql://zhenwu@%2Fvar%2Frun%2Fpostgresql/zhenwu", database
        )
        text = text.replace("--port 8000", f"--port {upstream}")
        file.write_text(substitute(text, paths), encoding="utf-8")
    site = source / "deploy/nginx/zhenwu.conf"
    site.write_text(
        rewrite(
            site.read_text(encoding="utf-8"),
            {
                "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
                "listen [::]:443 ssl;": "",
                "listen 80;": f"listen 127.0.0.1:{free_port()};",
                "listen [::]:80;": "",
                "/etc/": f"{root}/etc/",
                "http://127.0.0.1:8000": f"http://127.0.0.1:{upstream}",
            },
        ),
        encoding="utf-8",
    )
    for folder in (
        "etc/nginx/sites-available",
        "etc/nginx/sites-enabled",
        "etc/systemd/system",
        "usr/local/bin",
        "run",
    ):
        (root / folder).mkdir(parents=True)

    commands = "\n".join(shell_blocks(GUIDE.read_text(encoding="utf-8")))
    commands = rewrite(
        commands,
        {
            "createuser zhenwu": f"createuser {run_name}",
            "createdb --owner zhenwu zhenwu": f"createdb --owner {run_name} {run_name}",
            "https://192.168.1.20/": f"https://127.0.0.1:{https_port}/",
            "192.168.1.20": "127.0.0.1",
        },
    )
    script = PRELUDE.format(stubs=STUBS, python=sys.executable) + substitute(commands, paths)
    env = clean_environment(
        PATH=f"{root}/usr/local/bin:{os.environ['PATH']}",
        GUIDE_ROOT=str(root),
        GUIDE_NOT_YET_RUNNABLE=" ".join(sorted(NOT_YET_RUNNABLE)),
        PGHOST=url.hostname,
        PGPORT=str(url.port or 5432),
        PGUSER=url.username or "postgres",
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(WHEELHOUSE),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        HOME=str(tmp_path),
    )
    try:
        result = subprocess.run(
            ["bash", "-c", script],
            cwd=source,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=900,
        )
    finally:
        subprocess.run([sys.executable, str(STUBS), "stop-all"], env=env, check=False)
        for command in (
            ["dropdb", "--if-exists", "--force", run_name],
            ["dropuser", "--if-exists", run_name],
        ):
            subprocess.run(command, env=env, check=False, capture_output=True)
    assert result.returncode == 0, f"{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
    assert "✓ HTTPS" in result.stdout and "✓ 备份" in result.stdout and "✓ 数据库" in result.stdout
    assert (root / "var/lib/zhenwu/backups").is_dir()
    assert stat_mode(root / "var/lib/zhenwu") == 0o700


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def substitute(text: str, paths: dict[str, str]) -> str:
    for old, new in paths.items():
        text = re.sub(rf"(?<![\w/.-]){re.escape(old)}", new, text)
    return text


PRELUDE = r"""
set -euo pipefail
stub() {{ "{python}" "{stubs}" "$@"; }}
sudo() {{
    while [ $# -gt 0 ]; do case "$1" in -u) shift 2;; -*) shift;; *) break;; esac; done
    "$@"
}}
apt-get() {{ echo "recorded: apt-get $*"; }}
useradd() {{ echo "recorded: useradd $*"; }}
install() {{
    local args=()
    while [ $# -gt 0 ]; do case "$1" in -o|-g) shift 2;; *) args+=("$1"); shift;; esac; done
    command install "${{args[@]}}"
}}
systemctl() {{ stub systemctl "$@"; }}
nginx() {{ stub nginx "$@"; }}
export -f sudo apt-get useradd install systemctl nginx stub
"""
