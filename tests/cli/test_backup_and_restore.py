"""`zhenwu backup` then `zhenwu restore` into an empty data directory gives the same figures, history and photos.

Every step runs the command in a child process with its own data directory and database:
SQLite always, and PostgreSQL when ZHENWU_DATABASE_URL or ZHENWU_TEST_DATABASE_URL names a
server — each site then gets a fresh database of its own on it, dropped afterwards.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
import tarfile
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
POSTGRES_URL = next(
    (
        url
        for url in (os.environ.get("ZHENWU_DATABASE_URL", ""), os.environ.get("ZHENWU_TEST_DATABASE_URL", ""))
        if url.startswith("postgres")
    ),
    "",
)
NO_POSTGRES = "no PostgreSQL server: set ZHENWU_TEST_DATABASE_URL to run the PostgreSQL round trip"
_numbers = itertools.count(1)


@dataclass
class Site:
    """A data directory and a database of its own, as a new installation would have."""

    data_dir: Path
    database_url: str | None = None
    extra_env: dict = field(default_factory=dict)

    def env(self) -> dict:
        env = {**os.environ, "ZHENWU_DATA_DIR": str(self.data_dir), **self.extra_env}
        env.pop("ZHENWU_MEDIA_ROOT", None)
        env.pop("ZHENWU_DATABASE_URL", None)
        if self.database_url:
            env["ZHENWU_DATABASE_URL"] = self.database_url
        return env

    def zhenwu(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "zhenwu", *args],
            capture_output=True,
            text=True,
            env=self.env(),
            cwd=CHECKOUT,
            timeout=600,
        )

    def world(self, command: str) -> dict:
        """Build, change or read the test data through tests/cli/backup_world.py."""
        result = subprocess.run(
            [sys.executable, "-m", "tests.cli.backup_world", command],
            capture_output=True,
            text=True,
            env=self.env(),
            cwd=CHECKOUT,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.splitlines()[-1])

    def media_files(self) -> dict[str, str]:
        media = self.data_dir / "media"
        return {
            str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*"))
            if path.is_file()
        }


class Sites:
    """Makes sites on one engine; on PostgreSQL each gets a new database, dropped at the end."""

    def __init__(self, engine: str, root: Path):
        self.engine, self.root, self.databases = engine, root, []

    def new(self, name: str) -> Site:
        data_dir = self.root / f"{name}-{next(_numbers)}"  # not created: restore starts from nothing
        if self.engine == "sqlite":
            return Site(data_dir)
        database = f"zhenwu_backup_{os.getpid()}_{next(_numbers)}"
        with self._server() as server:
            server.execute(f'CREATE DATABASE "{database}"')
        self.databases.append(database)
        return Site(data_dir, urllib.parse.urlsplit(POSTGRES_URL)._replace(path=f"/{database}").geturl())

    def drop_all(self) -> None:
        if self.databases:
            with self._server() as server:
                for database in self.databases:
                    server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def _server(self):
        import psycopg

        maintenance = urllib.parse.urlsplit(POSTGRES_URL)._replace(path="/postgres").geturl()
        return psycopg.connect(maintenance, autocommit=True)


@pytest.fixture(
    scope="module",
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)),
    ],
)
def sites(request, tmp_path_factory):
    made = Sites(request.param, tmp_path_factory.mktemp(request.param))
    yield made
    made.drop_all()


@pytest.fixture(scope="module")
def source(sites):
    """A site with the test county, a corrected figure, a project photo and a finding with a photo."""
    site = sites.new("source")
    migrated = site.zhenwu("manage", "migrate", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    site.built = site.world("build")
    site.facts = site.world("facts")
    return site


@pytest.fixture(scope="module")
def backup(source):
    """`zhenwu backup` with the default file name; the path is the last line printed."""
    result = source.zhenwu("backup")
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.splitlines()[-1])


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def rewritten(archive: Path, target: Path, *, manifest=None, member=None) -> Path:
    """A copy of the archive with the manifest edited or one member's bytes changed; still a valid .tar.gz."""
    with tarfile.open(archive) as old, tarfile.open(target, "w:gz") as new:
        for info in old.getmembers():
            data = old.extractfile(info).read()
            if info.name == "manifest.json" and manifest:
                document = json.loads(data)
                manifest(document)
                data = json.dumps(document).encode()
            if info.name == member:
                data = data[:-10] + b"0123456789"
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
    return target


def test_a_restore_into_an_empty_data_directory_gives_the_same_figures_history_and_photos(
    sites, source, backup
):
    target = sites.new("restored")
    assert not target.data_dir.exists()

    result = target.zhenwu("restore", str(backup))

    assert result.returncode == 0, result.stderr
    assert "恢复完成" in result.stdout
    restored = target.world("facts")
    assert restored == source.facts
    assert [row[3:5] for row in restored["history"] if row[0] == "GDTZ"] == [
        ["None", "6.0200"],
        ["6.0200", "6.5000"],
    ]
    assert sorted(photo[1] for photo in restored["photos"]) == source.built["photos"]
    assert target.media_files() == source.media_files() and len(target.media_files()) == 4
    assert restored["logins"] is True
    assert stat.S_IMODE(target.data_dir.stat().st_mode) == 0o700


def test_the_archive_holds_a_manifest_the_database_and_the_photos_and_only_its_owner_reads_it(
    sites, source, backup
):
    assert backup.parent == source.data_dir / "backups"
    assert re.fullmatch(r"zhenwu-\d{8}-\d{6}\.tar\.gz", backup.name)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700

    manifest = manifest_of(backup)
    assert manifest["format_version"] == 1 and manifest["zhenwu_version"]
    assert manifest["database"]["engine"] == sites.engine
    assert manifest["migrations"]["ledger"].startswith("00")
    assert manifest["counts"]["ledger.ValueHistory"] == 3
    assert manifest["counts"]["projects.UpdatePhoto"] == 1
    assert manifest["counts"]["inspections.Finding"] == 1
    media = {entry["path"]: entry for entry in manifest["media"]}
    assert {path: entry["sha256"] for path, entry in media.items()} == source.media_files()
    with tarfile.open(backup) as tar:
        names = tar.getnames()
    assert names[0] == "manifest.json"
    assert manifest["database"]["file"] in names
    assert {f"media/{path}" for path in media} <= set(names)


def test_restore_takes_a_freshly_migrated_database_and_refuses_one_with_data_unless_forced(
    sites, source, backup
):
    target = sites.new("migrated")
    assert target.zhenwu("manage", "migrate", "-v", "0").returncode == 0
    assert target.zhenwu("restore", str(backup)).returncode == 0  # a new installation counts as empty

    target.world("change")
    changed = target.world("facts")
    refused = target.zhenwu("restore", str(backup))
    assert refused.returncode == 2
    assert "不是空的" in refused.stderr and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert target.world("facts") == changed

    forced = target.zhenwu("restore", str(backup), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.world("facts") == source.facts


def test_a_damaged_archive_is_refused_in_chinese_and_changes_nothing(sites, source, backup, tmp_path):
    target = sites.new("damaged")
    assert target.zhenwu("restore", str(backup)).returncode == 0
    target.world("change")
    before, media_before = target.world("facts"), target.media_files()

    data = backup.read_bytes()
    photo = next(entry["path"] for entry in manifest_of(backup)["media"])
    flipped = bytearray(data)
    flipped[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    damaged = {
        "truncated": (data[: len(data) * 2 // 3], "已损坏"),
        "bytes overwritten": (bytes(flipped), "已损坏"),
        "a photo changed": (
            rewritten(backup, tmp_path / "p.tar.gz", member=f"media/{photo}").read_bytes(),
            photo,
        ),
        "not an archive": ("这不是备份".encode(), "不是镇务备份"),
        "a plain gzip file": (gzip.compress(b"{}"), "不是镇务备份"),
        "from a newer version": (
            rewritten(
                backup, tmp_path / "n.tar.gz", manifest=lambda m: m["migrations"].update(ledger="9999_future")
            ).read_bytes(),
            "ledger.9999_future",
        ),
    }
    for kind, (content, message) in damaged.items():
        archive = tmp_path / f"{kind}.tar.gz"
        archive.write_bytes(content)
        result = target.zhenwu("restore", str(archive), "--force")
        assert result.returncode == 2, (kind, result.stdout, result.stderr)
        assert message in result.stderr and "未做任何改动" in result.stderr, (kind, result.stderr)
        assert "Traceback" not in result.stderr, (kind, result.stderr)
        assert target.world("facts") == before, kind
        assert target.media_files() == media_before, kind
    assert not [path for path in target.data_dir.rglob("*") if "zhenwu-restore" in path.name]


def test_a_sqlite_database_another_program_holds_open_is_not_replaced(sites, source, backup):
    if sites.engine != "sqlite":
        pytest.skip("SQLite only: on PostgreSQL pg_restore waits for the locks instead of replacing a file")
    target = sites.new("held")
    assert target.zhenwu("restore", str(backup)).returncode == 0
    target.world("change")
    before = target.world("facts")
    holder = sqlite3.connect(target.data_dir / "zhenwu.sqlite3")
    try:
        holder.execute("SELECT COUNT(*) FROM ledger_reportedvalue").fetchone()
        result = target.zhenwu("restore", str(backup), "--force")
    finally:
        holder.close()
    assert result.returncode == 2
    assert "正被其他程序使用" in result.stderr and "zhenwu serve" in result.stderr
    assert target.world("facts") == before


def test_a_backup_is_restored_only_to_the_same_kind_of_database(sites, backup):
    if sites.engine == "sqlite":  # refused before any connection, so the server need not exist
        other = Site(backup.parent.parent / "elsewhere", "postgresql://zhenwu@127.0.0.1:1/zhenwu")
    else:
        other = Site(backup.parent.parent / "elsewhere")
    result = other.zhenwu("restore", str(backup))
    assert result.returncode == 2
    assert "SQLite" in result.stderr and "PostgreSQL" in result.stderr and "同一种数据库" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_backup_from_an_older_version_is_brought_up_to_date(sites, tmp_path):
    older = sites.new("older")
    assert older.zhenwu("manage", "migrate", "-v", "0").returncode == 0
    assert older.zhenwu("manage", "migrate", "assessment", "zero", "-v", "0").returncode == 0
    archive = tmp_path / "older.tar.gz"
    assert older.zhenwu("backup", "-o", str(archive)).returncode == 0
    assert "assessment" not in manifest_of(archive)["migrations"]

    target = sites.new("upgraded")  # a new installation of this version, with tables the backup lacks
    assert target.zhenwu("manage", "migrate", "-v", "0").returncode == 0
    result = target.zhenwu("restore", str(archive))
    assert result.returncode == 0, result.stderr
    assert "已升级数据库结构" in result.stdout
    plan = target.zhenwu("manage", "showmigrations", "--plan")
    assert "[X]  assessment." in plan.stdout and "[ ]" not in plan.stdout


@pytest.mark.skipif(not POSTGRES_URL, reason=NO_POSTGRES)
def test_a_postgresql_backup_names_a_missing_or_older_pg_dump(tmp_path):
    sites = Sites("postgresql", tmp_path)
    try:
        site = sites.new("tools")
        site.extra_env = {"PATH": str(tmp_path / "bin")}
        (tmp_path / "bin").mkdir()
        missing = site.zhenwu("backup")
        assert missing.returncode == 2
        assert "找不到 pg_dump" in missing.stderr and "postgresql-client" in missing.stderr

        old = tmp_path / "bin" / "pg_dump"
        old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
        old.chmod(0o755)
        older = site.zhenwu("backup")
        assert older.returncode == 2
        assert "9.6" in older.stderr and "比数据库服务器" in older.stderr and "Traceback" not in older.stderr
        assert not (site.data_dir / "backups").exists() or not any((site.data_dir / "backups").iterdir())
    finally:
        sites.drop_all()
