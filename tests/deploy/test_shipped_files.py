"""deploy/: the systemd units pass systemd-analyze, the nginx site passes nginx -t and matches the site's limits."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zhenwu.uploads import largest_request_bytes

from .shipped import SITE, UNITS, nginx_command, nginx_config, rewrite, self_signed_certificate


def test_the_nginx_body_limit_is_the_sites_own_largest_request():
    limit = re.search(r"client_max_body_size (\d+)m;", SITE.read_text(encoding="utf-8"))
    assert limit, "client_max_body_size in megabytes"
    assert int(limit.group(1)) == math.ceil(largest_request_bytes() / 1024 / 1024)


def test_the_nginx_site_overwrites_the_headers_zhenwu_trusts():
    site = SITE.read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site  # settings.SECURE_PROXY_SSL_HEADER
    assert "proxy_set_header X-Real-IP $remote_addr;" in site  # ZHENWU_CLIENT_IP_HEADER in deploy/zhenwu.env
    assert "ZHENWU_CLIENT_IP_HEADER=X-Real-IP" in (SITE.parents[1] / "zhenwu.env").read_text(encoding="utf-8")
    assert "/media" not in re.sub(r"#.*", "", site), "photos are served by the site, which checks access"


def test_nginx_accepts_the_site(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    config = nginx_config(
        tmp_path / "nginx", https_port=8443, http_port=8080, upstream_port=8000, cert=cert, key=key
    )
    result = subprocess.run(nginx_command(config, "-t"), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def units_for_this_machine(folder: Path) -> list[Path]:
    """The units with the installed ``zhenwu`` in place of /opt/zhenwu/bin/zhenwu, which verify requires to exist."""
    zhenwu = Path(sys.executable).with_name("zhenwu")
    folder.mkdir()
    for unit in UNITS:
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            text = rewrite(text, {"/opt/zhenwu/bin/zhenwu": str(zhenwu)})
        (folder / unit.name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.fixture
def systemd_analyze():
    found = shutil.which("systemd-analyze")
    if found is None:
        pytest.skip("systemd-analyze 不存在（不是 systemd 系统）：无法校验单元文件")
    return found


def test_systemd_accepts_the_units(tmp_path, systemd_analyze):
    units = units_for_this_machine(tmp_path / "units")
    assert {unit.name for unit in units} == {
        "zhenwu.service",
        "zhenwu-worker.service",
        "zhenwu-backup.service",
        "zhenwu-backup.timer",
    }
    result = subprocess.run(
        [systemd_analyze, "verify", *map(str, units)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_systemd_verify_would_catch_a_mistake(tmp_path, systemd_analyze):
    unit = units_for_this_machine(tmp_path / "units")[-1]  # zhenwu.service
    unit.write_text(unit.read_text(encoding="utf-8").replace("ExecStart=", "ExecStrat="), encoding="utf-8")
    result = subprocess.run(
        [systemd_analyze, "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 or result.stderr


def test_the_services_run_zhenwu_with_the_environment_file_and_a_private_data_directory():
    for unit in UNITS:
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            assert "EnvironmentFile=/etc/zhenwu/zhenwu.env" in text
            assert "User=zhenwu" in text and "UMask=0077" in text and "StateDirectoryMode=0700" in text
    timer = (SITE.parents[1] / "systemd" / "zhenwu-backup.timer").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-* 02:30:00" in timer and "Persistent=true" in timer
    backup = (SITE.parents[1] / "systemd" / "zhenwu-backup.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/zhenwu/bin/zhenwu backup" in backup
