"""WordprocessingML snippets built as strings and parsed once per block.

Building XML text and parsing it in one go is several times faster than walking
python-docx's object API cell by cell, and keeps child elements in schema order.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from zhenwu.documents.fonts import LATIN

W = nsdecls("w")
NS = nsdecls("w", "wp", "a", "pic", "r")

MM_TWIPS = 1440 / 25.4
EMU_PER_MM = 36000
LINE_PITCH = 579  # twips: 225 mm / 22 lines
TYPE_AREA_MM = 156
TYPE_AREA_TWIPS = round(TYPE_AREA_MM * MM_TWIPS)


def rfonts(east_asia: str, latin: str = LATIN) -> str:
    """``w:rFonts`` naming the East Asian face explicitly (python-docx writes only Latin)."""
    return (
        f"<w:rFonts w:ascii={quoteattr(latin)} w:hAnsi={quoteattr(latin)} "
        f'w:eastAsia={quoteattr(east_asia)} w:cs={quoteattr(latin)} w:hint="eastAsia"/>'
    )


def rpr(
    font: str | None = None,
    size: float | None = None,
    bold: bool = False,
    latin: str = LATIN,
    spacing: int | None = None,
) -> str:
    """Run properties in schema order: fonts, bold, character spacing (twips), size."""
    parts = [rfonts(font, latin) if font else ""]
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        half_points = round(size * 2)
        parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    inner = "".join(parts)
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def text_xml(text: str) -> str:
    """``w:t`` elements for text, turning newlines into line breaks."""
    lines = text.split("\n")
    return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)


def run(text: str, font: str | None = None, size: float | None = None, bold: bool = False) -> str:
    return f"<w:r>{rpr(font, size, bold)}{text_xml(text)}</w:r>"


def paragraph(style: str, runs: str = "", ppr: str = "") -> str:
    """A paragraph with a style; ``ppr`` holds further pPr children (after pStyle)."""
    return f'<w:p {NS}><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs}</w:p>'


def parse(xml: str):
    return parse_xml(xml)
