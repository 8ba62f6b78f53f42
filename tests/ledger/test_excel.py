"""Downloading the 报表 as .xlsx and uploading it back: every error listed, nothing written unless all is valid."""

import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.ledger import factories as f
from zhenwu.ledger.models import HistoryAction, ReportedValue, ValueHistory, ValueStatus


def download(client, world, area=None):
    response = client.get(reverse("ledger:template", args=[(area or world.town_a).code, 2025, 6]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def as_file(workbook, name="报表.xlsx"):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, file):
    return client.post(reverse("ledger:upload"), {"file": file})


def rows_by_code(sheet):
    return {sheet.cell(row, 1).value: row for row in range(5, sheet.max_row + 1)}


def test_the_template_carries_the_area_period_and_last_years_figures(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, year=2024, value="4.76")
    client.force_login(world.town_a_clerk)
    sheet = download(client, world)["填报"]
    assert sheet["B1"].value == world.town_a.code and sheet["B2"].value == "2025-06"
    assert [cell.value for cell in sheet[4]][:4] == ["指标代码", "指标名称", "单位", "本期数值"]
    row = rows_by_code(sheet)["GDTZ"]
    assert sheet.cell(row, 2).value == "固定资产投资" and sheet.cell(row, 5).value == "1-6月累计"
    assert sheet.cell(row, 6).value == 4.76  # 上年同期


def test_a_filled_template_uploads_with_history(client, world):
    f.all_indicators()
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    rows = rows_by_code(sheet)
    sheet.cell(rows["GDTZ"], 4).value = 6.02
    sheet.cell(rows["GYCZ"], 4).value = "3,200.5"
    sheet.cell(rows["LRZZ"], 4).value = -12.5
    response = upload(client, as_file(workbook))
    assert response.status_code == 302
    values = dict(ReportedValue.objects.values_list("indicator__code", "value"))
    assert values == {"GDTZ": D("6.02"), "GYCZ": D("3200.5"), "LRZZ": D("-12.5")}
    assert ValueHistory.objects.filter(action=HistoryAction.IMPORT, user=world.town_a_clerk).count() == 3


def test_every_error_is_listed_by_row_and_column_and_nothing_is_written(client, world):
    f.all_indicators()
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    rows = rows_by_code(sheet)
    sheet.cell(rows["GDTZ"], 4).value = 6.02  # valid, but must not be written either
    sheet.cell(rows["GYCZ"], 4).value = "约三亿"
    sheet.cell(rows["SGQS"], 4).value = -1
    extra = sheet.max_row + 1
    sheet.cell(extra, 1).value, sheet.cell(extra, 4).value = "XXXX", 1
    sheet.cell(extra + 1, 1).value, sheet.cell(extra + 1, 4).value = "GDTZ", 7
    page = upload(client, as_file(workbook)).content.decode()
    assert "4 处错误，未导入任何数据" in page
    assert f"第 {rows['GYCZ']} 行 D 列：不是数字" in page
    assert f"第 {rows['SGQS']} 行 D 列：不能为负数" in page
    assert f"第 {extra} 行 A 列：未知的指标代码“XXXX”" in page
    assert f"第 {extra + 1} 行 A 列：指标“固定资产投资”与第 {rows['GDTZ']} 行重复" in page
    assert not ReportedValue.objects.exists()


def test_a_file_for_an_area_outside_the_users_scope_is_refused(client, world):
    f.all_indicators()
    client.force_login(world.town_b_clerk)
    workbook = download(client, world, area=world.town_b)
    sheet = workbook["填报"]
    sheet["B1"].value = world.town_a.code  # town B's clerk retargets the file at town A
    sheet.cell(rows_by_code(sheet)["GDTZ"], 4).value = 1
    page = upload(client, as_file(workbook)).content.decode()
    assert f"工作表“填报”第 1 行 B 列：区划代码 {world.town_a.code} 不存在或不在您的管辖范围内" in page
    assert not ReportedValue.objects.exists()


def test_a_reviewer_may_not_upload_figures(client, world):
    f.all_indicators()
    client.force_login(world.town_a_reviewer)
    page = upload(client, as_file(download(client, world))).content.decode()
    assert "没有青山镇的填报权限" in page


def test_wrong_file_types_and_corrupt_files_get_clear_errors(client, world):
    client.force_login(world.town_a_clerk)
    page = upload(client, SimpleUploadedFile("报表.xls", b"\xd0\xcf\x11\xe0 old excel")).content.decode()
    assert "不是 .xlsx 格式" in page
    page = upload(client, SimpleUploadedFile("报表.xlsx", b"PK\x03\x04 truncated zip")).content.decode()
    assert "已损坏或不是有效的 .xlsx 文件" in page
    page = upload(client, SimpleUploadedFile("报表.xlsx", "指标,数值\n".encode())).content.decode()
    assert "已损坏" in page


def test_a_workbook_without_the_sheet_or_header_is_explained(client, world):
    client.force_login(world.town_a_clerk)
    workbook = Workbook()
    workbook.active.title = "Sheet1"
    assert "找不到工作表“填报”" in upload(client, as_file(workbook)).content.decode()
    workbook.active.title = "填报"
    workbook.active["B1"], workbook.active["B2"] = world.town_a.code, "六月"
    page = upload(client, as_file(workbook)).content.decode()
    assert "报告期“六月”应为年月，如 2025-06" in page and "表头应为" in page
    workbook.active["B2"] = "0000-06"  # no year a ledger keeps: refused, never written as year 0
    assert "报告期“0000-06”年份应在 2000 到 2099 之间" in upload(client, as_file(workbook)).content.decode()


def test_a_locked_figure_in_the_file_is_an_error(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, status=ValueStatus.APPROVED)
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    sheet.cell(rows_by_code(sheet)["GDTZ"], 4).value = 9
    page = upload(client, as_file(workbook)).content.decode()
    assert "本期已审核锁定" in page
    assert ReportedValue.objects.get().value == D("6.02")


def test_the_word_qingchu_clears_a_figure_and_an_empty_cell_changes_nothing(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="6.02")
    f.make_value(world, world.town_a, code="GYCZ", value="31.5")
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    assert "清除" in sheet["A3"].value
    rows = rows_by_code(sheet)
    sheet.cell(rows["GDTZ"], 4).value = "清除"
    sheet.cell(rows["GYCZ"], 4).value = None
    response = upload(client, as_file(workbook))
    assert response.status_code == 302
    assert dict(ReportedValue.objects.values_list("indicator__code", "value")) == {"GYCZ": D("31.5")}
    record = ValueHistory.objects.get(action=HistoryAction.CLEAR)
    assert (record.indicator.code, record.old_value, record.reported) == ("GDTZ", D("6.02"), None)


def test_a_locked_figure_sent_back_unchanged_is_not_an_error(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, status=ValueStatus.APPROVED)
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    sheet.cell(rows_by_code(sheet)["GYCZ"], 4).value = 31.5
    assert upload(client, as_file(workbook)).status_code == 302
    assert dict(ReportedValue.objects.values_list("indicator__code", "value")) == {
        "GDTZ": D("6.02"),
        "GYCZ": D("31.5"),
    }


def test_clearing_a_locked_figure_in_the_file_is_an_error(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, status=ValueStatus.APPROVED)
    client.force_login(world.town_a_clerk)
    workbook = download(client, world)
    sheet = workbook["填报"]
    sheet.cell(rows_by_code(sheet)["GDTZ"], 4).value = "清除"
    page = upload(client, as_file(workbook)).content.decode()
    assert "固定资产投资本期已审核锁定，不能清除" in page
    assert ReportedValue.objects.get().value == D("6.02")
