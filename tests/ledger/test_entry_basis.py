"""Each indicator row says what to type, and 上年同期 is last year's 1-N月 figure on every page and sheet."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.ledger import factories as f


def last_year_accidents(world):
    """安全生产事故起数 is a flow: typed month by month; last year 1-6月 adds up to 4, June alone 0."""
    for month, count in enumerate(["1", "0", "2", "0", "1", "0"], start=1):
        f.make_value(world, world.town_a, code="SGQS", year=2024, month=month, value=count)


def grid_row(page: str, name: str) -> str:
    return page.split(f">{name}</label>")[1].split("</tr>")[0]


def test_the_grid_says_what_to_type_and_shows_last_years_1_to_n_figure(client, world):
    f.all_indicators()
    last_year_accidents(world)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:entry", args=[world.town_a.code, 2025, 6])).content.decode()
    accidents = grid_row(page, "安全生产事故起数")
    assert "6月当月" in accidents and 'data-label="上年同期">4<' in accidents.replace("\n", "")
    assert "1-6月累计" in grid_row(page, "固定资产投资") and "期末数" in grid_row(page, "绿化覆盖率")
    december = client.get(reverse("ledger:entry", args=[world.town_a.code, 2025, 12])).content.decode()
    assert "年末数" in grid_row(december, "绿化覆盖率") and "12月当月" in grid_row(
        december, "安全生产事故起数"
    )

    # the ledger's own page says the same 上年同期
    url = reverse("ledger:indicator", args=[world.town_a.code, f.indicator("SGQS").pk]) + "?period=2025-06"
    june = client.get(url).content.decode().split('<td class="lead">6月</td>')[1].split("</tr>")[0]
    assert 'data-label="上年同期">4<' in june


def test_the_excel_template_has_the_basis_and_the_same_last_year(client, world):
    f.all_indicators()
    last_year_accidents(world)
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("ledger:template", args=[world.town_a.code, 2025, 6]))
    sheet = load_workbook(io.BytesIO(response.content))["填报"]
    heads = [cell.value for cell in sheet[4]]
    rows = {
        row[0]: dict(zip(heads, row, strict=False)) for row in sheet.iter_rows(min_row=5, values_only=True)
    }
    assert rows["SGQS"]["填报口径"] == "6月当月" and rows["SGQS"]["上年同期"] == 4
    assert rows["GDTZ"]["填报口径"] == "1-6月累计" and rows["LHFG"]["填报口径"] == "期末数"


def test_the_county_sheet_and_the_export_carry_the_basis_and_last_year(client, world):
    f.all_indicators()
    last_year_accidents(world)
    client.force_login(world.county_admin)
    response = client.get(reverse("ledger:county_template", args=[world.county.code, 2025, 6]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    units = {
        sheet.cell(4, column).value: sheet.cell(6, column).value for column in range(3, sheet.max_column + 1)
    }
    assert units["SGQS"] == "起（6月当月）" and units["GDTZ"] == "亿元（1-6月累计）"

    response = client.get(reverse("ledger:export", args=[world.town_a.code, 2025, 6]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    heads = next(row for row in rows if row and row[0] == "指标")
    accidents = dict(
        zip(heads, next(row for row in rows if row and row[0] == "安全生产事故起数"), strict=False)
    )
    assert accidents["上年同期"] == 4 and accidents["填报口径"] == "6月当月"
