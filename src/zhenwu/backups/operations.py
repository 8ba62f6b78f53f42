"""What ``zhenwu backup`` and ``zhenwu restore`` do, with Django set up."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from zhenwu import __version__
from zhenwu.backups import databases
from zhenwu.backups.archive import (
    FORMAT,
    FORMAT_VERSION,
    MEDIA,
    PRIVATE_PREFIX,
    BackupError,
    file_entry,
    media_entries,
    read_manifest,
    unpack,
    write_archive,
)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict
    migrations_applied: int
    seconds: float


def create_backup(output: Path | None = None) -> BackupResult:
    """Write the database and the media files to one .tar.gz with a manifest; safe while the site runs."""
    started = time.monotonic()
    target = _backup_path(output)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix=PRIVATE_PREFIX, dir=target.parent) as staging:
        dump_file = Path(staging) / "database"
        about, facts = databases.dump(dump_file)
        media = media_entries(media_root)  # after the database: a photo added meanwhile is only extra
        name = databases.DUMP_FILES[about["engine"]]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "zhenwu_version": __version__,
            "created_at": timezone.localtime().isoformat(timespec="seconds"),
            "database": {"file": name, **file_entry(dump_file), **about},
            **facts,  # migrations, tables, counts
            "media": media,
        }
        members = [(name, dump_file)] + [
            (f"{MEDIA}/{entry['path']}", media_root / entry["path"]) for entry in media
        ]
        write_archive(target, manifest, members)
    return BackupResult(target, manifest, time.monotonic() - started)


def _backup_path(output: Path | None) -> Path:
    """The file to write: the one given, or a new name in the data directory's backups folder (owner only)."""
    if output is None:
        folder = Path(settings.DATA_DIR) / "backups"
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)
        target = folder / f"zhenwu-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
    else:
        target = output.expanduser().absolute()
        if not target.name.endswith((".tar.gz", ".tgz")):
            raise BackupError(f"备份文件名应以 .tar.gz 结尾：{output}")
        if not target.parent.is_dir():
            raise BackupError(f"目录 {target.parent} 不存在：请先建好它，或换一个位置。")
    if target.exists():
        raise BackupError(f"文件 {target} 已存在：请换一个文件名，或先移走它。")
    return target


def restore_backup(archive: Path, *, force: bool = False) -> RestoreResult:
    """Replace the database and the media files with a backup's, then migrate it to this version.

    Everything is checked and unpacked beside its place before anything is replaced, so a
    refused or damaged backup changes nothing.
    """
    started = time.monotonic()
    manifest = read_manifest(archive)
    _check_compatible(manifest)
    if not force:
        _check_empty()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    database_folder = (
        Path(settings.DATABASES["default"]["NAME"]).parent
        if databases.engine() == "sqlite"
        else Path(settings.DATA_DIR)
    )
    database_staging = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}restore-", dir=database_folder))
    media_staging = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}restore-", dir=media_root))
    database_file = manifest["database"]["file"]
    try:
        unpack(
            archive,
            manifest,
            lambda name: (
                database_staging / "database"
                if name == database_file
                else media_staging / name.removeprefix(f"{MEDIA}/")
            ),
        )
        databases.restore(database_staging / "database", manifest)
        _replace_media(media_staging, media_root)
    finally:
        shutil.rmtree(database_staging, ignore_errors=True)
        shutil.rmtree(media_staging, ignore_errors=True)
    _check_counts(manifest)
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    call_command("migrate", interactive=False, verbosity=0)
    return RestoreResult(manifest, pending, time.monotonic() - started)


def _check_compatible(manifest: dict) -> None:
    """Refuse a backup of another kind of database, or one whose schema this version does not know."""
    backup_engine, current = manifest["database"].get("engine"), databases.engine()
    if backup_engine != current:
        names = databases.ENGINE_NAMES
        raise BackupError(
            f"这是 {names.get(backup_engine, backup_engine)} 数据库的备份，当前配置的数据库是 {names[current]}："
            f"备份只能恢复到同一种数据库（不支持跨数据库恢复）。"
            f"请把 ZHENWU_DATABASE_URL 指向一个 {names.get(backup_engine, backup_engine)} 数据库再恢复，未做任何改动。"
        )
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}" for app, name in manifest.get("migrations", {}).items() if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            f"备份由较新版本的镇务（{manifest.get('zhenwu_version')}）生成，本版本（{__version__}）"
            f"没有它的数据库迁移 {'、'.join(unknown)}：请先升级镇务再恢复，未做任何改动。"
        )


def _check_empty() -> None:
    present = databases.rows_present()
    if present:
        from django.apps import apps

        listed = "、".join(
            f"{apps.get_model(label)._meta.verbose_name_plural} {count} 行"
            for label, count in list(present.items())[:4]
        )
        more = f"等 {len(present)} 张表" if len(present) > 4 else ""
        raise BackupError(
            f"当前数据库不是空的（{listed}{more}）：恢复会用备份替换全部数据和照片。"
            f"确认要替换请加 --force 再运行，未做任何改动。"
        )


def _replace_media(staged: Path, media_root: Path) -> None:
    """Swap the media folder's contents for the restored files by renames inside the folder (which may be a mount)."""
    old = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}old-", dir=media_root))
    for entry in list(media_root.iterdir()):
        if entry not in (staged, old):
            entry.rename(old / entry.name)
    for entry in list(staged.iterdir()):
        entry.rename(media_root / entry.name)
    shutil.rmtree(old)


def _check_counts(manifest: dict) -> None:
    """Every table has as many rows as the manifest says it had when the backup was made."""
    restored = databases.rows_counted()
    for label, count in manifest.get("counts", {}).items():
        if restored.get(label) != count:
            raise BackupError(
                f"恢复后的数据与备份清单不符：{label} 备份时 {count} 行，恢复后 {restored.get(label, 0)} 行。"
                f"请保留备份文件，并把这条消息报告给维护人员。"
            )
