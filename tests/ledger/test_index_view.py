"""The indicator table of the current area, and the county's towns × indicators."""

from decimal import Decimal

import time_machine
from django.urls import reverse

from tests.ledger import factories as f
from zhenwu.ledger.models import ValueStatus


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June
def test_the_town_table_compares_completion_with_time_progress(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="5.1")  # 42.5% against 50%
    f.make_value(world, world.town_a, year=2024, value="4.8")
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:index")).content.decode()
    assert "2025年1-6月" in page and "时序进度 50.0%" in page
    assert "42.5%" in page and "-7.5" in page and "滞后" in page
    assert "增长 6.3%" in page and "陈明" in page


def test_the_county_table_adds_up_its_towns_and_says_how_many_reported(client, world):
    f.make_value(world, world.town_a, value="5")
    f.make_value(world, world.town_b, code="GYCZ", value="3")
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:index") + "?period=2025-06").content.decode()
    assert "青溪县" in page and "1/2 个乡镇已报，合计仅含已报单位" in page


def test_the_county_view_lists_who_has_not_reported(client, world):
    f.all_indicators()
    f.make_value(world, world.town_a, status=ValueStatus.SUBMITTED)
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    assert "尚未完成报送" in page and "白沙镇" in page and "未填报" in page and "逾期" in page
    assert "<strong>白沙镇</strong>（未填报 0/5，已逾期，填报员 张伟）" in page  # whom to call
    world.town_b_clerk.is_active = False  # a clerk who left is not the one to call
    world.town_b_clerk.save()
    page = client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    assert "张伟" not in page


def test_an_export_of_the_table_is_an_xlsx(client, world):
    f.make_value(world, world.town_a)
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("ledger:export", args=[world.town_a.code, 2025, 6]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_targets_page_shows_owners_and_coverage_warning(client, world):
    from decimal import Decimal

    from zhenwu.ledger.models import TargetPart

    target = f.make_target(world, world.town_a)
    TargetPart.objects.create(
        target=target, village=world.village_a1, value=Decimal(5), responsible_person="王书记"
    )
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:targets", args=[world.town_a.code, 2025])).content.decode()
    assert "东山村 5.00（王书记）" in page and "比目标 12 少 7" in page


def test_the_county_checks_its_towns_against_the_creation_standard(client, world):
    from decimal import Decimal

    from zhenwu.ledger.models import Catalogue, CatalogueEntry

    standard = Catalogue.objects.create(name="中心镇创建标准", kind="standard", issued_by=world.county)
    CatalogueEntry.objects.create(catalogue=standard, indicator=f.indicator("LHFG"), threshold=Decimal(38))
    f.make_value(world, world.town_a, code="LHFG", value="39.5")
    f.make_value(world, world.town_b, code="LHFG", value="36.2")
    client.force_login(world.county_admin)
    page = client.get(
        reverse("ledger:standards", args=[world.county.code]) + "?period=2025-06"
    ).content.decode()
    assert "中心镇创建标准" in page and "≥38 %" in page
    assert "39.5<br><small>达标" in page and "36.2<br><small>未达标" in page

    client.force_login(world.town_a_clerk)  # the county's standard binds the town too
    page = client.get(
        reverse("ledger:standards", args=[world.town_a.code]) + "?period=2025-06"
    ).content.decode()
    assert "39.5<br><small>达标" in page and "白沙镇" not in page


def test_the_trend_line_follows_the_target_in_force_each_month(world):
    from decimal import Decimal

    from zhenwu.ledger import tables
    from zhenwu.ledger.models import TargetVersion

    target = f.make_target(world, world.town_a, value="12")
    TargetVersion.objects.create(
        target=target, number=2, value=Decimal("6"), effective_month=3, reason="调减"
    )
    f.make_value(world, world.town_a, month=2, value="3")  # 3 of 12: 25%
    f.make_value(world, world.town_a, month=3, value="3")  # 3 of 6 after the revision: 50%
    (row,) = [row for row in tables.area_table(world.town_a, 2025, 3).rows if row.indicator.code == "GDTZ"]
    assert row.trend.title == "2月 25.0%；3月 50.0%"


def test_the_county_table_exports_to_excel_with_each_towns_state(client, world):
    import io

    from openpyxl import load_workbook

    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="6")
    client.force_login(world.county_admin)
    response = client.get(reverse("ledger:county_export", args=[world.county.code]) + "?period=2025-06")
    sheet = load_workbook(io.BytesIO(response.content))["完成率"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["青山镇"][1:3] == ("李娟", "填报中（逾期）") and rows["青山镇"][5] == 50
    assert rows["白沙镇"][2] == "未填报（逾期）"


def test_an_admin_revises_a_target_with_a_reason_and_a_clerk_may_not(client, world):
    target = f.make_target(world, world.town_a, value="12")
    url = reverse("ledger:revise", args=[target.pk])
    client.force_login(world.town_a_clerk)
    assert (
        "调整目标"
        not in client.get(reverse("ledger:targets", args=[world.town_a.code, 2025])).content.decode()
    )
    assert client.post(url, {"value": "10", "effective_month": 7, "reason": "想改"}).status_code == 403

    client.force_login(world.county_admin)
    client.post(url, {"value": "10", "effective_month": 7, "reason": ""})
    assert target.versions.count() == 1
    response = client.post(url, {"value": "10", "effective_month": 7, "reason": "项目延期，经县政府同意调减"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "第2版 7月起 10.00：项目延期，经县政府同意调减" in page


def test_a_town_does_not_climb_the_ranking_by_leaving_figures_out(client, world):
    from zhenwu.ledger.tables import county_table

    for town in (world.town_a, world.town_b):
        for code in ("GDTZ", "GYCZ"):
            f.make_target(world, town, code=code, value="12")
    f.make_value(world, world.town_a, code="GDTZ", value="6")  # 50%
    f.make_value(world, world.town_a, code="GYCZ", value="6")  # 50%
    f.make_value(world, world.town_b, code="GDTZ", value="11")  # 91.7%, and 规上工业产值 not reported
    table = county_table(world.county, 2025, 6)
    places = {child.area.name: (child.rank, round(child.ranking_gap, 1)) for child in table.children}
    # 白沙镇: +41.7 on 固定资产投资, and 规上工业产值 unreported counts as 0% done (−50): −4.2 on average
    assert places == {"青山镇": (1, 0), "白沙镇": (2, Decimal("-4.2"))}

    f.make_value(world, world.town_b, code="GYCZ", value="1")  # now reported: (91.7 + 8.3) / 2 = 50%
    table = county_table(world.county, 2025, 6)
    assert [child.rank for child in table.children] == [1, 1]  # equal averages share the place
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    assert "本期未报的指标按完成率 0 计" in page


def test_a_quarterly_figure_stands_for_the_months_after_its_quarter(client, world):
    quarterly = f.indicator("GYCZ")
    quarterly.frequency = "quarterly"
    quarterly.save()
    f.make_target(world, world.town_a, code="GYCZ", value="40")
    f.make_value(world, world.town_a, code="GYCZ", month=3, value="9")  # 22.5% of the year at 1-3月 (25%)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:index") + "?period=2025-05").content.decode()
    row = page.split(">规上工业产值</a>")[1].split("</tr>")[0]
    assert "1-3月（季报）" in row and "9.00" in row and "22.5%" in row
    assert ">-2.5<" in row and "滞后" in row  # judged against 1-3月's 时序 (25%), not May's (41.7%)
    page = client.get(reverse("ledger:index") + "?period=2025-02").content.decode()
    assert "（季报）" not in page.split(">规上工业产值</a>")[1].split("</tr>")[0]  # no quarter reported yet


def test_fewer_accidents_than_the_cap_allows_ranks_a_town_higher_not_lower(client, world):
    from zhenwu.ledger.tables import county_table

    for town in (world.town_a, world.town_b):
        f.make_target(world, town, code="SGQS", value="10")  # a cap: at most 10 accidents this year
    f.make_value(world, world.town_a, code="SGQS", month=6, value="3")  # 30% of the cap by mid-year
    f.make_value(world, world.town_b, code="SGQS", month=6, value="8")  # 80%: far over the pace
    table = county_table(world.county, 2025, 6)
    assert {child.area.name: child.rank for child in table.children} == {"青山镇": 1, "白沙镇": 2}
    client.force_login(world.county_admin)
    url = reverse("ledger:indicator", args=[world.county.code, f.indicator("SGQS").pk]) + "?period=2025-06"
    page = client.get(url).content.decode()
    rows = {name: page.split(f">{name}</a></td>")[1].split("</tr>")[0] for name in ("青山镇", "白沙镇")}
    assert rows["青山镇"].rstrip().endswith('data-label="名次">1</td>')
    assert rows["白沙镇"].rstrip().endswith('data-label="名次">2</td>')
