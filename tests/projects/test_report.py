"""The monthly illustrated report: figures, charts, tables and the lagging projects with their photos."""

import datetime
import io
import zipfile
from decimal import Decimal

import docx
import pytest
from django.urls import reverse

from tests.projects.conftest import jpeg, make_project
from zhenwu.cli import main
from zhenwu.documents import Chart, PhotoGrid, Table, write_docx
from zhenwu.photos import check_photos
from zhenwu.projects import services
from zhenwu.projects.models import Status
from zhenwu.projects.rates import Month
from zhenwu.projects.report import amount, build_report

JUNE = Month(2025, 6)


@pytest.fixture
def ledger(world, project_a, project_b):
    """Town A's project lags (30% against 50%) with two photos; town B's two are on schedule."""
    clerk_a, clerk_b = world.town_a_clerk, world.town_b_clerk
    services.advance(project_a, clerk_a, Status.BUILDING, datetime.date(2025, 3, 5))
    services.record_update(
        project_a,
        clerk_a,
        month=JUNE,
        investment_month=Decimal(2400),
        progress="3栋主体结构封顶",
        help_needed="协调电力线路迁改",
        photos=check_photos([jpeg("a.jpg"), jpeg("b.jpg", colour=(200, 160, 90))]),
        caption="主体施工",
    )
    services.advance(project_b, clerk_b, Status.BUILDING, datetime.date(2025, 3, 1))
    services.record_update(
        project_b, clerk_b, month=JUNE, investment_month=Decimal(4500), progress="路基完成"
    )
    shown = make_project(
        world, world.town_b, name="白沙镇文旅综合体项目", category="tourism", highlighted=True
    )
    services.advance(shown, clerk_b, Status.BUILDING, datetime.date(2025, 3, 1))
    services.record_update(
        shown, clerk_b, month=JUNE, investment_month=Decimal(4000), progress="游客中心装修"
    )
    return world


def test_amounts_read_like_a_report():
    assert amount(Decimal("60234.56")) == "6.02亿元"
    assert amount(Decimal(3420)) == "3420万元"


def test_the_report_states_the_figures_and_lists_the_lagging_project_with_photos(ledger):
    from zhenwu.projects.models import Project

    document = build_report(ledger.county, Project.objects.in_subtree(ledger.county), JUNE)
    text = "\n".join(getattr(block, "text", "") for block in document.blocks)
    assert document.title == "青溪县2025年1-6月重点项目推进情况"
    assert "全县共列入重点项目3个，总投资3.6亿元，年度计划投资2.4亿元" in text
    assert "1-6月累计完成投资1.09亿元，占年度计划的45.4%，低于时序进度4.6个百分点" in text
    assert "计划开工项目3个，已开工3个，开工率100.0%" in text
    assert "进度滞后项目1个" in text
    assert "溪东片区老旧小区改造工程（青山镇）" in text
    assert "协调电力线路迁改" in text
    assert sum(isinstance(block, Chart) for block in document.blocks) == 2
    grids = [block for block in document.blocks if isinstance(block, PhotoGrid)]
    assert [len(grid.photos) for grid in grids] == [2]  # two photos side by side
    assert sum(isinstance(block, Table) for block in document.blocks) == 2


def test_the_docx_opens_with_its_charts_and_photos(ledger, tmp_path):
    path = tmp_path / "月报.docx"
    assert (
        main(["report", "projects", "--area", ledger.county.code, "--month", "2025-06", "-o", str(path)]) == 0
    )
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    assert len([n for n in names if n.startswith("word/charts/chart")]) == 2
    assert len([n for n in names if n.startswith("word/media/")]) == 2
    body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "进度滞后项目" in body and "重点展示项目" in body


def test_a_wrong_area_code_is_named(ledger, tmp_path, capsys):
    with pytest.raises(SystemExit, match="找不到区划代码 390123999000"):
        main(
            [
                "report",
                "projects",
                "--area",
                "390123999000",
                "--month",
                "2025-06",
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )


def test_a_town_clerk_downloads_only_the_towns_report(client, ledger):
    client.force_login(ledger.town_a_clerk)
    url = reverse("projects:report", kwargs={"code": ledger.town_a.code})
    response = client.get(url, {"month": "2025-06"})
    assert response.status_code == 200
    content = response.getvalue()  # whether streamed or not
    assert content[:2] == b"PK"
    assert client.get(reverse("projects:report", kwargs={"code": ledger.town_b.code})).status_code == 404


def test_an_area_without_projects_still_gets_a_report(world):
    from zhenwu.projects.models import Project

    document = build_report(world.town_a, Project.objects.none(), JUNE)
    assert write_docx(document)[:2] == b"PK"


def test_the_report_can_be_read_on_the_page_first(client, ledger):
    client.force_login(ledger.county_admin)
    url = reverse("projects:report_preview", kwargs={"code": ledger.county.code})
    page = client.get(url, {"month": "2025-06"}).content.decode()
    assert "青溪县2025年1-6月重点项目推进情况" in page and "<svg" in page


def test_photos_stand_two_to_a_row_captioned_with_project_date_and_progress(ledger):
    from zhenwu.projects.models import Project

    document = build_report(ledger.county, Project.objects.in_subtree(ledger.county), JUNE)
    grid = next(block for block in document.blocks if isinstance(block, PhotoGrid))
    assert grid.title == "溪东片区老旧小区改造工程现场照片"
    for photo in grid.photos:
        assert photo.caption.startswith("图") and "溪东片区老旧小区改造工程" in photo.caption
        assert "月" in photo.caption and "日）" in photo.caption
        assert "形象进度：3栋主体结构封顶" in photo.caption
    package = docx.Document(io.BytesIO(write_docx(document)))
    photo_table = next(t for t in package.tables if t._tbl.xpath(".//w:drawing"))
    assert len(photo_table.rows) == 1 and len(photo_table.columns) == 2
