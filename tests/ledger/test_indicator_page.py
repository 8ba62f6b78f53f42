"""The 指标详情 page: one indicator month by month against last year and the target, town by town."""

import re

from django.urls import reverse

from tests.ledger import factories as f


def detail_page(client, area, code="GDTZ", period="2025-06") -> str:
    url = reverse("ledger:indicator", args=[area.code, f.indicator(code).pk]) + f"?period={period}"
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cells(page: str, first: str) -> list[str]:
    """The text of each cell of the table row that starts with ``first``."""
    row = re.search(rf"<tr><td class=\"lead\">(?:<a [^>]*>)?{first}(?:</a>)?</td>(.*?)</tr>", page, re.S)
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]


def test_a_town_sees_its_year_month_by_month_against_last_year_and_the_target(client, world):
    f.make_target(world, world.town_a, value="12")
    for month, value in enumerate(["1", "2", "3", "4", "5", "6.02"], start=1):
        f.make_value(world, world.town_a, month=month, value=value)
    f.make_value(world, world.town_a, year=2024, month=3, value="2.5")
    f.make_value(world, world.town_a, year=2024, month=6, value="5")
    client.force_login(world.town_a_clerk)
    page = detail_page(client, world.town_a)

    assert (
        "青山镇 固定资产投资" in page
        and "2025年1-6月" in page
        and "年内累计(1-N月)" in page
        and "陈明" in page
    )
    # 1-3月: 3 of 12 is 25% at 25% of the year; 同比 against last year's 1-3月
    assert cells(page, "3月") == ["3.00", "2.50", "增长 20.0%", "12.00", "25.0%", "25.0%", "0.0", "正常"]
    assert cells(page, "6月") == ["6.02", "5.00", "增长 20.4%", "12.00", "50.2%", "50.0%", "0.2", "正常"]
    assert len(re.findall(r'<circle class="this-year"', page)) == 6
    assert len(re.findall(r'<circle class="last-year"', page)) == 2
    assert "<title>本年1-6月 6.02亿元</title>" in page and "<title>上年1-3月 2.5亿元</title>" in page
    assert "时序进度线" in page  # a figure that builds up is drawn against target × N/12
    assert "下辖单位" not in page  # its villages keep no such figure: no table of dashes


def test_the_county_sees_its_total_and_which_town_carries_it(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="8")
    f.make_value(world, world.town_a, value="6.02")
    f.make_value(world, world.town_b, value="3")
    client.force_login(world.county_admin)
    page = detail_page(client, world.county)

    assert cells(page, "6月")[:2] == ["9.02", "—"] and cells(page, "6月")[3:5] == ["20.00", "45.1%"]
    # unit, 1-6月, 目标, 完成率, 差距, 状态, 同比, 占青溪县, 名次
    assert cells(page, "青山镇") == ["6.02", "12.00", "50.2%", "0.2", "正常", "无上年数据", "66.7%", "1"]
    assert cells(page, "白沙镇") == ["3.00", "8.00", "37.5%", "-12.5", "严重滞后", "无上年数据", "33.3%", "2"]
    town_page = reverse("ledger:indicator", args=[world.town_b.code, f.indicator().pk]) + "?period=2025-06"
    assert f'href="{town_page}"' in page


def test_a_level_is_held_against_its_target_without_a_schedule_line(client, world):
    f.make_target(world, world.town_a, code="LHFG", value="40")
    f.make_value(world, world.town_a, code="LHFG", month=6, value="38.5")
    client.force_login(world.town_a_clerk)
    page = detail_page(client, world.town_a, code="LHFG")
    assert cells(page, "6月")[4:6] == ["96.3%", "100.0%"]
    assert "全年目标" in page and "时序进度线" not in page
    ticks = re.findall(r'text-anchor="end" dominant-baseline="middle">([^<]+)<', page)
    assert ticks[0] != "0" and float(ticks[0]) < 38.5 < 40 < float(ticks[-1])  # the axis frames the band


def test_the_share_column_is_left_out_for_figures_that_do_not_add_up(client, world):
    f.make_value(world, world.town_a, code="LHFG", month=6, value="38.5")
    f.make_value(world, world.town_b, code="LHFG", month=6, value="41")
    client.force_login(world.county_admin)
    page = detail_page(client, world.county, code="LHFG")
    assert cells(page, "白沙镇")[0] == "41.0" and "占青溪县" not in page


def test_an_indicator_without_figures_says_so(client, world):
    client.force_login(world.town_a_clerk)
    assert "本年和上年都还没有数据" in detail_page(client, world.town_a, code="GYCZ")


def test_the_indicator_table_and_the_county_matrix_link_to_the_page(client, world):
    f.make_value(world, world.town_a)
    link = reverse("ledger:indicator", args=[world.county.code, f.indicator().pk]) + "?period=2025-06"
    client.force_login(world.county_admin)
    assert link in client.get(reverse("ledger:index") + "?period=2025-06").content.decode()
    assert (
        link
        in client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    )


def test_a_quarterly_indicator_is_shown_quarter_by_quarter_to_its_latest_quarter(client, world):
    quarterly = f.indicator("GYCZ")
    quarterly.frequency = "quarterly"
    quarterly.save()
    f.make_target(world, world.town_a, code="GYCZ", value="40")
    f.make_value(world, world.town_a, code="GYCZ", month=3, value="9")
    f.make_value(world, world.town_a, code="GYCZ", month=6, value="19")
    client.force_login(world.town_a_clerk)
    page = detail_page(client, world.town_a, code="GYCZ", period="2025-08")
    assert "2025年1-6月" in page and "2025年1-8月" not in page
    assert re.findall(r'<td class="lead">(\d+月)</td>', page) == ["3月", "6月"]
    assert cells(page, "6月")[4:7] == ["47.5%", "50.0%", "-2.5"]
