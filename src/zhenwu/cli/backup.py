"""``zhenwu backup``: the database and the uploaded files in one .tar.gz, safe to take while the site runs.

The last line printed is the backup file's path alone, for scripts. Exit status 2 when the
backup cannot be made (the message says why).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="备份文件（.tar.gz）；默认为 数据目录/backups/zhenwu-年月日-时分秒.tar.gz",
    )


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.backups import BackupError
    from zhenwu.backups.operations import create_backup

    try:
        result = create_backup(args.output)
    except BackupError as error:
        print(f"zhenwu backup: {error}", file=sys.stderr)
        return 2
    manifest = result.manifest
    print(f"数据库：{describe_database(manifest)}")
    print(f"照片和附件：{describe_media(manifest)}")
    print(f"备份完成，用时 {result.seconds:.1f} 秒，文件大小 {file_size(result.path.stat().st_size)}：")
    print(result.path)
    return 0


def describe_database(manifest: dict) -> str:
    from zhenwu.backups.databases import ENGINE_NAMES

    engine = manifest["database"]["engine"]
    rows = sum(manifest["counts"].values())
    return f"{ENGINE_NAMES.get(engine, engine)}，{len(manifest['counts'])} 张数据表共 {rows} 行"


def describe_media(manifest: dict) -> str:
    return f"{len(manifest['media'])} 个文件，{file_size(sum(entry['size'] for entry in manifest['media']))}"


def file_size(size: int) -> str:
    """Bytes as a person reads them: ``28.4 KB``, ``61.0 MB``."""
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
