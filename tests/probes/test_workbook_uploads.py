"""Every .xlsx upload (报表, 目标任务分解表, 项目台账) refuses a compression bomb from its zip directory,
before openpyxl sees it, and a sheet past the row or column cap — saying which limit, writing nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from openpyxl import Workbook

from tests.ledger import factories as f
from tests.probes import hostile
from tests.probes.conftest import refused_before_parsing, within
from zhenwu.ledger.models import ReportedValue, Target
from zhenwu.projects.models import Project


def post_ledger(client, world, data: bytes):
    client.force_login(world.town_a_clerk)
    return client.post(reverse("ledger:upload"), {"file": SimpleUploadedFile("报表.xlsx", data)})


def post_targets(client, world, data: bytes):
    client.force_login(world.county_admin)
    url = reverse("ledger:target_sheet_upload", args=[world.county.code, 2025])
    file = SimpleUploadedFile("分解表.xlsx", data)
    return client.post(url, {"file": file, "effective_month": 1, "reason": ""})


def post_projects(client, world, data: bytes):
    client.force_login(world.county_admin)
    return client.post(reverse("projects:import"), {"file": SimpleUploadedFile("台账.xlsx", data)})


UPLOADS = {"填报": post_ledger, "目标任务分解": post_targets, "重点项目台账": post_projects}


def nothing_written() -> bool:
    return not (ReportedValue.objects.exists() or Target.objects.exists() or Project.objects.exists())


@pytest.mark.parametrize("sheet", UPLOADS)
def test_a_sheet_without_its_dimension_that_unzips_to_a_gigabyte_is_refused_before_parsing(
    client, world, bombs, sheet
):
    f.all_indicators()
    bomb = bombs[sheet]
    assert len(bomb) < 5 * 1024 * 1024  # under the upload limit, as the probe's was
    with refused_before_parsing():
        response = UPLOADS[sheet](client, world, bomb)
    page = response.content.decode()
    assert response.status_code == 200
    assert "解压后超过 5 MB 的上限（xl/worksheets/sheet1.xml 声称 1,100 MB）" in page
    assert nothing_written()


def test_a_sheet_of_whitespace_is_refused_before_parsing(client, world, bombs):
    bomb = bombs["whitespace"]
    assert len(bomb) < 1.2 * 1024 * 1024
    with refused_before_parsing():
        page = post_ledger(client, world, bomb).content.decode()
    assert "xl/worksheets/sheet1.xml 声称 1,100 MB" in page
    assert nothing_written()


def test_a_zip_whose_directory_understates_a_part_is_refused_as_damaged(client, world):
    f.all_indicators()
    with within():
        response = post_ledger(client, world, hostile.lying_sheet("填报"))
    assert response.status_code == 200
    assert "已损坏：xl/worksheets/sheet1.xml 的实际内容与文件目录不符" in response.content.decode()
    assert nothing_written()


def sheet_with(cells: dict[tuple[int, int], object], title="填报") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for (row, column), value in cells.items():
        sheet.cell(row, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@override_settings(MAX_SHEET_ROWS=50)
def test_a_sheet_past_the_row_cap_is_refused_naming_the_cap_and_the_sheet(client, world):
    f.all_indicators()
    data = sheet_with({(1, 2): world.town_a.code, (2, 2): "2025-06", (60, 1): "GDTZ", (60, 4): 6.02})
    page = post_ledger(client, world, data).content.decode()
    assert "工作表“填报”超过 50 行的上限" in page
    assert nothing_written()


def test_a_sheet_with_a_figure_in_its_last_column_is_refused_at_the_column_cap(client, world):
    f.all_indicators()
    # Without a cap openpyxl pads every row out to the last column: 16,384 cells a row.
    data = sheet_with({(row, 16384): 1 for row in range(1, 200)})
    with within():
        page = post_ledger(client, world, data).content.decode()
    assert "工作表“填报”第 1 行超过 256 列的上限" in page
    assert nothing_written()


def test_a_real_report_within_the_caps_still_uploads(client, world):
    f.all_indicators()
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("ledger:template", args=[world.town_a.code, 2025, 6]))
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(response.content))
    sheet = book["填报"]
    row = next(row for row in range(5, sheet.max_row + 1) if sheet.cell(row, 1).value == "GDTZ")
    sheet.cell(row, 4).value = 6.02
    buffer = io.BytesIO()
    book.save(buffer)
    assert post_ledger(client, world, buffer.getvalue()).status_code == 302
    assert ReportedValue.objects.get().indicator.code == "GDTZ"
