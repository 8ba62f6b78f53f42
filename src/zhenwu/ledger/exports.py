"""Any ledger table as .xlsx: each page's “导出 Excel” writes what the page shows, sheet by sheet.

The 报表 and 分解表 templates, which are filled in and read back, live in ``excel`` and
``target_excel``; these are read-only copies of a page for a 通报 or a meeting.
"""

from __future__ import annotations

from decimal import Decimal

from zhenwu.areas.models import Area
from zhenwu.ledger.detail import IndicatorDetail
from zhenwu.ledger.services.targets import plain
from zhenwu.ledger.tables import AreaTable, CountyTable, StandardTable
from zhenwu.ledger.target_tables import CatalogueTable, IssuedTable, TargetPanel
from zhenwu.workbooks import TableSheet, tables_bytes


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else round(value, 1)


def export_area_table(table: AreaTable) -> bytes:
    """The area's indicator table (完成率, 时序进度, status, 同比) as .xlsx."""
    heads = [
        "指标",
        "单位",
        "填报口径",
        "1-N月",
        "上年同期",
        "全年目标",
        "完成率(%)",
        "时序进度(%)",
        "差距(百分点)",
        "状态",
        "同比(%)",
        "责任单位",
        "责任人",
        "说明",
    ]
    rows = [
        [
            f"{row.indicator.name} {row.as_of}" if row.as_of else row.indicator.name,
            row.indicator.unit,
            row.basis,
            row.progress.value,
            row.last_year,
            row.progress.target,
            _round(row.progress.rate),
            _round(row.progress.schedule),
            _round(row.progress.gap),
            row.progress.standing,
            _round(row.progress.yoy.percent),
            row.department,
            row.person,
            row.note,
        ]
        for row in table.rows
    ]
    title = f"{table.area.name} {table.year}年1-{table.month}月主要指标完成情况"
    return tables_bytes(TableSheet("指标完成情况", title, heads, rows, [28]))


def export_county_table(table: CountyTable) -> bytes:
    """Towns × indicators (完成率, with the status beside) and each town's reporting state, as .xlsx."""
    heads = [
        "单位",
        "填报员",
        "报送状态",
        "已填",
        "排名",
        *[indicator.name for indicator in table.indicators],
    ]
    rows = [
        [
            child.area.name,
            child.clerks,
            child.state + ("（逾期）" if child.late else ""),
            f"{child.entered}/{child.expected}",
            child.rank,
            *[_round(cell.rate) for cell in child.cells],
        ]
        for child in table.children
    ]
    title = f"{table.area.name} 下辖单位 {table.year}年1-{table.month}月主要指标完成率(%)"
    return tables_bytes(TableSheet("完成率", title, heads, rows, [14]))


def indicator_detail(detail: IndicatorDetail) -> bytes:
    """The 指标详情 page: the months, and the areas below when the page shows them."""
    indicator, period = detail.indicator, f"{detail.year}年1-{detail.month}月"
    months = TableSheet(
        "逐月",
        f"{detail.area.name} {indicator.name}（{indicator.unit}）{period}逐月情况",
        [
            "月份",
            "1-N月",
            "上年同期",
            "同比(%)",
            "目标",
            "完成率(%)",
            "时序进度(%)",
            "差距(百分点)",
            "状态",
            "说明",
        ],
        [
            [
                f"{line.month}月",
                line.progress.value,
                line.last_year,
                _round(line.progress.yoy.percent),
                line.progress.target,
                _round(line.progress.rate),
                _round(line.progress.schedule),
                _round(line.progress.gap),
                line.progress.standing,
                line.note,
            ]
            for line in detail.months
        ],
    )
    sheets = [months]
    if detail.children:
        share = [f"占{detail.area.name}(%)"] if detail.has_shares else []
        sheets.append(
            TableSheet(
                "下辖单位",
                f"{detail.area.name}下辖单位 {indicator.name}（{indicator.unit}）{period}",
                ["单位", "1-N月", "全年目标", "完成率(%)", "差距(百分点)", "状态", "同比(%)", *share, "名次"],
                [
                    [
                        line.area.name,
                        line.progress.value,
                        line.progress.target,
                        _round(line.progress.rate),
                        _round(line.progress.gap),
                        line.progress.standing,
                        _round(line.progress.yoy.percent),
                        *([_round(line.share)] if detail.has_shares else []),
                        line.place,
                    ]
                    for line in detail.children
                ],
                [14],
            )
        )
    return tables_bytes(*sheets)


def targets(area: Area, year: int, panels: list[TargetPanel], issued: IssuedTable | None) -> bytes:
    """The 年度目标 page: the area's targets with owners, revisions and parts; the towns' targets."""
    own = TableSheet(
        "本级目标",
        f"{area.name}{year}年目标任务及分解",
        ["指标", "单位", "全年目标", "责任单位", "责任人", "目标调整", "分解", "提示"],
        [
            [
                panel.row.target.indicator.name,
                panel.row.target.indicator.unit,
                panel.row.amount,
                panel.row.target.department.name if panel.row.target.department else "",
                panel.row.target.responsible_person,
                "；".join(
                    f"第{v.number}版 {v.effective_month}月起 {plain(v.value)}：{v.reason}"
                    for v in panel.row.versions
                    if v.number > 1
                ),
                "；".join(f"{part.owner_name} {plain(part.value)}" for part in panel.row.parts),
                panel.row.warning,
            ]
            for panel in panels
        ],
        [24, 10, 12, 24, 10, 36, 48, 24],
    )
    sheets = [own]
    if issued is not None:
        sheets.insert(
            0,
            TableSheet(
                "下辖单位目标",
                f"{area.name}下辖单位{year}年目标（现行）",
                ["指标", "单位", *[child.name for child in issued.areas], "合计", f"{area.name}目标", "提示"],
                [
                    [row.indicator.name, row.indicator.unit, *row.amounts, row.total, row.own, row.warning]
                    for row in issued.rows
                ],
                [24],
            ),
        )
    return tables_bytes(*sheets)


def history(area: Area, year: int, month: int, records) -> bytes:
    """The 修改记录 of an area's month: every change of every figure, newest first."""
    return tables_bytes(
        TableSheet(
            "修改记录",
            f"{area.name}{year}年{month}月报表修改记录",
            ["时间", "操作人", "指标", "操作", "原值", "新值", "原状态", "新状态", "原因"],
            [
                [
                    record.at.astimezone().strftime("%Y-%m-%d %H:%M") if record.at else "",
                    record.who,
                    record.indicator.name if record.indicator else "",
                    record.get_action_display(),
                    record.old_value,
                    record.new_value,
                    record.get_old_status_display(),
                    record.get_new_status_display() or "已清除",
                    record.reason,
                ]
                for record in records
            ],
            [17, 10, 24],
        )
    )


def standards(area: Area, year: int, month: int, standard_tables: list[StandardTable]) -> bytes:
    """创建标准 达标情况: each standard as a sheet, areas × thresholds and checklist items, then 达标 over both."""
    sheets = []
    for table in standard_tables:
        heads = ["单位"]
        for entry in table.entries:
            heads += [f"{entry.indicator.name}（{entry.requirement}）", "判定"]
        heads += [f"{item.text}（清单项）" for item in table.items]
        heads += ["达标情况", "说明"]
        rows = [
            [
                line.unit.name,
                *[item for value, verdict, _ in line.checks for item in (value, verdict)],
                *[cell.label for cell in line.cells],
                line.standing.verdict,
                line.standing.text,
            ]
            for line in table.lines
        ]
        sheets.append(
            TableSheet(
                table.catalogue.name,
                f"{area.name} {table.catalogue.name} 达标情况（{year}年1-{month}月）",
                heads,
                rows,
                [14],
            )
        )
    return tables_bytes(*(sheets or [TableSheet("创建标准", f"{area.name} 上级尚未发布创建标准", [])]))


def catalogue(area: Area, year: int, catalogue_tables: list[CatalogueTable]) -> bytes:
    """考核指标: each list with weights, the area's targets and owners."""
    sheets = []
    for table in catalogue_tables:
        below = ["已下达目标的下辖单位"] if table.children_count is not None else []
        rows = [
            [
                line.entry.indicator.get_theme_display(),
                line.entry.indicator.name,
                line.entry.indicator.unit,
                line.entry.indicator.get_direction_display(),
                line.weight,
                line.amount,
                line.target.department.name if line.target and line.target.department else "",
                line.target.responsible_person if line.target else "",
                *([f"{line.children_with_target}/{table.children_count}"] if below else []),
            ]
            for line in table.lines
        ]
        sheets.append(
            TableSheet(
                table.catalogue.name,
                f"{table.catalogue.name}（权重合计 {table.total_weight} 分）",
                [
                    "领域",
                    "指标",
                    "单位",
                    "方向",
                    "权重分",
                    f"{area.name}全年目标",
                    "责任单位",
                    "责任人",
                    *below,
                ],
                rows,
                [10, 24],
            )
        )
    return tables_bytes(*(sheets or [TableSheet("考核指标", f"{area.name}{year}年没有考核指标", [])]))
