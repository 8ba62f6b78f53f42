"""The 报表 as an Excel file: a filled template to download, and reading it back with every error listed.

The sheet "填报" carries the area code and the period in its first rows, then one row per
indicator: 指标代码 | 指标名称 | 单位 | 本期数值 | 上年同期 | 全年目标 | 备注. Only column D is read back
(with the code in column A); the others are there to help the person filling it in.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.entry import check_cell
from zhenwu.ledger.models import Indicator, ReportedValue
from zhenwu.ledger.tables import AreaTable, CountyTable, Grid

SHEET = "填报"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
HEADERS = ["指标代码", "指标名称", "单位", "本期数值", "上年同期", "全年目标", "备注"]
VALUE_COLUMN = "D"
MAX_BYTES = 5 * 1024 * 1024
XLSX_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="F2F4F7")
_INPUT_FILL = PatternFill("solid", fgColor="FFF8E1")


def _number(value: Decimal | None):
    """Excel stores floats; the value read back is parsed as Decimal again from its text."""
    return None if value is None else float(value)


def build_template(grid: Grid) -> bytes:
    """The month's 报表 for one area as .xlsx, with this month's figures filled in where entered."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"], sheet["B1"], sheet["C1"] = "区划代码", grid.area.code, grid.area.name
    sheet["A2"], sheet["B2"] = "报告期", f"{grid.year}-{grid.month:02d}"
    sheet["A3"] = (
        f"请在 {VALUE_COLUMN} 列填写 {grid.year}年1-{grid.month}月数值（累计指标填累计数），其他列请勿修改。"
    )
    for column, title in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
    for offset, row in enumerate(grid.rows):
        line = FIRST_ROW + offset
        sheet.cell(line, 1, row.indicator.code)
        sheet.cell(line, 2, row.indicator.name)
        sheet.cell(line, 3, row.indicator.unit)
        value_cell = sheet.cell(line, 4, _number(row.value))
        value_cell.fill = _INPUT_FILL
        sheet.cell(line, 5, _number(row.last_year))
        sheet.cell(line, 6, _number(row.target))
        if row.locked:
            sheet.cell(line, 7, "已审核锁定")
    for column, width in zip("ABCDEFG", [12, 28, 10, 14, 14, 14, 16], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    return _save(workbook)


def export_area_table(table: AreaTable) -> bytes:
    """The area's indicator table (完成率, 时序进度, status, 同比) as .xlsx."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "指标完成情况"
    sheet.append([f"{table.area.name} {table.year}年1-{table.month}月主要指标完成情况"])
    sheet["A1"].font = Font(bold=True, size=14)
    heads = [
        "指标",
        "单位",
        "1-N月",
        "全年目标",
        "完成率(%)",
        "时序进度(%)",
        "差距(百分点)",
        "状态",
        "同比(%)",
        "责任单位",
        "责任人",
    ]
    sheet.append(heads)
    for cell in sheet[2]:
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
    for row in table.rows:
        p = row.progress
        sheet.append(
            [
                row.indicator.name,
                row.indicator.unit,
                _number(p.value),
                _number(p.target),
                _number(_round(p.rate)),
                _number(_round(p.schedule)),
                _number(_round(p.gap)),
                p.standing,
                _number(_round(p.yoy.percent)),
                row.department,
                row.person,
            ]
        )
    sheet.column_dimensions["A"].width = 28
    return _save(workbook)


def export_county_table(table: CountyTable) -> bytes:
    """Towns × indicators (完成率, with the status beside) and each town's reporting state, as .xlsx."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "完成率"
    sheet.append([f"{table.area.name} 下辖单位 {table.year}年1-{table.month}月主要指标完成率(%)"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(["单位", "报送状态", "已填", "排名", *[indicator.name for indicator in table.indicators]])
    for cell in sheet[2]:
        cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
    for child in table.children:
        sheet.append(
            [
                child.area.name,
                child.state + ("（逾期）" if child.late else ""),
                f"{child.entered}/{child.expected}",
                child.rank,
                *[_number(_round(cell.rate)) for cell in child.cells],
            ]
        )
    sheet.column_dimensions["A"].width = 14
    return _save(workbook)


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else round(value, 1)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- reading an upload -----------------------------------------------------------------------------------


@dataclass
class Upload:
    """What an uploaded 报表 says, or every reason it cannot be loaded."""

    area: Area | None = None
    year: int | None = None
    month: int | None = None
    figures: dict[Indicator, Decimal] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.area is not None


def _where(row: int, column: str) -> str:
    return f"工作表“{SHEET}”第 {row} 行 {column} 列"


def read_upload(data: bytes, filename: str, user) -> Upload:
    """Read an uploaded 报表 and check all of it: file type, area, period, codes, duplicates, figures.

    Every problem is listed with its row and column in Chinese; the caller writes nothing
    unless the list is empty.
    """
    upload = Upload()
    if not filename.lower().endswith(".xlsx"):
        upload.errors.append(f"文件“{filename}”不是 .xlsx 格式的 Excel 文件，请用下载的模板填写后上传")
        return upload
    if len(data) > MAX_BYTES:
        upload.errors.append("文件太大（超过 5 MB），请检查是否上传了正确的报表")
        return upload
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        upload.errors.append(f"文件“{filename}”已损坏或不是有效的 .xlsx 文件，无法打开")
        return upload
    try:
        if SHEET not in workbook.sheetnames:
            upload.errors.append(f"找不到工作表“{SHEET}”，请使用系统下载的模板")
            return upload
        rows = list(workbook[SHEET].iter_rows(values_only=True))
    finally:
        workbook.close()
    _read_header(rows, upload, user)
    if upload.area is not None and upload.year is not None:
        _read_rows(rows, upload)
    return upload


def _cell(rows: list[tuple], row: int, column: int):
    line = rows[row - 1] if len(rows) >= row else ()
    return line[column - 1] if len(line) >= column else None


def _read_header(rows: list[tuple], upload: Upload, user) -> None:
    code = str(_cell(rows, 1, 2) or "").strip()
    area = Area.objects.for_user(user).filter(code=code).first() if code else None
    if not code:
        upload.errors.append(f"{_where(1, 'B')}：缺少区划代码")
    elif area is None:
        upload.errors.append(f"{_where(1, 'B')}：区划代码 {code} 不存在或不在您的管辖范围内")
    elif not can(user, area, Action.ENTER):
        upload.errors.append(f"{_where(1, 'B')}：您没有{area.name}的填报权限")
    else:
        upload.area = area
    period = str(_cell(rows, 2, 2) or "").strip()
    match = re.fullmatch(r"(\d{4})[-年/.](\d{1,2})月?", period)
    if not match or not 1 <= int(match[2]) <= 12:
        upload.errors.append(f"{_where(2, 'B')}：报告期“{period}”应写成 2025-06 这样的年-月")
    else:
        upload.year, upload.month = int(match[1]), int(match[2])
    headers = [
        str(value or "").strip() for value in (rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else ())
    ]
    if headers[:4] != HEADERS[:4]:
        upload.errors.append(
            f"工作表“{SHEET}”第 {HEADER_ROW} 行：表头应为“{'、'.join(HEADERS[:4])}”，请使用系统下载的模板"
        )


def _read_rows(rows: list[tuple], upload: Upload) -> None:
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(is_active=True)}
    previous = _previous_figures(upload)
    locked = set(
        ReportedValue.objects.filter(
            area=upload.area, year=upload.year, month=upload.month, status="approved"
        ).values_list("indicator__code", flat=True)
    )
    seen: dict[str, int] = {}
    for number, line in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        code = str(line[0]).strip() if line and line[0] is not None else ""
        raw = line[3] if len(line) > 3 else None
        if isinstance(raw, float):  # Excel keeps binary floats: 0.1 + 0.2 must not fail as 17 decimals
            raw = Decimal(repr(raw)).quantize(Decimal("0.0001")) if abs(raw) < 1e15 else raw
        if not code:
            if raw not in (None, ""):
                upload.errors.append(f"{_where(number, 'A')}：有数值但缺少指标代码")
            continue
        indicator = indicators.get(code)
        if indicator is None:
            upload.errors.append(f"{_where(number, 'A')}：未知的指标代码“{code}”")
            continue
        if code in seen:
            upload.errors.append(f"{_where(number, 'A')}：指标“{indicator.name}”与第 {seen[code]} 行重复")
            continue
        seen[code] = number
        check = check_cell(
            raw,
            allow_negative=indicator.allow_negative,
            kind=indicator.kind,
            previous=previous.get(indicator.pk),
        )
        if check.error:
            upload.errors.append(f"{_where(number, VALUE_COLUMN)}：{check.error}（{indicator.name}）")
            continue
        if check.value is None:
            continue
        if code in locked:
            upload.errors.append(f"{_where(number, VALUE_COLUMN)}：{indicator.name}本期已审核锁定，不能修改")
            continue
        if check.warning:
            upload.warnings.append(f"{_where(number, VALUE_COLUMN)}：{indicator.name}{check.warning}")
        upload.figures[indicator] = check.value
    if not seen and not upload.errors:
        upload.errors.append(f"工作表“{SHEET}”从第 {FIRST_ROW} 行起没有任何指标行")


def _previous_figures(upload: Upload) -> dict[int, Decimal]:
    from zhenwu.ledger.progress import previous_period
    from zhenwu.ledger.tables import previous_figure

    year, month = previous_period(upload.year, upload.month)
    monthly = dict(
        ReportedValue.objects.filter(area=upload.area, year=year, month=month).values_list(
            "indicator_id", "value"
        )
    )
    return {
        indicator.pk: previous_figure(indicator, upload.year, upload.month, monthly)
        for indicator in Indicator.objects.filter(pk__in=monthly)
    }
