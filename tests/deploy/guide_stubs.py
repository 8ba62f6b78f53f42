"""Stand-ins for ``systemctl`` and ``nginx`` while tests/deploy/test_guide.py runs the deployment guide.

    python guide_stubs.py systemctl enable --now zhenwu.service
    python guide_stubs.py nginx -t
    python guide_stubs.py stop-all

Units and the nginx site are read from ``$GUIDE_ROOT/etc``; processes started here keep their pid
and log in ``$GUIDE_ROOT/run``. See the test's docstring for what each command does.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("GUIDE_ROOT", "/nonexistent"))  # set by the test
RUN = ROOT / "run"
UNITS = ROOT / "etc" / "systemd" / "system"


def unit_settings(unit: str) -> dict[str, str]:
    text = (UNITS / unit).read_text(encoding="utf-8")
    return dict(re.findall(r"^(\w+)=(.*)$", text, flags=re.M))


def environment_file(path: str) -> dict[str, str]:
    pairs = re.findall(r"^([A-Z_][A-Z0-9_]*)=(.*)$", Path(path).read_text(encoding="utf-8"), flags=re.M)
    return dict(pairs)


def verify(units: list[str]) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("systemd-analyze 不存在：未校验单元文件", file=sys.stderr)
        return
    result = subprocess.run(
        [analyze, "verify", *(str(UNITS / unit) for unit in units)], capture_output=True, text=True
    )
    if result.returncode or result.stderr:
        sys.exit(f"systemd-analyze verify: {result.stderr}")


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{process.args} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"nothing listens on port {port} after {seconds} s")


def start(unit: str) -> None:
    if unit == "nginx":
        return start_nginx()
    if unit in os.environ.get("GUIDE_NOT_YET_RUNNABLE", "").split():
        print(f"not started (its command is not built yet): {unit}")
        return
    settings = unit_settings(unit)
    env = {**os.environ, **environment_file(settings["EnvironmentFile"])}
    command = shlex.split(settings["ExecStart"])
    if settings.get("Type") == "oneshot":
        subprocess.run(command, env=env, check=True)
        return
    log = (RUN / f"{unit}.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    (RUN / f"{unit}.pid").write_text(str(process.pid))
    if "--port" in command:
        wait_for_port(int(command[command.index("--port") + 1]), process)


def stop(unit: str) -> None:
    pid_file = RUN / f"{unit}.pid"
    if pid_file.exists():
        pid = int(pid_file.read_text())
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while running(pid) and time.monotonic() < deadline:  # until it has let go of its port
            time.sleep(0.2)
        pid_file.unlink()


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def nginx_conf() -> Path:
    folder = RUN / "nginx"
    folder.mkdir(exist_ok=True)
    temp = "\n".join(
        f"    {name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
daemon off;
pid {RUN / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder / "access.log"};
{temp}
    include {ROOT / "etc/nginx/sites-enabled"}/*;
}}
""",
        encoding="utf-8",
    )
    return folder / "nginx.conf"


def nginx_command(*extra: str) -> list[str]:
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    config = nginx_conf()
    return [
        binary,
        "-p",
        str(config.parent),
        "-c",
        str(config),
        "-e",
        str(config.parent / "error.log"),
        *extra,
    ]


def start_nginx() -> None:
    if (RUN / "nginx.service.pid").exists():
        subprocess.run(nginx_command("-s", "reload"), check=True)
        return
    log = (RUN / "nginx.log").open("w")
    process = subprocess.Popen(nginx_command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while (
        not (RUN / "nginx.pid").exists() or not (RUN / "nginx.pid").read_text().strip()
    ):  # nginx -t leaves it empty
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"nginx did not start: {(RUN / 'nginx' / 'error.log').read_text()}")
        time.sleep(0.2)
    (RUN / "nginx.service.pid").write_text(str(process.pid))


def systemctl(args: list[str]) -> None:
    action, rest = args[0], args[1:]
    now = "--now" in rest
    units = [unit for unit in rest if not unit.startswith("-")]
    if action == "daemon-reload":
        return
    if action == "enable":
        verify(units)
        for unit in units if now else []:
            if not unit.endswith(".timer"):
                start(unit)
    elif action == "start":
        for unit in units:
            start(unit)
    elif action in ("restart", "reload"):
        for unit in units:
            if unit != "nginx":
                stop(unit)
            start(unit)
    else:
        sys.exit(f"systemctl {action}: not stood in for")


def main(argv: list[str]) -> None:
    RUN.mkdir(exist_ok=True)
    if argv[0] == "systemctl":
        systemctl(argv[1:])
    elif argv[0] == "nginx":
        result = subprocess.run(nginx_command(*argv[1:]), check=False)
        sys.exit(result.returncode)
    elif argv[0] == "stop-all":
        for pid_file in RUN.glob("*.service.pid"):
            stop(pid_file.name.removesuffix(".pid"))
    else:
        sys.exit(f"unknown: {argv}")


if __name__ == "__main__":
    main(sys.argv[1:])
