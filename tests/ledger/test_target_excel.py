"""The county's 目标任务分解表: downloaded, filled in Excel, uploaded back whole or not at all."""

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Role
from zhenwu.ledger.models import Catalogue, CatalogueEntry, Target, TargetVersion

SHEET = "目标任务分解"


def workbook(rows, *, codes=("GDTZ", "GYCZ"), year=2025, sheet=SHEET) -> bytes:
    """A 目标任务分解表 as a person might fill it: row 4 carries codes, rows 6… one area each.

    It says it was generated now, as one downloaded just before would.
    """
    book = Workbook()
    page = book.active
    page.title = sheet
    page["A1"], page["B1"], page["C1"] = "下达单位", "390123000000", "青溪县"
    page["A2"], page["B2"] = "年度", year
    page["C2"] = "模板生成时间：" + timezone.localtime().isoformat(sep=" ")
    page.cell(4, 1, "区划代码")
    for column, code in enumerate(codes, start=3):
        page.cell(4, column, code)
    for number, row in enumerate(rows, start=6):
        for column, value in enumerate(row, start=1):
            page.cell(number, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, area, data: bytes, *, name="分解表.xlsx", year=2025, month=1, reason=""):
    url = reverse("ledger:target_sheet_upload", args=[area.code, year])
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(url, {"file": file, "effective_month": month, "reason": reason}, follow=True)


@pytest.fixture
def indicators(world):
    return f.indicator("GDTZ"), f.indicator("GYCZ")


@pytest.fixture
def admin(client, world, indicators):
    client.force_login(world.county_admin)
    return client


def amounts() -> dict:
    return {
        (target.area.name, target.indicator.code): [v.value for v in target.versions.order_by("number")]
        for target in Target.objects.select_related("area", "indicator")
    }


# --- download ---------------------------------------------------------------------------------------------


def test_the_download_lists_the_towns_by_indicators_with_the_targets_in_force(admin, world):
    target = f.make_target(world, world.town_a, value="12")
    TargetVersion.objects.create(target=target, number=2, value=D(10), effective_month=7, reason="调减")
    response = admin.get(reverse("ledger:target_sheet", args=[world.county.code, 2025]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content))[SHEET]
    assert sheet["B1"].value == world.county.code and sheet["B2"].value == 2025
    assert [sheet.cell(4, column).value for column in (1, 3, 4)] == ["区划代码", "GDTZ", "GYCZ"]
    assert sheet["C5"].value == "固定资产投资（亿元）"
    rows = {row[1]: row for row in sheet.iter_rows(min_row=6, values_only=True)}
    assert set(rows) == {"青山镇", "白沙镇"}
    assert rows["青山镇"][0] == world.town_a.code and rows["青山镇"][2] == 10 and rows["白沙镇"][2] is None


def test_the_columns_follow_the_countys_assessment_catalogue(admin, world):
    catalogue = Catalogue.objects.create(
        name="考核指标", kind="assessment", issued_by=world.county, year=2025
    )
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=f.indicator("GYCZ"), weight=D(10))
    response = admin.get(reverse("ledger:target_sheet", args=[world.county.code, 2025]))
    sheet = load_workbook(io.BytesIO(response.content))[SHEET]
    assert [cell.value for cell in sheet[4]][2:] == ["GYCZ"]


# --- a good upload ----------------------------------------------------------------------------------------


def test_the_downloaded_sheet_filled_in_sets_every_towns_targets(admin, world):
    data = admin.get(reverse("ledger:target_sheet", args=[world.county.code, 2025])).content
    book = load_workbook(io.BytesIO(data))
    sheet = book[SHEET]
    for row in sheet.iter_rows(min_row=6):
        row[2].value, row[3].value = (12, 30.5) if row[1].value == "青山镇" else (8, None)
    buffer = io.BytesIO()
    book.save(buffer)
    page = upload(admin, world.county, buffer.getvalue()).content.decode()
    assert "新下达 3 项，调整 0 项，未变 0 项" in page
    assert amounts() == {
        ("青山镇", "GDTZ"): [D(12)],
        ("青山镇", "GYCZ"): [D("30.5")],
        ("白沙镇", "GDTZ"): [D(8)],
    }


def test_a_changed_amount_is_a_revision_that_keeps_the_old_version(admin, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="8")
    rows = [(world.town_a.code, "青山镇", 10), (world.town_b.code, "白沙镇", 8)]
    page = upload(admin, world.county, workbook(rows), month=7, reason="县政府常务会议调减").content.decode()
    assert "新下达 0 项，调整 1 项，未变 1 项" in page
    assert amounts() == {("青山镇", "GDTZ"): [D(12), D(10)], ("白沙镇", "GDTZ"): [D(8)]}
    revision = TargetVersion.objects.get(number=2)
    assert (revision.effective_month, revision.reason, revision.created_by) == (
        7,
        "县政府常务会议调减",
        world.county_admin,
    )


def test_a_revision_without_a_reason_writes_nothing(admin, world):
    f.make_target(world, world.town_a, value="12")
    rows = [(world.town_a.code, "青山镇", 10), (world.town_b.code, "白沙镇", 8)]
    page = upload(admin, world.county, workbook(rows)).content.decode()
    assert "有 1 项已有目标的数值改动" in page and "第 6 行 C 列 青山镇 固定资产投资 12 → 10" in page
    assert "请填写调整原因" in page
    assert amounts() == {("青山镇", "GDTZ"): [D(12)]}


def test_a_revision_may_not_reach_back_before_the_latest_one(admin, world):
    target = f.make_target(world, world.town_a, value="12")
    TargetVersion.objects.create(target=target, number=2, value=D(10), effective_month=7, reason="调减")
    page = upload(
        admin, world.county, workbook([(world.town_a.code, "青山镇", 9)]), month=3, reason="再调"
    ).content.decode()
    assert "工作表“目标任务分解”第 6 行 C 列：青山镇“固定资产投资”已从 7 月起调整过" in page
    assert target.versions.count() == 2


# --- bad uploads: every error by sheet, row and column, nothing written -----------------------------------


BAD_FILES = {
    "text in a number cell": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12, "约5亿")]),
        "工作表“目标任务分解”第 6 行 D 列：请填写确数，不要带“约”（规上工业产值）",
    ),
    "an unknown indicator": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12, 3)], codes=("GDTZ", "XXXX")),
        "工作表“目标任务分解”第 4 行 D 列：未知的指标代码“XXXX”",
    ),
    "a repeated indicator": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12, 3)], codes=("GDTZ", "GDTZ")),
        "工作表“目标任务分解”第 4 行 D 列：指标“固定资产投资”与 C 列重复",
    ),
    "an area outside the county": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12), ("390100000000", "清江市", 40)]),
        "工作表“目标任务分解”第 7 行 A 列：区划代码 390100000000 不存在或不在青溪县管辖范围内",
    ),
    "an unknown area": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12), ("390123999000", "新镇", 4)]),
        "工作表“目标任务分解”第 7 行 A 列：区划代码 390123999000 不存在或不在青溪县管辖范围内",
    ),
    "a duplicate row": (
        lambda w: workbook(
            [(w.town_a.code, "青山镇", 12), (w.town_b.code, "白沙镇", 8), (w.town_a.code, "青山镇", 13)]
        ),
        "工作表“目标任务分解”第 8 行 A 列：青山镇与第 6 行重复",
    ),
    "a negative target": (
        lambda w: workbook([(w.town_a.code, "青山镇", -12)]),
        "工作表“目标任务分解”第 6 行 C 列：不能为负数（固定资产投资）",
    ),
    "figures without an area code": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12), (None, "白沙镇", 8)]),
        "工作表“目标任务分解”第 7 行 A 列：有目标数值但缺少区划代码",
    ),
    "another year's sheet": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12)], year=2024),
        "工作表“目标任务分解”第 2 行 B 列：年度“2024”与本页的 2025 年不符",
    ),
    "a sheet of another name": (
        lambda w: workbook([(w.town_a.code, "青山镇", 12)], sheet="Sheet1"),
        "找不到工作表“目标任务分解”",
    ),
    "a corrupt file": (
        lambda w: b"PK\x03\x04 this is not a workbook",
        "文件“分解表.xlsx”已损坏或不是有效的 .xlsx 文件",
    ),
    "an empty sheet": (lambda w: workbook([]), "没有填写任何目标"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_a_bad_file_is_refused_with_the_place_of_each_error_and_nothing_is_written(admin, world, case):
    make, message = BAD_FILES[case]
    response = upload(admin, world.county, make(world), reason="年初下达")
    page = response.content.decode()
    assert response.status_code == 200 and "未导入任何目标" in page
    assert message in page
    assert not Target.objects.exists()


def test_all_errors_of_a_file_are_listed_at_once(admin, world):
    rows = [
        (world.town_a.code, "青山镇", "十二", 3),
        ("390100000000", "清江市", 40, 1),
        (world.town_b.code, "白沙镇", 8, "x"),
    ]
    page = upload(admin, world.county, workbook(rows)).content.decode()
    assert "文件有 3 处错误" in page
    assert "第 6 行 C 列：不是数字" in page and "第 7 行 A 列" in page and "第 8 行 D 列：不是数字" in page
    assert not Target.objects.exists()


def test_a_file_that_is_not_xlsx_is_refused(admin, world):
    page = upload(admin, world.county, b"a,b\n1,2\n", name="分解表.csv").content.decode()
    assert "不是 .xlsx 格式的 Excel 文件" in page and not Target.objects.exists()


def test_an_upload_without_a_file_names_the_field(admin, world):
    response = admin.post(reverse("ledger:target_sheet_upload", args=[world.county.code, 2025]), {})
    assert "填好的目标任务分解表（.xlsx）：" in response.content.decode()


# --- who may upload ---------------------------------------------------------------------------------------


def test_a_town_admin_may_issue_to_its_villages_but_not_to_the_other_towns(client, world, indicators):
    client.force_login(make_user("town_a_admin", world.town_a, Role.ADMIN))
    rows = [(world.village_a1.code, "东山村", 2), (world.village_b1.code, "南塘村", 3)]
    page = upload(client, world.town_a, workbook(rows)).content.decode()
    assert "第 7 行 A 列：区划代码 390123102201 不存在或不在青山镇管辖范围内" in page
    assert not Target.objects.exists()


def test_a_clerk_may_download_but_not_upload(client, world, indicators):
    client.force_login(world.town_a_clerk)
    assert client.get(reverse("ledger:target_sheet", args=[world.town_a.code, 2025])).status_code == 200
    response = upload(client, world.town_a, workbook([(world.village_a1.code, "东山村", 2)]))
    assert response.status_code == 403 and not Target.objects.exists()


def test_the_outsider_can_neither_download_nor_upload(client, world, indicators):
    client.force_login(world.town_b_clerk)
    assert client.get(reverse("ledger:target_sheet", args=[world.county.code, 2025])).status_code == 404
    assert upload(client, world.town_a, workbook([(world.village_a1.code, "东山村", 2)])).status_code == 404


def test_issuing_is_all_or_nothing_even_past_the_sheet_checks(world, indicators):
    from zhenwu.ledger import services

    f.make_target(world, world.town_b, value="8")
    issue = [(world.town_a, indicators[0], D(12)), (world.town_b, indicators[0], D(9))]  # 9: no reason given
    with pytest.raises(services.LedgerError, match="原因"):
        services.issue_targets(world.county_admin, 2025, issue)
    assert amounts() == {("白沙镇", "GDTZ"): [D(8)]}
