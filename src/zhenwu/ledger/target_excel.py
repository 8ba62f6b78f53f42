"""The 目标任务分解表 as an Excel file: a county's towns × indicators, downloaded, filled and read back.

The sheet "目标任务分解" carries the issuing area and the year in its first rows, the indicator
codes in row 4 (their names in row 5), then one row per area: 区划代码 | 单位 | one amount per
indicator. A blank cell leaves the target as it is; nothing is ever deleted from here.

Like the 报表 template, the sheet records when it was generated (row 2) and is read against
the targets as they stood then: a target revised after the download is not revised back, and
a sheet without that moment may only issue targets not yet set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.entry import check_cell
from zhenwu.ledger.excel import HEAD_FILL, HEAD_FONT, INPUT_FILL, cell_number, read_stamp, stamp
from zhenwu.ledger.models import Indicator, Target, TargetVersion
from zhenwu.ledger.services.targets import plain
from zhenwu.ledger.target_tables import children, current_amounts, issued_indicators
from zhenwu.lib.stale import StaleEdit, name_of, when_text
from zhenwu.workbooks import UnreadableWorkbook, cell_at, cell_text, read_rows, workbook_bytes

SHEET = "目标任务分解"
CODE_ROW = 4
NAME_ROW = 5
FIRST_ROW = NAME_ROW + 1
FIRST_COLUMN = 3  # C: the first indicator
CODE_HEAD = "区划代码"


def build_sheet(area: Area, year: int) -> bytes:
    """The areas below ``area`` × its indicators as .xlsx, with the targets in force filled in."""
    generated = timezone.now()
    indicators = issued_indicators(area, year)
    rows = children(area)
    amounts = current_amounts(rows, indicators, year)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"], sheet["B1"], sheet["C1"] = "下达单位", area.code, area.name
    sheet["A2"], sheet["B2"] = "年度", year
    stamp(sheet, generated)
    sheet["A3"] = (
        "请在黄色单元格填写各单位全年目标；留空表示不下达或不改动。"
        "已有目标改了数值即为目标调整，上传时须填写调整原因。请勿修改第 4 行的指标代码和 A 列的区划代码。"
    )
    sheet.cell(CODE_ROW, 1, CODE_HEAD)
    sheet.cell(CODE_ROW, 2, "指标代码 →")
    sheet.cell(NAME_ROW, 2, "单位 ↓  指标名称 →")
    for offset, indicator in enumerate(indicators):
        sheet.cell(CODE_ROW, FIRST_COLUMN + offset, indicator.code)
        sheet.cell(NAME_ROW, FIRST_COLUMN + offset, f"{indicator.name}（{indicator.unit}）")
    for line in (CODE_ROW, NAME_ROW):
        for cell in sheet[line]:
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
    for number, child in enumerate(rows, start=FIRST_ROW):
        sheet.cell(number, 1, child.code).number_format = "@"
        sheet.cell(number, 2, child.name)
        for offset, indicator in enumerate(indicators):
            cell = sheet.cell(
                number, FIRST_COLUMN + offset, cell_number(amounts.get((child.pk, indicator.pk)))
            )
            cell.fill = INPUT_FILL
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 14
    for offset in range(len(indicators)):
        sheet.column_dimensions[get_column_letter(FIRST_COLUMN + offset)].width = 16
    sheet.freeze_panes = sheet.cell(FIRST_ROW, FIRST_COLUMN)
    return workbook_bytes(workbook)


# --- reading an upload -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """One filled cell: the target an area should have for an indicator."""

    area: Area
    indicator: Indicator
    value: Decimal
    where: str  # 工作表“目标任务分解”第 6 行 C 列


@dataclass
class TargetSheet:
    """What an uploaded 目标任务分解表 says, or every reason it cannot be loaded."""

    amounts: list[Amount] = field(default_factory=list)
    revisions: list[str] = field(default_factory=list)  # "第 6 行 C 列 青山镇 固定资产投资 12 → 10"
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    generated: datetime | None = None  # when the sheet was downloaded, if it says
    numbers: dict[tuple[int, int], int] = field(default_factory=dict)  # 第N版 of each target then (0: none)

    @property
    def ok(self) -> bool:
        return not self.errors


def where(row: int, column: int | str) -> str:
    """A cell as the errors name it: 工作表“目标任务分解”第 6 行 C 列."""
    letter = column if isinstance(column, str) else get_column_letter(column)
    return f"工作表“{SHEET}”第 {row} 行 {letter} 列"


def read_sheet(
    data: bytes, filename: str, user, area: Area, year: int, *, effective_month: int = 1, reason: str = ""
) -> TargetSheet:
    """Read an uploaded 目标任务分解表 and check all of it; the caller writes nothing unless it is ``ok``.

    Checks the file, the year, every indicator code, every area code (it must lie in ``area``'s
    subtree and the user must be its 管理员), duplicates, and every amount. A changed amount of
    an existing target is a 目标调整: it needs ``reason`` and may not apply before the month the
    target's latest version does.
    """
    result = TargetSheet()
    try:
        _, rows = read_rows(data, filename, (SHEET,), what="目标任务分解表")
    except UnreadableWorkbook as error:
        result.errors.append(str(error))
        return result
    _check_head(rows, year, result)
    result.generated = read_stamp(rows)
    columns = _read_columns(rows, result)
    areas = _read_areas(rows, user, area, result)
    for number, line_area in areas.items():
        line = rows[number - 1]
        for column, indicator in columns.items():
            raw = line[column - 1] if len(line) >= column else None
            amount = _read_amount(raw, indicator, number, column, result)
            if amount is not None and line_area is not None:
                result.amounts.append(Amount(line_area, indicator, amount, where(number, column)))
        for column in range(FIRST_COLUMN, len(line) + 1):
            if column not in columns and line[column - 1] not in (None, "") and _has_no_code(rows, column):
                result.errors.append(f"{where(number, column)}：有数值但第 {CODE_ROW} 行缺少指标代码")
    if not result.errors and not result.amounts:
        result.errors.append(f"工作表“{SHEET}”从第 {FIRST_ROW} 行起没有填写任何目标")
    if not result.errors:
        _as_downloaded(result, year)
        _check_revisions(result, year, effective_month, reason)
    return result


def _check_head(rows: list[tuple], year: int, result: TargetSheet) -> None:
    stated = cell_text(cell_at(rows, 2, 2)).removesuffix("年")
    if stated != str(year):
        result.errors.append(f"{where(2, 'B')}：年度“{stated}”与本页的 {year} 年不符，请下载本年度的分解表")
    if cell_text(cell_at(rows, CODE_ROW, 1)) != CODE_HEAD:
        result.errors.append(f"{where(CODE_ROW, 'A')}：应为“{CODE_HEAD}”，请使用系统下载的目标任务分解表")


def _read_columns(rows: list[tuple], result: TargetSheet) -> dict[int, Indicator]:
    """Column number → indicator, from the codes in row 4; unknown and repeated codes are errors."""
    known = {indicator.code: indicator for indicator in Indicator.objects.filter(is_active=True)}
    line = rows[CODE_ROW - 1] if len(rows) >= CODE_ROW else ()
    columns: dict[int, Indicator] = {}
    seen: dict[str, int] = {}
    for column in range(FIRST_COLUMN, len(line) + 1):
        code = cell_text(line[column - 1])
        if not code:
            continue
        if code not in known:
            result.errors.append(f"{where(CODE_ROW, column)}：未知的指标代码“{code}”")
        elif code in seen:
            result.errors.append(
                f"{where(CODE_ROW, column)}：指标“{known[code].name}”与 {get_column_letter(seen[code])} 列重复"
            )
        else:
            seen[code] = column
            columns[column] = known[code]
    if not columns and not result.errors:
        result.errors.append(
            f"工作表“{SHEET}”第 {CODE_ROW} 行没有任何指标代码，请使用系统下载的目标任务分解表"
        )
    return columns


def _read_areas(rows: list[tuple], user, area: Area, result: TargetSheet) -> dict[int, Area | None]:
    """Row number → the area it is about (None when the code is wrong, so its figures are still checked)."""
    codes = {cell_text(line[0]) for line in rows[FIRST_ROW - 1 :] if line and line[0] is not None}
    found = {found.code: found for found in Area.objects.for_user(user).filter(code__in=codes)}
    areas: dict[int, Area | None] = {}
    seen: dict[str, int] = {}
    for number, line in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        code = cell_text(line[0]) if line else ""
        filled = any(value not in (None, "") for value in line[FIRST_COLUMN - 1 :])
        if not code:
            if filled:
                result.errors.append(f"{where(number, 'A')}：有目标数值但缺少区划代码")
            continue
        line_area = found.get(code)
        if line_area is None or not area.contains(line_area):
            result.errors.append(f"{where(number, 'A')}：区划代码 {code} 不存在或不在{area.name}管辖范围内")
            line_area = None
        elif not can(user, line_area, Action.ADMINISTER):
            result.errors.append(f"{where(number, 'A')}：您不是{line_area.name}的管理员，不能下达目标")
            line_area = None
        elif code in seen:
            result.errors.append(f"{where(number, 'A')}：{line_area.name}与第 {seen[code]} 行重复")
            continue
        else:
            seen[code] = number
        areas[number] = line_area
    return areas


def _read_amount(raw, indicator: Indicator, row: int, column: int, result: TargetSheet) -> Decimal | None:
    if isinstance(raw, float) and abs(raw) < 1e15:  # Excel keeps binary floats: 0.1 + 0.2 is not 17 decimals
        raw = Decimal(repr(raw)).quantize(Decimal("0.0001"))
    check = check_cell(raw, indicator)
    if check.error:
        result.errors.append(f"{where(row, column)}：{check.error}（{indicator.name}）")
    return check.value


def _has_no_code(rows: list[tuple], column: int) -> bool:
    return not cell_text(cell_at(rows, CODE_ROW, column))


def _check_revisions(result: TargetSheet, year: int, effective_month: int, reason: str) -> None:
    """A changed amount is a 目标调整: it needs a reason and may not reach back before the latest version."""
    targets = {
        (target.area_id, target.indicator_id): target
        for target in Target.objects.filter(
            area__in={amount.area for amount in result.amounts},
            indicator__in={amount.indicator for amount in result.amounts},
            year=year,
        ).prefetch_related("versions")
    }
    for amount in result.amounts:
        target = targets.get((amount.area.pk, amount.indicator.pk))
        versions = sorted(target.versions.all(), key=lambda version: version.number) if target else []
        if not versions or versions[-1].value == amount.value:
            continue
        last = versions[-1]
        result.revisions.append(
            f"{amount.where} {amount.area.name} {amount.indicator.name} "
            f"{last.value.normalize():f} → {amount.value.normalize():f}"
        )
        if effective_month < last.effective_month:
            result.errors.append(
                f"{amount.where}：{amount.area.name}“{amount.indicator.name}”已从 {last.effective_month} 月起调整过，"
                f"本次调整只能从第 {last.effective_month} 月或以后起适用"
            )
    if result.revisions and not reason.strip():
        result.errors.append(
            f"有 {len(result.revisions)} 项已有目标的数值改动（如{result.revisions[0]}），属于目标调整，请填写调整原因"
        )


def _as_downloaded(result: TargetSheet, year: int) -> None:
    """Note the version of each target as the sheet knew it, and leave out what it carried unchanged.

    A target revised after the download and sent back with the amount the sheet was downloaded
    with was not changed by the user: it is left out, with a warning naming the newer amount.
    """
    if result.generated is None:
        result.numbers = {(amount.area.pk, amount.indicator.pk): 0 for amount in result.amounts}
        return
    versions = TargetVersion.objects.filter(
        target__year=year,
        target__area__in={amount.area for amount in result.amounts},
        target__indicator__in={amount.indicator for amount in result.amounts},
    ).select_related("target", "created_by")
    then, since = {}, {}
    for version in sorted(versions, key=lambda version: version.number):
        key = (version.target.area_id, version.target.indicator_id)
        if version.created_at <= result.generated:
            then[key] = version
        else:
            since[key] = version
    kept = []
    for amount in result.amounts:
        key = (amount.area.pk, amount.indicator.pk)
        old, newer = then.get(key), since.get(key)
        result.numbers[key] = old.number if old else 0
        if newer is not None and old is not None and old.value == amount.value:
            result.warnings.append(
                f"{amount.area.name}{amount.indicator.name}：下载分解表后已被 {name_of(newer.created_by)} 于 "
                f"{when_text(timezone.localtime(newer.created_at))} 调整为 {plain(newer.value)}，"
                f"表中的原数 {plain(amount.value)} 未导入"
            )
        else:
            kept.append(amount)
    result.amounts = kept


def stale_errors(result: TargetSheet, refused: StaleEdit) -> list[str]:
    """Why a sheet was refused: the targets set or revised after it was downloaded, and what to do."""
    if result.generated is None:
        advice = (
            "此表没有“模板生成时间”（不是从本系统下载的分解表），只能下达还没有的目标；"
            "要调整已有目标，请下载分解表填写后上传，或在本页逐项调整。"
        )
    else:
        advice = (
            f"以下目标在下载分解表（{when_text(timezone.localtime(result.generated))}）之后已被他人下达或调整，"
            "整个文件均未导入：请重新下载分解表核对后再上传，或在本页逐项调整。"
        )
    return [advice, *(item.message for item in refused.stale)]
