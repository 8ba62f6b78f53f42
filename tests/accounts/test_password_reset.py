"""A 管理员 resets the password of an account in their area; the user picks their own at next sign-in."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user
from zhenwu.accounts.models import AccountAction, AccountChange
from zhenwu.areas.models import Membership, Role


@pytest.fixture
def town_a_admin(world):
    return make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="陈静")


@pytest.fixture
def village_clerk(world):
    return make_user("dongshan_clerk", world.village_a1, Role.CLERK, first_name="刘洋")


def reset_url(user):
    return reverse("accounts:reset", args=[user.pk])


def set_password(client, user, password):
    return client.post(reset_url(user), {"new_password1": password, "new_password2": password})


def sign_in(password, username="dongshan_clerk"):
    browser = Client()
    response = browser.post(reverse("login"), {"username": username, "password": password})
    return browser, response


def test_a_town_admin_sets_a_village_clerks_password_and_it_is_recorded(client, town_a_admin, village_clerk):
    client.force_login(town_a_admin)
    response = set_password(client, village_clerk, "temporary-dongshan-1")
    assert response.status_code == 302
    assert "刘洋" in client.get(response["Location"]).content.decode()

    record = AccountChange.objects.get(user=village_clerk)
    assert (record.changed_by, record.action) == (town_a_admin, AccountAction.PASSWORD_SET)
    page = client.get(reverse("accounts:index")).content.decode()
    assert "陈静" in page and "设定新密码" in page


def test_after_a_reset_the_user_must_choose_their_own_password_first(client, town_a_admin, village_clerk):
    client.force_login(town_a_admin)
    set_password(client, village_clerk, "temporary-dongshan-1")

    browser, response = sign_in("temporary-dongshan-1")
    assert response.status_code == 302
    change_url = reverse("accounts:password_change")
    for path in (reverse("home"), reverse("ledger:index"), reverse("accounts:index")):
        redirected = browser.get(path)
        assert (redirected.status_code, redirected["Location"]) == (302, change_url)
    assert "管理员已重置您的密码" in browser.get(change_url).content.decode()

    changed = browser.post(
        change_url,
        {
            "old_password": "temporary-dongshan-1",
            "new_password1": "liuyang-own-choice",
            "new_password2": "liuyang-own-choice",
        },
    )
    assert changed.status_code == 302
    assert browser.get(reverse("home")).status_code == 200
    assert AccountChange.objects.filter(user=village_clerk).latest("at").action == AccountAction.OWN_CHANGE


def test_a_reset_signs_the_user_out_everywhere(client, town_a_admin, village_clerk):
    elsewhere = Client()
    elsewhere.force_login(village_clerk)
    client.force_login(town_a_admin)
    set_password(client, village_clerk, "temporary-dongshan-1")
    assert elsewhere.get(reverse("home")).status_code == 302


def test_a_generated_temporary_password_is_shown_once_and_works_once(client, town_a_admin, village_clerk):
    client.force_login(town_a_admin)
    response = client.post(reset_url(village_clerk), {"generate": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # never kept in a cache or the browser's history
    temporary = page.split('<code class="temporary-password">')[1].split("</code>")[0]
    assert len(temporary) >= 12

    assert AccountChange.objects.get(user=village_clerk).action == AccountAction.PASSWORD_GENERATED
    browser, signed = sign_in(temporary)
    assert signed.status_code == 302
    assert browser.get(reverse("home"))["Location"] == reverse("accounts:password_change")
    assert temporary not in client.get(reverse("accounts:index")).content.decode()


def test_a_weak_password_set_by_an_admin_is_refused_in_chinese(client, town_a_admin, village_clerk):
    client.force_login(town_a_admin)
    response = set_password(client, village_clerk, "dongshan_clerk1")
    assert response.status_code == 200
    assert "密码跟 用户名 太相似了。" in response.content.decode()
    village_clerk.refresh_from_db()
    assert village_clerk.check_password("secret-pass-1")
    assert not AccountChange.objects.exists()


def test_the_outsider_town_admin_gets_404_for_another_towns_user(client, world, village_clerk):
    town_b_admin = make_user("town_b_admin", world.town_b, Role.ADMIN)
    client.force_login(town_b_admin)
    assert client.get(reset_url(village_clerk)).status_code == 404
    assert set_password(client, village_clerk, "takeover-attempt-2026").status_code == 404
    assert client.post(reset_url(village_clerk), {"generate": "1"}).status_code == 404
    village_clerk.refresh_from_db()
    assert village_clerk.check_password("secret-pass-1")
    assert "刘洋" not in client.get(reverse("accounts:index")).content.decode()


def test_a_town_admin_cannot_reset_the_county_admin_above_them(client, world, town_a_admin):
    client.force_login(town_a_admin)
    assert set_password(client, world.county_admin, "takeover-attempt-2026").status_code == 404
    world.county_admin.refresh_from_db()
    assert world.county_admin.check_password("secret-pass-1")


def test_an_account_that_also_works_in_another_town_is_left_to_the_admin_above_both(
    client, world, town_a_admin, village_clerk
):
    Membership.objects.create(user=village_clerk, area=world.town_b, role=Role.LEADER)
    client.force_login(town_a_admin)
    assert set_password(client, village_clerk, "takeover-attempt-2026").status_code == 403
    client.force_login(world.county_admin)
    assert set_password(client, village_clerk, "county-sets-this-2026").status_code == 302


def test_a_clerk_cannot_reset_a_colleagues_password(client, world):
    client.force_login(world.town_a_clerk)
    response = set_password(client, world.town_a_reviewer, "takeover-attempt-2026")
    assert response.status_code == 403
    world.town_a_reviewer.refresh_from_db()
    assert world.town_a_reviewer.check_password("secret-pass-1")


def test_the_county_admin_lists_the_county_accounts_and_a_town_admin_only_the_towns(
    client, world, town_a_admin, village_clerk
):
    client.force_login(world.county_admin)
    county_page = client.get(reverse("accounts:index")).content.decode()
    assert all(name in county_page for name in ("刘洋", "李娟", "张伟", "陈静"))

    client.force_login(town_a_admin)
    town_page = client.get(reverse("accounts:index")).content.decode()
    assert "刘洋" in town_page and "李娟" in town_page
    assert "张伟" not in town_page and "王建国（" not in town_page


def test_a_clerks_account_page_shows_only_their_own_account(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("accounts:index")).content.decode()
    assert "修改密码" in page
    assert "周涛" not in page and reverse("accounts:reset", args=[world.town_a_reviewer.pk]) not in page
