"""A county's total while some towns have not reported: labelled partial, judged on the towns that did."""

import io
import re

import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.ledger import factories as f
from zhenwu.ledger import tables

PARTIAL = "1/2 个乡镇已报，合计仅含已报单位"


def county_row(world, code="GDTZ", month=6):
    (row,) = [row for row in tables.area_table(world.county, 2025, month).rows if row.indicator.code == code]
    return row


def row_text(page: str, name: str) -> str:
    return re.sub(r"<[^>]+>", " ", page.split(f">{name}</a>")[1].split("</tr>")[0])


def test_a_partial_total_is_judged_against_the_reported_towns_targets_not_the_whole(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")  # 42.5% of its own 12 at 50% of the year: 滞后
    row = county_row(world)
    # against the county's 24 it would read 21.3%, 严重滞后, only because 白沙镇 is late
    assert row.progress.target == 12 and round(row.progress.rate, 1) == 42.5
    assert row.progress.standing == "滞后" and row.note == PARTIAL

    client.force_login(world.county_admin)
    text = row_text(client.get(reverse("ledger:index") + "?period=2025-06").content.decode(), "固定资产投资")
    assert PARTIAL in text and "42.5%" in text and "严重滞后" not in text


def test_a_partial_total_is_not_judged_when_a_reported_town_has_no_target(world):
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")
    row = county_row(world)
    assert row.progress.standing == "无数据" and row.progress.rate is None
    assert row.note == PARTIAL + "；已报单位中青山镇没有全年目标，不作评价"


def test_a_complete_total_is_judged_against_the_whole_target_without_a_partial_label(world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")
    f.make_value(world, world.town_b, value="2.1")
    row = county_row(world)
    assert (
        row.progress.target == 24
        and round(row.progress.rate, 1) == 30
        and row.progress.standing == "严重滞后"
    )
    assert row.note == "" and row.aggregate.completeness == "2/2"


def test_the_indicator_page_and_the_export_say_the_same_as_the_table(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")
    client.force_login(world.county_admin)
    url = reverse("ledger:indicator", args=[world.county.code, f.indicator("GDTZ").pk]) + "?period=2025-06"
    page = client.get(url).content.decode()
    june = page.split('<td class="lead">6月</td>')[1].split("</tr>")[0]
    assert "42.5%" in june and "严重滞后" not in june and PARTIAL in page

    response = client.get(reverse("ledger:export", args=[world.county.code, 2025, 6]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert PARTIAL in rows["固定资产投资"] and "严重滞后" not in rows["固定资产投资"]


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June 2025
def test_the_home_tile_counts_the_partial_totals_and_not_their_lag(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")
    client.force_login(world.county_admin)
    page = client.get(reverse("home")).content.decode()
    start = page.index("<h2>指标台账</h2>")
    tile = page[start : page.index("</a>", start)]
    assert "1 项合计仅含已报单位" in tile


def test_the_ranking_says_which_towns_are_ranked_on_unreported_figures(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="12")
    f.make_value(world, world.town_a, value="5.1")
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    ranking = page.split("<h2>报送情况</h2>")[1].split("</table>")[0]
    row = ranking.split(">白沙镇</a>")[1].split("</tr>")[0]
    assert "1 项未报按 0 计" in row
