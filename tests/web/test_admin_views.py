"""Every model in the Django admin, with the outsider: 白沙镇's 管理员 never reaches 青山镇's or the county's rows.

The cases are in ``tests/access_cases.py`` (``ADMIN_CASES``); a newly registered model fails
``test_every_registered_model_has_an_admin_case`` until it gets one.
"""

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from django.urls import reverse

from tests.access_cases import ADMIN_CASES

SCOPED = [case for case in ADMIN_CASES if not case.shared]
SHARED = [case for case in ADMIN_CASES if case.shared]


def url(case, view, *args):
    return reverse(f"admin:{case.model._meta.app_label}_{case.model._meta.model_name}_{view}", args=args)


def url_of(row):
    return reverse(f"admin:{row._meta.app_label}_{row._meta.model_name}_change", args=[row.pk])


def refused(response) -> bool:
    """403, or the admin's “does not exist” redirect to its index: never the object itself."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("admin:index")
    )


def snapshot(row) -> dict:
    return model_to_dict(type(row)._default_manager.get(pk=row.pk))


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password="x-secret-9")


def test_every_registered_model_has_an_admin_case():
    assert set(admin.site._registry) == {case.model for case in ADMIN_CASES}


@pytest.mark.parametrize("case", SCOPED, ids=str)
def test_the_outsider_gets_no_access_to_town_as_rows(
    client, world, town_a_admin, town_b_admin, superuser, case
):
    row = case.make(world, world.town_a)
    client.force_login(superuser)  # the URLs are right and lead to the row
    assert client.get(url(case, "change", row.pk)).status_code == 200
    before = snapshot(row)

    client.force_login(town_b_admin)
    listed = client.get(url(case, "changelist"))
    assert listed.status_code == 403 or url(case, "change", row.pk) not in listed.content.decode()
    for view in ("change", "history", "delete"):
        assert refused(client.get(url(case, view, row.pk))), view
    assert refused(client.post(url(case, "delete", row.pk), {"post": "yes"}))
    change = case.add(world, world.town_b) if case.add else {}
    assert refused(client.post(url(case, "change", row.pk), change))
    assert snapshot(row) == before


@pytest.mark.parametrize("case", [c for c in SCOPED if c.add], ids=str)
def test_the_outsider_cannot_create_rows_in_town_a_or_the_county(
    client, world, town_b_admin, superuser, case
):
    manager = case.model._default_manager
    count = manager.count()
    client.force_login(town_b_admin)
    for area in (world.town_a, world.county):
        response = client.post(url(case, "add"), case.add(world, area))
        assert response.status_code in (200, 403), area
        if response.status_code == 200:
            assert "管辖范围" in response.content.decode(), area  # a Chinese form error naming the limit
        assert manager.count() == count, area

    client.force_login(superuser)  # the same form is otherwise valid
    assert client.post(url(case, "add"), case.add(world, world.town_a)).status_code == 302
    assert manager.count() == count + 1


@pytest.mark.parametrize("case", [c for c in SCOPED if c.add], ids=str)
def test_the_outsiders_forms_offer_no_choice_outside_its_town(client, world, town_b_admin, case):
    client.force_login(town_b_admin)
    response = client.get(url(case, "add"))
    if response.status_code == 403:
        return
    page = response.content.decode()
    for outside in ("青溪县", "青山镇", "东山村", "town_a_clerk", "county_admin"):
        assert outside not in page, outside


@pytest.mark.parametrize("case", [c for c in SCOPED if not c.add], ids=str)
def test_rows_that_come_from_the_pages_are_never_added_in_the_admin(client, world, town_b_admin, case):
    client.force_login(town_b_admin)
    assert client.get(url(case, "add")).status_code == 403


@pytest.mark.parametrize("case", SHARED, ids=str)
def test_a_town_admin_reads_shared_definitions_and_cannot_change_them(client, world, town_b_admin, case):
    row = case.make(world, world.county)
    before = snapshot(row)
    client.force_login(town_b_admin)
    assert url(case, "change", row.pk) in client.get(url(case, "changelist")).content.decode()
    page = client.get(url(case, "change", row.pk)).content.decode()
    assert str(row.name) in page and 'name="name"' not in page
    assert client.post(url(case, "change", row.pk), case.add(world, world.county)).status_code == 403
    assert client.post(url(case, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert client.post(url(case, "add"), case.add(world, world.town_b)).status_code == 403
    assert snapshot(row) == before

    client.force_login(world.county_admin)  # the county keeps them
    assert client.post(url(case, "add"), case.add(world, world.county)).status_code == 302


def test_the_bulk_delete_never_removes_a_row_the_admin_may_only_read(client, world, town_a_admin):
    from tests.assessment.factories import make_scheme
    from zhenwu.assessment.models import Scheme

    county_scheme = make_scheme(world, world.county, assessed=[world.town_a, world.town_b])
    client.force_login(town_a_admin)
    changelist = reverse("admin:assessment_scheme_changelist")
    assert url_of(county_scheme) in client.get(changelist).content.decode()  # read-only, it ranks the town
    assert 'name="name"' not in client.get(url_of(county_scheme)).content.decode()
    data = {"action": "delete_selected", "_selected_action": [county_scheme.pk], "post": "yes"}
    response = client.post(changelist, data)
    assert response.status_code in (200, 403)
    assert Scheme.objects.filter(pk=county_scheme.pk).exists()


def test_a_change_in_the_admin_makes_pages_shown_before_it_stale(rf, world, superuser):
    """The admin bumps the optimistic version as a page's save does, so an older page is refused."""
    from tests.projects import factories
    from zhenwu.projects.models import Project

    project = factories.make_project(world, world.town_a)
    request = rf.post("/admin/")
    request.user = superuser
    model_admin = admin.site.get_model_admin(Project)
    before = project.version
    project.name = "改名后的项目"
    model_admin.save_model(request, project, form=None, change=True)
    project.refresh_from_db()
    assert project.version == before + 1
