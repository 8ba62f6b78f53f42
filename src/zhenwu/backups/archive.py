"""The backup file: a .tar.gz whose first member is a JSON manifest listing every other member's size and sha256.

Nothing here knows Django. Reading never trusts the archive: only the files the manifest
lists are written, each to a place the caller chooses, and each is checked against its
size and checksum as it is written.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

FORMAT = "zhenwu-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
PRIVATE_PREFIX = ".zhenwu-"  # our own work folders inside the media folder, never backed up
CHUNK = 1024 * 1024
# What a damaged or foreign file raises while it is read: a bad gzip stream, a cut-off file, a bad tar header.
UNREADABLE = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError, ValueError)


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do, in Chinese."""


def file_entry(path: Path) -> dict:
    """Size and sha256 of a file, as the manifest lists it."""
    with path.open("rb") as stream:
        digest = hashlib.file_digest(stream, "sha256").hexdigest()
        return {"size": os.fstat(stream.fileno()).st_size, "sha256": digest}


def media_entries(root: Path) -> list[dict]:
    """Every uploaded file under the media folder, sorted, with its path relative to the folder."""
    entries = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(PRIVATE_PREFIX))
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                entries.append({"path": path.relative_to(root).as_posix(), **file_entry(path)})
    return entries


def write_archive(target: Path, manifest: dict, members: list[tuple[str, Path]]) -> None:
    """Write the manifest and the files (name in the archive, path on disk) to ``target``, readable by its owner only.

    The archive is written beside the target and renamed into place, so a failed backup
    leaves no half-written file under the target's name.
    """
    partial = target.with_name(f"{PRIVATE_PREFIX}{target.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar,
        ):
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
            tar.addfile(info, io.BytesIO(data))
            for name, path in members:
                tar.add(path, arcname=name, recursive=False, filter=_anonymous)
        os.replace(partial, target)
    except FileNotFoundError as error:
        raise BackupError(
            f"文件 {error.filename} 在备份过程中被删除了：请重新运行 zhenwu backup。"
        ) from error
    finally:
        partial.unlink(missing_ok=True)


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Leave out the server's user and group names, which mean nothing where the backup is restored."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def read_manifest(archive: Path) -> dict:
    """The manifest of a backup file, checked for format and version; BackupError when it is not a backup."""
    if not archive.is_file():
        raise BackupError(f"找不到备份文件 {archive}，未做任何改动。")
    try:
        with tarfile.open(archive, "r|gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupError(
                    f"备份文件 {archive.name} 开头没有清单 {MANIFEST}：不是镇务备份（zhenwu backup 生成的 .tar.gz），未做任何改动。"
                )
            manifest = json.loads(tar.extractfile(first).read())
    except BackupError:
        raise
    except UNREADABLE as error:
        raise BackupError(
            f"备份文件 {archive.name} 已损坏或不是镇务备份（{_reason(error)}），未做任何改动。"
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"备份文件 {archive.name} 的清单不是镇务备份的清单，未做任何改动。")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"备份文件 {archive.name} 的格式版本 {version} 比本程序能读的 {FORMAT_VERSION} 新：请先升级镇务再恢复，未做任何改动。"
        )
    shapes = {"database": dict, "migrations": dict, "tables": list, "counts": dict, "media": list}
    wrong = [key for key, shape in shapes.items() if not isinstance(manifest.get(key), shape)]
    if wrong or not all(isinstance(entry, dict) for entry in manifest["media"]):
        raise BackupError(
            f"备份文件 {archive.name} 的清单不完整（{'、'.join(wrong) or 'media'}），未做任何改动。"
        )
    for entry in manifest_files(manifest).values():
        _check_entry(archive, entry)
    return manifest


def manifest_files(manifest: dict) -> dict[str, dict]:
    """Every file the manifest lists, by its name in the archive."""
    files = {manifest["database"].get("file"): manifest["database"]}
    files.update({f"{MEDIA}/{entry.get('path')}": entry for entry in manifest["media"]})
    return files


def _check_entry(archive: Path, entry: dict) -> None:
    name = entry.get("file") or entry.get("path")
    path = PurePosixPath(str(name))
    if (
        not name
        or not isinstance(name, str)
        or path.is_absolute()
        or not path.parts
        or ".." in path.parts
        or "\\" in name
        or not isinstance(entry.get("size"), int)
        or not isinstance(entry.get("sha256"), str)
    ):
        raise BackupError(f"备份文件 {archive.name} 的清单中有不安全或不完整的条目 {name!r}，未做任何改动。")


def unpack(archive: Path, manifest: dict, place: Callable[[str], Path]) -> None:
    """Write each file the manifest lists to ``place(name)``, checking its size and sha256.

    Anything in the archive that the manifest does not list, a file that does not match,
    and a file the manifest lists that is missing are all refused with the file's name.
    """
    expected = manifest_files(manifest)
    seen = set()
    try:
        with tarfile.open(archive, "r|gz") as tar:
            for info in tar:
                if info.name == MANIFEST and not seen:
                    continue
                entry = expected.get(info.name)
                if entry is None or not info.isfile() or info.name in seen:
                    raise BackupError(
                        f"备份文件 {archive.name} 中有清单之外的内容 {info.name}，未做任何改动。"
                    )
                seen.add(info.name)
                _copy_checked(archive, info.name, tar.extractfile(info), place(info.name), entry)
    except BackupError:
        raise
    except UNREADABLE as error:
        if isinstance(error, OSError) and error.filename:  # our own disk, not the archive
            raise BackupError(f"写入 {error.filename} 失败（{error.strerror}），未做任何改动。") from error
        raise BackupError(f"备份文件 {archive.name} 已损坏（{_reason(error)}），未做任何改动。") from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(
            f"备份文件 {archive.name} 不完整：缺少 {missing[0]} 等 {len(missing)} 个文件，未做任何改动。"
        )


def _copy_checked(archive: Path, name: str, source, target: Path, entry: dict) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError(f"备份文件 {archive.name} 已损坏：{name} 的大小或校验和与清单不符，未做任何改动。")


def _reason(error: Exception) -> str:
    if isinstance(error, EOFError):
        return "文件不完整，可能没有复制完"
    if isinstance(error, zlib.error | tarfile.ReadError | tarfile.StreamError) or "CRC" in str(error):
        return "压缩数据有误"
    return str(error) or type(error).__name__
