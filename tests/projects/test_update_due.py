"""Monthly updates fall due with the month's deadline, and nothing of theirs is dated in the future."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.projects.conftest import jpeg
from zhenwu.lib.periods import Month
from zhenwu.projects.models import MonthlyUpdate, UpdatePhoto
from zhenwu.projects.rates import Behind, ProjectFacts, behind_reasons

NOVEMBER = Month(2026, 11)


def dated_jpeg(taken: str, name="site.jpg") -> SimpleUploadedFile:
    """A photo whose camera wrote ``taken`` (2027:01:03 10:00:00) as the day it was taken."""
    image, out = Image.new("RGB", (320, 240), (120, 160, 200)), io.BytesIO()
    exif = image.getexif()
    exif[306] = taken
    image.save(out, "JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def post(client, project, **extra):
    data = {"month": "2026-11", "investment_month": "350.5", "progress": "主体结构施工至第5层", **extra}
    return client.post(reverse("projects:update", kwargs={"pk": project.pk}), data)


@pytest.fixture(autouse=True)
def on_the_demo_day():
    with time_machine.travel("2026-12-07 10:00 +0800", tick=False):
        yield


def silent(update_due: bool) -> ProjectFacts:
    return ProjectFacts(
        "溪东片区老旧小区改造工程", "building", annual_plan=Decimal(8000), update_due=update_due
    )


def test_a_project_is_not_silent_before_the_months_deadline():
    assert Behind.NO_UPDATE not in behind_reasons(silent(update_due=False), NOVEMBER)
    assert Behind.NO_UPDATE in behind_reasons(silent(update_due=True), NOVEMBER)


def test_a_photo_taken_after_today_is_refused_and_nothing_is_saved(client, world, project_a, media_root):
    client.force_login(world.town_a_clerk)
    response = post(client, project_a, photos=[jpeg("a.jpg"), dated_jpeg("2027:01:03 10:00:00", "b.jpg")])
    assert response.status_code == 200
    page = response.content.decode()
    assert "照片“b.jpg”的拍摄日期为2027年1月3日，晚于今天" in page
    assert not MonthlyUpdate.objects.exists() and not UpdatePhoto.objects.exists()


def test_a_photo_keeps_the_day_it_was_taken(client, world, project_a, media_root):
    client.force_login(world.town_a_clerk)
    assert post(client, project_a, photos=[dated_jpeg("2026:11:28 15:20:00")]).status_code == 302
    assert UpdatePhoto.objects.get().taken_on == datetime.date(2026, 11, 28)


def test_the_update_form_offers_the_month_being_reported(client, world, project_a):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("projects:update", kwargs={"pk": project_a.pk})).content.decode()
    assert 'value="2026-11"' in page  # not December, which has not ended


def test_the_admin_refuses_an_update_or_photo_dated_in_the_future(world, project_a):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    update = MonthlyUpdate(project=project_a, year=2026, month=11, entered_at=tomorrow)
    with pytest.raises(ValidationError, match="填报时间不能晚于现在"):
        update.clean()
    with pytest.raises(ValidationError, match="未来月份"):
        MonthlyUpdate(project=project_a, year=2027, month=1, entered_at=timezone.now()).clean()
    with pytest.raises(ValidationError, match="拍摄日期不能晚于今天"):
        UpdatePhoto(taken_on=timezone.localdate() + datetime.timedelta(days=1)).clean()
