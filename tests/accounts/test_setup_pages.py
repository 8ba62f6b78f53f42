"""设置 · 账号: a 管理员 opens accounts in the subtree, changes roles, stops accounts — all on the record."""

import pytest
from django.urls import reverse

from tests.conftest import make_user
from zhenwu.accounts import services
from zhenwu.accounts.models import AccountAction, AccountChange
from zhenwu.areas.models import Membership, Role


def test_the_county_admin_creates_a_town_clerk_who_must_change_the_password(client, world):
    client.force_login(world.county_admin)
    setup = reverse("accounts:setup", kwargs={"code": world.county.code})
    assert client.get(setup).status_code == 200
    response = client.post(
        setup, {"username": "qs_clerk2", "name": "陈静", "area": world.town_a.pk, "role": Role.CLERK}
    )
    assert response.status_code == 200
    temporary = response.context["temporary"]
    user = Membership.objects.get(user__username="qs_clerk2").user
    assert (user.first_name, user.check_password(temporary)) == ("陈静", True)
    assert services.must_change_password(user)
    created = AccountChange.objects.get(user=user, action=AccountAction.CREATED)
    assert (created.changed_by, created.new_text) == (world.county_admin, "青山镇 填报员")
    assert "qs_clerk2" in client.get(setup).content.decode()


def test_a_taken_username_and_an_area_outside_are_refused_in_chinese(client, world, town_b_admin):
    client.force_login(town_b_admin)
    setup = reverse("accounts:setup", kwargs={"code": world.town_b.code})
    page = client.post(
        setup, {"username": "town_a_clerk", "name": "某", "area": world.town_b.pk, "role": Role.CLERK}
    ).content.decode()
    assert "用户名“town_a_clerk”已被使用" in page
    page = client.post(
        setup, {"username": "new_one", "name": "某", "area": world.town_a.pk, "role": Role.CLERK}
    ).content.decode()
    assert "“所在区划”只能选白沙镇及其下级" in page
    assert not Membership.objects.filter(user__username="new_one").exists()


def test_a_role_change_is_kept_with_before_and_after(client, world):
    membership = world.town_a_clerk.memberships.get()
    client.force_login(world.county_admin)
    page = reverse("accounts:account", kwargs={"pk": world.town_a_clerk.pk})
    assert client.get(page).status_code == 200
    client.post(
        reverse("accounts:role", kwargs={"pk": world.town_a_clerk.pk, "membership": membership.pk}),
        {"role": Role.REVIEWER},
    )
    membership.refresh_from_db()
    assert membership.role == Role.REVIEWER
    change = AccountChange.objects.get(action=AccountAction.ROLE_CHANGED)
    assert (change.old_text, change.new_text) == ("青山镇 填报员", "青山镇 审核员")
    assert "青山镇 填报员" in client.get(page).content.decode()


def test_a_deactivated_account_cannot_sign_in_and_keeps_its_records(client, world):
    client.force_login(world.county_admin)
    client.post(reverse("accounts:active", kwargs={"pk": world.town_a_clerk.pk}), {"active": "0"})
    world.town_a_clerk.refresh_from_db()
    assert not world.town_a_clerk.is_active
    assert world.town_a_clerk.memberships.exists()
    client.logout()
    response = client.post(reverse("login"), {"username": "town_a_clerk", "password": "secret-pass-1"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert list(AccountChange.objects.values_list("action", "old_text", "new_text")) == [
        (AccountAction.DEACTIVATED, "启用", "停用")
    ]


def test_an_admin_may_not_take_over_an_account_that_works_elsewhere(world, town_a_admin):
    both = make_user("both_towns", world.town_a, Role.CLERK)
    Membership.objects.create(user=both, area=world.town_b, role=Role.CLERK)
    with pytest.raises(Exception, match="只有该账号所有任职区划的管理员"):
        services.set_active(town_a_admin, both, False)
    both.refresh_from_db()
    assert both.is_active
