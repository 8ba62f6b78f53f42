"""The ledger in Django admin: scoped to the admin's subtree; figures and targets read-only."""

from django.urls import reverse

from tests.ledger import factories as f


def test_a_county_admin_lists_targets_of_the_county_and_figures_read_only(client, world):
    target = f.make_target(world, world.town_a)
    value = f.make_value(world, world.town_b)
    client.force_login(world.county_admin)
    assert client.get(reverse("admin:ledger_target_change", args=[target.pk])).status_code == 200
    page = client.get(reverse("admin:ledger_reportedvalue_changelist")).content.decode()
    assert "白沙镇" in page
    assert client.get(reverse("admin:ledger_reportedvalue_add")).status_code == 403
    change = client.post(reverse("admin:ledger_reportedvalue_change", args=[value.pk]), {"value": "1"})
    assert change.status_code == 403 or value.__class__.objects.get(pk=value.pk).value == value.value


def test_targets_are_read_only_in_admin_so_every_change_keeps_its_history(client, world):
    target = f.make_target(world, world.town_a)
    client.force_login(world.county_admin)
    page = client.get(reverse("admin:ledger_target_change", args=[target.pk])).content.decode()
    assert "陈明" in page and 'name="responsible_person"' not in page
    assert client.get(reverse("admin:ledger_target_add")).status_code == 403
    data = {
        "indicator": target.indicator_id,
        "area": target.area_id,
        "year": 2025,
        "responsible_person": "某某",
    }
    response = client.post(reverse("admin:ledger_target_change", args=[target.pk]), data)
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.responsible_person == "陈明"
