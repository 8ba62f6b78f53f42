"""The month's 督查通报 and the ``zhenwu report inspections`` command."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as DocxDocument

from tests.inspections.factories import category, make_finding, make_photo
from zhenwu.cli import main
from zhenwu.documents import render_html
from zhenwu.inspections.bulletin import build_bulletin
from zhenwu.inspections.models import Status
from zhenwu.inspections.tallies import Period
from zhenwu.ledger.reporting import reporting_month

MARCH = Period.month(2026, 3)
TODAY = datetime.date(2026, 4, 2)


@pytest.fixture
def march(world, media):
    """Town A: two 违建 found in March (one closed after removing 120 m²), one overdue; town B: one 占道."""
    violations = category("违法建设")
    make_finding(
        world,
        world.village_a1,
        category=violations,
        location="东山村村口桥头",
        found_on=datetime.date(2026, 3, 3),
        deadline=datetime.date(2026, 3, 18),
        quantity=120,
        status=Status.CLOSED,
        closed_on=datetime.date(2026, 3, 15),
    )
    make_finding(
        world,
        world.village_a2,
        category=violations,
        location="西岙村老街",
        found_on=datetime.date(2026, 3, 20),
        deadline=datetime.date(2026, 3, 30),
        quantity=60,
    )
    make_finding(world, world.village_b1, category=category("乱占道经营"), found_on=datetime.date(2026, 3, 9))
    photo = make_photo(world, world.village_a1)
    photo.finding.found_on = datetime.date(2026, 3, 25)
    photo.finding.save()
    return world


def test_the_bulletin_states_the_months_figures_and_lists_the_overdue(march):
    doc = build_bulletin(march.county, MARCH, TODAY)
    html = render_html(doc)
    assert doc.title == "关于2026年3月督查整改情况的通报"
    assert "发现问题4个，清理占道经营1户；查处违建3处，拆除违建120平方米。" in html
    assert "整改销号率25.0%" in html
    assert "西岙村老街" in html  # overdue since 3-30
    assert "图1" in html  # the photographed finding is a typical problem


def test_a_town_bulletin_never_mentions_another_town(march):
    html = render_html(build_bulletin(march.town_a, MARCH, TODAY))
    assert "白沙镇" not in html and "南塘村" not in html
    assert "查处违建3处" in html


def test_the_command_writes_a_docx(march, tmp_path, capsys):
    out = tmp_path / "通报.docx"
    assert (
        main(["report", "inspections", "--area", march.county.code, "--month", "2026-03", "-o", str(out)])
        == 0
    )
    text = "\n".join(p.text for p in DocxDocument(out).paragraphs)
    assert "关于2026年3月督查整改情况的通报" in text


def test_the_command_refuses_a_bad_month_or_an_unknown_area(march, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(
            [
                "report",
                "inspections",
                "--area",
                march.county.code,
                "--month",
                "2026-13",
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
    assert "月份应在 1 到 12 之间" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(
            [
                "report",
                "inspections",
                "--area",
                "999999999999",
                "--month",
                "2026-03",
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
    assert "没有区划代码为 999999999999" in capsys.readouterr().err


def test_the_desk_offers_the_bulletin_as_a_download(client, march, county_inspector):
    client.force_login(county_inspector)
    reported = reporting_month(march.county, timezone.localdate()).current  # the month being reported
    this_month = reverse("inspections:bulletin", args=[march.county.code, reported.year, reported.month])
    assert this_month in client.get(reverse("inspections:index")).content.decode()
    url = reverse("inspections:bulletin", args=[march.county.code, 2026, 3])
    response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(p.text for p in DocxDocument(io.BytesIO(response.content)).paragraphs)
    assert "查处违建3处，拆除违建120平方米" in text


def test_a_town_cannot_download_another_towns_bulletin(client, march):
    client.force_login(march.town_a_clerk)
    assert client.get(reverse("inspections:bulletin", args=[march.town_b.code, 2026, 3])).status_code == 404
