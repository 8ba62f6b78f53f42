"""The 报表 as an Excel file: a filled template to download, and reading it back with every error listed.

The sheet "填报" carries the area code and the period in its first rows, then one row per
indicator: 指标代码 | 指标名称 | 单位 | 本期数值 | 填报口径 | 上年同期 | 全年目标 | 备注. Only column D is read back
(with the code in column A); the others are there to help the person filling it in.

The sheet "汇总填报" is a county's month on one sheet: the county's code and the period at the
top, then indicator codes, names and units in three header rows, then one row per town (区划代码,
单位名称, one figure per indicator column). A county 统计员 or 管理员 fills in the towns' figures
and uploads them at once; they are written all or none.

In both, an empty figure cell changes nothing and a cell reading "清除" deletes the stored figure
(its history stays).

Both carry the moment they were generated (row 2, "模板生成时间"). An upload is read against the
ledger as it stood then: a figure somebody changed after the download is not overwritten — the
whole upload is refused naming it, unless the sheet still holds the value it was downloaded with,
which is then left out with a warning (the user did not change that cell). A sheet without that
moment (not downloaded from here) is read as made from an empty ledger: it may fill empty cells,
and changing or clearing a stored figure is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.figures import format_number
from zhenwu.ledger import progress, tables, validation
from zhenwu.ledger.entry import check_cell
from zhenwu.ledger.models import VALUE_ACTIONS, HistoryAction, Indicator, ReportedValue, ValueHistory
from zhenwu.ledger.services.values import AreaFigures, SaveResult
from zhenwu.ledger.tables import Grid
from zhenwu.lib.periods import parse_month
from zhenwu.lib.stale import when_text
from zhenwu.workbooks import (
    HEAD_FILL,
    HEAD_FONT,
    UnreadableWorkbook,
    cell_at,
    cell_text,
    read_rows,
    workbook_bytes,
)

SHEET = "填报"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
HEADERS = ["指标代码", "指标名称", "单位", "本期数值", "填报口径", "上年同期", "全年目标", "备注"]
VALUE_COLUMN = "D"
CLEAR_WORD = "清除"  # typed in a figure cell, deletes the stored figure (an empty cell changes nothing)

COUNTY_SHEET = "汇总填报"
CODE_ROW, NAME_ROW, UNIT_ROW = 4, 5, 6  # the county sheet's header rows: 指标代码, 指标名称, 单位
FIRST_AREA_ROW = UNIT_ROW + 1
FIRST_COLUMN = 3  # columns A and B hold the area's code and name

STAMP_LABEL = "模板生成时间："  # then the moment, in cell C2

INPUT_FILL = PatternFill("solid", fgColor="FFF8E1")
_LOCKED_FILL = PatternFill("solid", fgColor="D9D9D9")


def cell_number(value: Decimal | None):
    """Excel stores floats; the value read back is parsed as Decimal again from its text."""
    return None if value is None else float(value)


def stamp(sheet, generated: datetime) -> None:
    """Write the moment the template was generated (local time, to the microsecond) in cell C2."""
    sheet["C2"] = STAMP_LABEL + timezone.localtime(generated).isoformat(sep=" ")


def read_stamp(rows: list[tuple]) -> datetime | None:
    """The moment a template was generated, as ``stamp`` wrote it; ``None`` when it is missing or altered."""
    text = cell_text(cell_at(rows, 2, 3))
    if not text.startswith(STAMP_LABEL):
        return None
    try:
        moment = datetime.fromisoformat(text.removeprefix(STAMP_LABEL).strip())
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def area_template(area: Area, year: int, month: int) -> bytes:
    """The month's 报表 for one area as .xlsx, stamped with the moment before its figures were read."""
    generated = timezone.now()
    return build_template(tables.entry_grid(area, year, month), generated)


def build_template(grid: Grid, generated: datetime) -> bytes:
    """The month's 报表 for one area as .xlsx, with this month's figures filled in where entered."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"], sheet["B1"], sheet["C1"] = "区划代码", grid.area.code, grid.area.name
    sheet["A2"], sheet["B2"] = "报告期", f"{grid.year}-{grid.month:02d}"
    stamp(sheet, generated)
    sheet["A3"] = (
        f"请在 {VALUE_COLUMN} 列按“填报口径”填写 {grid.year}年{grid.month}月数值（累计指标填1-{grid.month}月累计数，"
        f"当月指标填{grid.month}月当月数，时点指标填期末数），其他列请勿修改。"
        f"空白表示不修改；要删除已填报的数值请填“{CLEAR_WORD}”。"
    )
    for column, title in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    for offset, row in enumerate(grid.rows):
        line = FIRST_ROW + offset
        sheet.cell(line, 1, row.indicator.code)
        sheet.cell(line, 2, row.indicator.name)
        sheet.cell(line, 3, row.indicator.unit)
        value_cell = sheet.cell(line, 4, cell_number(row.value))
        value_cell.fill = INPUT_FILL
        sheet.cell(line, 5, row.basis)
        sheet.cell(line, 6, cell_number(row.last_year))
        sheet.cell(line, 7, cell_number(row.target))
        if row.locked:
            sheet.cell(line, 8, "已审核锁定")
    for column, width in zip("ABCDEFGH", [12, 28, 10, 14, 12, 14, 14, 16], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = f"A{FIRST_ROW}"
    return workbook_bytes(workbook)


# --- the county's sheet: towns × indicators ---------------------------------------------------------------


@dataclass
class CountySheet:
    """The towns, indicators and stored figures of one month, as the county sheet lays them out."""

    area: Area
    year: int
    month: int
    children: list[Area]
    indicators: list[Indicator]
    stored: dict[tuple[int, int], ReportedValue]
    generated: datetime  # taken before the figures were read


def county_template_data(area: Area, year: int, month: int) -> CountySheet:
    """What the county sheet shows: the area's direct children, the month's indicators and their stored figures."""
    generated = timezone.now()
    indicators = [indicator for indicator in tables.active_indicators() if indicator.reported_in(month)]
    children = tables.children_of(area)
    return CountySheet(area, year, month, children, indicators, _stored(children, year, month), generated)


def build_county_template(data: CountySheet) -> bytes:
    """The month's figures of every town under ``data.area`` on one sheet: towns as rows, indicators as columns.

    Stored figures are filled in; approved (locked) ones are grey and protected, the other
    figure cells are left open for typing. The sheet is protected without a password, only so
    that codes and headers are not changed by accident.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = COUNTY_SHEET
    sheet["A1"], sheet["B1"], sheet["C1"] = "区划代码", data.area.code, data.area.name
    sheet["A2"], sheet["B2"] = "报告期", f"{data.year}-{data.month:02d}"
    stamp(sheet, data.generated)
    sheet["A3"] = (
        f"每行一个下辖单位，每列一个指标，按单位行括号中的口径填写 {data.year}年{data.month}月数值"
        f"（累计指标填1-{data.month}月累计数，当月指标填{data.month}月当月数，时点指标填期末数）。"
        f"空白单元格表示不修改；要删除已填报的数值请填“{CLEAR_WORD}”；灰色单元格已审核锁定，不能修改。"
    )
    sheet.cell(CODE_ROW, 1, "区划代码"), sheet.cell(CODE_ROW, 2, "单位名称")
    sheet.cell(NAME_ROW, 2, "（指标名称）"), sheet.cell(UNIT_ROW, 2, "（单位和填报口径）")
    for offset, indicator in enumerate(data.indicators):
        column = FIRST_COLUMN + offset
        unit = f"{indicator.unit}（{progress.entry_basis(indicator.kind, data.month)}）"
        for row, text in ((CODE_ROW, indicator.code), (NAME_ROW, indicator.name), (UNIT_ROW, unit)):
            sheet.cell(row, column, text)
        sheet.column_dimensions[get_column_letter(column)].width = 14
    for row in range(CODE_ROW, UNIT_ROW + 1):
        for cell in sheet[row]:
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    for offset, child in enumerate(data.children):
        line = FIRST_AREA_ROW + offset
        sheet.cell(line, 1, child.code)
        sheet.cell(line, 2, child.name)
        for column, indicator in enumerate(data.indicators, start=FIRST_COLUMN):
            stored = data.stored.get((child.pk, indicator.pk))
            cell = sheet.cell(line, column, cell_number(stored.value) if stored else None)
            if stored is not None and stored.locked:
                cell.fill = _LOCKED_FILL
            else:
                cell.fill, cell.protection = INPUT_FILL, Protection(locked=False)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 16, 14
    sheet.freeze_panes = sheet.cell(FIRST_AREA_ROW, FIRST_COLUMN)
    sheet.protection.sheet = True
    return workbook_bytes(workbook)


# --- reading an upload -----------------------------------------------------------------------------------


@dataclass
class Upload:
    """What an uploaded 报表 says — the figures of one area, or of many for the county sheet — or every reason it cannot be loaded."""

    sheet: str = SHEET
    area: Area | None = None  # the area named at the top: the town, or the county whose towns are listed
    year: int | None = None
    month: int | None = None
    parts: list[AreaFigures] = field(default_factory=list)  # one per area to write, in the sheet's order
    generated: datetime | None = None  # when the template was downloaded, if it says
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.area is not None

    @property
    def many(self) -> bool:
        """The county sheet: several areas' figures, written all or none."""
        return self.sheet == COUNTY_SHEET

    def where(self, row: int, column: str) -> str:
        return f"工作表“{self.sheet}”第 {row} 行 {column} 列"


def read_upload(data: bytes, filename: str, user) -> Upload:
    """Read an uploaded 报表 and check all of it: file type, areas, period, codes, duplicates, figures.

    Both layouts are read: the sheet "填报" (one area, indicators as rows) and the sheet
    "汇总填报" (many areas as rows, indicators as columns). Every problem is listed with its
    sheet, row and column in Chinese; the caller writes nothing unless the list is empty.
    """
    upload = Upload()
    try:
        upload.sheet, rows = read_rows(data, filename, (SHEET, COUNTY_SHEET), what="报表模板")
    except UnreadableWorkbook as error:
        upload.errors.append(str(error))
        return upload
    upload.generated = read_stamp(rows)
    if upload.many:
        _read_county_sheet(rows, upload, user)
    else:
        _read_area_sheet(rows, upload, user)
    if not upload.errors:
        upload.parts = [_as_downloaded(part, upload) for part in upload.parts]
    return upload


def held_errors(result: SaveResult) -> list[str]:
    """Why an upload was held back: impossible figures (fix the sheet) or doubtful ones (confirm with a reason)."""
    if result.refused:
        return [
            "以下数值不可能成立，整个文件均未导入，请改正后再上传：",
            *(f"{item.area.name}：{item.text}" for item in result.refused),
        ]
    return [
        "以下数值存疑，整个文件均未导入。请核实；确属无误，请填写确认原因并重新选择文件上传：",
        *(f"{item.area.name}：{item.text}" for item in result.checks),
    ]


def violation_warnings(upload: Upload) -> list[str]:
    """The 校验规则 the uploaded areas' figures now break, one line each, for the message after the upload."""
    found = validation.areas_violations([part.area for part in upload.parts], upload.year, upload.month)
    return [
        f"{violations[0].area.name}校验未通过：{v.text}" for violations in found.values() for v in violations
    ]


def stale_errors(upload: Upload, result: SaveResult) -> list[str]:
    """Why an upload was refused: the figures changed after its template was downloaded, and what to do."""
    if upload.generated is None:
        advice = (
            "此表没有“模板生成时间”（不是从本系统下载的模板），只能填写空白的数值；"
            "要修改已填报的数值，请下载模板填写后上传，或在网页报表中修改。"
        )
    else:
        advice = (
            f"以下数值在下载模板（{when_text(timezone.localtime(upload.generated))}）之后已被他人修改，整个文件均未导入："
            "请重新下载模板核对后再上传，或在网页报表中修改。"
        )
    return [advice, *(f"{item.area.name}：{item.message}" for item in result.stale)]


# --- the ledger as the template was downloaded ---------------------------------------------------------------


@dataclass(frozen=True)
class Downloaded:
    """A figure as it stood when the template was generated, and its last change after that."""

    version: int
    value: Decimal | None
    since: ValueHistory | None = None


def _as_downloaded(part: AreaFigures, upload: Upload) -> AreaFigures:
    """The part with the version of each figure as the template knew it, so newer figures are not overwritten.

    A figure changed after the download and sent back as the template carried it was not changed
    by the user: it is left out, with a warning naming the newer figure.
    """
    cells = [*part.figures, *part.clear]
    if upload.generated is None:
        return replace(part, versions=dict.fromkeys(cells, 0))
    known = _downloaded(part.area, upload.year, upload.month, cells, upload.generated)
    figures = dict(part.figures)
    for indicator, value in part.figures.items():
        then = known[indicator.pk]
        if then.since is not None and value == then.value:
            del figures[indicator]
            newer = then.since
            now = "已清除" if newer.new_value is None else f"改为 {format_number(newer.new_value)}"
            upload.warnings.append(
                f"{part.area.name}{indicator.name}：下载模板后已被 {newer.who} 于 {when_text(timezone.localtime(newer.at))} "
                f"{now}，表中的原数 {format_number(value)} 未导入"
            )
    versions = {indicator: known[indicator.pk].version for indicator in cells}
    return replace(part, figures=figures, versions=versions)


def _downloaded(area: Area, year: int, month: int, indicators: list[Indicator], moment: datetime) -> dict:
    """Each indicator's figure of the area and month as it stood at ``moment``, read back from its history."""
    stored = {
        row.indicator_id: row for row in ReportedValue.objects.filter(area=area, year=year, month=month)
    }
    records = (
        ValueHistory.objects.filter(
            area=area, year=year, month=month, indicator__in=indicators, action__in=VALUE_ACTIONS
        )
        .select_related("user")
        .order_by("at", "id")
    )
    before, first_after, last_after = {}, {}, {}
    for record in records:
        if record.at <= moment:
            before[record.indicator_id] = record
        else:
            first_after.setdefault(record.indicator_id, record)
            last_after[record.indicator_id] = record
    known = {}
    for indicator in indicators:
        record, since = before.get(indicator.pk), last_after.get(indicator.pk)
        if record is not None and record.action == HistoryAction.CLEAR:
            then = Downloaded(0, None, since)
        elif record is not None:  # a record older than versions stands for the figure's first version
            then = Downloaded(record.version or 1, record.new_value, since)
        elif since is not None:  # a figure stored without history, then changed: as that change found it
            first = first_after[indicator.pk]
            then = Downloaded(
                (first.version or 1) - 1 if first.old_value is not None else 0, first.old_value, since
            )
        else:  # never changed through the ledger: as it is now
            row = stored.get(indicator.pk)
            then = Downloaded(row.version if row else 0, row.value if row else None)
        known[indicator.pk] = then
    return known


def _read_period(rows: list[tuple], upload: Upload) -> None:
    period = cell_text(cell_at(rows, 2, 2))
    try:
        upload.year, upload.month = parse_month(period)
    except ValueError as error:
        upload.errors.append(f"{upload.where(2, 'B')}：报告期“{period}”{error}")


def _area_named(code: str, where: str, upload: Upload, user, *, enter: bool) -> Area | None:
    """The area a code names, if the user sees it (and, with ``enter``, may enter its figures)."""
    area = Area.objects.for_user(user).filter(code=code).first() if code else None
    if not code:
        upload.errors.append(f"{where}：缺少区划代码")
    elif area is None:
        upload.errors.append(f"{where}：区划代码 {code} 不存在或不在您的管辖范围内")
    elif enter and not can(user, area, Action.ENTER):
        upload.errors.append(f"{where}：您没有{area.name}的填报权限")
    else:
        return area
    return None


def _read_figure(
    raw,
    indicator: Indicator,
    stored: ReportedValue | None,
    previous: Decimal | None,
    where: str,
    upload: Upload,
) -> tuple[Decimal | None, bool]:
    """One figure cell: ``(value, clear)``. Empty changes nothing; "清除" clears; a locked figure stays as it is.

    A locked figure written back unchanged is not an error (the template carries it), a different
    one is.
    """
    if cell_text(raw) == CLEAR_WORD:
        if stored is not None and stored.locked:
            upload.errors.append(f"{where}：{indicator.name}本期已审核锁定，不能清除")
        return None, stored is not None and not stored.locked
    if isinstance(raw, float):  # Excel keeps binary floats: 0.1 + 0.2 must not fail as 17 decimals
        raw = Decimal(repr(raw)).quantize(Decimal("0.0001")) if abs(raw) < 1e15 else raw
    check = check_cell(raw, indicator, previous=previous)
    if check.error:
        upload.errors.append(f"{where}：{check.error}（{indicator.name}）")
        return None, False
    if check.value is None or (stored is not None and stored.locked and stored.value == check.value):
        return None, False
    if stored is not None and stored.locked:
        upload.errors.append(f"{where}：{indicator.name}本期已审核锁定，不能修改")
        return None, False
    if check.warning:
        upload.warnings.append(f"{where}：{indicator.name}{check.warning}")
    return check.value, False


def _stored(areas: list[Area], year: int, month: int) -> dict[tuple[int, int], ReportedValue]:
    return {
        (row.area_id, row.indicator_id): row
        for row in ReportedValue.objects.filter(area__in=areas, year=year, month=month)
    }


def _previous_figures(areas: list[Area], year: int, month: int) -> dict[tuple[int, int], Decimal]:
    """Last month's figure of each area and indicator, for the jump warning (none for cumulative ones in January)."""
    before_year, before_month = progress.previous_period(year, month)
    monthly: dict[int, dict[int, Decimal]] = {}
    for area_id, indicator_id, value in ReportedValue.objects.filter(
        area__in=areas, year=before_year, month=before_month
    ).values_list("area_id", "indicator_id", "value"):
        monthly.setdefault(area_id, {})[indicator_id] = value
    indicators = Indicator.objects.filter(pk__in={pk for values in monthly.values() for pk in values})
    return {
        (area_id, indicator.pk): tables.previous_figure(indicator, year, month, values)
        for indicator in indicators
        for area_id, values in monthly.items()
        if indicator.pk in values
    }


# --- one area: indicators as rows ---------------------------------------------------------------------------


def _read_area_sheet(rows: list[tuple], upload: Upload, user) -> None:
    upload.area = _area_named(cell_text(cell_at(rows, 1, 2)), upload.where(1, "B"), upload, user, enter=True)
    _read_period(rows, upload)
    headers = [cell_text(value) for value in (rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else ())]
    if headers[:4] != HEADERS[:4]:
        upload.errors.append(
            f"工作表“{SHEET}”第 {HEADER_ROW} 行：表头应为“{'、'.join(HEADERS[:4])}”，请使用系统下载的模板"
        )
    if upload.area is not None and upload.year is not None:
        _read_rows(rows, upload)


def _read_rows(rows: list[tuple], upload: Upload) -> None:
    area, indicators = upload.area, {i.code: i for i in Indicator.objects.filter(is_active=True)}
    stored = _stored([area], upload.year, upload.month)
    previous = _previous_figures([area], upload.year, upload.month)
    figures, clear, seen = {}, [], {}
    for number, line in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        code = cell_text(line[0]) if line else ""
        raw = line[3] if len(line) > 3 else None
        if not code:
            if raw not in (None, ""):
                upload.errors.append(f"{upload.where(number, 'A')}：有数值但缺少指标代码")
            continue
        indicator = indicators.get(code)
        if indicator is None:
            upload.errors.append(f"{upload.where(number, 'A')}：未知的指标代码“{code}”")
            continue
        if code in seen:
            upload.errors.append(
                f"{upload.where(number, 'A')}：指标“{indicator.name}”与第 {seen[code]} 行重复"
            )
            continue
        seen[code] = number
        key = (area.pk, indicator.pk)
        value, cleared = _read_figure(
            raw, indicator, stored.get(key), previous.get(key), upload.where(number, VALUE_COLUMN), upload
        )
        if value is not None:
            figures[indicator] = value
        if cleared:
            clear.append(indicator)
    if not seen and not upload.errors:
        upload.errors.append(f"工作表“{SHEET}”从第 {FIRST_ROW} 行起没有任何指标行")
    upload.parts = [AreaFigures(area, figures, tuple(clear))]


# --- many areas: areas as rows, indicators as columns ---------------------------------------------------------


def _read_county_sheet(rows: list[tuple], upload: Upload, user) -> None:
    upload.area = _area_named(cell_text(cell_at(rows, 1, 2)), upload.where(1, "B"), upload, user, enter=False)
    _read_period(rows, upload)
    if cell_text(cell_at(rows, CODE_ROW, 1)) != "区划代码":
        upload.errors.append(
            f"工作表“{COUNTY_SHEET}”第 {CODE_ROW} 行：A 列应为“区划代码”，其后各列为指标代码，请使用系统下载的模板"
        )
        return
    columns = _indicator_columns(rows, upload)
    if upload.year is not None:
        _read_area_rows(rows, columns, upload, user)


def _indicator_columns(rows: list[tuple], upload: Upload) -> dict[int, Indicator]:
    """The indicator of each figure column, by the code in the header row; unknown and repeated codes are errors."""
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(is_active=True)}
    header = rows[CODE_ROW - 1]
    columns, seen = {}, {}
    for column in range(FIRST_COLUMN, len(header) + 1):
        code, letter = cell_text(header[column - 1]), get_column_letter(column)
        if not code:
            if any(cell_text(cell_at(rows, row, column)) for row in range(FIRST_AREA_ROW, len(rows) + 1)):
                upload.errors.append(f"{upload.where(CODE_ROW, letter)}：此列有数值但缺少指标代码")
            continue
        indicator = indicators.get(code)
        if indicator is None:
            upload.errors.append(f"{upload.where(CODE_ROW, letter)}：未知的指标代码“{code}”")
        elif code in seen:
            upload.errors.append(
                f"{upload.where(CODE_ROW, letter)}：指标“{indicator.name}”与 {seen[code]} 列重复"
            )
        else:
            seen[code], columns[column] = letter, indicator
    if not columns and not upload.errors:
        upload.errors.append(f"工作表“{COUNTY_SHEET}”第 {CODE_ROW} 行没有任何指标代码")
    return columns


def _read_area_rows(rows: list[tuple], columns: dict[int, Indicator], upload: Upload, user) -> None:
    """Each row names an area under the sheet's area by its code; the user must be able to enter its figures."""
    lines = list(enumerate(rows[FIRST_AREA_ROW - 1 :], start=FIRST_AREA_ROW))
    codes = {cell_text(line[0]) for _, line in lines if line}
    areas = {area.code: area for area in Area.objects.for_user(user).filter(code__in=codes - {""})}
    stored = _stored(list(areas.values()), upload.year, upload.month)
    previous = _previous_figures(list(areas.values()), upload.year, upload.month)
    seen: dict[str, int] = {}
    for number, line in lines:
        code = cell_text(line[0]) if line else ""
        if not code:
            if any(cell_text(cell_at(rows, number, column)) for column in columns):
                upload.errors.append(f"{upload.where(number, 'A')}：有数值但缺少区划代码")
            continue
        area = _row_area(code, number, areas, seen, upload, user)
        if area is None:
            continue
        name = cell_text(cell_at(rows, number, 2))
        if name and name != area.name:
            upload.warnings.append(
                f"{upload.where(number, 'B')}：单位名称“{name}”与区划代码对应的“{area.name}”不一致，按区划代码导入"
            )
        figures, clear = {}, []
        for column, indicator in columns.items():
            key = (area.pk, indicator.pk)
            where = upload.where(number, get_column_letter(column))
            value, cleared = _read_figure(
                cell_at(rows, number, column), indicator, stored.get(key), previous.get(key), where, upload
            )
            if value is not None:
                figures[indicator] = value
            if cleared:
                clear.append(indicator)
        upload.parts.append(AreaFigures(area, figures, tuple(clear)))
    if not seen and not upload.errors:
        upload.errors.append(f"工作表“{COUNTY_SHEET}”从第 {FIRST_AREA_ROW} 行起没有任何单位行")


def _row_area(code: str, number: int, areas: dict[str, Area], seen: dict[str, int], upload: Upload, user):
    """The area of one row, or ``None`` with the reason listed: unknown, outside the sheet's area, no right to enter, repeated."""
    where = upload.where(number, "A")
    area = areas.get(code)
    if area is None:
        upload.errors.append(f"{where}：区划代码 {code} 不存在或不在您的管辖范围内")
    elif upload.area is not None and not (area.path.startswith(upload.area.path) and area != upload.area):
        upload.errors.append(f"{where}：{area.name}不是{upload.area.name}的下辖单位")
    elif not can(user, area, Action.ENTER):
        upload.errors.append(f"{where}：您没有{area.name}的填报权限")
    elif code in seen:
        upload.errors.append(f"{where}：{area.name}与第 {seen[code]} 行重复")
    else:
        seen[code] = number
        return area
    return None
