"""重点项目 over JSON: the list filtered as on the page, a project, and the phone page's update with photos."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.projects.factories import jpeg_bytes, make_project
from zhenwu.projects.models import MonthlyUpdate, UpdatePhoto

UPDATE = {"month": "2025-06", "investment_month": "120", "progress": "主体结构施工至第5层"}


@pytest.fixture
def project(world):
    return make_project(world, world.town_a)


def photo(name="现场.jpg", data=None):
    return SimpleUploadedFile(name, data or jpeg_bytes(), content_type="image/jpeg")


def test_the_list_filters_by_area_and_status(api_as, world, project):
    make_project(world, world.town_b)
    admin = api_as(world.county_admin)
    everything = admin.get("/api/v1/projects").json()
    assert everything["count"] == 2
    [row] = admin.get("/api/v1/projects", area=world.town_a.code, status="planning").json()["items"]
    assert (row["id"], row["area_name"], row["status"]) == (project.pk, "青山镇", "planning")
    assert admin.get("/api/v1/projects", status="started").json()["count"] == 0


def test_a_bad_filter_is_422_in_chinese(api_as, world, project):
    refused = api_as(world.county_admin).get("/api/v1/projects", status="nope", month="2025-13")
    assert refused.status_code == 422
    assert set(refused.json()["errors"]) == {"status", "month"}


def test_a_clerk_records_the_months_update_with_a_photo_and_reads_it_back(api_as, world, project):
    clerk = api_as(world.town_a_clerk)
    saved = clerk.upload(
        f"/api/v1/projects/{project.pk}/updates", UPDATE | {"photos": [photo(), photo("二.jpg")]}
    )

    assert saved.status_code == 201, saved.content
    assert (saved.json()["period"], saved.json()["version"], saved.json()["entered_by"]) == (
        "2025-06",
        1,
        "李娟",
    )
    assert UpdatePhoto.objects.count() == 2
    [update] = clerk.get(f"/api/v1/projects/{project.pk}/updates").json()["items"]
    assert Decimal(update["investment_ytd"]) == Decimal(120) and len(update["photos"]) == 2
    image = clerk.client.get(update["photos"][0]["url"], headers=clerk.headers)
    assert image.status_code in (200, 302)  # the photo is served through the page's access check
    detail = clerk.get(f"/api/v1/projects/{project.pk}").json()
    assert detail["name"] == project.name and detail["next_statuses"][0] == "signed"


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_saved(api_as, world, project):
    refused = api_as(world.town_a_clerk).upload(
        f"/api/v1/projects/{project.pk}/updates", UPDATE | {"photos": [photo("假.jpg", b"not a jpeg")]}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"]["photos"] == "文件“假.jpg”不是图片，请选择 JPEG、PNG 或 WebP 格式的照片。"
    assert not MonthlyUpdate.objects.exists()


def test_missing_fields_are_named_and_a_future_month_is_refused(api_as, world, project):
    clerk = api_as(world.town_a_clerk)
    missing = clerk.upload(f"/api/v1/projects/{project.pk}/updates", {"month": "2025-06"})
    assert missing.status_code == 422 and {"investment_month", "progress"} <= set(missing.json()["errors"])
    future = clerk.upload(f"/api/v1/projects/{project.pk}/updates", UPDATE | {"month": "2099-01"})
    assert future.status_code == 422 and "不能填报未来月份" in future.json()["detail"]
    assert not MonthlyUpdate.objects.exists()


def test_an_update_corrected_since_it_was_read_is_409(api_as, world, project):
    clerk = api_as(world.town_a_clerk)
    url = f"/api/v1/projects/{project.pk}/updates"
    assert clerk.upload(url, UPDATE | {"version": "0"}).status_code == 201
    assert clerk.upload(url, UPDATE | {"investment_month": "130", "version": "1"}).status_code == 201

    stale = clerk.upload(url, UPDATE | {"investment_month": "140", "version": "1"})

    assert stale.status_code == 409 and "李娟" in stale.json()["detail"]
    assert MonthlyUpdate.objects.get().investment_month == Decimal(130)
