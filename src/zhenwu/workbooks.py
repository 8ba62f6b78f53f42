"""Excel files in and out, shared by every import and export: opening an upload, reading its cells.

Each capability lays out its own sheets; what they share is here — the size limits, the Chinese
message for a file that is not a usable .xlsx, reading a cell as text the way a clerk typed it,
writing a page's table as a sheet (a title, a shaded head row, the rows), and saving, which keeps
every text a user typed from becoming a formula.

Reading is bounded before and during parsing: the file's size, its zip checked part by part
(``zhenwu.documents.packages``), then rows and columns up to ``MAX_SHEET_ROWS`` and
``MAX_SHEET_COLUMNS`` — openpyxl would otherwise trust a sheet's own idea of its size.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.child import INVALID_TITLE_REGEX

from zhenwu.documents.packages import RefusedPackage, check_package
from zhenwu.uploads import package_limits, too_large

TITLE_FONT = Font(bold=True, size=14)
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="F2F4F7")
XLSX_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Text Excel (or LibreOffice) may take for a formula, per OWASP's CSV injection guidance.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


class UnreadableWorkbook(Exception):
    """An upload that cannot be read as the expected workbook, with the message for the user."""


def read_rows(data: bytes, filename: str, sheets: tuple[str, ...], *, what: str) -> tuple[str, list[tuple]]:
    """The first of ``sheets`` the upload has, and its rows as tuples of cell values.

    ``what`` names the file the user should have used ("报表", "目标任务分解表"), for the message.
    """
    if not filename.lower().endswith(".xlsx"):
        raise UnreadableWorkbook(
            f"文件“{filename}”不是 .xlsx 格式的 Excel 文件，请用系统下载的{what}填写后上传"
        )
    if refusal := too_large(filename, len(data), settings.MAX_WORKBOOK_BYTES):
        raise UnreadableWorkbook(f"{refusal}，请检查是否上传了正确的{what}")
    try:
        check_package(data, package_limits())
    except RefusedPackage as error:
        raise UnreadableWorkbook(f"文件“{filename}”无法读取：{error}") from None
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableWorkbook(f"文件“{filename}”已损坏或不是有效的 .xlsx 文件，无法打开") from error
    try:
        sheet = next((name for name in sheets if name in workbook.sheetnames), "")
        if not sheet:
            wanted = "或".join(f"“{name}”" for name in sheets)
            raise UnreadableWorkbook(f"找不到工作表{wanted}，请使用系统下载的{what}")
        return sheet, _bounded_rows(workbook[sheet], sheet)
    finally:
        workbook.close()


def _bounded_rows(worksheet, sheet: str) -> list[tuple]:
    """The sheet's rows as value tuples, refused past the row or column cap.

    openpyxl is asked for one row past the cap, never more, so a sheet without its <dimension>
    or claiming row 1,000,000 costs no more than one at the cap; a row is kept only up to the
    column cap, so a cell in column XFD costs one row's width once, not on every row kept.
    """
    most_rows, most_columns = settings.MAX_SHEET_ROWS, settings.MAX_SHEET_COLUMNS
    rows = []
    for number, line in enumerate(worksheet.iter_rows(max_row=most_rows + 1, values_only=True), start=1):
        if number > most_rows:
            raise UnreadableWorkbook(
                f"工作表“{sheet}”超过 {most_rows:,} 行的上限，请删去多余的行或拆分成几份"
            )
        beyond = line[most_columns:]
        if beyond.count(None) + beyond.count("") < len(beyond):
            raise UnreadableWorkbook(f"工作表“{sheet}”第 {number:,} 行超过 {most_columns:,} 列的上限")
        rows.append(line[:most_columns])
    return rows


def cell_at(rows: list[tuple], row: int, column: int):
    """The value at a 1-based row and column, ``None`` beyond the filled part of the sheet."""
    line = rows[row - 1] if len(rows) >= row else ()
    return line[column - 1] if len(line) >= column else None


def cell_text(value) -> str:
    """A cell as text; a code Excel turned into a number (390123101000.0) reads back as digits.

    >>> cell_text(390123101000.0), cell_text("  青山镇 "), cell_text(None)
    ('390123101000', '青山镇', '')
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def keep_text_as_text(workbook: Workbook) -> None:
    """Store every text cell that could be read as a formula as plain text, marked as such.

    Zhenwu writes no formulas: a project named ``=HYPERLINK(…)`` must reach the county as a
    name, not a live link. openpyxl makes ``=…`` a formula, so each such cell is set back to
    text with Excel's quote prefix (the hidden ``'``), which also keeps it text when someone
    edits the cell; the value stays as typed, so the file reads back unchanged. Numbers,
    negative ones included, are not text and stay numbers.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_LEADS):
                    cell.data_type = "s"
                    cell.quotePrefix = True


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as .xlsx; every writer saves through here, so no user's text is a formula."""
    keep_text_as_text(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class TableSheet:
    """One table of a page as a sheet: its title on row 1, the column heads on row 2, then the rows."""

    name: str
    title: str
    heads: list[str]
    rows: list[list] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # column widths from column A; the rest default


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts, from any name: at most 31 characters, none of ``\\ / ? * : [ ]``.

    >>> sheet_title("美丽城镇/中心镇:创建标准?")
    '美丽城镇_中心镇_创建标准_'
    """
    return INVALID_TITLE_REGEX.sub("_", name).strip("'")[:31] or "Sheet"


def tables_bytes(*sheets: TableSheet) -> bytes:
    """The tables as one .xlsx, a sheet each; figures stay numbers, the heads stay in view."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in sheets:
        sheet = workbook.create_sheet(sheet_title(table.name))
        sheet.append([table.title])
        sheet["A1"].font = TITLE_FONT
        sheet.append(table.heads)
        for cell in sheet[2]:
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        for row in table.rows:
            sheet.append([float(value) if isinstance(value, Decimal) else value for value in row])
        for column, width in enumerate(table.widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A3"
    return workbook_bytes(workbook)
