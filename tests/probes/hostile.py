"""Hostile files built in the test, the way a probe of the running demo built them.

A compression bomb is real: its parts inflate to what their directory says (1.1 GB), so an
unguarded reader would really stall. They are cheap to build because deflate restarts after a
full flush: one compressed megabyte, repeated, is a valid stream of a thousand megabytes.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from tests.checking.test_check_page import make_docx as docx

MB = 1024 * 1024
BOMB_MB = 1100


@dataclass(frozen=True)
class Part:
    """One zip member as it will be written: deflated bytes, their CRC and the size the directory claims."""

    name: str
    deflated: bytes
    crc: int
    size: int


def deflated(data: bytes) -> Part:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Part("", packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def repeated(head: bytes, chunk: bytes, times: int, tail: bytes) -> Part:
    """``head + chunk * times + tail`` deflated without ever holding it: the chunk is compressed once."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return Part("", start + block * times + end, crc, len(head) + len(chunk) * times + len(tail))


def zip_of(parts: list[Part]) -> bytes:
    """A plain zip (no zip64: every part under 4 GB) written by hand, so a part can claim any size."""
    out, directory = io.BytesIO(), io.BytesIO()
    for part in parts:
        name = part.name.encode()
        offset = out.tell()
        fields = (20, 0, 8, 0, 0x21, part.crc, len(part.deflated), part.size, len(name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + part.deflated)
        directory.write(
            struct.pack("<IH", 0x02014B50, 20)
            + struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, 0, offset)
            + name
        )
    start, size = out.tell(), directory.tell()
    out.write(directory.getvalue())
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), size, start, 0))
    return out.getvalue()


def rebuilt(data: bytes, name: str, part: Part) -> bytes:
    """``data`` (a real .xlsx or .docx) with the part ``name`` replaced."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = [
            Part(info.filename, *_fields(deflated(source.read(info))))
            for info in source.infolist()
            if info.filename != name
        ]
    return zip_of([*parts, Part(name, part.deflated, part.crc, part.size)])


def _fields(part: Part) -> tuple[bytes, int, int]:
    return part.deflated, part.crc, part.size


def sheet_xml(data: bytes) -> tuple[bytes, bytes]:
    """The first sheet's XML split around <sheetData>'s content, with its <dimension> removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        xml = source.read("xl/worksheets/sheet1.xml")
    xml = re.sub(rb"<dimension [^>]*/>", b"", xml)
    head, rest = re.split(rb"<sheetData\s*/>|<sheetData>", xml, maxsplit=1)
    tail = rest.split(b"</sheetData>", 1)[-1]
    return head + b"<sheetData>", b"</sheetData>" + tail


def workbook(sheet: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = sheet
    book.active["A1"] = "标题"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_bomb(sheet: str, megabytes: int = BOMB_MB) -> bytes:
    """An .xlsx whose sheet, with no <dimension>, holds a million rows: 2-3 MB that unzip to 1.1 GB."""
    data = workbook(sheet)
    head, tail = sheet_xml(data)
    row = b'<row><c t="n"><v>1</v></c></row>'
    chunk = row * (MB // len(row))
    return rebuilt(data, "xl/worksheets/sheet1.xml", repeated(head, chunk, megabytes, tail))


def whitespace_sheet(sheet: str, megabytes: int = BOMB_MB) -> bytes:
    """An .xlsx whose sheet is a gigabyte of spaces inside <sheetData>: about 1 MB as uploaded."""
    data = workbook(sheet)
    head, tail = sheet_xml(data)
    return rebuilt(data, "xl/worksheets/sheet1.xml", repeated(head, b" " * MB, megabytes, tail))


def lying_sheet(sheet: str, megabytes: int = 50) -> bytes:
    """An .xlsx whose directory says its sheet is 1 KB while the bytes inflate to ``megabytes``."""
    data = workbook(sheet)
    head, tail = sheet_xml(data)
    row = b'<row><c t="n"><v>1</v></c></row>'
    honest = repeated(head, row * (MB // len(row)), megabytes, tail)
    return rebuilt(data, "xl/worksheets/sheet1.xml", Part("", honest.deflated, honest.crc, 1024))


def docx_bomb(megabytes: int = BOMB_MB) -> bytes:
    """A .docx whose word/document.xml inflates to 1.1 GB of paragraphs."""
    data = docx("上半年完成固定资产投资6.02亿元。")
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        xml = source.read("word/document.xml")
    head, tail = xml.split(b"<w:body>", 1)
    paragraph = "<w:p><w:r><w:t>上半年完成固定资产投资6.02亿元。</w:t></w:r></w:p>".encode()
    chunk = paragraph * (MB // len(paragraph))
    return rebuilt(data, "word/document.xml", repeated(head + b"<w:body>", chunk, megabytes, tail))


def pdf(*pages: str) -> bytes:
    """A PDF with one line of (ASCII) text on each page, written by hand."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
