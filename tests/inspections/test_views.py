"""The desk, the town's list, a finding's page and its actions, as each persona sees them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.inspections.factories import category, jpeg_bytes, make_finding, make_photo
from zhenwu.inspections.models import Finding, Status


def test_the_county_desk_counts_and_filters_every_town(client, world, county_inspector):
    make_finding(world, world.village_a1, location="东山村老街")
    make_finding(world, world.village_b1, location="南塘村桥头", deadline=datetime.date(2020, 1, 1))
    make_finding(
        world, world.town_b, location="白沙镇菜场", status=Status.CLOSED, closed_on=datetime.date.today()
    )
    client.force_login(county_inspector)

    page = client.get(reverse("inspections:index")).content.decode()
    assert "东山村老街" in page and "南塘村桥头" in page
    assert "整改销号率" in page

    overdue = client.get(reverse("inspections:index"), {"overdue": "on"}).content.decode()
    assert "南塘村桥头" in overdue and "东山村老街" not in overdue and "逾期" in overdue
    town_a_only = client.get(reverse("inspections:index"), {"town": world.town_a.code}).content.decode()
    assert "东山村老街" in town_a_only and "南塘村桥头" not in town_a_only
    closed = client.get(reverse("inspections:index"), {"status": "closed"}).content.decode()
    assert "白沙镇菜场" in closed and "东山村老街" not in closed


def test_a_town_sees_only_its_own_findings(client, world):
    make_finding(world, world.village_a1, location="东山村老街")
    make_finding(world, world.village_b1, location="南塘村桥头")
    client.force_login(world.town_a_clerk)
    for name in ("inspections:index", "inspections:todo"):
        page = client.get(reverse(name)).content.decode()
        assert "东山村老街" in page and "南塘村桥头" not in page


def test_town_a_gets_404_for_town_bs_finding_and_photos(client, world, media):
    photo = make_photo(world, world.town_b)
    client.force_login(world.town_a_clerk)
    assert client.get(reverse("inspections:finding", args=[photo.finding.pk])).status_code == 404
    assert client.get(reverse("inspections:photo", args=[photo.pk])).status_code == 404
    assert client.get(reverse("inspections:photo_thumbnail", args=[photo.pk])).status_code == 404
    client.force_login(world.town_b_clerk)
    assert client.get(reverse("inspections:photo", args=[photo.pk])).status_code == 200


def test_photos_are_not_reachable_under_a_public_media_url(client, world, media):
    photo = make_photo(world, world.town_b)
    client.force_login(world.town_a_clerk)
    assert client.get(f"/media/{photo.image.name}").status_code == 404


def test_the_finding_page_offers_each_role_its_own_actions(client, world, county_inspector):
    finding = make_finding(world, world.village_a1, status=Status.SUBMITTED)
    url = reverse("inspections:finding", args=[finding.pk])
    client.force_login(county_inspector)
    page = client.get(url).content.decode()
    assert "验收销号" in page and "退回重改" in page and "提交验收" not in page
    client.force_login(world.town_a_clerk)
    page = client.get(url).content.decode()
    assert "验收销号" not in page and "退回重改" not in page


def test_the_town_submits_evidence_and_the_inspector_closes(client, world, media, county_inspector):
    finding = make_finding(world, world.village_a1)
    client.force_login(world.town_a_clerk)
    response = client.post(
        reverse("inspections:submit", args=[finding.pk]),
        {"note": "已拆除彩钢棚", "photos": SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")},
    )
    assert response.status_code == 302
    assert client.post(reverse("inspections:close", args=[finding.pk])).status_code == 403

    client.force_login(county_inspector)
    client.post(reverse("inspections:close", args=[finding.pk]), {"close-note": "复查到位"})
    finding.refresh_from_db()
    assert finding.status == Status.CLOSED
    assert finding.transitions.last().note == "复查到位"


def test_returning_without_a_reason_changes_nothing(client, world, county_inspector):
    finding = make_finding(world, world.village_a1, status=Status.SUBMITTED)
    client.force_login(county_inspector)
    response = client.post(reverse("inspections:return", args=[finding.pk]), {"return-note": ""}, follow=True)
    assert "退回须说明理由" in response.content.decode()
    assert Finding.objects.get().status == Status.SUBMITTED


def test_a_grid_worker_reports_from_the_phone_form(client, world, media, grid_worker):
    client.force_login(grid_worker)
    form = client.get(reverse("inspections:grid_report")).content.decode()
    assert 'capture="environment"' in form and 'accept="image/*"' in form
    assert "西岙村" not in form  # only the worker's own village
    response = client.post(
        reverse("inspections:grid_report"),
        {
            "photos": SimpleUploadedFile("pile.jpg", jpeg_bytes(), "image/jpeg"),
            "category": category("乱堆乱放").pk,
            "area": world.village_a1.pk,
            "location": "东山村文化礼堂后",
            "description": "建筑垃圾堆放",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert (finding.source, finding.status, finding.reported_by) == ("grid", Status.REPORTED, grid_worker)


def test_an_inspection_round_is_created_and_lists_its_findings(client, world, county_inspector):
    client.force_login(county_inspector)
    response = client.post(
        reverse("inspections:new_inspection"),
        {
            "title": "3月市容暗访",
            "kind": "unannounced",
            "theme": "cityscape",
            "date": "2026-03-02",
            "area": world.county.pk,
            "covered_areas": [world.town_a.pk, world.town_b.pk],
            "checklist": "无占道经营\n无乱堆乱放",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "3月市容暗访" in page and "无乱堆乱放" in page and "青山镇、白沙镇" in page
