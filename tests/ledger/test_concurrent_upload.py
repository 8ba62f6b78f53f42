"""An uploaded 报表 never overwrites a figure changed after its template was downloaded.

The template records when it was generated; the upload is read against the ledger as it
stood then. 王建国 (county 管理员) fills in a downloaded sheet while 李娟 (town A's 填报员)
changes figures on the web.
"""

import io
from decimal import Decimal as D

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.ledger import factories as f
from tests.pages import form_fields
from zhenwu.ledger.models import HistoryAction, ReportedValue, ValueHistory


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def download(client, name, area):
    response = client.get(reverse(name, args=[area.code, 2025, 6]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def upload(client, workbook, follow=False):
    buffer = io.BytesIO()
    workbook.save(buffer)
    file = SimpleUploadedFile("报表.xlsx", buffer.getvalue())
    return client.post(reverse("ledger:upload"), {"file": file}, follow=follow)


def area_row(sheet, code):
    return next(row for row in range(5, sheet.max_row + 1) if sheet.cell(row, 1).value == code)


def clerk_saves(world, code, value):
    """李娟 changes one figure of 青山镇's June grid on the web."""
    clerk = signed_in(world.town_a_clerk)
    url = reverse("ledger:entry", args=[world.town_a.code, 2025, 6])
    fields = form_fields(clerk.get(url))
    assert clerk.post(url, fields | {f"v-{f.indicator(code).pk}": value}).status_code == 302


def figures():
    return dict(ReportedValue.objects.values_list("indicator__code", "value"))


def test_the_template_records_when_it_was_generated(world):
    f.all_indicators()
    sheet = download(signed_in(world.county_admin), "ledger:template", world.town_a)["填报"]
    assert sheet["C2"].value.startswith("模板生成时间：20")


def test_an_upload_does_not_overwrite_a_figure_changed_after_its_download(world):
    f.all_indicators()
    admin = signed_in(world.county_admin)
    workbook = download(admin, "ledger:template", world.town_a)
    clerk_saves(world, "GDTZ", "111")
    sheet = workbook["填报"]
    sheet.cell(area_row(sheet, "GDTZ"), 4).value = 222
    sheet.cell(area_row(sheet, "GYCZ"), 4).value = 31.5

    page = upload(admin, workbook).content.decode()

    assert "未导入任何数据" in page and "下载模板" in page
    assert "固定资产投资已被 李娟 于" in page and "改为 111（您提交的 222 未保存）" in page
    assert figures() == {"GDTZ": D("111")}  # all or nothing: 31.5 is not written either


def test_a_cell_left_as_downloaded_does_not_undo_a_newer_figure(world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="100")
    admin = signed_in(world.county_admin)
    workbook = download(admin, "ledger:template", world.town_a)
    clerk_saves(world, "GDTZ", "111")
    sheet = workbook["填报"]
    assert sheet.cell(area_row(sheet, "GDTZ"), 4).value == 100  # the template carries the old figure
    sheet.cell(area_row(sheet, "GYCZ"), 4).value = 31.5

    page = upload(admin, workbook, follow=True).content.decode()

    assert "已导入 青山镇2025年6月：更新 1 项" in page
    assert "固定资产投资：下载模板后已被 李娟 于" in page and "改为 111，表中的原数 100 未导入" in page
    assert figures() == {"GDTZ": D("111"), "GYCZ": D("31.5")}


def test_clearing_a_figure_changed_after_the_download_is_refused(world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="100")
    admin = signed_in(world.county_admin)
    workbook = download(admin, "ledger:template", world.town_a)
    clerk_saves(world, "GDTZ", "111")
    sheet = workbook["填报"]
    sheet.cell(area_row(sheet, "GDTZ"), 4).value = "清除"

    page = upload(admin, workbook).content.decode()

    assert "改为 111（您提交的清除未执行）" in page
    assert figures() == {"GDTZ": D("111")}
    assert not ValueHistory.objects.filter(action=HistoryAction.CLEAR).exists()


def test_the_county_sheet_does_not_overwrite_a_towns_newer_figure(world):
    gdtz = f.indicator("GDTZ")
    f.all_indicators()
    admin = signed_in(world.county_admin)
    workbook = download(admin, "ledger:county_template", world.county)
    clerk_saves(world, "GDTZ", "111")
    sheet = workbook["汇总填报"]
    rows = {sheet.cell(row, 1).value: row for row in range(7, sheet.max_row + 1)}
    column = next(c for c in range(3, sheet.max_column + 1) if sheet.cell(4, c).value == "GDTZ")
    sheet.cell(rows[world.town_a.code], column).value = 222
    sheet.cell(rows[world.town_b.code], column).value = 5

    page = upload(admin, workbook).content.decode()

    assert "青山镇：固定资产投资已被 李娟 于" in page and "改为 111（您提交的 222 未保存）" in page
    stored = dict(ReportedValue.objects.filter(indicator=gdtz).values_list("area__name", "value"))
    assert stored == {"青山镇": D("111")}  # 白沙镇's 5 waits for a second try too


def test_a_sheet_without_its_generation_time_only_fills_empty_cells(world):
    f.all_indicators()
    f.make_value(world, world.town_a, value="100")
    admin = signed_in(world.county_admin)
    workbook = download(admin, "ledger:template", world.town_a)
    sheet = workbook["填报"]
    sheet["C2"].value = None  # as in a sheet made by hand
    sheet.cell(area_row(sheet, "GDTZ"), 4).value = 222

    page = upload(admin, workbook).content.decode()
    assert "没有“模板生成时间”" in page and "固定资产投资已被 系统 改为 100（您提交的 222 未保存）" in page
    assert figures() == {"GDTZ": D("100")}

    sheet.cell(area_row(sheet, "GDTZ"), 4).value = None
    sheet.cell(area_row(sheet, "GYCZ"), 4).value = 31.5
    assert upload(admin, workbook).status_code == 302
    assert figures() == {"GDTZ": D("100"), "GYCZ": D("31.5")}
