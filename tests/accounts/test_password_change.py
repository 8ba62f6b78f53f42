"""Every signed-in user, whatever the role, changes their own password from the header."""

from django.urls import reverse

CHANGE = "accounts:password_change"


def change(client, old, new, again=None):
    return client.post(
        reverse(CHANGE),
        {"old_password": old, "new_password1": new, "new_password2": new if again is None else again},
    )


def test_the_header_links_a_clerk_to_the_password_change_page(client, world):
    client.force_login(world.town_a_clerk)
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse(CHANGE)}"' in home
    page = client.get(reverse(CHANGE)).content.decode()
    assert "修改密码" in page and "旧密码" in page and "新密码确认" in page
    assert "至少 12 个字符" in page  # the rules are shown before the clerk types


def test_a_clerk_changes_their_own_password_and_stays_signed_in(client, world):
    client.force_login(world.town_a_clerk)
    response = change(client, "secret-pass-1", "dongshan-village-2026")
    assert response.status_code == 302
    assert "密码已修改" in client.get(response["Location"]).content.decode()

    world.town_a_clerk.refresh_from_db()
    assert world.town_a_clerk.check_password("dongshan-village-2026")
    assert client.get(reverse("home")).status_code == 200  # still signed in


def test_a_weak_new_password_is_refused_in_chinese_and_nothing_changes(client, world):
    client.force_login(world.town_a_clerk)
    for weak, message in [
        ("1qaz2wsx3edc", "这个密码太常见了。"),
        ("87654321123456", "密码只包含数字。"),
        ("town_a_clerk1", "密码跟 用户名 太相似了。"),
        ("short-one", "密码长度太短"),
    ]:
        response = change(client, "secret-pass-1", weak)
        assert response.status_code == 200
        assert message in response.content.decode()
    world.town_a_clerk.refresh_from_db()
    assert world.town_a_clerk.check_password("secret-pass-1")


def test_a_wrong_old_password_is_refused(client, world):
    client.force_login(world.town_a_clerk)
    response = change(client, "not-my-password", "dongshan-village-2026")
    assert "你的旧密码不正确" in response.content.decode()
    world.town_a_clerk.refresh_from_db()
    assert world.town_a_clerk.check_password("secret-pass-1")


def test_mismatched_new_passwords_are_refused(client, world):
    client.force_login(world.town_a_clerk)
    response = change(client, "secret-pass-1", "dongshan-village-2026", again="dongshan-village-2027")
    assert "输入的两个密码不一致" in response.content.decode()


def test_a_leader_and_a_reviewer_change_theirs_too(client, world):
    client.force_login(world.town_a_reviewer)
    assert change(client, "secret-pass-1", "zhoutao-reviews-2026").status_code == 302
