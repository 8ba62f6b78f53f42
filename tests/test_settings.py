"""Configuration: a bad environment value stops start-up with a message naming the variable."""

import os
import subprocess
import sys

import pytest


def run_zhenwu(tmp_path, *args, **env):
    environment = {**os.environ, "ZHENWU_DATA_DIR": str(tmp_path / "data"), **env}
    environment.pop("ZHENWU_DATABASE_URL", None) if "ZHENWU_DATABASE_URL" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "zhenwu", *args], capture_output=True, text=True, env=environment, timeout=300
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("ZHENWU_DEBUG", "maybe"),
        ("ZHENWU_DATABASE_URL", "mysql://root@localhost/zhenwu"),
        ("ZHENWU_DATABASE_URL", "not a url"),
        ("ZHENWU_SECRET_KEY", "short"),
        ("ZHENWU_CLIENT_IP_HEADER", "X Real IP"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(tmp_path, variable, value):
    result = run_zhenwu(tmp_path, "areas", **{variable: value})
    assert result.returncode == 2
    assert variable in result.stderr
    assert "Traceback" not in result.stderr


def test_the_secret_key_is_generated_once_and_kept(tmp_path):
    run_zhenwu(tmp_path, "manage", "check")
    key_file = tmp_path / "data" / "secret_key"
    first = key_file.read_text()
    run_zhenwu(tmp_path, "manage", "check")
    assert len(first) >= 50 and key_file.read_text() == first
    assert oct(key_file.stat().st_mode)[-3:] == "600"


def test_the_version_is_printed_without_touching_the_data_directory(tmp_path):
    result = run_zhenwu(tmp_path, "--version")
    assert result.returncode == 0 and result.stdout.startswith("zhenwu ")
    assert not (tmp_path / "data").exists()


def mode(path) -> str:
    return oct(path.stat().st_mode & 0o777)


def test_a_new_data_directory_and_its_database_are_readable_by_their_owner_only(tmp_path):
    result = run_zhenwu(tmp_path, "manage", "migrate", "-v", "0")
    data = tmp_path / "data"
    assert result.returncode == 0, result.stderr
    assert mode(data) == "0o700"
    assert mode(data / "zhenwu.sqlite3") == "0o600"
    assert mode(data / "secret_key") == "0o600"


def test_an_existing_data_directory_of_ours_is_tightened(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    run_zhenwu(tmp_path, "manage", "check")
    assert mode(data) == "0o700"
    data.chmod(0o750)  # loosened again by hand: the directory holds our secret key, so it is still ours
    (data / "zhenwu.sqlite3").chmod(0o644)
    run_zhenwu(tmp_path, "manage", "check")
    assert mode(data) == "0o700"
    assert mode(data / "zhenwu.sqlite3") == "0o600"


def test_a_shared_directory_given_as_data_directory_keeps_its_mode(tmp_path):
    shared = tmp_path / "data"
    shared.mkdir()
    (shared / "别人的文件.txt").write_text("不是镇务的", encoding="utf-8")
    shared.chmod(0o755)
    result = run_zhenwu(tmp_path, "manage", "check")
    assert result.returncode == 0, result.stderr
    assert mode(shared) == "0o755"
