"""The admin's project ledger is limited to the admin's subtree."""

from django.urls import reverse

from tests.conftest import make_user


def test_a_town_admin_sees_only_the_towns_projects_in_the_admin(client, world, project_a, project_b):
    admin = make_user("town_a_admin", world.town_a, "admin", is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("admin:projects_project_changelist")).content.decode()
    assert project_a.name in page and project_b.name not in page
    assert client.get(reverse("admin:projects_project_change", args=[project_b.pk])).status_code == 302
