"""Django admin is for 管理员, and even there only the admin's own subtree."""

from django.urls import reverse

from tests.conftest import make_user
from zhenwu.areas.models import Area, Department, Membership, Role


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


def test_a_town_admin_cannot_change_its_own_towns_code_or_level(client, world, town_a_admin):
    client.force_login(town_a_admin)
    url = reverse("admin:areas_area_change", args=[world.town_a.pk])
    page = client.get(url).content.decode()
    assert 'name="name"' in page
    assert 'name="code"' not in page and 'name="level"' not in page  # shown, not editable
    client.post(url, {"name": "青山镇", "code": "390123109000", "level": "county"})
    world.town_a.refresh_from_db()
    assert (world.town_a.code, world.town_a.level) == ("390123101000", "town")


def test_a_county_admin_may_correct_a_towns_code_and_level(client, world):
    client.force_login(world.county_admin)
    response = client.post(
        reverse("admin:areas_area_change", args=[world.town_a.pk]),
        {"name": "青山街道", "code": "390123109000", "level": "town"},
    )
    assert response.status_code == 302
    world.town_a.refresh_from_db()
    assert (world.town_a.name, world.town_a.code) == ("青山街道", "390123109000")
    # …but not the county's own: that belongs to the city above
    page = client.get(reverse("admin:areas_area_change", args=[world.county.pk])).content.decode()
    assert 'name="code"' not in page


def test_a_town_admin_cannot_delete_its_own_town(client, world, town_a_admin):
    client.force_login(town_a_admin)
    url = reverse("admin:areas_area_delete", args=[world.town_a.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Area.objects.filter(pk=world.town_a.pk).exists()


def test_a_town_admin_cannot_give_another_towns_user_a_role(client, world, town_a_admin):
    client.force_login(town_a_admin)
    response = client.post(
        reverse("admin:areas_membership_add"),
        {"user": world.town_b_clerk.pk, "area": world.village_a1.pk, "role": Role.ADMIN},
    )
    assert response.status_code == 200
    assert "账号" in response.content.decode() and "管辖范围" in response.content.decode()
    assert not Membership.objects.filter(user=world.town_b_clerk, area=world.village_a1).exists()


def test_a_town_admin_grants_roles_only_inside_its_town_and_never_to_itself(client, world, town_a_admin):
    client.force_login(town_a_admin)
    add = reverse("admin:areas_membership_add")
    outside = client.post(add, {"user": world.town_a_clerk.pk, "area": world.county.pk, "role": Role.ADMIN})
    assert outside.status_code == 200 and "管辖范围" in outside.content.decode()
    assert not Membership.objects.filter(user=world.town_a_clerk, area=world.county).exists()

    itself = client.post(add, {"user": town_a_admin.pk, "area": world.village_a1.pk, "role": Role.LEADER})
    assert itself.status_code == 200 and "自己" in itself.content.decode()
    assert not Membership.objects.filter(user=town_a_admin, area=world.village_a1).exists()

    own = Membership.objects.get(user=town_a_admin)
    change = reverse("admin:areas_membership_change", args=[own.pk])
    client.post(change, {"user": town_a_admin.pk, "area": world.town_a.pk, "role": Role.ADMIN})
    assert (
        client.post(reverse("admin:areas_membership_delete", args=[own.pk]), {"post": "yes"}).status_code
        == 403
    )

    allowed = client.post(
        add, {"user": world.town_a_clerk.pk, "area": world.village_a1.pk, "role": Role.REVIEWER}
    )
    assert allowed.status_code == 302
    assert Membership.objects.filter(
        user=world.town_a_clerk, area=world.village_a1, role=Role.REVIEWER
    ).exists()


def test_the_role_form_offers_only_the_towns_people_areas_and_departments(client, world, town_a_admin):
    client.force_login(town_a_admin)
    page = client.get(reverse("admin:areas_membership_add")).content.decode()
    assert "town_a_clerk" in page
    assert "town_b_clerk" not in page and "county_admin" not in page
    assert page.count("党政综合办公室") == 1  # town A's department, not town B's of the same name
    found = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "areas", "model_name": "membership", "field_name": "area", "term": ""},
    ).json()
    assert {item["text"] for item in found["results"]} == {"青山镇", "东山村", "西岙村"}
