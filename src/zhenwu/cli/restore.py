"""``zhenwu restore FILE``: put a backup's database and uploaded files back, then migrate to this version.

Stop the site first. Refuses a database that already holds data unless --force is given,
a backup of another kind of database, and a damaged file; exit status 2 with the reason,
and nothing changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="zhenwu backup 生成的 .tar.gz 备份文件")
    parser.add_argument(
        "--force", action="store_true", help="当前数据库已有数据时也恢复：用备份替换全部数据和照片"
    )


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from django.conf import settings

    from zhenwu.backups import BackupError
    from zhenwu.backups.operations import restore_backup
    from zhenwu.cli.backup import describe_database, describe_media

    print(f"数据目录：{settings.DATA_DIR}", flush=True)
    try:
        result = restore_backup(args.file, force=args.force)
    except BackupError as error:
        print(f"zhenwu restore: {error}", file=sys.stderr)
        return 2
    manifest = result.manifest
    print(f"备份：{args.file}（{manifest['created_at']} 由镇务 {manifest['zhenwu_version']} 生成）")
    print(f"已恢复数据库：{describe_database(manifest)}")
    print(f"已恢复照片和附件：{describe_media(manifest)}，校验和一致")
    if result.migrations_applied:
        print(f"已升级数据库结构：执行了 {result.migrations_applied} 个迁移")
    print(f"恢复完成，用时 {result.seconds:.1f} 秒。")
    return 0
