from django.urls import reverse


def test_a_clerk_logs_in_with_the_form_and_lands_in_their_town(client, world):
    response = client.post(
        reverse("login"), {"username": "town_a_clerk", "password": "secret-pass-1"}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "<h1>青山镇</h1>" in page
    assert "东山村" in page and "西岙村" in page
    assert "我的角色：填报员" in page


def test_a_wrong_password_is_refused_in_chinese(client, world):
    response = client.post(reverse("login"), {"username": "town_a_clerk", "password": "wrong"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client, world):
    client.force_login(world.town_a_clerk)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_navigation_lists_every_capability(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("home")).content.decode()
    for label in ("指标台账", "重点项目", "督查整改", "考核排名", "工作总结", "核稿"):
        assert label in page


def test_static_files_come_from_the_app_not_a_cdn(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("home")).content.decode()
    assert "htmx" in page
    assert "http://" not in page.split("<body")[0] and "https://" not in page.split("<body")[0]
