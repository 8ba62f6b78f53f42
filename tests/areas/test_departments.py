"""设置 · 部门 and the 设置 entry: a 管理员 keeps the area's departments; only a 管理员 sees 设置."""

from django.urls import reverse

from zhenwu.areas.models import Department, SettingChange


def test_the_admin_adds_and_renames_a_department_on_the_record(client, world):
    client.force_login(world.county_admin)
    page = reverse("areas:departments", kwargs={"code": world.county.code})
    assert client.get(page).status_code == 200
    client.post(page, {"name": "县发改局", "short_name": "发改"})
    department = Department.objects.get(area=world.county)
    change = reverse("areas:department_change", kwargs={"code": world.county.code, "pk": department.pk})
    client.post(change, {"name": "县发展和改革局", "short_name": "发改局"})
    department.refresh_from_db()
    assert department.name == "县发展和改革局"
    latest = SettingChange.objects.filter(subject=f"department:{department.pk}").first()
    assert (latest.before, latest.after) == (
        "名称：县发改局；简称：发改",
        "名称：县发展和改革局；简称：发改局",
    )
    assert "县发改局" in client.get(page).content.decode()


def test_a_duplicate_name_is_refused_and_nothing_is_written(client, world):
    client.force_login(world.county_admin)
    page = reverse("areas:departments", kwargs={"code": world.town_a.code})
    response = client.post(page, {"name": "党政综合办公室"}, follow=True)
    assert "青山镇已有名为“党政综合办公室”的部门" in response.content.decode()
    assert Department.objects.filter(area=world.town_a).count() == 1 and not SettingChange.objects.exists()


def test_the_settings_entry_shows_for_a_manager_only(client, world):
    settings_url = reverse("settings", kwargs={"code": world.county.code})
    client.force_login(world.county_admin)
    home = client.get(reverse("home")).content.decode()
    assert f'href="{settings_url}"' in home
    page = client.get(settings_url).content.decode()
    assert reverse("ledger:setup_indicators", kwargs={"code": world.county.code}) in page
    assert "/admin/" not in page.split("<main>")[1]
    client.force_login(world.town_a_clerk)
    assert ">设置<" not in client.get(reverse("home")).content.decode()


def test_a_town_admins_settings_never_link_the_county_only_indicator_pages(client, world, town_a_admin):
    client.force_login(town_a_admin)
    for url in (
        reverse("settings", kwargs={"code": world.town_a.code}),
        reverse("areas:departments", kwargs={"code": world.town_a.code}),
    ):
        page = client.get(url).content.decode()
        assert "/ledger/setup/" in page  # the catalogues
        assert reverse("ledger:setup_indicators", kwargs={"code": world.town_a.code}) not in page
