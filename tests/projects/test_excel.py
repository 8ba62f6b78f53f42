"""The ledger in Excel: exported in the usual 台账 layout, read back all or nothing."""

import datetime
import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from zhenwu.projects import services
from zhenwu.projects.excel import FIRST_ROW, HEADER_ROW, SHEET, export_ledger, import_ledger
from zhenwu.projects.models import MonthlyUpdate, Project, YearPlan
from zhenwu.projects.rates import Month

JUNE = Month(2025, 6)


def exported(world, month=JUNE):
    data = export_ledger(world.county, Project.objects.in_subtree(world.county), month)
    return load_workbook(io.BytesIO(data))


def as_bytes(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_export_has_the_usual_columns_and_the_months_figures(world, project_a):
    services.record_update(
        project_a, world.town_a_clerk, month=JUNE, investment_month=Decimal(2400), progress="主体封顶"
    )
    sheet = exported(world)[SHEET]
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    assert headers[:4] == ["序号", "项目名称", "所属区划", "项目类别"]
    assert "1-6月完成投资（万元）" in headers and "投资完成率" in headers and "责任人" in headers
    row = [cell.value for cell in sheet[FIRST_ROW]]
    assert row[1] == "溪东片区老旧小区改造工程" and row[2] == "青山镇"
    assert row[7] == 12000 and row[8] == 8000 and row[9] == 2400 and row[10] == 0.3
    assert sheet["B2"].value == world.county.code and sheet["D2"].value == "2025-06"


def test_an_exported_ledger_loads_back_unchanged(world, project_a, project_b):
    services.record_update(
        project_a, world.town_a_clerk, month=JUNE, investment_month=Decimal(100), progress="开工"
    )
    result = import_ledger(as_bytes(exported(world)), "台账.xlsx", world.county_admin)
    assert result.ok, result.errors
    assert (result.created, result.changed, result.updates) == (0, 0, 0)
    assert MonthlyUpdate.objects.count() == 1


def test_a_filled_in_ledger_adds_projects_plans_and_the_months_progress(world, project_a):
    workbook = exported(world)
    sheet = workbook[SHEET]
    sheet[f"I{FIRST_ROW}"] = 9000  # 年度计划投资 raised
    sheet[f"J{FIRST_ROW}"] = 3500  # 1-6月完成
    sheet[f"O{FIRST_ROW}"] = "3栋主体结构封顶"
    sheet.append(
        [
            None,
            "S274青山段改建工程",
            "东山村",
            "基础设施",
            "市重点",
            "改建二级公路6.2公里",
            "县交投集团",
            26000,
            5000,
        ]
    )
    result = import_ledger(as_bytes(workbook), "台账.xlsx", world.county_admin)
    assert result.ok, result.errors
    assert (result.created, result.updates) == (1, 1)
    assert YearPlan.objects.get(project=project_a, year=2025).planned_investment == Decimal(9000)
    update = MonthlyUpdate.objects.get(project=project_a)
    assert (update.month, update.investment_ytd, update.progress) == (6, Decimal(3500), "3栋主体结构封顶")
    road = Project.objects.get(name="S274青山段改建工程")
    assert road.area == world.village_a1 and road.tier == "city" and road.total_investment == Decimal(26000)


def test_every_error_is_named_by_row_and_column_and_nothing_is_written(world, project_a):
    workbook = exported(world)
    sheet = workbook[SHEET]
    sheet[f"J{FIRST_ROW}"] = 3500  # valid on its own…
    sheet[f"O{FIRST_ROW}"] = "主体施工"
    sheet.append([None, "新项目甲", "青山镇", "工业", None, None, None, "一千万"])
    sheet.append([None, "新项目乙", "南塘村", "航天", None, None, None, 500, None, None, None, None, "明年"])
    sheet.append([None, "", "青山镇", "工业"])
    result = import_ledger(as_bytes(workbook), "台账.xlsx", world.town_a_clerk)
    assert not result.ok
    assert result.errors == ["第 2 行 B 列（区划代码）：区划代码 390123000000 不存在或不在您的管辖范围内"]

    result = import_ledger(as_bytes(workbook), "台账.xlsx", world.county_admin)
    assert "第 5 行 H 列（总投资（万元））：“一千万”不是数字" in result.errors
    assert any(e.startswith("第 6 行 D 列（项目类别）：“航天”不是可选的项目类别") for e in result.errors)
    assert "第 6 行 M 列（计划开工）：“明年”不是日期，应写成 2025-03-01" in result.errors
    assert "第 7 行 B 列（项目名称）：缺少项目名称" in result.errors
    assert not MonthlyUpdate.objects.exists()
    assert Project.objects.count() == 1


def test_a_problem_met_while_writing_undoes_the_rows_before_it(world, project_a):
    workbook = exported(world)
    sheet = workbook[SHEET]
    sheet.insert_rows(FIRST_ROW)  # a new project first, written before the failing row
    for column, value in zip("BCDH", ["新项目丙", "青山镇", "工业", 800], strict=True):
        sheet[f"{column}{FIRST_ROW}"] = value
    sheet[f"J{FIRST_ROW + 1}"] = 3500
    sheet[f"O{FIRST_ROW + 1}"] = "主体施工"
    sheet["D2"] = f"{datetime.date.today().year + 1}-01"  # figures of a month still to come
    result = import_ledger(as_bytes(workbook), "台账.xlsx", world.county_admin)
    assert result.errors == [
        f"第 5 行（溪东片区老旧小区改造工程）：不能填报未来月份（{datetime.date.today().year + 1}年1月）的进展。"
    ]
    assert not Project.objects.filter(name="新项目丙").exists()


def test_a_file_that_is_not_a_ledger_is_refused_in_chinese(world):
    assert (
        import_ledger(b"hello", "台账.csv", world.county_admin)
        .errors[0]
        .startswith("文件“台账.csv”不是 .xlsx")
    )
    assert "已损坏" in import_ledger(b"PK\x03\x04broken", "台账.xlsx", world.county_admin).errors[0]
    from openpyxl import Workbook

    assert "找不到工作表" in import_ledger(as_bytes(Workbook()), "台账.xlsx", world.county_admin).errors[0]


def test_the_import_page_lists_the_errors(client, world, project_a):
    workbook = exported(world)
    workbook[SHEET].append([None, "新项目", "青山镇", "工业", None, None, None, "很多"])
    client.force_login(world.county_admin)
    upload = io.BytesIO(as_bytes(workbook))
    upload.name = "台账.xlsx"
    response = client.post(reverse("projects:import"), {"file": upload})
    assert response.status_code == 200
    assert "“很多”不是数字" in response.content.decode()


def test_the_export_link_is_scoped(client, world, project_a, project_b):
    client.force_login(world.town_a_clerk)
    response = client.get(
        reverse("projects:export", kwargs={"code": world.town_a.code}), {"month": "2025-06"}
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))[SHEET]
    names = [row[1] for row in sheet.iter_rows(min_row=FIRST_ROW, values_only=True)]
    assert names == ["溪东片区老旧小区改造工程"]
    assert client.get(reverse("projects:export", kwargs={"code": world.town_b.code})).status_code == 404
