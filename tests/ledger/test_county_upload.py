"""The county's 汇总填报 sheet: towns as rows, indicators as columns, uploaded at once — all towns or none."""

import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter as letter

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Role
from zhenwu.ledger.models import HistoryAction, ReportedValue, ValueHistory, ValueStatus

SHEET = "汇总填报"


def download(client, area):
    response = client.get(reverse("ledger:county_template", args=[area.code, 2025, 6]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def upload(client, workbook, follow=False, confirm_reason=""):
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = {"file": SimpleUploadedFile("汇总.xlsx", buffer.getvalue()), "confirm_reason": confirm_reason}
    return client.post(reverse("ledger:upload"), data, follow=follow)


def places(sheet):
    """Row of each area code, column of each indicator code."""
    rows = {sheet.cell(row, 1).value: row for row in range(7, sheet.max_row + 1)}
    columns = {sheet.cell(4, column).value: column for column in range(3, sheet.max_column + 1)}
    return rows, columns


def figures():
    return {
        (area, code): value
        for area, code, value in ReportedValue.objects.values_list("area__name", "indicator__code", "value")
    }


def test_the_template_lists_the_towns_and_indicators_with_stored_figures_and_locks(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="6.02")
    f.make_value(world, world.town_b, code="GYCZ", value="20", status=ValueStatus.APPROVED)
    client.force_login(world.county_admin)
    sheet = download(client, world.county)[SHEET]
    rows, columns = places(sheet)
    assert (sheet["B1"].value, sheet["B2"].value) == (world.county.code, "2025-06")
    assert "清除" in sheet["A3"].value and "空白" in sheet["A3"].value
    assert [sheet.cell(rows[town.code], 2).value for town in (world.town_a, world.town_b)] == [
        "青山镇",
        "白沙镇",
    ]
    assert (sheet.cell(5, columns["GDTZ"]).value, sheet.cell(6, columns["GDTZ"]).value) == (
        "固定资产投资",
        "亿元（1-6月累计）",  # the unit and what to type
    )
    assert sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value == 6.02
    locked = sheet.cell(rows[world.town_b.code], columns["GYCZ"])
    open_cell = sheet.cell(rows[world.town_a.code], columns["GDTZ"])
    assert sheet.protection.sheet and locked.protection.locked and not open_cell.protection.locked


def test_the_county_page_links_the_template(client, world):
    client.force_login(world.county_admin)
    page = client.get(
        reverse("ledger:county", args=[world.county.code]), {"period": "2025-06"}
    ).content.decode()
    assert reverse("ledger:county_template", args=[world.county.code, 2025, 6]) in page


def test_a_county_sheet_writes_every_towns_figures_with_history(client, world):
    f.all_indicators()
    f.make_value(world, world.town_b, code="GYCZ", value="20", status=ValueStatus.APPROVED)
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    a, b = rows[world.town_a.code], rows[world.town_b.code]
    sheet.cell(a, columns["GDTZ"]).value = 6.02
    sheet.cell(a, columns["LRZZ"]).value = "-12.5"
    sheet.cell(b, columns["GDTZ"]).value = "3,100.25"  # the locked 20 of GYCZ goes back unchanged
    response = upload(client, workbook, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("ledger:county", args=[world.county.code]))
    assert "已导入 青溪县下辖 2 个单位2025年6月：更新 3 项" in page
    assert figures() == {
        ("青山镇", "GDTZ"): D("6.02"),
        ("青山镇", "LRZZ"): D("-12.5"),
        ("白沙镇", "GDTZ"): D("3100.25"),
        ("白沙镇", "GYCZ"): D("20"),
    }
    history = ValueHistory.objects.filter(action=HistoryAction.IMPORT, user=world.county_admin)
    assert sorted(history.values_list("area__name", "indicator__code")) == [
        ("白沙镇", "GDTZ"),
        ("青山镇", "GDTZ"),
        ("青山镇", "LRZZ"),
    ]


def test_one_bad_cell_anywhere_writes_nothing_for_any_town(client, world):
    f.all_indicators()
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value = 6.02
    sheet.cell(rows[world.town_b.code], columns["GYCZ"]).value = "约三亿"
    page = upload(client, workbook).content.decode()
    column = letter(columns["GYCZ"])
    assert f"工作表“汇总填报”第 {rows[world.town_b.code]} 行 {column} 列：不是数字（规上工业产值）" in page
    assert "未导入任何数据" in page
    assert not ReportedValue.objects.exists() and not ValueHistory.objects.exists()


def test_every_kind_of_mistake_is_listed_with_sheet_row_and_column(client, world):
    f.all_indicators()
    f.make_value(world, world.town_b, code="GDTZ", value="5", status=ValueStatus.APPROVED)
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    a, b = rows[world.town_a.code], rows[world.town_b.code]
    sheet.cell(a, columns["SGQS"]).value = -1
    sheet.cell(b, columns["GDTZ"]).value = 9  # locked at 5
    last = sheet.max_row
    sheet.cell(last + 1, 1).value, sheet.cell(last + 1, 3).value = world.town_a.code, 1
    sheet.cell(last + 2, 1).value, sheet.cell(last + 2, 3).value = "390123999000", 1
    sheet.cell(last + 3, 3).value = 1
    extra = sheet.max_column + 1
    sheet.cell(4, extra).value = "XXXX"
    page = upload(client, workbook).content.decode()
    expected = [
        f"第 4 行 {letter(extra)} 列：未知的指标代码“XXXX”",
        f"第 {a} 行 {letter(columns['SGQS'])} 列：不能为负数（安全生产事故起数）",
        f"第 {b} 行 {letter(columns['GDTZ'])} 列：固定资产投资本期已审核锁定，不能修改",
        f"第 {last + 1} 行 A 列：青山镇与第 {a} 行重复",
        f"第 {last + 2} 行 A 列：区划代码 390123999000 不存在或不在您的管辖范围内",
        f"第 {last + 3} 行 A 列：有数值但缺少区划代码",
    ]
    for error in expected:
        assert f"工作表“汇总填报”{error}" in page
    assert "文件有 6 处错误" in page
    assert ReportedValue.objects.get().value == D("5")


def test_a_town_outside_the_uploaders_scope_is_an_error_naming_the_row(client, world):
    """A town 填报员 given the county sheet may enter only its own town: town B's row is refused."""
    f.all_indicators()
    clerk = make_user("county_viewer_a", world.county, Role.LEADER)
    clerk.memberships.create(area=world.town_a, role=Role.CLERK)
    client.force_login(clerk)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value = 6.02
    sheet.cell(rows[world.town_b.code], columns["GDTZ"]).value = 3.1
    page = upload(client, workbook).content.decode()
    assert f"工作表“汇总填报”第 {rows[world.town_b.code]} 行 A 列：您没有白沙镇的填报权限" in page
    assert not ReportedValue.objects.exists()


def test_the_outsider_cannot_retarget_a_sheet_at_another_town(client, world):
    f.all_indicators()
    client.force_login(world.town_b_clerk)
    workbook = download(client, world.town_b)  # town B's villages
    sheet = workbook[SHEET]
    _, columns = places(sheet)
    row = sheet.max_row + 1
    sheet.cell(row, 1).value, sheet.cell(row, columns["GDTZ"]).value = world.town_a.code, 1
    page = upload(client, workbook).content.decode()
    assert (
        f"工作表“汇总填报”第 {row} 行 A 列：区划代码 {world.town_a.code} 不存在或不在您的管辖范围内" in page
    )
    assert not ReportedValue.objects.exists()


def test_an_area_not_under_the_sheets_county_is_refused(client, world):
    f.all_indicators()
    client.force_login(world.county_admin)
    workbook = download(client, world.town_a)  # town A's villages
    sheet = workbook[SHEET]
    _, columns = places(sheet)
    row = sheet.max_row + 1
    sheet.cell(row, 1).value, sheet.cell(row, columns["GDTZ"]).value = world.town_b.code, 1
    page = upload(client, workbook).content.decode()
    assert f"第 {row} 行 A 列：白沙镇不是青山镇的下辖单位" in page


def test_a_cumulative_below_last_month_holds_the_sheet_until_confirmed_with_a_reason(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, month=5, value="5.8")
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value = 5.0  # smaller than last month's 1-5月
    page = upload(client, workbook).content.decode()
    assert "存疑" in page and "累计数比上月（5.8）还小" in page
    assert not ReportedValue.objects.filter(month=6).exists()
    page = upload(client, workbook, follow=True, confirm_reason="5月数据多报，已更正").content.decode()
    assert "已导入" in page
    assert ReportedValue.objects.get(month=6).value == D("5")
    record = ValueHistory.objects.get(month=6)
    assert "还小" in record.confirmed and "5月数据多报，已更正" in record.reason


def test_clearing_a_town_figure_with_the_word(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="6.02")
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value = "清除"
    page = upload(client, workbook, follow=True).content.decode()
    assert "清除 1 项" in page
    assert not ReportedValue.objects.exists()
    record = ValueHistory.objects.get(action=HistoryAction.CLEAR)
    assert (record.area, record.old_value, record.user) == (world.town_a, D("6.02"), world.county_admin)


def test_a_refusal_for_the_second_town_undoes_the_first(client, world, monkeypatch):
    """The sheet was read while town B was open; B is approved before the write: neither town is written."""
    from zhenwu.ledger import excel

    f.all_indicators()
    client.force_login(world.county_admin)
    workbook = download(client, world.county)
    sheet = workbook[SHEET]
    rows, columns = places(sheet)
    sheet.cell(rows[world.town_a.code], columns["GDTZ"]).value = 6.02
    sheet.cell(rows[world.town_b.code], columns["GDTZ"]).value = 3.1
    read = excel.read_upload

    def read_then_lock(*args):
        result = read(*args)
        f.make_value(world, world.town_b, value="3", status=ValueStatus.APPROVED)
        return result

    monkeypatch.setattr(excel, "read_upload", read_then_lock)
    page = upload(client, workbook).content.decode()
    assert "白沙镇：2025年6月已审核锁定" in page
    assert list(ReportedValue.objects.values_list("area__name", flat=True)) == ["白沙镇"]
    assert not ValueHistory.objects.exists()
