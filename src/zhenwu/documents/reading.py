"""Read a report into plain text: .txt in any Chinese encoding, .docx in reading order with
its tables, .pdf with a text layer, or pasted text.

For .docx the text is built from the runs of every paragraph, so that an offset in the text
can be traced back to its run (``docx_segments``) — that is how 核稿 anchors Word comments.
Heavy libraries are imported inside the functions that need them.

Reading is bounded (``ReadLimits``): a .docx is checked from its zip directory before python-docx
opens it, a .pdf is read up to a number of pages, and any text past a number of characters is
refused, so no file can hold a reader for long.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from zhenwu.documents.packages import PackageLimits, RefusedPackage, check_package, size_text

SUFFIXES = (".txt", ".text", ".md", ".docx", ".pdf")


class UnreadableDocument(Exception):
    """The input cannot be read as a report; the message says why, in Chinese."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """The plain text of a document and how it was read."""

    text: str
    kind: str  # "txt", "docx" or "pdf"
    encoding: str | None = None


@dataclass(frozen=True)
class ReadLimits:
    """What reading one report may cost; a real half-year summary has some 20,000 characters."""

    chars: int = 200_000
    pdf_pages: int = 300
    package: PackageLimits = field(default_factory=PackageLimits)


DEFAULT_LIMITS = ReadLimits()


def within_limit(text: str, limits: ReadLimits) -> str:
    """``text`` itself, or ``UnreadableDocument`` naming the character limit it passes."""
    if len(text) > limits.chars:
        raise UnreadableDocument(f"文字超过 {limits.chars:,} 字的上限（有 {len(text):,} 字），请拆分成几份")
    return text


def read_path(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Extracted:
    """Read a report file, choosing the reader by its suffix."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(f"文件不存在：{path}") from None
    except IsADirectoryError:
        raise UnreadableDocument(f"这是一个文件夹，不是文件：{path}") from None
    except OSError as error:
        raise UnreadableDocument(f"无法读取文件 {path}：{error.strerror}") from None
    return read_bytes(data, path.suffix, limits)


def read_bytes(data: bytes, suffix: str, limits: ReadLimits = DEFAULT_LIMITS) -> Extracted:
    """Read a report from its bytes; ``suffix`` is the file name's extension (".docx")."""
    suffix = suffix.lower()
    if suffix == ".docx":
        return Extracted(docx_text(data, limits), "docx")
    if suffix == ".pdf":
        return Extracted(pdf_text(data, limits), "pdf")
    if suffix in (".txt", ".text", ".md", ""):
        if len(data) > 4 * limits.chars:  # four bytes hold any character, in any encoding
            raise UnreadableDocument(
                f"文本有 {size_text(len(data))}，超过 {limits.chars:,} 字的上限，请拆分成几份"
            )
        text, encoding = decode_text(data)
        return Extracted(within_limit(text, limits), "txt", encoding)
    if suffix == ".doc":
        raise UnreadableDocument("不支持旧版 Word（.doc）文件，请另存为 .docx 后再核稿")
    raise UnreadableDocument(f"不支持的文件类型“{suffix}”，请使用 .txt、.docx 或 .pdf")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (with or without BOM), else the detected Chinese encoding.

    >>> decode_text("镇".encode("gbk"))[0], decode_text("镇".encode("utf-8-sig"))
    ('镇', ('镇', 'utf-8'))
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument("这不是文本文件（含二进制内容）")
    try:
        return _normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _detect(data)
    try:
        return _normalise_newlines(data.decode(encoding)), encoding
    except (UnicodeDecodeError, LookupError):
        raise UnreadableDocument("无法识别文本编码（试过 UTF-8、GB18030）") from None


def _detect(data: bytes) -> str:
    """GB18030 covers GBK and GB2312; trust the detector only for something else it is sure of."""
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else "gb18030"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- .docx -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """One paragraph of a .docx: where it starts in the text and the runs that make it up."""

    start: int
    end: int
    paragraph: object  # docx.text.paragraph.Paragraph
    runs: list  # [(offset in text, docx.text.run.Run)]


def open_docx(data: bytes, limits: PackageLimits = DEFAULT_LIMITS.package):
    """Open .docx bytes with python-docx once its zip is within ``limits``; a broken file is ``UnreadableDocument``."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        check_package(data, limits)
    except RefusedPackage as error:
        raise UnreadableDocument(str(error)) from None
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise UnreadableDocument(f"无法打开 .docx 文件（文件损坏或不是 Word 文档）：{error}") from None
    except Exception as error:  # zipfile.BadZipFile, lxml errors: all mean a broken file
        raise UnreadableDocument(f"无法打开 .docx 文件（文件损坏或不是 Word 文档）：{error}") from None


def docx_text(data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The text of a .docx in reading order: a line for each body paragraph and for each table row,
    its cells between tabs (as Word copies a table), so that 核稿 reads a column under its heading."""
    text, _ = docx_segments(open_docx(data, limits.package), limits)
    return text


def docx_segments(document, limits: ReadLimits | None = None) -> tuple[str, list[Segment]]:
    """Walk a python-docx ``Document`` in reading order; return its text and the run map.

    With ``limits`` the walk stops as soon as the text passes ``limits.chars`` (``UnreadableDocument``).
    """
    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for number, (paragraph, separator) in enumerate(_paragraphs(document), start=1):
        runs = []
        parts = []
        position = offset
        for run in _runs(paragraph):
            text = run.text  # python-docx runs an XPath query on every read
            runs.append((position, run))
            parts.append(text)
            position += len(text)
        paragraph_text = "".join(parts)
        segments.append(Segment(offset, offset + len(paragraph_text), paragraph, runs))
        pieces.append(paragraph_text)
        pieces.append(separator)
        offset += len(paragraph_text) + 1
        if limits is not None and offset - 1 > limits.chars:
            raise UnreadableDocument(
                f"文字超过 {limits.chars:,} 字的上限（读到第 {number:,} 段已有 {offset - 1:,} 字），请拆分成几份"
            )
    return "".join(pieces[:-1]), segments


def _paragraphs(document):
    """Body paragraphs and table-cell paragraphs in document order, merged cells once, each with the
    one character that follows it in the text: a line break, a tab between the cells of a row, or a
    space between the paragraphs of one cell."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block, "\n"
        elif isinstance(block, Table):
            yield from _table_paragraphs(block)


def _table_paragraphs(table):
    seen = set()
    for row in table.rows:
        cells = [cell for cell in row.cells if id(cell._tc) not in seen]
        seen.update(id(cell._tc) for cell in cells)
        for number, cell in enumerate(cells, start=1):
            paragraphs = list(_cell_paragraphs(cell))
            for at, paragraph in enumerate(paragraphs, start=1):
                if at < len(paragraphs):
                    yield paragraph, " "
                else:
                    yield paragraph, "\t" if number < len(cells) else "\n"


def _cell_paragraphs(cell):
    """A cell's paragraphs, those of a table nested in it included, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in cell.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for inner in row.cells:
                    yield from _cell_paragraphs(inner)


def _runs(paragraph):
    from docx.text.hyperlink import Hyperlink

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


# --- .pdf ------------------------------------------------------------------------------

_CJK = r"\u4e00-\u9fff"
_SPACE_BETWEEN = re.compile(
    rf"(?<=[{_CJK}，。、；：％%）)])[ \u00a0]+(?=[0-9０-９{_CJK}])|(?<=[0-9０-９.．])[ \u00a0]+(?=[{_CJK}])"
)
_SENTENCE_END = "。！？；：!?;:”」"
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+)"
)


def pdf_text(data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The text layer of a PDF, with visual line breaks joined and stray spaces removed."""
    import pdfplumber

    pages, read = [], 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.pdf_pages:
                raise UnreadableDocument(
                    f"PDF 有 {len(pdf.pages):,} 页，超过 {limits.pdf_pages:,} 页的上限，请拆分成几份"
                )
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(page.extract_text() or "")
                read += len(pages[-1])
                if read > limits.chars:  # stop here: the rest could only be refused
                    raise UnreadableDocument(
                        f"文字超过 {limits.chars:,} 字的上限（读到第 {number} 页已有 {read:,} 字），请拆分成几份"
                    )
    except UnreadableDocument:
        raise
    except Exception as error:  # pdfminer raises many types for a broken file
        raise UnreadableDocument(f"无法打开 PDF 文件：{error}") from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise UnreadableDocument("PDF 没有文字层（可能是扫描件），无法核稿；请先做文字识别（OCR）")
    return join_lines(_SPACE_BETWEEN.sub("", text))


def _is_heading(line: str) -> bool:
    return len(line) <= 30 and _HEADING.match(line) is not None


def join_lines(text: str) -> str:
    """Join lines broken only by the page width: a line that does not end a sentence runs on
    into the next unless the next starts a heading or a page number.

    >>> join_lines("完成固定资产投资6.02亿\\n元，占全年目标的50.2%。\\n二、存在问题")
    '完成固定资产投资6.02亿元，占全年目标的50.2%。\\n二、存在问题'
    """
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line or re.fullmatch(r"[—\-－\s]*\d+[—\-－\s]*", line):
            if line == "" and out and out[-1] != "":
                out.append("")
            continue
        if (
            out
            and out[-1]
            and out[-1][-1] not in _SENTENCE_END
            and not _HEADING.match(line)
            and not _is_heading(out[-1])
        ):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(line for line in out if line)
