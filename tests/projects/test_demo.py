"""The demo county's key projects look like a real county's ledger."""

from decimal import Decimal

import pytest
from django.utils import timezone

from zhenwu.demo import DemoCounty
from zhenwu.demo import areas as demo_areas
from zhenwu.demo import projects as demo_projects
from zhenwu.ledger.reporting import reporting_month
from zhenwu.projects.facts import load_facts
from zhenwu.projects.models import MonthlyUpdate, Project, UpdatePhoto
from zhenwu.projects.rates import summarise
from zhenwu.projects.report import build_report


@pytest.fixture
def county(db):
    import random

    rng, county = random.Random(7), DemoCounty()
    demo_areas.build(county, rng)
    demo_projects.build(county, rng)
    return county


def test_about_150_projects_across_every_town_from_millions_to_billions(county):
    projects = Project.objects.all()
    assert 130 <= projects.count() <= 180
    investments = [p.total_investment for p in projects]
    assert min(investments) < Decimal(1000) and max(investments) >= Decimal(50000)
    for town in county.towns:
        assert Project.objects.in_subtree(town).count() >= 8


def test_a_year_of_updates_with_some_projects_behind(county):
    month = reporting_month(county.county, timezone.localdate()).current
    summary = summarise(load_facts(Project.objects.all(), month), month)
    assert MonthlyUpdate.objects.values("year", "month").distinct().count() >= 6
    assert 10 <= len(summary.behind) <= summary.count * 0.7
    assert 0 < summary.not_reported < summary.count
    assert summary.start_rate is not None and 60 < summary.start_rate < 100


def test_photos_are_drawn_jpegs_of_the_largest_projects(county):
    photos = UpdatePhoto.objects.select_related("update__project")
    assert 40 <= photos.count() <= 200
    photo = photos.first()
    with photo.image.open("rb") as handle:
        assert handle.read(3) == b"\xff\xd8\xff"
    assert photo.thumbnail


def test_the_monthly_report_of_the_demo_county_builds(county):
    month = reporting_month(county.county, timezone.localdate()).current
    document = build_report(county.county, Project.objects.in_subtree(county.county), month)
    assert any(type(block).__name__ == "PhotoGrid" for block in document.blocks)  # photos two to a row
