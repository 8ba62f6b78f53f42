"""The files an operator copies from deploy/, rewritten for a test: temp paths, 127.0.0.1, high ports.

Every rewrite names text that must be in the shipped file, so a test fails when the file changes
under it instead of quietly testing something else.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SITE = DEPLOY / "nginx" / "zhenwu.conf"
UNITS = sorted((DEPLOY / "systemd").iterdir())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rewrite(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        assert old in text, f"deploy/ no longer contains {old!r}"
        text = text.replace(old, new)
    return text


def nginx_binary() -> str:
    """nginx, which scripts/system-packages.sh installs for the tests; never skipped when missing."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    assert found, "nginx 未安装：请运行 scripts/system-packages.sh（make test 会自动安装）"
    return found


def nginx_config(
    folder: Path, *, https_port: int, http_port: int, upstream_port: int, cert: Path, key: Path, drop=()
) -> Path:
    """The shipped site inside a minimal nginx.conf that runs as this user from ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    site = rewrite(
        SITE.read_text(encoding="utf-8"),
        {
            "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
            "listen [::]:443 ssl;": "",
            "listen 80;": f"listen 127.0.0.1:{http_port};",
            "listen [::]:80;": "",
            "zhenwu.example.gov.cn": "127.0.0.1",
            "/etc/zhenwu/tls/zhenwu.crt": str(cert),
            "/etc/zhenwu/tls/zhenwu.key": str(key),
            "http://127.0.0.1:8000": f"http://127.0.0.1:{upstream_port}",
        },
    )
    for line in drop:
        site = rewrite(site, {line: ""})
    (folder / "zhenwu.conf").write_text(site, encoding="utf-8")
    temp = "\n".join(
        f"    {name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # as root, workers would drop to nobody
    (folder / "nginx.conf").write_text(
        f"""{user}
worker_processes 1;
daemon off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder / "access.log"};
{temp}
    include {folder / "zhenwu.conf"};
}}
""",
        encoding="utf-8",
    )
    return folder / "nginx.conf"


def nginx_command(config: Path, *extra: str) -> list[str]:
    return [
        nginx_binary(),
        "-p",
        str(config.parent),
        "-c",
        str(config),
        "-e",
        str(config.parent / "error.log"),
        *extra,
    ]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, made by openssl as the guide tells an intranet without a CA to do."""
    cert, key = folder / "zhenwu.crt", folder / "zhenwu.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key
