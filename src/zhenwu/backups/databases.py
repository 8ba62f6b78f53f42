"""Copying the configured database out and back: SQLite through its online backup API, PostgreSQL through pg_dump.

A copy is consistent while the site runs: SQLite's backup API reads one snapshot, and
pg_dump reads the snapshot of the transaction that also counts the rows for the manifest.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, connections, transaction

from zhenwu.backups.archive import BackupError

ENGINES = {"django.db.backends.sqlite3": "sqlite", "django.db.backends.postgresql": "postgresql"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
DUMP_FILES = {"sqlite": "database/zhenwu.sqlite3", "postgresql": "database/zhenwu.pgdump"}
# Rows a migration writes into a new database (inspections.0002 fills the finding categories): a new
# installation has them, so they do not make a database "not empty".
FILLED_BY_MIGRATIONS = {"inspections.FindingCategory"}
INSTALL_HINT = "PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install postgresql-client）"


def engine() -> str:
    """``sqlite`` or ``postgresql``: the configured database's kind, as the manifest names it."""
    return ENGINES[settings.DATABASES["default"]["ENGINE"]]


def data_models() -> list:
    """The models whose rows are the site's data: every Zhenwu app's, and the user accounts."""
    models = [model for model in apps.get_models() if model.__module__.startswith("zhenwu.")]
    return [get_user_model(), *models]


def snapshot_facts(cursor, tables: set[str]) -> dict:
    """Migration state, table names and row counts, read through ``cursor`` (a DB-API cursor of either engine)."""
    migrations = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, MAX(name) FROM django_migrations GROUP BY app ORDER BY app")
        migrations = dict(cursor.fetchall())
    counts = {}
    for model in data_models():
        if model._meta.db_table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(model._meta.db_table)}")
            counts[model._meta.label] = cursor.fetchone()[0]
    return {"migrations": migrations, "tables": sorted(tables), "counts": counts}


def dump(target: Path) -> tuple[dict, dict]:
    """Copy the database to ``target``; the engine and tool versions, and the snapshot's facts."""
    if engine() == "sqlite":
        return _dump_sqlite(target)
    return _dump_postgresql(target)


def _dump_sqlite(target: Path) -> tuple[dict, dict]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file in the archive
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        facts = snapshot_facts(cursor, {name for (name,) in cursor.fetchall()})
    finally:
        copy.close()
    return {"engine": "sqlite"}, facts


def _dump_postgresql(target: Path) -> tuple[dict, dict]:
    server = server_version()
    pg_dump, version = client_tool("pg_dump", server, "备份")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        facts = snapshot_facts(cursor, set(connection.introspection.table_names(cursor)))
        run_client(
            [
                pg_dump,
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--file={target}",
                f"--dbname={_database_name()}",
            ],
            "pg_dump 备份失败",
        )
    return {"engine": "postgresql", "server_version": server, "pg_dump_version": version}, facts


def server_version() -> str:
    """The PostgreSQL server's version, such as ``15.20``."""
    number = connection.pg_version  # e.g. 150020
    return f"{number // 10000}.{number % 10000}"


def _major(version: str) -> int:
    return int(version.split(".")[0])


def client_tool(name: str, needed: str, doing: str, against: str = "数据库服务器") -> tuple[str, str]:
    """The path and version of pg_dump or pg_restore, refused when missing or older than ``needed`` (of ``against``)."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"找不到 {name}：{doing} PostgreSQL 数据库需要 {INSTALL_HINT}，装好后再运行。")
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    found = re.search(r"\)\s*(\d+(?:\.\d+)?)", output)
    if found is None:
        raise BackupError(f"{path} 没有给出版本号（输出为 {output.strip()!r}）：请检查 {INSTALL_HINT}。")
    version = found.group(1)
    if _major(version) < _major(needed):
        raise BackupError(
            f"{name} 的版本 {version} 比{against}的版本 {needed} 旧，无法{doing}："
            f"请安装 PostgreSQL {_major(needed)} 或更新的客户端工具（postgresql-client-{_major(needed)}）。"
        )
    return path, version


def run_client(command: list[str], failure: str) -> None:
    """Run pg_dump or pg_restore with the configured connection; the password goes in PGPASSWORD, never the command."""
    result = subprocess.run(command, capture_output=True, text=True, env=_client_environment(), check=False)
    if result.returncode != 0:
        raise BackupError(f"{failure}：{result.stderr.strip() or result.stdout.strip()}")


def _client_environment() -> dict:
    config = settings.DATABASES["default"]
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if config.get(key):
            env[variable] = str(config[key])
    for option in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if config.get("OPTIONS", {}).get(option):
            env[f"PG{option.upper()}"] = str(config["OPTIONS"][option])
    return env


def _database_name() -> str:
    return str(settings.DATABASES["default"]["NAME"])


def rows_counted() -> dict[str, int]:
    """Row counts of the data tables in the configured database, by model label."""
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        return snapshot_facts(cursor, tables)["counts"]


def rows_present() -> dict[str, int]:
    """Row counts of the data tables that hold any row now (a new installation has none)."""
    counts = rows_counted()
    return {label: count for label, count in counts.items() if count and label not in FILLED_BY_MIGRATIONS}


def restore(dump_file: Path, manifest: dict) -> None:
    """Put the copy in the archive in place of the configured database, in one step that either happens or not."""
    if engine() == "sqlite":
        _restore_sqlite(dump_file)
    else:
        _restore_postgresql(dump_file, manifest)


def _restore_sqlite(copy: Path) -> None:
    target = Path(settings.DATABASES["default"]["NAME"])
    check = sqlite3.connect(copy)
    try:
        verdict = check.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        verdict = str(error)
    finally:
        check.close()
    if verdict != "ok":
        raise BackupError(f"备份中的数据库文件已损坏（SQLite 检查结果：{verdict}），未做任何改动。")
    connections.close_all()
    if target.exists():
        _leave_wal_mode(target)
    copy.chmod(0o600)
    os.replace(copy, target)
    for suffix in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


def _leave_wal_mode(target: Path) -> None:
    """Fold the old database's write-ahead log into it, so no stale -wal file is replayed into the new one.

    This needs the only connection to the database: a running site holding one is named.
    """
    old = sqlite3.connect(target, timeout=2)
    try:
        mode = old.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        mode = str(error)
    finally:
        old.close()
    if mode != "delete":
        raise BackupError(
            f"数据库 {target} 正被其他程序使用（{mode}）：请先停止 zhenwu serve 再恢复，未做任何改动。"
        )


def _restore_postgresql(dump_file: Path, manifest: dict) -> None:
    database = manifest["database"]
    pg_restore, _ = client_tool(
        "pg_restore", database.get("pg_dump_version", "0"), "恢复", "生成备份的 pg_dump"
    )
    # Tables of a newer schema that the backup does not have would survive --clean and block the
    # migrations that recreate them; they are dropped first (the database is empty or --force was given).
    extra = set(connection.introspection.table_names()) - set(manifest.get("tables", []))
    with transaction.atomic(), connection.cursor() as cursor:
        for table in sorted(extra):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connections.close_all()
    run_client(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={_database_name()}",
            str(dump_file),
        ],
        "pg_restore 恢复失败，数据库保持原样",
    )
