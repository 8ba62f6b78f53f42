"""Tables as one ``w:tbl`` string: header row repeated, rows kept whole, fixed widths.

Fixed column widths (``tblLayout fixed`` + ``gridCol`` + ``tcW``) make Word, WPS and
LibreOffice agree; without them each guesses from the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from zhenwu.documents.fonts import FontSet, fits_gb2312
from zhenwu.documents.measure import display_width
from zhenwu.documents.model import Table
from zhenwu.documents.ooxml import NS, TYPE_AREA_TWIPS, rpr, text_xml

LONG_TEXT = 12  # cells longer than this many characters read better left-aligned
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def cell_text(value) -> str:
    return "" if value is None else str(value)


def column_twips(table: Table) -> list[int]:
    """Column widths filling the type area, from the weights given or from the content."""
    weights = list(table.widths) if table.widths else _content_weights(table)
    total = sum(weights)
    widths = [int(TYPE_AREA_TWIPS * w / total) for w in weights]
    widths[-1] += TYPE_AREA_TWIPS - sum(widths)
    return widths


def _content_weights(table: Table) -> list[float]:
    columns = zip(table.columns, *table.rows, strict=True) if table.rows else ([c] for c in table.columns)
    return [min(max(max(display_width(cell_text(v)) for v in column), 2.0), 14.0) + 1 for column in columns]


def table_xml(table: Table, fonts: FontSet) -> str:
    widths = column_twips(table)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = _row(table.columns, widths, fonts, table.font_size, header=True, keep=True)
    last = len(table.rows) - 1
    body = "".join(
        _row([cell_text(v) for v in row], widths, fonts, table.font_size, keep=index in (0, last - 1))
        for index, row in enumerate(table.rows)
    )
    return (
        f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{TYPE_AREA_TWIPS}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{header}{body}</w:tbl>"
    )


def _row(
    cells: Sequence[str],
    widths: list[int],
    fonts: FontSet,
    size: float,
    header: bool = False,
    keep: bool = False,
) -> str:
    """One row; ``keep`` holds it on the page of the next row (header with the first two rows,
    the last row with the one before), so no row stands alone on a page under its header."""
    row_pr = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
    tcs = "".join(
        _cell(text, width, fonts, size, header, keep) for text, width in zip(cells, widths, strict=True)
    )
    return f'<w:tr><w:trPr>{row_pr}<w:trHeight w:val="454"/></w:trPr>{tcs}</w:tr>'


def _cell(text: str, width: int, fonts: FontSet, size: float, header: bool, keep: bool = False) -> str:
    if header:
        font = fonts.hei
    elif fits_gb2312(text):
        font = fonts.body
    else:
        font = fonts.body_fallback
    align = '<w:jc w:val="both"/>' if not header and display_width(text) > LONG_TEXT else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
        f'<w:p><w:pPr><w:pStyle w:val="ZwTableText"/>{"<w:keepNext/>" if keep else ""}{align}</w:pPr>'
        f'<w:r>{rpr(font, size)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
    )


GRID_GAP_MM = 4  # white between two photos of a row


def grid_xml(row_sizes: list[int], columns: int, captions: list[str]) -> str:
    """A borderless photo grid: in each cell an empty drawing run (the writer fills it) over
    the caption. Rows never split and every row but the last keeps with the next."""
    width = TYPE_AREA_TWIPS // columns
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    caption_iter = iter(captions)
    rows = []
    for index, size in enumerate(row_sizes):
        keep = "<w:keepNext/>" if index < len(row_sizes) - 1 else ""
        cells = []
        for column in range(columns):
            if column < size:
                caption = next(caption_iter)
                inner = (
                    f'<w:p><w:pPr><w:pStyle w:val="ZwFigure"/><w:keepNext/></w:pPr><w:r><w:drawing/></w:r></w:p>'
                    f'<w:p><w:pPr><w:pStyle w:val="ZwGridCaption"/>{keep}</w:pPr>'
                    f"<w:r>{text_xml(caption)}</w:r></w:p>"
                )
            else:
                inner = '<w:p><w:pPr><w:pStyle w:val="ZwFigure"/></w:pPr></w:p>'
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{inner}</w:tc>')
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
    return (
        f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{TYPE_AREA_TWIPS}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="120" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
