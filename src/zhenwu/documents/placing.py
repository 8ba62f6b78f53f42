"""Placing the 版记 from LibreOffice's layout, so an issued 公文 ends on an even page.

GB/T 9704-2012 §7.4.1: the last rule of the 版记 lies on the bottom edge of the type area
of the 公文's last 面. Printed on both sides, the last 面 is an even page: the 版记 shares
the body's last page when that page is even and has room for it, else it goes to the next
page (an even one), else (the body fills an even page) after a blank page. Only a layout
engine knows where the body ends, so the document is rendered once with the 版记 on the
body's last page and placed from what that rendering shows. Without LibreOffice the
writer's default holds: a section of its own starting on an even page.
"""

from __future__ import annotations

import dataclasses
import io

from zhenwu.documents.model import Colophon, Document, Placement

MM = 72 / 25.4


def fit_colophon(document: Document, *, timeout: float = 60) -> Document:
    """``document`` with its 版记 placed from LibreOffice's layout; unchanged without either."""
    from zhenwu.documents import write_docx
    from zhenwu.documents.pdf import PdfError, convert_to_pdf, libreoffice_available

    colophon = document.colophon
    if colophon is None or not libreoffice_available():
        return document
    trial = dataclasses.replace(document, colophon=dataclasses.replace(colophon, placement=Placement.SAME))
    try:
        pdf = convert_to_pdf(write_docx(trial), timeout=timeout)
    except PdfError:
        return document
    found = colophon_page(pdf, colophon)
    if found is None:
        return document
    page, alone = found
    placement = Placement.SAME if page % 2 == 0 else Placement.AFTER_BLANK if alone else Placement.NEXT
    return dataclasses.replace(document, colophon=dataclasses.replace(colophon, placement=placement))


def colophon_page(pdf: bytes, colophon: Colophon) -> tuple[int, bool] | None:
    """The page (from 1) the 版记 is printed on, and whether nothing of the body is on it."""
    import pdfplumber

    mark = colophon.printed_text
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number in range(len(document.pages), 0, -1):
            page = document.pages[number - 1]
            chars = sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))
            text = "".join(c["text"] for c in chars)
            if mark not in text:
                continue
            start = text.rindex(mark)
            top = chars[start]["top"]
            if colophon.copy_to and "抄送：" in text[:start]:
                top = chars[text.rindex("抄送：", 0, start)]["top"]
            # Anything printed more than a line above the 版记's first line belongs to the body.
            alone = not any(c["bottom"] < top - 2 * MM and c["text"].strip() for c in chars)
            return number, alone
    return None
