"""An Office file is checked from its zip directory, then by unzipping each part once under a cap."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from tests.probes import hostile
from zhenwu.documents.packages import MB, PackageLimits, RefusedPackage, check_package

LIMITS = PackageLimits()


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(data: bytes, limits: PackageLimits = LIMITS) -> str:
    with pytest.raises(RefusedPackage) as refused:
        check_package(data, limits)
    return str(refused.value)


def test_a_report_with_large_photos_passes():
    photos = {f"word/media/image{n}.jpeg": os.urandom(6 * MB) for n in range(3)}  # photos do not compress
    data = zipped({"word/document.xml": b"<w:document/>" * 1000, **photos})
    assert check_package(data, LIMITS) is None


def test_an_xml_part_past_its_limit_is_named_with_the_size_it_claims():
    data = zipped({"xl/worksheets/sheet1.xml": b"<row/>" * (MB // 6 + 100)})
    assert refusal(data, PackageLimits(xml_part_bytes=MB)) == (
        "文件中单个部件解压后超过 1 MB 的上限（xl/worksheets/sheet1.xml 声称 1.0 MB）"
    )


def test_a_part_that_compresses_like_a_bomb_is_refused_by_its_ratio():
    data = zipped({"word/media/image1.bmp": bytes(20 * MB)})
    message = refusal(data)
    assert message.startswith("文件中 word/media/image1.bmp 的压缩比超过 100 倍的上限（")
    assert message.endswith(" KB 解压后声称 20 MB），疑为压缩炸弹")


def test_the_parts_together_past_the_total_are_refused():
    data = zipped({f"word/media/image{n}.jpeg": os.urandom(MB) for n in range(4)})
    assert refusal(data, PackageLimits(total_bytes=3 * MB)) == (
        "文件解压后超过 3 MB 的上限（到 word/media/image3.jpeg 已声称 4 MB）"
    )


def test_too_many_parts_are_refused_without_reading_them():
    data = zipped({f"xl/worksheets/sheet{n}.xml": b"<worksheet/>" for n in range(12)})
    assert refusal(data, PackageLimits(parts=10)) == "文件含 12 个部件，超过 10 个的上限"


def test_a_directory_that_understates_a_part_is_caught_by_its_bytes():
    honest = hostile.repeated(b"<worksheet><sheetData>", b"<row/>" * 1000, 1000, b"</sheetData></worksheet>")
    lying = hostile.zip_of([hostile.Part("xl/worksheets/sheet1.xml", honest.deflated, honest.crc, 1024)])
    assert refusal(lying) == "文件已损坏：xl/worksheets/sheet1.xml 的实际内容与文件目录不符"


def test_what_is_not_a_zip_is_left_for_the_reader_to_name():
    assert check_package(b"not a zip", LIMITS) is None
