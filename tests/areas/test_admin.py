"""Django admin is for 管理员, and even there only the admin's own subtree."""

from django.urls import reverse

from tests.conftest import make_user
from zhenwu.areas.models import Department, Role


def test_a_county_admin_lists_the_areas_of_the_county_only(client, world):
    client.force_login(world.county_admin)
    page = client.get(reverse("admin:areas_area_changelist")).content.decode()
    assert "青山镇" in page and "南塘村" in page
    assert "东川省" not in page


def test_a_town_admin_cannot_open_another_towns_department(client, world):
    town_a_admin = make_user("town_a_admin", world.town_a, Role.ADMIN, is_staff=True)
    client.force_login(town_a_admin)
    own = client.get(reverse("admin:areas_department_change", args=[world.department_a.pk]))
    other = client.get(reverse("admin:areas_department_change", args=[world.department_b.pk]))
    assert own.status_code == 200
    assert other.status_code == 302  # admin's "does not exist" redirect
    assert client.get(other["Location"]).status_code == 200
    changelist = client.get(reverse("admin:areas_department_changelist")).content.decode()
    assert "青山镇" in changelist and "白沙镇" not in changelist


def test_a_town_admin_may_not_move_a_department_into_another_town(client, world):
    town_a_admin = make_user("town_a_admin", world.town_a, Role.ADMIN, is_staff=True)
    client.force_login(town_a_admin)
    response = client.post(
        reverse("admin:areas_department_change", args=[world.department_a.pk]),
        {"area": world.town_b.pk, "name": "党政综合办公室", "short_name": ""},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert Department.objects.get(pk=world.department_a.pk).area == world.town_a


def test_clerks_do_not_get_into_the_admin(client, world):
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_town_admin_adds_a_village_under_their_town_only(client, world):
    from zhenwu.areas.models import Area

    town_a_admin = make_user("town_a_admin", world.town_a, Role.ADMIN, is_staff=True)
    client.force_login(town_a_admin)
    form_page = client.get(reverse("admin:areas_area_add")).content.decode()
    assert "西岙村" in form_page and "白沙镇" not in form_page

    response = client.post(
        reverse("admin:areas_area_add"),
        {"parent": world.town_a.pk, "code": "390123101203", "name": "新建村", "level": "village"},
    )
    assert response.status_code == 302
    new = Area.objects.get(code="390123101203")
    assert world.town_a.contains(new) and new.depth == world.town_a.depth + 1

    refused = client.post(
        reverse("admin:areas_area_add"),
        {"parent": world.town_b.pk, "code": "390123102209", "name": "越界村", "level": "village"},
    )
    assert refused.status_code == 200
    assert not Area.objects.filter(code="390123102209").exists()
