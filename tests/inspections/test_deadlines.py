"""A finding's rectification deadline falls after the day it is found and is never already past.

A finding saved with a deadline gone by was overdue the moment it was saved, and overdue
findings cost their town points in the ranking.
"""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.inspections.factories import category, jpeg_bytes
from tests.inspections.test_photo_uploads import upload
from tests.inspections.test_services import photo
from zhenwu.inspections import services
from zhenwu.inspections.forms import AssignForm
from zhenwu.inspections.models import Finding, Source, Status

TODAY = datetime.date(2026, 12, 7)
pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture(autouse=True)
def on_the_demo_day():
    with time_machine.travel("2026-12-07 10:00 +0800", tick=False):
        yield


def post_finding(client, world, deadline: str):
    return client.post(
        reverse("inspections:new_finding"),
        {
            "photos": upload(jpeg_bytes()),
            "category": category().pk,
            "area": world.village_a1.pk,
            "location": "东山村村口",
            "description": "违规搭建",
            "severity": "general",
            "deadline": deadline,
        },
    )


def record(user, area, **extra):
    return services.record_finding(
        user,
        area=area,
        category=category(),
        location="东山村村口桥头",
        description="沿河违规搭建简易棚",
        photos=[photo()],
        **extra,
    )


@pytest.mark.parametrize(
    ("deadline", "message"),
    [("2026-12-01", "整改期限2026年12月1日已过"), ("2026-12-07", "应晚于发现日期2026年12月7日")],
    ids=["past", "the-same-day"],
)
def test_the_form_refuses_a_deadline_not_after_today_and_saves_nothing(
    client, world, county_inspector, deadline, message
):
    client.force_login(county_inspector)
    response = post_finding(client, world, deadline)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Finding.objects.exists()


def test_the_form_keeps_a_deadline_ahead(client, world, county_inspector):
    client.force_login(county_inspector)
    assert post_finding(client, world, "2026-12-14").status_code == 302
    finding = Finding.objects.get()
    assert finding.deadline == datetime.date(2026, 12, 14) and finding.days_overdue == 0


def test_the_service_refuses_a_past_deadline(world, county_inspector):
    with pytest.raises(ValidationError, match="整改期限2026年11月30日已过"):
        record(county_inspector, world.village_a1, deadline=datetime.date(2026, 11, 30))
    assert not Finding.objects.exists()


def test_the_service_refuses_a_deadline_before_the_day_found(world, county_inspector):
    with pytest.raises(ValidationError, match="应晚于发现日期2026年12月10日"):
        record(
            county_inspector,
            world.village_a1,
            found_on=datetime.date(2026, 12, 10),
            deadline=datetime.date(2026, 12, 9),
        )


def test_the_default_deadline_is_after_the_day_found(world, county_inspector):
    finding = record(county_inspector, world.village_a1)
    assert finding.deadline > finding.found_on == TODAY


def test_assigning_a_grid_report_with_a_past_deadline_is_refused(
    client, world, county_inspector, grid_worker
):
    found = datetime.date(2026, 11, 20)
    finding = record(grid_worker, world.village_a1, source=Source.GRID, found_on=found)
    with pytest.raises(ValidationError, match="已过"):  # 20 November + 7 days is long gone on 7 December
        services.assign(finding, county_inspector, deadline=found + datetime.timedelta(days=7))

    proposed = AssignForm(user=county_inspector, finding=finding).fields["deadline"].initial
    assert proposed > TODAY  # the form proposes a day ahead, not 27 November

    client.force_login(county_inspector)
    response = client.post(
        reverse("inspections:assign", args=[finding.pk]),
        {"deadline": "2026-11-27", "version": finding.version},
        follow=True,
    )
    assert "整改期限2026年11月27日已过" in response.content.decode()
    finding.refresh_from_db()
    assert (finding.status, finding.deadline) == (Status.REPORTED, None)


def test_the_admin_refuses_a_deadline_before_the_day_found(world):
    finding = Finding(found_on=TODAY, deadline=TODAY - datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="整改期限应晚于发现日期"):
        finding.clean()
