"""The phone update form: money, one line of 形象进度 and photos, each photo checked."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.projects.conftest import jpeg
from zhenwu.projects.models import MonthlyUpdate, UpdatePhoto


def this_month():
    today = timezone.localdate()
    return f"{today.year}-{today.month:02d}"


def post(client, project, **extra):
    data = {"month": this_month(), "investment_month": "350.5", "progress": "主体结构施工至第5层", **extra}
    return client.post(reverse("projects:update", kwargs={"pk": project.pk}), data)


def test_the_clerk_saves_the_months_update_with_two_photos(client, world, project_a):
    client.force_login(world.town_a_clerk)
    response = post(client, project_a, photos=[jpeg("a.jpg"), jpeg("b.jpg")], caption="主体施工")
    assert response.status_code == 302
    update = MonthlyUpdate.objects.get(project=project_a)
    assert update.investment_month == Decimal("350.5")
    photos = list(update.photos.all())
    assert len(photos) == 2 and all(photo.thumbnail for photo in photos)
    assert photos[0].caption == "主体施工"

    detail = client.get(reverse("projects:detail", kwargs={"pk": project_a.pk})).content.decode()
    assert reverse("projects:photo_thumbnail", kwargs={"pk": photos[0].pk}) in detail
    assert "/media/" not in detail
    served = client.get(reverse("projects:photo", kwargs={"pk": photos[0].pk}))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_the_form_opens_the_camera_and_takes_several_photos(client, world, project_a):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("projects:update", kwargs={"pk": project_a.pk})).content.decode()
    assert 'accept="image/*"' in page and 'capture="environment"' in page and "multiple" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("report.pdf", b"%PDF-1.4 not a photo", content_type="application/pdf"),
            "不是图片",
        ),
        (SimpleUploadedFile("broken.jpg", jpeg().read()[:300], content_type="image/jpeg"), "已损坏"),
    ],
    ids=["wrong-type", "corrupt"],
)
def test_a_bad_photo_is_refused_in_chinese_and_nothing_is_saved(client, world, project_a, upload, message):
    client.force_login(world.town_a_clerk)
    response = post(client, project_a, photos=[upload])
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MonthlyUpdate.objects.exists() and not UpdatePhoto.objects.exists()


def test_a_gif_is_refused_by_its_format(client, world, project_a):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, "GIF")
    client.force_login(world.town_a_clerk)
    response = post(client, project_a, photos=[SimpleUploadedFile("a.gif", out.getvalue())])
    assert "只接受 JPEG、PNG、WebP" in response.content.decode()


def test_an_oversized_photo_is_refused(client, world, project_a, monkeypatch):
    monkeypatch.setattr("zhenwu.photos.MAX_PHOTO_BYTES", 1000)
    client.force_login(world.town_a_clerk)
    response = post(client, project_a, photos=[jpeg(size=(400, 300))])
    assert "超过" in response.content.decode()
    assert not UpdatePhoto.objects.exists()


def test_the_outsider_cannot_see_town_bs_project_or_photos(client, world, project_b):
    owner = Client()
    owner.force_login(world.town_b_clerk)
    post(owner, project_b, photos=[jpeg()])
    photo = UpdatePhoto.objects.get()
    client.force_login(world.town_a_clerk)
    for name, pk in [
        ("projects:detail", project_b.pk),
        ("projects:update", project_b.pk),
        ("projects:photo", photo.pk),
        ("projects:photo_thumbnail", photo.pk),
    ]:
        assert client.get(reverse(name, kwargs={"pk": pk})).status_code == 404
    listing = client.get(reverse("projects:index")).content.decode()
    assert project_b.name not in listing


def test_a_reviewer_may_look_but_not_enter(client, world, project_a):
    client.force_login(world.town_a_reviewer)
    assert client.get(reverse("projects:detail", kwargs={"pk": project_a.pk})).status_code == 200
    assert client.get(reverse("projects:update", kwargs={"pk": project_a.pk})).status_code == 403


def test_the_list_filters_by_lagging_and_search(client, world, project_a):
    client.force_login(world.county_admin)
    page = client.get(reverse("projects:index"), {"q": "老旧小区", "behind": "any"}).content.decode()
    assert project_a.name in page  # no update this month: 本月未报
    page = client.get(reverse("projects:index"), {"q": "不存在的项目"}).content.decode()
    assert project_a.name not in page


def test_the_overview_shows_rates_by_town_and_category(client, world, project_a, project_b):
    client.force_login(world.county_admin)
    page = client.get(reverse("projects:overview")).content.decode()
    assert "青山镇" in page and "白沙镇" in page and "民生" in page and "开工率" in page


def test_a_correction_shows_what_the_update_said_before(client, world, project_a):
    client.force_login(world.town_a_clerk)
    post(client, project_a)
    post(client, project_a, investment_month="400", progress="主体结构施工至第6层")
    page = client.get(reverse("projects:detail", kwargs={"pk": project_a.pk})).content.decode()
    assert "已修改 1 次" in page
    assert "修改前：当月 350.50 万元" in page and "主体结构施工至第5层" in page


def test_the_photo_date_comes_from_the_camera(client, world, project_a):
    from PIL import Image

    exif = Image.Exif()
    exif[306] = "2025:06:18 10:30:00"
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 90)).save(out, "JPEG", exif=exif)
    client.force_login(world.town_a_clerk)
    post(client, project_a, photos=[SimpleUploadedFile("site.jpg", out.getvalue()), jpeg("no-exif.jpg")])
    dates = sorted(str(photo.taken_on) for photo in UpdatePhoto.objects.all())
    assert dates == sorted(["2025-06-18", str(timezone.localdate())])
