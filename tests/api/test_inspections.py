"""督查整改 over JSON: record with photos, rectify, close — each step as the finding's page allows it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import make_user
from tests.inspections.factories import category, jpeg_bytes, make_finding
from zhenwu.areas.models import Role
from zhenwu.inspections.models import Finding, FindingPhoto, Status

FINDINGS = "/api/v1/inspections/findings"


@pytest.fixture
def inspector(world):
    return make_user("county_inspector", world.county, Role.INSPECTOR, first_name="孙磊")


def photo(name="现场.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg")


def finding_form(**extra):
    return {
        "category": category().pk,
        "location": "东山村村口桥头",
        "description": "桥头搭建彩钢棚约120平方米",
        "quantity": "120",
        "photos": [photo()],
    } | extra


def test_an_inspector_records_a_finding_a_clerk_rectifies_and_the_inspector_closes_it(
    api_as, world, inspector
):
    county, clerk = api_as(inspector), api_as(world.town_a_clerk)
    recorded = county.upload(FINDINGS, finding_form(), area=world.village_a1.code)
    assert recorded.status_code == 201, recorded.content
    finding = recorded.json()
    assert (finding["status"], finding["area_name"], len(finding["photos"])) == ("assigned", "东山村", 1)
    assert finding["deadline"] and finding["transitions"][0]["actor"] == "孙磊"
    url = f"{FINDINGS}/{finding['id']}"

    assert clerk.get(url).json()["steps"] == ["start", "submit"]
    started = clerk.post(f"{url}/start", {"note": "已联系业主", "version": finding["version"]})
    assert started.status_code == 200 and started.json()["status"] == "in_progress"
    rectified = clerk.upload(f"{url}/rectify", {"note": "已拆除并清运", "photos": [photo("整改后.jpg")]})
    assert rectified.status_code == 200, rectified.content
    assert rectified.json()["status"] == "submitted"
    assert [p["kind"] for p in rectified.json()["photos"]] == ["finding", "evidence"]

    closed = county.post(f"{url}/close", {"version": rectified.json()["version"]})

    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert [t["step"] for t in closed.json()["transitions"]] == ["record", "start", "submit", "close"]
    listed = clerk.get(FINDINGS, status="closed").json()
    assert [row["id"] for row in listed["items"]] == [finding["id"]]
    assert clerk.get(FINDINGS, status="assigned").json()["count"] == 0


def test_a_clerk_reports_from_the_grid_and_it_waits_to_be_assigned(api_as, world, inspector):
    reported = api_as(world.town_a_clerk).upload(
        FINDINGS, finding_form(source="grid"), area=world.town_a.code
    )
    assert reported.status_code == 201, reported.content
    assert reported.json()["status"] == "reported"
    assigned = api_as(inspector).post(
        f"{FINDINGS}/{reported.json()['id']}/assign", {"deadline": "2099-01-31"}
    )
    assert assigned.status_code == 200 and assigned.json()["status"] == "assigned"


def test_a_clerk_may_not_record_an_inspectors_finding(api_as, world):
    refused = api_as(world.town_a_clerk).upload(FINDINGS, finding_form(), area=world.town_a.code)
    assert refused.status_code == 403 and "无权" in refused.json()["detail"]
    assert not Finding.objects.exists()


def test_a_finding_without_a_photo_or_place_is_422_per_field(api_as, world, inspector):
    form = finding_form(location="")
    form.pop("photos")
    refused = api_as(inspector).upload(FINDINGS, form, area=world.town_a.code)
    assert refused.status_code == 422
    assert refused.json()["errors"]["photos"] == "请至少上传一张照片。"
    assert "location" in refused.json()["errors"]
    assert not Finding.objects.exists() and not FindingPhoto.objects.exists()


def test_a_rectification_needs_its_photos(api_as, world):
    finding = make_finding(world, world.village_a1)
    refused = api_as(world.town_a_clerk).upload(f"{FINDINGS}/{finding.pk}/rectify", {"note": "已整改"})
    assert refused.status_code == 422 and refused.json()["errors"]["photos"] == "请至少上传一张照片。"
    finding.refresh_from_db()
    assert finding.status == Status.ASSIGNED


def test_a_step_the_status_does_not_allow_is_422(api_as, world, inspector):
    finding = make_finding(world, world.village_a1)
    refused = api_as(inspector).post(f"{FINDINGS}/{finding.pk}/close", {})
    assert refused.status_code == 422 and refused.json()["detail"]
    finding.refresh_from_db()
    assert finding.status == Status.ASSIGNED


def test_a_step_from_an_outdated_read_is_409_naming_who_moved_it_on(api_as, world):
    finding = make_finding(world, world.village_a1)
    clerk = api_as(world.town_a_clerk)
    version = clerk.get(f"{FINDINGS}/{finding.pk}").json()["version"]
    clerk.post(f"{FINDINGS}/{finding.pk}/start", {"version": version})

    stale = api_as(world.county_admin).post(
        f"{FINDINGS}/{finding.pk}/return", {"note": "重来", "version": version}
    )

    assert stale.status_code == 409
    assert "李娟" in stale.json()["detail"] and "您的退回重改未执行" in stale.json()["detail"]
