"""Mobile numbers and e-mail: kept by their owner or an admin of their area, refused when malformed."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import make_user
from zhenwu.accounts.models import Contact
from zhenwu.areas.models import Role


def test_a_user_sets_their_own_mobile_and_email(client, world):
    client.force_login(world.town_a_clerk)
    response = client.post(
        reverse("accounts:contact"), {"mobile": " 13812345678 ", "email": "lijuan@qingxi.example"}
    )
    assert response.status_code == 302
    contact = Contact.objects.get(user=world.town_a_clerk)
    assert contact.mobile == "13812345678" and contact.updated_by == world.town_a_clerk
    world.town_a_clerk.refresh_from_db()
    assert world.town_a_clerk.email == "lijuan@qingxi.example"
    page = client.get(reverse("accounts:index")).content.decode()
    assert "手机号码：13812345678" in page and "lijuan@qingxi.example" in page


@pytest.mark.parametrize(
    ("mobile", "email", "error"),
    [
        ("", "", "请填写手机号码"),
        ("12812345678", "", "手机号码应为 11 位数字，以 13–19 开头"),
        ("1381234567", "", "手机号码应为 11 位数字，以 13–19 开头"),
        ("138123456789", "", "手机号码应为 11 位数字"),
        ("1381234567a", "", "手机号码应为 11 位数字，以 13–19 开头"),
        ("13812345678", "lijuan@", "电子邮箱格式不正确"),
    ],
)
def test_a_malformed_number_or_address_is_refused_and_nothing_saved(client, world, mobile, email, error):
    client.force_login(world.town_a_clerk)
    response = client.post(reverse("accounts:contact"), {"mobile": mobile, "email": email})
    assert response.status_code == 200 and error in response.content.decode()
    assert not Contact.objects.exists()


def test_an_admin_corrects_the_contact_of_an_account_of_their_area(client, world):
    client.force_login(world.county_admin)
    url = reverse("accounts:user_contact", kwargs={"pk": world.town_b_clerk.pk})
    assert client.post(url, {"mobile": "13987654321", "email": ""}).status_code == 302
    contact = Contact.objects.get(user=world.town_b_clerk)
    assert contact.mobile == "13987654321" and contact.updated_by == world.county_admin
    assert "联系方式" in client.get(reverse("accounts:index")).content.decode()


def test_no_one_else_may_change_an_accounts_contact(client, world, town_a_admin):
    client.force_login(town_a_admin)  # an admin of another town: town B's clerk is not theirs
    url = reverse("accounts:user_contact", kwargs={"pk": world.town_b_clerk.pk})
    assert client.post(url, {"mobile": "13987654321"}).status_code == 404
    client.force_login(world.town_a_reviewer)  # a reviewer of the same town: visible, not theirs to change
    url = reverse("accounts:user_contact", kwargs={"pk": world.town_a_clerk.pk})
    assert client.post(url, {"mobile": "13987654321"}).status_code == 403
    assert not Contact.objects.exists()


@time_machine.travel("2025-07-03 10:00 +0800", tick=False)  # June's figures are due by 5 July
def test_the_home_page_names_the_late_towns_clerk_with_the_number_for_county_roles(client, world):
    from tests.ledger.factories import indicator, make_value

    indicator()
    make_value(world, world.town_b, year=2025, month=6)  # June 2025 is the month being reported
    Contact.objects.create(user=world.town_a_clerk, mobile="13812345678")
    client.force_login(world.county_admin)
    assert "青山镇（未填报，李娟 13812345678）" in client.get(reverse("home")).content.decode()
    client.force_login(make_user("county_clerk", world.county, Role.CLERK))
    page = client.get(reverse("home")).content.decode()
    assert "青山镇（未填报）" in page and "13812345678" not in page
