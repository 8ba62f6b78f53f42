"""Zhenwu's document engine: build a document structure, write it as a GB/T 9704 .docx,
render it as HTML for preview, or convert it to PDF through LibreOffice.

    >>> from zhenwu.documents import Document, Heading, Paragraph
    >>> doc = Document("关于上半年工作的报告", recipient="县人民政府", blocks=[
    ...     Heading(1, "主要成效"), Paragraph("上半年完成固定资产投资6.02亿元。")])
    >>> "一、主要成效" in render_html(doc)
    True

The writers import python-docx, python-pptx and Pillow only when called.
"""

from __future__ import annotations

from zhenwu.documents.fonts import FONT_SETS, FontSet
from zhenwu.documents.model import (
    Attachments,
    Block,
    Chart,
    Colophon,
    Document,
    Heading,
    Letterhead,
    PageBreak,
    Paragraph,
    Photo,
    PhotoGrid,
    Placement,
    Run,
    Series,
    Signature,
    Table,
)


def write_docx(doc, out=None, *, fonts="gov", comments=False) -> bytes:
    """Write ``doc`` as a .docx and return its bytes; see :mod:`zhenwu.documents.docx_writer`."""
    from zhenwu.documents.docx_writer import write_docx as write

    return write(doc, out, fonts=fonts, comments=comments)


def render_html(doc, *, standalone=False) -> str:
    """Render ``doc`` as an HTML fragment (or a whole page); see :mod:`zhenwu.documents.html`."""
    from zhenwu.documents.html import render_html as render

    return render(doc, standalone=standalone)


def libreoffice_available() -> bool:
    """Whether ``soffice`` can be found, so PDF conversion can work."""
    from zhenwu.documents.pdf import libreoffice_available as available

    return available()


def convert_to_pdf(source, *, timeout=120) -> bytes:
    """Convert a .docx (path or bytes) to PDF bytes with LibreOffice; see :mod:`zhenwu.documents.pdf`."""
    from zhenwu.documents.pdf import convert_to_pdf as convert

    return convert(source, timeout=timeout)


__all__ = [
    "FONT_SETS",
    "Attachments",
    "Block",
    "Chart",
    "Colophon",
    "Document",
    "FontSet",
    "Heading",
    "Letterhead",
    "PageBreak",
    "Paragraph",
    "Photo",
    "PhotoGrid",
    "Placement",
    "Run",
    "Series",
    "Signature",
    "Table",
    "convert_to_pdf",
    "libreoffice_available",
    "render_html",
    "write_docx",
]
