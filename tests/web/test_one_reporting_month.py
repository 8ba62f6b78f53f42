"""Every page that names the current period names the same month on the same day.

On 7 December the ledger reported 1-11月 while the project pages said 1-12月 with 时序进度
100% and every project 本月未报. Pinned on fixed days (the 1st of a month, the deadline day,
the day after, January, 31 December), each page names the month being reported, and a
project is 本月未报 only once that month's deadline has passed.
"""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from tests.assessment.factories import make_scheme
from tests.ledger import factories as ledger
from zhenwu.assessment.services import period_lines
from zhenwu.projects import services
from zhenwu.projects.models import MonthlyUpdate

DAYS = [  # (the day, the month being reported, whether its deadline has passed)
    ("2026-12-01", (2026, 11), False),
    ("2026-12-05", (2026, 11), False),
    ("2026-12-06", (2026, 11), True),
    ("2026-12-07", (2026, 11), True),
    ("2026-12-31", (2026, 11), True),
    ("2027-01-01", (2026, 12), False),
    ("2027-01-06", (2026, 12), True),
]


def tile_text(page: str, title: str) -> str:
    start = page.index(f"<h2>{title}</h2>")
    return page[start : page.index("</a>", start)]


def figure(tile: str, label: str) -> int:
    return int(re.search(rf"<strong>(\d+)</strong><span>{label}</span>", tile)[1])


@pytest.fixture
def town(world):
    """A town with a figure of the year and a project under way that has reported up to October."""
    ledger.make_target(world, world.town_a, year=2026, value="12")
    ledger.make_value(world, world.town_a, year=2026, month=10, value="9.1")
    project = services.create_project(
        world.county_admin,
        area=world.town_a,
        name="溪东片区老旧小区改造工程",
        category="livelihood",
        total_investment=Decimal(12000),
        plans={2026: Decimal(8000)},
        planned_start=datetime.date(2026, 3, 1),
        planned_completion=datetime.date(2027, 12, 31),
        responsible_person="陈立",
    )
    for month in range(3, 11):
        MonthlyUpdate.objects.create(
            project=project,
            year=2026,
            month=month,
            investment_month=Decimal(600),
            investment_ytd=Decimal(600 * (month - 2)),
            progress=f"主体结构施工至第{month}层",
            entered_by=world.town_a_clerk,
            entered_at=datetime.datetime(2026, month, 25, 8, tzinfo=datetime.UTC),
        )
    return project


@pytest.mark.parametrize(("day", "reported", "due"), DAYS, ids=[day for day, _, _ in DAYS])
def test_every_page_names_the_month_being_reported(client, world, town, day, reported, due):
    year, month = reported
    span = "1月" if month == 1 else f"1-{month}月"
    with time_machine.travel(f"{day} 10:00 +0800", tick=False):
        client.force_login(world.town_a_clerk)
        ledger_page = client.get(reverse("ledger:index")).content.decode()
        home = client.get(reverse("home")).content.decode()
        overview = client.get(reverse("projects:overview")).content.decode()
        listing = client.get(reverse("projects:index")).content.decode()
        detail = client.get(reverse("projects:detail", kwargs={"pk": town.pk})).content.decode()
        update = client.get(reverse("projects:update", kwargs={"pk": town.pk})).content.decode()
        silent = client.get(reverse("projects:index"), {"behind": "本月未报"}).content.decode()
        summaries = client.get(reverse("summaries:index")).content.decode()
        inspections = client.get(reverse("inspections:index")).content.decode()

    assert f"{year}年{span}" in ledger_page
    assert f"{year}年{span}" in tile_text(home, "指标台账")
    assert f"{year}年{span}" in tile_text(home, "重点项目")
    assert f"重点项目推进情况（{year}年{span}）" in overview
    assert f"{year}年{month}月" in listing and f"{span}完成" in listing
    assert f"填报{month}月进展" in detail
    assert f'value="{year}-{month:02d}"' in update
    assert f"{year}年{span}工作总结" in summaries or f"{year}年全年工作总结" in summaries
    bulletin = reverse("inspections:bulletin", args=[world.town_a.code, year, month])
    assert bulletin in inspections
    later = reverse("inspections:bulletin", args=[world.town_a.code, *_next(year, month)])
    assert later not in inspections  # a month not yet over has no 通报 to download

    # the project has reported up to October: 本月未报 only once the reported month's deadline passed
    assert figure(tile_text(home, "重点项目"), "本月未报") == (1 if due else 0)
    assert (town.name in silent) == due


def _next(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def test_on_the_demo_day_projects_report_november_with_its_own_time_progress(client, world, town):
    with time_machine.travel("2026-12-07 10:00 +0800", tick=False):
        client.force_login(world.town_a_clerk)
        overview = client.get(reverse("projects:overview")).content.decode()
    assert "1-12月" not in overview
    assert "91.7%" in overview  # 时序进度 of November, not 100%


@pytest.mark.parametrize(
    ("day", "latest"), [("2026-12-07", "2026-Q3"), ("2027-01-01", "2026-Q4"), ("2026-10-01", "2026-Q3")]
)
def test_the_assessment_lists_quarters_up_to_the_month_being_reported(world, day, latest):
    scheme = make_scheme(world, world.county, first_year=2026)
    lines = period_lines(scheme, world.county_admin, datetime.date.fromisoformat(day))
    assert lines[0].period.key == latest  # a quarter still running has no figures to assess
