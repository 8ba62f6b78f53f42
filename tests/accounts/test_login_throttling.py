"""Sign-in throttling: ten wrong passwords lock that account from that address for 30 minutes."""

from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user
from zhenwu.accounts.models import AccountAction, AccountChange
from zhenwu.areas.models import Role

OFFICE = "10.20.0.7"  # the town office's address as the server sees it


def sign_in(client, password, username="town_a_clerk", address=OFFICE, **headers):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, times, username="town_a_clerk", address=OFFICE, **headers):
    for _ in range(times):
        response = sign_in(client, "wrong-guess", username, address, **headers)
    return response


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_eleven_wrong_passwords_then_the_right_one_is_refused(client, world):
    fail(client, 11)
    response = sign_in(client, "secret-pass-1")
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_page_says_what_happened_and_whom_to_ask_in_chinese(client, world):
    response = fail(client, 10)
    page = response.content.decode()
    assert response.status_code == 429
    assert "登录已暂时锁定" in page
    assert "连续 10 次" in page and "30 分钟" in page
    assert "管理员" in page
    assert '<header class="topbar">' in page  # inside the site's layout, not a bare line of text


def test_nine_wrong_passwords_still_let_the_right_one_in(client, world):
    fail(client, 9)
    assert sign_in(client, "secret-pass-1").status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_clears_the_count(client, world):
    fail(client, 9)
    sign_in(client, "secret-pass-1")
    client.post(reverse("logout"))
    fail(client, 9)
    assert sign_in(client, "secret-pass-1").status_code == 302


def test_the_lock_lifts_after_thirty_minutes(client, world):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False) as traveller:
        fail(client, 10)
        traveller.shift(timedelta(minutes=29))
        assert sign_in(client, "secret-pass-1").status_code == 429
        # each refused try restarts the 30 minutes, so a guesser never gets through
        traveller.shift(timedelta(minutes=31))
        assert sign_in(client, "secret-pass-1").status_code == 302
        assert signed_in(client)


def test_a_guesser_behind_the_office_address_does_not_lock_out_the_colleagues(client, world):
    fail(client, 11, username="town_a_clerk")
    assert sign_in(client, "secret-pass-1", username="town_a_reviewer").status_code == 302


def test_a_guesser_elsewhere_does_not_lock_the_clerk_out_of_the_office(client, world):
    fail(client, 11, address="203.0.113.50")
    assert sign_in(client, "secret-pass-1", address=OFFICE).status_code == 302


def test_a_forged_forwarded_for_header_does_not_buy_more_guesses(client, world):
    for number in range(11):
        sign_in(client, "wrong-guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert sign_in(client, "secret-pass-1", HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429


def test_behind_a_configured_proxy_the_proxys_header_names_the_client(client, world, settings):
    settings.CLIENT_IP_META_KEY = "HTTP_X_REAL_IP"
    proxy = "127.0.0.1"
    fail(client, 11, address=proxy, HTTP_X_REAL_IP="203.0.113.50")
    refused = sign_in(client, "secret-pass-1", address=proxy, HTTP_X_REAL_IP="203.0.113.50")
    allowed = sign_in(client, "secret-pass-1", address=proxy, HTTP_X_REAL_IP=OFFICE)
    assert (refused.status_code, allowed.status_code) == (429, 302)


def test_the_admin_site_login_is_throttled_too(client, world):
    for _ in range(11):
        client.post(
            reverse("admin:login"),
            {"username": "county_admin", "password": "wrong-guess"},
            REMOTE_ADDR=OFFICE,
        )
    response = client.post(
        reverse("admin:login"),
        {"username": "county_admin", "password": "secret-pass-1"},
        REMOTE_ADDR=OFFICE,
    )
    assert response.status_code == 429


def test_the_command_line_unlocks_a_username(client, world):
    fail(client, 11)
    call_command("axes_reset_username", "town_a_clerk")
    assert sign_in(client, "secret-pass-1").status_code == 302


def test_the_towns_admin_unlocks_a_locked_clerk(client, world):
    fail(client, 11)
    town_a_admin = make_user("town_a_admin", world.town_a, Role.ADMIN)
    admin_client = Client()  # the admin, in another browser
    admin_client.force_login(town_a_admin)
    page = admin_client.get(reverse("accounts:index")).content.decode()
    assert "已锁定" in page

    response = admin_client.post(reverse("accounts:unlock", args=[world.town_a_clerk.pk]))
    assert response.status_code == 302
    assert sign_in(client, "secret-pass-1").status_code == 302
    record = AccountChange.objects.get(user=world.town_a_clerk)
    assert (record.action, record.changed_by) == (AccountAction.UNLOCK, town_a_admin)
