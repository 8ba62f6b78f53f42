"""The ledger in Django admin: scoped to the admin's subtree; figures and targets read-only."""

from django.urls import reverse

from tests.ledger import factories as f
from zhenwu.ledger.models import Catalogue


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


def indicator_form(indicator, **changes) -> dict:
    fields = ["code", "name", "aliases", "unit", "decimals", "direction", "kind", "aggregation"]
    fields += ["ratio_scale", "theme", "frequency", "sort_order"]
    data = {name: getattr(indicator, name) for name in fields} | {"is_active": "on"}
    return data | changes


def test_a_town_admin_reads_but_cannot_rename_an_indicator_every_town_sees(client, world, town_a_admin):
    indicator = f.indicator()
    url = reverse("admin:ledger_indicator_change", args=[indicator.pk])
    client.force_login(town_a_admin)
    page = client.get(url).content.decode()
    assert "固定资产投资" in page and 'name="name"' not in page
    assert client.post(url, indicator_form(indicator, name="青山镇专用")).status_code == 403
    assert client.get(reverse("admin:ledger_indicator_add")).status_code == 403
    indicator.refresh_from_db()
    assert indicator.name == "固定资产投资"

    client.force_login(world.county_admin)  # the county keeps the shared definitions
    assert client.post(url, indicator_form(indicator, name="固定资产投资额")).status_code == 302
    indicator.refresh_from_db()
    assert indicator.name == "固定资产投资额"


def catalogue_form(area, name) -> dict:
    return {
        "name": name,
        "kind": "standard",
        "issued_by": area.pk,
        "year": "2025",
        "entries-TOTAL_FORMS": "0",
        "entries-INITIAL_FORMS": "0",
    }


def test_a_town_admin_cannot_issue_a_catalogue_in_the_countys_name(client, world, town_a_admin):
    client.force_login(town_a_admin)
    page = client.get(reverse("admin:ledger_catalogue_add")).content.decode()
    assert "青溪县" not in page and "白沙镇" not in page
    response = client.post(
        reverse("admin:ledger_catalogue_add"), catalogue_form(world.county, "美丽城镇/标准")
    )
    assert response.status_code == 200 and "管辖范围" in response.content.decode()
    assert not Catalogue.objects.filter(issued_by=world.county).exists()

    own = client.post(reverse("admin:ledger_catalogue_add"), catalogue_form(world.town_a, "青山镇村庄考核"))
    assert own.status_code == 302
    assert Catalogue.objects.get(issued_by=world.town_a).name == "青山镇村庄考核"


def test_a_town_admin_does_not_change_the_countys_catalogue(client, world, town_a_admin):
    catalogue = Catalogue.objects.create(name="中心镇创建标准", kind="standard", issued_by=world.county)
    client.force_login(town_a_admin)
    url = reverse("admin:ledger_catalogue_change", args=[catalogue.pk])
    client.post(url, catalogue_form(world.town_a, "青山镇标准"))
    catalogue.refresh_from_db()
    assert (catalogue.name, catalogue.issued_by) == ("中心镇创建标准", world.county)
