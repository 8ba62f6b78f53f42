"""Any ledger table to Excel: each page's “导出 Excel” gives what the page shows."""

import io
from decimal import Decimal as D
from urllib.parse import unquote

from django.urls import reverse
from openpyxl import load_workbook

from tests.ledger import factories as f
from zhenwu.ledger import services
from zhenwu.ledger.models import Catalogue, CatalogueEntry, TargetPart, TargetVersion

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheets_of(client, url: str) -> dict[str, list[tuple]]:
    response = client.get(url, {"format": "xlsx"} if "?" not in url else None)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert ".xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}


def test_the_indicator_page_exports_its_months_and_its_towns(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="8")
    f.make_value(world, world.town_a, month=5, value="5")
    f.make_value(world, world.town_a, value="6.02")
    f.make_value(world, world.town_b, value="3")
    client.force_login(world.county_admin)
    url = (
        reverse("ledger:indicator", args=[world.county.code, f.indicator().pk])
        + "?period=2025-06&format=xlsx"
    )
    sheets = sheets_of(client, url)
    months, towns = sheets["逐月"], sheets["下辖单位"]
    assert months[0][0] == "青溪县 固定资产投资（亿元）2025年1-6月逐月情况"
    assert months[-1][:2] == ("6月", 9.02) and months[-1][5:9] == (45.1, 50, -4.9, "滞后")
    assert towns[1] == (
        "单位",
        "1-N月",
        "全年目标",
        "完成率(%)",
        "差距(百分点)",
        "状态",
        "同比(%)",
        "占青溪县(%)",
        "名次",
    )
    assert towns[2] == ("青山镇", 6.02, 12, 50.2, 0.2, "正常", None, 66.7, 1)


def test_the_targets_page_exports_owners_revisions_and_parts(client, world):
    target = f.make_target(world, world.town_a, value="12")
    TargetVersion.objects.create(target=target, number=2, value=D(10), effective_month=7, reason="项目延期")
    TargetPart.objects.create(
        target=target, village=world.village_a1, value=D(4), responsible_person="王书记"
    )
    f.make_target(world, world.town_b, value="8")
    client.force_login(world.county_admin)
    town = sheets_of(client, reverse("ledger:targets", args=[world.town_a.code, 2025]))["本级目标"]
    assert town[2][:6] == ("固定资产投资", "亿元", 10, None, "陈明", "第2版 7月起 10：项目延期")
    assert town[2][6] == "东山村 4" and "少 6" in town[2][7]
    county = sheets_of(client, reverse("ledger:targets", args=[world.county.code, 2025]))
    assert list(county) == ["下辖单位目标", "本级目标"]
    assert county["下辖单位目标"][2] == ("固定资产投资", "亿元", 10, 8, 18, None, None)


def test_the_history_exports_every_change_of_the_month(client, world):
    services.enter_values(world.town_a_clerk, world.town_a, 2025, 6, {f.indicator(): D("6.02")})
    services.enter_values(world.town_a_clerk, world.town_a, 2025, 6, {f.indicator(): D("6.2")})
    client.force_login(world.town_a_reviewer)
    rows = sheets_of(client, reverse("ledger:history", args=[world.town_a.code, 2025, 6]))["修改记录"]
    assert [(row[2], row[4], row[5]) for row in rows[2:]] == [
        ("固定资产投资", 6.02, 6.2),
        ("固定资产投资", None, 6.02),
    ]
    assert rows[2][1] == "李娟"


def test_the_catalogue_and_the_standards_export(client, world):
    catalogue = Catalogue.objects.create(
        name="青溪县2025年度考核指标", kind="assessment", issued_by=world.county, year=2025
    )
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=f.indicator(), weight=D(20))
    standard = Catalogue.objects.create(name="中心镇创建标准", kind="standard", issued_by=world.county)
    CatalogueEntry.objects.create(catalogue=standard, indicator=f.indicator(), threshold=D(5))
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="6.02")
    client.force_login(world.county_admin)
    rows = sheets_of(client, reverse("ledger:catalogue", args=[world.county.code, 2025]))[
        "青溪县2025年度考核指标"
    ]
    assert rows[2][:5] == ("经济发展", "固定资产投资", "亿元", "越高越好", "20") and rows[2][-1] == "1/2"
    url = reverse("ledger:standards", args=[world.county.code]) + "?period=2025-06&format=xlsx"
    rows = sheets_of(client, url)["中心镇创建标准"]
    assert rows[2] == ("青山镇", 6.02, "达标", "达标", "数值指标 1/1 达标") and rows[3][0] == "白沙镇"


def test_the_standards_export_carries_the_checklist_items_and_达标_over_both(client, world):
    from zhenwu.ledger.models import ChecklistMark, MarkStatus

    standard = f.make_checklist(
        world, items=[("一条美丽街道", True, False, False), ("一个公共停车场", True, False, False)]
    )
    CatalogueEntry.objects.create(catalogue=standard, indicator=f.indicator(), threshold=D(5))
    f.make_value(world, world.town_a, value="6.02")
    street = standard.items.get(text="一条美丽街道")
    ChecklistMark.objects.create(item=street, area=world.town_a, status=MarkStatus.ACCEPTED)
    client.force_login(world.county_admin)
    url = reverse("ledger:standards", args=[world.county.code]) + "?period=2025-06&format=xlsx"
    rows = sheets_of(client, url)[standard.name]
    assert rows[1][-4:] == ("一条美丽街道（清单项）", "一个公共停车场（清单项）", "达标情况", "说明")
    assert rows[2] == (
        "青山镇",
        6.02,
        "达标",
        "通过",
        "未标记",
        "未达标",
        "数值指标 1/1 达标，清单项 1/2 通过",
    )


def test_an_export_shows_nothing_outside_the_users_area(client, world):
    f.make_value(world, world.town_b, value="3")
    client.force_login(world.town_a_clerk)
    for url in (
        reverse("ledger:indicator", args=[world.town_b.code, f.indicator().pk]),
        reverse("ledger:targets", args=[world.town_b.code, 2025]),
        reverse("ledger:history", args=[world.town_b.code, 2025, 6]),
    ):
        assert client.get(url, {"format": "xlsx"}).status_code == 404


def test_names_with_a_slash_still_export_under_a_safe_file_and_sheet_name(client, world):
    standard = Catalogue.objects.create(
        name="美丽城镇/中心镇:创建标准?", kind="standard", issued_by=world.county
    )
    CatalogueEntry.objects.create(catalogue=standard, indicator=f.indicator(), threshold=D(5))
    world.town_a.name = "青山镇/经济开发区"
    world.town_a.save()
    f.make_value(world, world.town_a, value="6.02")
    client.force_login(world.town_a_clerk)
    url = reverse("ledger:standards", args=[world.town_a.code]) + "?period=2025-06&format=xlsx"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    filename = unquote(response["Content-Disposition"].split("filename*=utf-8''")[1])
    assert filename == "青山镇_经济开发区创建标准达标情况2025年1-6月.xlsx"
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["美丽城镇_中心镇_创建标准_"]
    assert workbook.active["A1"].value.startswith("青山镇/经济开发区 美丽城镇/中心镇:创建标准? 达标情况")
