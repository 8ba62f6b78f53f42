"""The project ledger (重点项目台账) as Excel, in the usual column layout, and reading it back.

Sheet “重点项目台账”: a title in row 1; in row 2 the area code (B2) and the month (D2) the
figures belong to; the headers in row 3; one project per row from row 4:

序号 | 项目名称 | 所属区划 | 项目类别 | 项目层级 | 建设内容 | 业主单位 | 总投资（万元） | 年度计划投资（万元） |
1-N月完成投资（万元） | 投资完成率 | 项目状态 | 计划开工 | 计划竣工 | 形象进度 | 存在问题 | 需协调事项 | 责任单位 | 责任人

An import is all or nothing: every problem is listed by row and column in Chinese, and
nothing is written unless there is none.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from zhenwu.areas.access import can
from zhenwu.areas.departments import retired_choice
from zhenwu.areas.models import Action, Area, Department
from zhenwu.projects import services
from zhenwu.projects.facts import latest_updates, load_facts
from zhenwu.projects.models import STATUS_ORDER, Category, Project, Status, Tier
from zhenwu.projects.rates import Month, investment_rate
from zhenwu.workbooks import (
    HEAD_FILL,
    HEAD_FONT,
    TITLE_FONT,
    UnreadableWorkbook,
    cell_at,
    cell_text,
    read_rows,
    workbook_bytes,
)

SHEET = "重点项目台账"
HEADER_ROW = 3
FIRST_ROW = 4

# (key, header, width); the 1-N月 header is written with the month and recognised by pattern.
COLUMNS = [
    ("number", "序号", 6),
    ("name", "项目名称", 32),
    ("area", "所属区划", 12),
    ("category", "项目类别", 10),
    ("tier", "项目层级", 10),
    ("content", "建设内容", 36),
    ("owner_company", "业主单位", 24),
    ("total_investment", "总投资（万元）", 14),
    ("plan", "年度计划投资（万元）", 14),
    ("ytd", "1-N月完成投资（万元）", 14),
    ("rate", "投资完成率", 10),
    ("status", "项目状态", 10),
    ("planned_start", "计划开工", 12),
    ("planned_completion", "计划竣工", 12),
    ("progress", "形象进度", 36),
    ("problems", "存在问题", 24),
    ("help_needed", "需协调事项", 24),
    ("department", "责任单位", 20),
    ("responsible_person", "责任人", 10),
]
KEYS = [key for key, _, _ in COLUMNS]
LETTER = {key: get_column_letter(index) for index, key in enumerate(KEYS, start=1)}
HEADER = {key: header for key, header, _ in COLUMNS}
YTD_HEADER = re.compile(r"^1(-\d{1,2})?月(累计)?完成投资[(（]万元[)）]$")


def _number(value: Decimal | None):
    return None if value is None else float(value)


def export_ledger(area: Area, projects, month: Month, *, due: bool = True) -> bytes:
    """The ledger of ``projects`` (already scoped) with the month's figures, as .xlsx."""
    projects = projects.select_related("area", "department").order_by("area__path", "id")
    facts = {f.pk: f for f in load_facts(projects, month, due=due)}
    latest = latest_updates(list(facts), month)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"] = f"{area.name}{month.year}年重点项目推进情况表（{month.label}）"
    sheet["A1"].font = TITLE_FONT
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"] = (
        "区划代码",
        area.code,
        "报告期",
        f"{month.year}-{month.month:02d}",
    )
    sheet["F2"] = "单位：万元"
    for column, key in enumerate(KEYS, start=1):
        title = f"{month.label}完成投资（万元）" if key == "ytd" else HEADER[key]
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font, cell.fill = HEAD_FONT, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = COLUMNS[column - 1][2]
    for number, project in enumerate(projects, start=1):
        fact, update = facts[project.pk], latest.get(project.pk)
        rate = investment_rate(fact)
        sheet.append(
            [
                number,
                project.name,
                project.area.name,
                project.get_category_display(),
                project.get_tier_display(),
                project.content,
                project.owner_company,
                _number(project.total_investment),
                _number(fact.annual_plan),
                _number(fact.ytd) if update else None,
                None if rate is None else float(round(rate, 1)) / 100,
                project.get_status_display(),
                project.planned_start,
                project.planned_completion,
                update.progress if update else "",
                update.problems if update else "",
                update.help_needed if update else "",
                project.department.name if project.department else "",
                project.responsible_person,
            ]
        )
        row = sheet.max_row
        sheet[f"{LETTER['rate']}{row}"].number_format = "0.0%"
        for key in ("planned_start", "planned_completion"):
            sheet[f"{LETTER[key]}{row}"].number_format = "yyyy-mm-dd"
    sheet.freeze_panes = f"C{FIRST_ROW}"
    return workbook_bytes(workbook)


# --- reading an upload -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What an import did, or every reason it did nothing."""

    errors: list[str] = field(default_factory=list)
    created: int = 0
    changed: int = 0
    updates: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class _Row:
    number: int
    values: dict[str, object]


def _where(row: int, key: str) -> str:
    return f"第 {row} 行 {LETTER[key]} 列（{HEADER[key]}）"


def _decimal(value, row: int, key: str, errors: list[str]) -> Decimal | None:
    if value is None or cell_text(value) == "":
        return None
    if isinstance(value, int | float):
        number = Decimal(repr(value)).quantize(Decimal("0.01"))
    else:
        try:
            number = Decimal(cell_text(value).replace(",", "").replace("，", ""))
        except InvalidOperation:
            errors.append(f"{_where(row, key)}：“{cell_text(value)}”不是数字")
            return None
    if number < 0:
        errors.append(f"{_where(row, key)}：金额不能为负数")
        return None
    if not number.is_finite() or number >= Decimal("1e12"):
        errors.append(f"{_where(row, key)}：“{cell_text(value)}”超出范围")
        return None
    return number.quantize(Decimal("0.01"))


def _date(value, row: int, key: str, errors: list[str]) -> datetime.date | None:
    if value is None or cell_text(value) == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    match = re.fullmatch(r"(\d{4})[-年/.](\d{1,2})(?:[-月/.](\d{1,2})日?)?月?", cell_text(value))
    try:
        if match is None:
            raise ValueError
        return datetime.date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        errors.append(f"{_where(row, key)}：“{cell_text(value)}”不是日期，应写成 2025-03-01")
        return None


def _choice(value, choices, row: int, key: str, errors: list[str]):
    text = cell_text(value)
    if not text:
        return None
    by_label = {label: value for value, label in choices.choices}
    if text in by_label:
        return by_label[text]
    errors.append(f"{_where(row, key)}：“{text}”不是可选的{HEADER[key]}（可选：{'、'.join(by_label)}）")
    return None


def _header(rows: list[tuple], user, result: ImportResult) -> tuple[Area | None, Month | None]:
    code = cell_text(cell_at(rows, 2, 2))
    area = Area.objects.for_user(user).filter(code=code).first() if code else None
    if not code:
        result.errors.append("第 2 行 B 列（区划代码）：缺少区划代码")
    elif area is None:
        result.errors.append(f"第 2 行 B 列（区划代码）：区划代码 {code} 不存在或不在您的管辖范围内")
    elif not can(user, area, Action.ADMINISTER):
        result.errors.append(f"第 2 行 B 列（区划代码）：您没有{area.name}的管理权限，不能导入台账")
        area = None
    month = None
    period = cell_text(cell_at(rows, 2, 4))
    try:
        month = Month.parse(period)
    except ValueError as error:
        result.errors.append(f"第 2 行 D 列（报告期）：“{period}”{error}")
    headers = [cell_text(value) for value in (rows[HEADER_ROW - 1] if len(rows) >= HEADER_ROW else ())]
    headers += [""] * (len(KEYS) - len(headers))
    for index, key in enumerate(KEYS):
        ok = YTD_HEADER.match(headers[index]) if key == "ytd" else headers[index] == HEADER[key]
        if not ok:
            result.errors.append(
                f"第 {HEADER_ROW} 行 {LETTER[key]} 列：表头应为“{HEADER[key]}”，实为“{headers[index]}”，请使用系统导出的台账"
            )
            break
    return area, month


def import_ledger(data: bytes, filename: str, user) -> ImportResult:
    """Read an uploaded ledger and load it: projects created or changed, the month's figures recorded.

    Every row is checked before anything is written; then all rows are written in one
    transaction, and a problem found while writing undoes everything.
    """
    result = ImportResult()
    try:
        _, rows = read_rows(data, filename, (SHEET,), what="项目台账")
    except UnreadableWorkbook as error:
        result.errors.append(str(error))
        return result
    area, month = _header(rows, user, result)
    if result.errors:
        return result
    parsed = _read_rows(rows, area, month, result)
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for row in parsed:
                _apply(row, user, month, result)
            if result.errors:
                raise _RollBack
    except _RollBack:
        result.created = result.changed = result.updates = 0
    return result


class _RollBack(Exception):
    """Raised inside the transaction to undo an import that met a problem while writing."""


def _read_rows(rows: list[tuple], area: Area, month: Month, result: ImportResult) -> list[_Row]:
    errors = result.errors
    subtree = {a.name: a for a in Area.objects.subtree(area).order_by("-depth")}
    departments = {d.name: d for d in Department.objects.filter(area__path__in=area.lineage_paths)}
    departments |= {d.name: d for d in Department.objects.in_subtree(area)}
    seen: dict[tuple[int, str], int] = {}
    parsed = []
    for number, line in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        raw = dict(zip(KEYS, list(line) + [None] * (len(KEYS) - len(line)), strict=False))
        if all(cell_text(raw[key]) == "" for key in KEYS if key not in ("number", "rate")):
            continue
        values: dict[str, object] = {}
        name = cell_text(raw["name"])
        if not name:
            errors.append(f"{_where(number, 'name')}：缺少项目名称")
            continue
        values["name"] = name[:120]
        area_name = cell_text(raw["area"])
        project_area = subtree.get(area_name) if area_name else area
        if project_area is None:
            errors.append(f"{_where(number, 'area')}：“{area_name}”不在{area.name}范围内")
            continue
        values["area"] = project_area
        key = (project_area.pk, name)
        if key in seen:
            errors.append(f"{_where(number, 'name')}：项目“{name}”与第 {seen[key]} 行重复")
            continue
        seen[key] = number
        existing = Project.objects.filter(area=project_area, name=name).first()
        values["project"] = existing
        values["category"] = _choice(raw["category"], Category, number, "category", errors)
        if values["category"] is None and existing is None and not cell_text(raw["category"]):
            errors.append(f"{_where(number, 'category')}：新项目须填写项目类别")
        values["tier"] = _choice(raw["tier"], Tier, number, "tier", errors)
        values["status"] = _choice(raw["status"], Status, number, "status", errors)
        for key_ in ("total_investment", "plan", "ytd"):
            values[key_] = _decimal(raw[key_], number, key_, errors)
        if values["total_investment"] is None and existing is None and not cell_text(raw["total_investment"]):
            errors.append(f"{_where(number, 'total_investment')}：新项目须填写总投资")
        for key_ in ("planned_start", "planned_completion"):
            values[key_] = _date(raw[key_], number, key_, errors)
        for key_ in ("content", "owner_company", "progress", "problems", "help_needed", "responsible_person"):
            values[key_] = cell_text(raw[key_])
        if values["ytd"] is not None and not values["progress"]:
            errors.append(f"{_where(number, 'progress')}：填写了{month.label}完成投资，须同时填写形象进度")
        department = cell_text(raw["department"])
        values["department"] = departments.get(department) if department else None
        if department and values["department"] is None:
            errors.append(f"{_where(number, 'department')}：找不到责任单位“{department}”")
        elif retired := retired_choice(values["department"], existing.department_id if existing else None):
            errors.append(f"{_where(number, 'department')}：责任单位{retired}")
        if existing is not None and values["status"]:
            order = STATUS_ORDER.index
            if order(Status(values["status"])) < order(Status(existing.status)):
                errors.append(
                    f"{_where(number, 'status')}：项目当前为“{existing.get_status_display()}”，状态不能倒退为“{Status(values['status']).label}”"
                )
        parsed.append(_Row(number, values))
    if not parsed and not errors:
        errors.append(f"工作表“{SHEET}”从第 {FIRST_ROW} 行起没有任何项目")
    return parsed


LEDGER_KEYS = (
    "category",
    "tier",
    "content",
    "owner_company",
    "department",
    "responsible_person",
    "total_investment",
    "planned_start",
    "planned_completion",
)


def _is_new(project: Project, month: Month, values: dict) -> bool:
    """False when the row repeats the latest update (an exported ledger loaded back unchanged)."""
    latest = latest_updates([project.pk], month).get(project.pk)
    if latest is None:
        return True
    return (latest.investment_ytd, latest.progress, latest.problems, latest.help_needed) != (
        values["ytd"],
        values["progress"],
        values["problems"],
        values["help_needed"],
    )


def _apply(row: _Row, user, month: Month, result: ImportResult) -> None:
    values = row.values
    fields = {key: values[key] for key in LEDGER_KEYS if values[key] not in (None, "")}
    try:
        project = values["project"]
        if project is None:
            project = services.create_project(user, area=values["area"], name=values["name"], **fields)
            result.created += 1
        else:
            changed = {k: v for k, v in fields.items() if getattr(project, k) != v}
            if changed:
                services.update_project(project, user, **changed)
                result.changed += 1
        if values["plan"] is not None:
            services.set_year_plan(project, user, month.year, values["plan"])
        if values["status"] and values["status"] != project.status:
            when = min(month.last_day, timezone.localdate())
            services.advance(project, user, values["status"], when, note="台账导入")
        if values["ytd"] is not None and _is_new(project, month, values):
            services.record_update(
                project,
                user,
                month=month,
                investment_ytd=values["ytd"],
                progress=values["progress"],
                problems=values["problems"],
                help_needed=values["help_needed"],
            )
            result.updates += 1
    except (ValidationError, PermissionDenied) as error:
        text = error.messages[0] if isinstance(error, ValidationError) else str(error)
        result.errors.append(f"第 {row.number} 行（{values['name']}）：{text}")
