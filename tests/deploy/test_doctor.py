"""``zhenwu doctor``'s checks one by one (the whole command behind nginx is in test_behind_nginx.py)."""

from __future__ import annotations

import json
import os
import time

import pytest

from zhenwu.cli import main
from zhenwu.deployment import doctor
from zhenwu.deployment.doctor import Status


@pytest.fixture
def data_dir(settings, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / "secret_key").write_text("x" * 50)
    (folder / "secret_key").chmod(0o600)
    settings.DATA_DIR = folder
    settings.MEDIA_ROOT = folder / "media"
    return folder


def backup(folder, hours_ago: float):
    (folder / "backups").mkdir(exist_ok=True)
    path = folder / "backups" / f"zhenwu-{hours_ago}.tar.gz"
    path.write_bytes(b"")
    then = time.time() - hours_ago * 3600
    os.utime(path, (then, then))
    return path


def test_a_recent_backup_passes_and_a_stale_one_is_a_fault(data_dir):
    assert doctor.check_backups().status == Status.FAULT
    backup(data_dir, 40)
    stale = doctor.check_backups()
    assert stale.status == Status.FAULT and "40 小时前" in stale.message
    backup(data_dir, 2)
    assert doctor.check_backups().status == Status.OK


def test_a_key_file_others_can_read_is_a_fault(data_dir, monkeypatch):
    monkeypatch.delenv("ZHENWU_SECRET_KEY", raising=False)
    (data_dir / "secret_key").chmod(0o644)
    finding = doctor.check_secret_key()
    assert finding.status == Status.FAULT and "chmod 600" in finding.message


def test_a_data_directory_others_can_read_is_a_fault_even_after_start_up_tightened_it(data_dir):
    assert doctor.check_data_dir().status == Status.OK
    finding = doctor.check_data_dir(mode_before=0o40755)
    assert finding.status == Status.FAULT and "0755" in finding.message and "已改为 0700" in finding.message


def test_debug_is_a_fault(settings):
    settings.DEBUG = True
    assert doctor.check_debug().status == Status.FAULT


def test_https_without_a_url_is_only_a_warning_and_a_plain_http_url_is_a_fault(settings):
    settings.HTTPS = True
    assert doctor.check_https(None, None).status == Status.WARNING
    assert doctor.check_https("http://192.168.1.20/", None).status == Status.FAULT
    settings.HTTPS = False
    finding = doctor.check_https("https://192.168.1.20/", None)
    assert finding.status == Status.FAULT and "ZHENWU_HTTPS" in finding.message


@pytest.mark.django_db
def test_the_worker_check_asks_for_a_worker_until_one_has_run_and_names_one_gone_silent():
    from datetime import timedelta

    from django.utils import timezone

    from zhenwu.jobs.models import ScheduleRun

    never = doctor.check_worker()
    assert never.status == Status.WARNING and "zhenwu-worker.service" in never.message
    run = ScheduleRun.objects.create(function="zhenwu.jobs.housekeeping.prune", slot=timezone.now())
    assert doctor.check_worker().status == Status.OK
    ScheduleRun.objects.filter(pk=run.pk).update(fired_at=timezone.now() - timedelta(minutes=40))
    silent = doctor.check_worker()
    assert silent.status == Status.FAULT and "40 分钟" in silent.message


@pytest.mark.django_db
def test_the_command_prints_json_and_exits_1_on_a_fault(data_dir, capsys):
    assert main(["doctor", "--format", "json"]) == 1  # no backup yet
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    statuses = {check["check"]: check["status"] for check in report["checks"]}
    assert statuses["备份"] == "fault" and statuses["数据库"] == "ok"
    backup(data_dir, 1)
    assert main(["doctor"]) == 0
    assert "✓ 备份" in capsys.readouterr().out
