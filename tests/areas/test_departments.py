"""设置 · 部门 and the 设置 entry: a 管理员 keeps the area's departments; only a 管理员 sees 设置."""

import re

import pytest
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


# --- 停用: a department leaves every picker, stays on every row and in history; never deleted once named ----


def department_choices(page: str) -> set[int]:
    """The departments a page's 责任单位 picker offers, by id."""
    picker = re.search(r'<select name="department".*?</select>', page, re.S).group(0)
    return {int(value) for value in re.findall(r'<option value="(\d+)"', picker)}


def _set_active(client, world, department, active: bool):
    url = reverse("areas:department_active", kwargs={"code": department.area.code, "pk": department.pk})
    return client.post(url, {"active": "1" if active else "0"}, follow=True)


def test_a_retired_department_leaves_the_pickers_but_stays_on_its_projects(client, world):
    from django.core.exceptions import ValidationError

    from tests.projects.conftest import make_project
    from zhenwu.projects import services as projects

    project = make_project(world, world.town_a, department=world.department_a)
    client.force_login(world.county_admin)
    page = _set_active(client, world, world.department_a, False).content.decode()
    assert "已停用部门“党政综合办公室”" in page and "状态：在用" in page and "状态：停用" in page
    world.department_a.refresh_from_db()
    assert not world.department_a.is_active

    def offered(url):
        return department_choices(client.get(url).content.decode())

    assert world.department_a.pk not in offered(reverse("projects:new"))
    assert world.department_a.pk not in offered(reverse("inspections:new_finding"))
    edit = client.get(reverse("projects:edit", kwargs={"pk": project.pk})).content.decode()
    assert world.department_a.pk in department_choices(edit)  # the project keeps it
    assert f'<option value="{world.department_a.pk}" selected>' in edit
    projects.update_project(project, world.county_admin, responsible_person="陈立新")
    project.refresh_from_db()
    assert project.department == world.department_a
    with pytest.raises(ValidationError, match="责任单位“党政综合办公室”已停用，请选择在用的部门"):
        make_project(world, world.town_a, name="新项目", department=world.department_a)

    _set_active(client, world, world.department_a, True)
    assert world.department_a.pk in offered(reverse("projects:new"))


def test_a_target_keeps_its_retired_department_and_no_new_share_goes_to_it(client, world):
    from tests.ledger.factories import make_target
    from zhenwu.ledger.models import Target

    target = make_target(world, world.town_a)
    Target.objects.filter(pk=target.pk).update(department=world.department_a)
    client.force_login(world.county_admin)
    _set_active(client, world, world.department_a, False)
    page = client.get(reverse("ledger:targets", args=[world.town_a.code, 2025])).content.decode()
    assert f'<option value="{world.department_a.pk}" selected>' in page  # 责任单位 as it was
    assert f'value="d{world.department_a.pk}"' not in page  # 目标分解 offers it no more


def test_a_department_anything_names_is_refused_deletion_and_others_go_on_the_record(client, world):
    from zhenwu.areas.models import Membership

    Membership.objects.filter(user=world.town_a_clerk).update(department=world.department_a)
    client.force_login(world.county_admin)
    remove = reverse(
        "areas:department_remove", kwargs={"code": world.town_a.code, "pk": world.department_a.pk}
    )
    page = client.post(remove, follow=True).content.decode()
    assert "部门未删除：“党政综合办公室”已被引用（成员角色 1 条），不能删除；不再使用请停用" in page
    assert Department.objects.filter(pk=world.department_a.pk).exists()
    admin_delete = reverse("admin:areas_department_delete", args=[world.department_a.pk])
    assert client.get(admin_delete).status_code == 403

    typo = Department.objects.create(area=world.town_a, name="党政综合办公事")
    url = reverse("areas:department_remove", kwargs={"code": world.town_a.code, "pk": typo.pk})
    page = client.post(url, follow=True).content.decode()
    assert "已删除部门“党政综合办公事”" in page and "（已删除）" in page
    assert not Department.objects.filter(pk=typo.pk).exists()


def test_a_retired_office_issues_no_more_numbers(world):
    import datetime

    from zhenwu.issuing import dispatch
    from zhenwu.issuing.models import DispatchSettings

    DispatchSettings.objects.create(
        department=world.department_a, mark="青山镇人民政府文件", prefix="青政", year=2025
    )
    Department.objects.filter(pk=world.department_a.pk).update(is_active=False)
    world.department_a.refresh_from_db()
    with pytest.raises(dispatch.IssueError, match="党政综合办公室已停用，不能再以其名义印发"):
        dispatch.take_number(
            world.department_a,
            title="通报",
            kind="ranking",
            source="x",
            user=world.county_admin,
            today=datetime.date(2025, 7, 1),
        )


def test_a_long_history_shows_its_latest_20_and_links_to_all_of_it(client, world):
    from zhenwu.areas.departments import change_department

    for number in range(25):
        change_department(world.county_admin, world.department_a, f"党政办{number}")
    client.force_login(world.county_admin)
    page = client.get(reverse("areas:departments", kwargs={"code": world.town_a.code})).content.decode()
    assert "名称：党政办24" in page and "名称：党政办3<" not in page
    link = reverse("areas:history", kwargs={"code": world.town_a.code}) + "?kind=department"
    assert f'href="{link}"' in page
    everything = client.get(link).content.decode()
    assert "名称：党政办3<" in everything and "名称：党政办24" in everything
