"""设置 · 账号: a 管理员 opens accounts in the subtree, changes roles, stops accounts — all on the record."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.conftest import make_user
from zhenwu.accounts import services
from zhenwu.accounts.models import AccountAction, AccountChange, Contact
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


# --- 手机号 and e-mail on the account form ---------------------------------------------------------------


def test_a_new_account_carries_its_mobile_email_and_a_second_role(client, world):
    client.force_login(world.county_admin)
    setup = reverse("accounts:setup", kwargs={"code": world.county.code})
    form = client.get(setup).content.decode()
    assert "手机号码" in form and "电子邮箱" in form and "兼任角色" in form
    response = client.post(
        setup,
        {
            "username": "qs_admin2",
            "name": "陈静",
            "mobile": " 13812345678 ",
            "email": "chenjing@qingxi.example",
            "area": world.town_a.pk,
            "role": Role.ADMIN,
            "second_role": Role.CLERK,
        },
    )
    assert response.status_code == 200 and response.context["temporary"]
    user = get_user_model().objects.get(username="qs_admin2")
    assert (user.contact.mobile, user.email) == ("13812345678", "chenjing@qingxi.example")
    assert set(user.memberships.values_list("role", flat=True)) == {Role.ADMIN, Role.CLERK}
    created = AccountChange.objects.get(user=user, action=AccountAction.CREATED)
    assert created.new_text == "青山镇 管理员、青山镇 填报员"
    contact = AccountChange.objects.get(user=user, action=AccountAction.CONTACT_CHANGED)
    assert contact.new_text == "手机 13812345678；邮箱 chenjing@qingxi.example"
    assert "青山镇管理员、青山镇填报员" in client.get(setup).content.decode()


def test_a_new_account_may_leave_the_number_to_its_owner(client, world):
    client.force_login(world.county_admin)
    setup = reverse("accounts:setup", kwargs={"code": world.county.code})
    client.post(setup, {"username": "bs_clerk2", "name": "吴芳", "area": world.town_b.pk, "role": Role.CLERK})
    user = get_user_model().objects.get(username="bs_clerk2")
    assert not Contact.objects.filter(user=user).exists()
    assert not AccountChange.objects.filter(user=user, action=AccountAction.CONTACT_CHANGED).exists()


@pytest.mark.parametrize(
    ("mobile", "email", "second_role", "error"),
    [
        ("12812345678", "", "", "手机号码应为 11 位数字，以 13–19 开头"),
        ("1381234567", "", "", "手机号码应为 11 位数字，以 13–19 开头"),
        ("138123456789", "", "", "手机号码应为 11 位数字"),
        ("13812345678", "chen@", "", "电子邮箱格式不正确"),
        ("13812345678", "", Role.CLERK, "兼任角色不能与角色相同"),
    ],
)
def test_a_bad_number_address_or_second_role_is_refused_and_no_account_made(
    client, world, mobile, email, second_role, error
):
    client.force_login(world.county_admin)
    setup = reverse("accounts:setup", kwargs={"code": world.county.code})
    data = {"username": "qs_clerk3", "name": "陈静", "mobile": mobile, "email": email}
    data |= {"area": world.town_a.pk, "role": Role.CLERK, "second_role": second_role}
    response = client.post(setup, data)
    assert response.status_code == 200 and error in response.content.decode()
    assert "temporary" not in response.context
    assert not get_user_model().objects.filter(username="qs_clerk3").exists()


def test_the_admin_changes_a_contact_on_the_account_page_on_the_record(client, world):
    Contact.objects.create(user=world.town_a_clerk, mobile="13812345678")
    client.force_login(world.county_admin)
    page = reverse("accounts:account", kwargs={"pk": world.town_a_clerk.pk})
    assert 'value="13812345678"' in client.get(page).content.decode()
    url = reverse("accounts:user_contact", kwargs={"pk": world.town_a_clerk.pk})
    response = client.post(url, {"mobile": "1391234567x", "email": ""})
    assert "手机号码应为 11 位数字，以 13–19 开头" in response.content.decode()
    assert client.post(url, {"mobile": "13912345678", "email": "lj@qx.example"})["Location"] == page
    change = AccountChange.objects.get(action=AccountAction.CONTACT_CHANGED)
    assert (change.old_text, change.new_text, change.changed_by) == (
        "手机 13812345678；邮箱 （空）",
        "手机 13912345678；邮箱 lj@qx.example",
        world.county_admin,
    )
    assert "修改联系方式" in client.get(page).content.decode()


# --- a second role ---------------------------------------------------------------------------------------


def test_the_admin_adds_a_second_role_and_takes_it_back_but_never_the_last(client, world):
    client.force_login(world.county_admin)
    clerk = world.town_a_clerk
    client.post(
        reverse("accounts:role_add", kwargs={"pk": clerk.pk}),
        {"area": world.town_a.pk, "role": Role.REVIEWER},
    )
    assert set(clerk.memberships.values_list("role", flat=True)) == {Role.CLERK, Role.REVIEWER}
    added = AccountChange.objects.get(user=clerk, action=AccountAction.ROLE_ADDED)
    assert (added.new_text, added.changed_by) == ("青山镇 审核员", world.county_admin)
    again = client.post(
        reverse("accounts:role_add", kwargs={"pk": clerk.pk}),
        {"area": world.town_a.pk, "role": Role.REVIEWER},
        follow=True,
    )
    assert "角色未增加：该账号在青山镇已有审核员角色" in again.content.decode()

    reviewer = clerk.memberships.get(role=Role.REVIEWER)
    client.post(reverse("accounts:role_remove", kwargs={"pk": clerk.pk, "membership": reviewer.pk}))
    assert list(clerk.memberships.values_list("role", flat=True)) == [Role.CLERK]
    removed = AccountChange.objects.get(user=clerk, action=AccountAction.ROLE_REMOVED)
    assert removed.old_text == "青山镇 审核员"
    last = clerk.memberships.get()
    page = client.post(
        reverse("accounts:role_remove", kwargs={"pk": clerk.pk, "membership": last.pk}), follow=True
    ).content.decode()
    assert "角色未取消：这是该账号唯一的角色；不再使用此账号请停用" in page
    assert clerk.memberships.exists()


def test_a_town_admin_gives_roles_only_inside_the_town(client, world, town_a_admin):
    client.force_login(town_a_admin)
    url = reverse("accounts:role_add", kwargs={"pk": world.town_a_clerk.pk})
    page = client.post(url, {"area": world.town_b.pk, "role": Role.ADMIN}, follow=True).content.decode()
    assert "角色未增加：只能在您管理的区划内增加角色" in page
    client.post(url, {"area": world.village_a1.pk, "role": Role.INSPECTOR})
    assert set(world.town_a_clerk.memberships.values_list("area__name", "role")) == {
        ("青山镇", Role.CLERK),
        ("东山村", Role.INSPECTOR),
    }


def test_two_villages_of_the_same_name_are_told_apart_by_their_town(client, world):
    from tests.conftest import add
    from zhenwu.areas.models import Level

    add(world.town_b, code="390123102202", name="东山村", level=Level.VILLAGE)
    client.force_login(world.county_admin)
    for page in (
        reverse("accounts:setup", kwargs={"code": world.county.code}),
        reverse("accounts:account", kwargs={"pk": world.town_a_clerk.pk}),  # 增加角色
    ):
        html = client.get(page).content.decode()
        assert ">青山镇 · 东山村</option>" in html and ">白沙镇 · 东山村</option>" in html
        assert ">东山村</option>" not in html
        assert ">青山镇</option>" in html  # a town is named alone


def test_the_admin_corrects_a_name_on_the_record_and_an_outsider_admin_gets_404(client, world, town_a_admin):
    client.force_login(world.county_admin)
    page = reverse("accounts:account", kwargs={"pk": world.town_b_clerk.pk})
    rename = reverse("accounts:name", kwargs={"pk": world.town_b_clerk.pk})
    assert rename in client.get(page).content.decode()
    assert client.post(rename, {"name": " 张玮 "}).status_code == 302
    world.town_b_clerk.refresh_from_db()
    assert world.town_b_clerk.get_full_name() == "张玮"
    change = AccountChange.objects.get(user=world.town_b_clerk, action=AccountAction.NAME_CHANGED)
    assert (change.changed_by, change.old_text, change.new_text) == (world.county_admin, "张伟", "张玮")
    html = client.get(page).content.decode()
    assert "修改姓名" in html and "张伟" in html  # the history shows the name it had
    client.post(rename, {"name": ""}, follow=True)
    client.post(rename, {"name": "张玮"})  # unchanged: nothing more on the record
    assert AccountChange.objects.filter(action=AccountAction.NAME_CHANGED).count() == 1
    world.town_b_clerk.refresh_from_db()
    assert world.town_b_clerk.get_full_name() == "张玮"

    client.force_login(town_a_admin)
    assert client.post(rename, {"name": "某某"}).status_code == 404
    world.town_b_clerk.refresh_from_db()
    assert world.town_b_clerk.get_full_name() == "张玮"


def test_an_empty_name_is_refused_in_chinese(client, world):
    client.force_login(world.county_admin)
    rename = reverse("accounts:name", kwargs={"pk": world.town_a_clerk.pk})
    page = client.post(rename, {"name": "  "}, follow=True).content.decode()
    assert "姓名未修改：请填写姓名" in page
    world.town_a_clerk.refresh_from_db()
    assert world.town_a_clerk.get_full_name() == "李娟"
