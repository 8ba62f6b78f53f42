"""The ledger in Django admin: targets scoped to the admin's subtree, figures read-only."""

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


def test_a_version_added_in_admin_is_signed_by_the_admin(client, world):
    target = f.make_target(world, world.town_a)
    client.force_login(world.county_admin)
    prefix_v, prefix_p = "versions", "parts"
    data = {
        "indicator": target.indicator_id,
        "area": target.area_id,
        "year": 2025,
        "department": "",
        "responsible_person": "陈明",
        f"{prefix_v}-TOTAL_FORMS": 2,
        f"{prefix_v}-INITIAL_FORMS": 1,
        f"{prefix_v}-0-id": target.versions.get().pk,
        f"{prefix_v}-0-target": target.pk,
        f"{prefix_v}-0-number": 1,
        f"{prefix_v}-0-value": "12",
        f"{prefix_v}-0-effective_month": 1,
        f"{prefix_v}-0-reason": "",
        f"{prefix_v}-1-target": target.pk,
        f"{prefix_v}-1-number": 2,
        f"{prefix_v}-1-value": "10",
        f"{prefix_v}-1-effective_month": 7,
        f"{prefix_v}-1-reason": "县政府同意调减",
        f"{prefix_p}-TOTAL_FORMS": 0,
        f"{prefix_p}-INITIAL_FORMS": 0,
    }
    response = client.post(reverse("admin:ledger_target_change", args=[target.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert target.versions.get(number=2).created_by == world.county_admin
