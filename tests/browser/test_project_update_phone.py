"""A project owner on site: opens the project on a phone, enters the month's figures and two photos."""

import datetime
import io
from decimal import Decimal

import pytest
from PIL import Image

from tests.conftest import build_world
from zhenwu.projects import services
from zhenwu.projects.models import MonthlyUpdate

pytestmark = pytest.mark.browser


@pytest.fixture
def live_project(transactional_db):
    world = build_world()
    return services.create_project(
        world.county_admin,
        area=world.town_a,
        name="溪东片区老旧小区改造工程",
        category="livelihood",
        total_investment=Decimal(12000),
        planned_start=datetime.date(2025, 3, 1),
        plans={datetime.date.today().year: Decimal(8000)},
    )


def photo_file(path, colour):
    out = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(out, "JPEG", quality=70)
    path.write_bytes(out.getvalue())
    return str(path)


def log_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "secret-pass-1")
    page.click("button[type=submit]")


def test_the_clerk_records_the_months_progress_with_two_photos_on_a_phone(
    phone, live_server, live_project, tmp_path
):
    log_in(phone, live_server.url, "town_a_clerk")
    phone.goto(f"{live_server.url}/projects/")
    phone.get_by_role("link", name="溪东片区老旧小区改造工程").click()
    phone.get_by_role("link", name="填报").first.click()

    assert phone.locator("input[type=file]").get_attribute("capture") == "environment"
    phone.fill("#id_investment_month", "350")
    phone.fill("#id_progress", "3栋主体结构封顶")
    phone.set_input_files(
        "#id_photos",
        [photo_file(tmp_path / "a.jpg", (120, 160, 200)), photo_file(tmp_path / "b.jpg", (200, 160, 90))],
    )
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # the form fits the phone's width
    phone.get_by_role("button", name="保存进展").click()

    phone.wait_for_url(f"{live_server.url}/projects/{live_project.pk}/")
    assert "已保存" in phone.locator(".message").inner_text()
    assert "3栋主体结构封顶" in phone.locator("#timeline").inner_text()
    gallery = phone.locator("#gallery img")
    assert gallery.count() == 2
    gallery.first.scroll_into_view_if_needed()  # thumbnails load lazily
    loaded = "img => img.complete && img.naturalWidth ? img.naturalWidth : new Promise(done => img.onload = () => done(img.naturalWidth))"
    assert gallery.first.evaluate(loaded) > 0  # served through the access-checked view
    update = MonthlyUpdate.objects.get(project=live_project)
    assert update.investment_month == Decimal(350) and update.photos.count() == 2


def test_a_file_that_is_not_a_photo_is_refused_on_the_phone(phone, live_server, live_project, tmp_path):
    log_in(phone, live_server.url, "town_a_clerk")
    phone.goto(f"{live_server.url}/projects/{live_project.pk}/update/")
    fake = tmp_path / "合同.jpg"
    fake.write_bytes(b"not really a photo")
    phone.fill("#id_investment_month", "10")
    phone.fill("#id_progress", "基础施工")
    phone.set_input_files("#id_photos", str(fake))
    phone.get_by_role("button", name="保存进展").click()
    assert "不是图片" in phone.locator("form.phone").inner_text()
    assert not MonthlyUpdate.objects.exists()
