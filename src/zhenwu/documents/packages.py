"""Refuse an Office file (.xlsx, .docx) that would cost too much to open, before any parser sees it.

An Office file is a zip: a 3 MB upload can unzip to gigabytes (a compression bomb), and its
directory may understate what a part really holds. ``check_package`` reads the directory
(number of parts, each part's claimed size and compression ratio, the total), then unzips
every part once through a capped read, so a directory that lies is caught by the bytes
themselves. Only then may openpyxl or python-docx open the file; they read the same parts.
The limits follow Apache POI's ``ZipSecureFile`` (a ratio of 100 on large parts).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

MB = 1024 * 1024
RATIO_FLOOR = MB  # a part smaller than this may compress as well as it likes
CHUNK = 64 * 1024
PARSED_SUFFIXES = (".xml", ".rels", ".vml")  # parts a parser builds a tree from; photos are only copied


class RefusedPackage(Exception):
    """The file is refused before parsing; the message names the limit (or the damage) in Chinese."""


@dataclass(frozen=True)
class PackageLimits:
    """What one Office file may hold once unzipped; far above any real 报表 or report."""

    total_bytes: int = 100 * MB  # every part together
    xml_part_bytes: int = 5 * MB  # one XML part (a sheet, document.xml): what a parser holds at once
    parts: int = 1000
    ratio: int = 100  # unzipped / zipped, for a part over RATIO_FLOOR


def size_text(size: int) -> str:
    """A byte count as people read it.

    >>> size_text(1_153_433_600), size_text(5 * MB), size_text(2_500)
    ('1,100 MB', '5 MB', '2.4 KB')
    """
    if size >= MB:
        return f"{size / MB:,.0f} MB" if size % MB == 0 or size >= 10 * MB else f"{size / MB:,.1f} MB"
    return f"{size / 1024:,.1f} KB"


def check_package(data: bytes, limits: PackageLimits) -> None:
    """Raise ``RefusedPackage`` if ``data`` is a zip past ``limits``, by its directory or by its bytes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip at all: nothing to unzip, and the reader says so in its own words
    with archive:
        parts = archive.infolist()
        _check_directory(parts, limits)
        for part in parts:
            _read_capped(archive, part)


def _check_directory(parts: list[zipfile.ZipInfo], limits: PackageLimits) -> None:
    if len(parts) > limits.parts:
        raise RefusedPackage(f"文件含 {len(parts):,} 个部件，超过 {limits.parts:,} 个的上限")
    total = 0
    for part in parts:
        claimed = part.file_size
        if part.filename.lower().endswith(PARSED_SUFFIXES) and claimed > limits.xml_part_bytes:
            raise RefusedPackage(
                f"文件中单个部件解压后超过 {size_text(limits.xml_part_bytes)} 的上限"
                f"（{part.filename} 声称 {size_text(claimed)}）"
            )
        if claimed > RATIO_FLOOR and claimed > limits.ratio * max(part.compress_size, 1):
            raise RefusedPackage(
                f"文件中 {part.filename} 的压缩比超过 {limits.ratio} 倍的上限"
                f"（{size_text(part.compress_size)} 解压后声称 {size_text(claimed)}），疑为压缩炸弹"
            )
        total += claimed
        if total > limits.total_bytes:
            raise RefusedPackage(
                f"文件解压后超过 {size_text(limits.total_bytes)} 的上限（到 {part.filename} 已声称 {size_text(total)}）"
            )


def _read_capped(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Unzip one part, stopping at the size its directory entry claims: more, or other bytes, is damage."""
    read = 0
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                read += len(chunk)
                if read > part.file_size:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        read = part.file_size + 1  # a bad checksum or a broken stream: the directory does not match the bytes
    except NotImplementedError as error:
        raise RefusedPackage(
            f"文件中 {part.filename} 的压缩方式不受支持，请用 Office 或 WPS 另存后再上传"
        ) from error
    except RuntimeError as error:  # an encrypted part
        raise RefusedPackage(f"文件中 {part.filename} 已加密，请去掉密码后再上传") from error
    if read > part.file_size:
        raise RefusedPackage(f"文件已损坏：{part.filename} 的实际内容与文件目录不符")
