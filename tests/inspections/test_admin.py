"""督查 in the Django admin: a town's 管理员 records its own inspections, never the county's or another town's."""

from django.urls import reverse

from zhenwu.inspections.models import Inspection


def inspection_form(world, area, covered, inspectors) -> dict:
    return {
        "area": area.pk,
        "title": "背街小巷专项督查",
        "kind": "scheduled",
        "theme": "cityscape",
        "date": "2025-06-12",
        "inspectors": [user.pk for user in inspectors],
        "covered_areas": [covered_area.pk for covered_area in covered],
        "checklist": "",
        "note": "",
    }


def test_a_town_admin_cannot_save_an_inspection_covering_another_town_or_the_county(
    client, world, town_a_admin
):
    client.force_login(town_a_admin)
    add = reverse("admin:inspections_inspection_add")
    for covered in ([world.town_b], [world.county], [world.village_a1, world.village_b1]):
        response = client.post(add, inspection_form(world, world.town_a, covered, [town_a_admin]))
        assert response.status_code == 200
        assert "督查范围" in response.content.decode() and "管辖范围" in response.content.decode()
    organised_by_county = client.post(
        add, inspection_form(world, world.county, [world.town_a], [town_a_admin])
    )
    assert organised_by_county.status_code == 200
    assert not Inspection.objects.exists()

    own = client.post(add, inspection_form(world, world.town_a, [world.village_a1], [town_a_admin]))
    assert own.status_code == 302
    assert list(Inspection.objects.get().covered_areas.all()) == [world.village_a1]


def test_the_inspection_form_offers_the_towns_areas_and_people_only(client, world, town_a_admin):
    client.force_login(town_a_admin)
    page = client.get(reverse("admin:inspections_inspection_add")).content.decode()
    assert "东山村" in page and "town_a_clerk" in page
    for outside in ("青溪县", "白沙镇", "南塘村", "town_b_clerk", "county_admin"):
        assert outside not in page, outside


def test_a_town_admin_cannot_name_another_towns_user_as_inspector(client, world, town_a_admin):
    client.force_login(town_a_admin)
    data = inspection_form(world, world.town_a, [world.village_a1], [world.town_b_clerk])
    response = client.post(reverse("admin:inspections_inspection_add"), data)
    assert response.status_code == 200 and "督查人员" in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_town_admin_corrects_a_finding_of_the_countys_inspection_keeping_its_links(
    client, world, town_a_admin
):
    from tests.inspections.factories import make_finding, make_inspection

    county_round = make_inspection(world, world.county)
    finding = make_finding(world, world.village_a1, inspection=county_round)
    town_round = make_inspection(world, world.town_a)
    town_round.inspectors.set([world.county_admin])  # a county inspector went along
    client.force_login(town_a_admin)

    page = client.get(reverse("admin:inspections_finding_change", args=[finding.pk])).content.decode()
    assert county_round.title in page  # the link it has stays selectable…
    response = client.post(
        reverse("admin:inspections_finding_change", args=[finding.pk]),
        {
            "inspection": county_round.pk,
            "category": finding.category_id,
            "area": world.village_a1.pk,
            "location": "东山村村口",
            "description": "沿街搭建彩钢棚（已核实）",
            "severity": "general",
            "found_on": finding.found_on.isoformat(),
            "deadline": finding.deadline.isoformat(),
            "transitions-TOTAL_FORMS": "0",
            "transitions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.description, finding.inspection) == ("沿街搭建彩钢棚（已核实）", county_round)

    data = inspection_form(world, world.town_a, [world.village_a1], [world.county_admin])
    response = client.post(reverse("admin:inspections_inspection_change", args=[town_round.pk]), data)
    assert response.status_code == 302
    assert list(town_round.inspectors.all()) == [world.county_admin]
    # …but no new one from outside can be picked
    other_round = make_inspection(world, world.town_b)
    page = client.get(reverse("admin:inspections_finding_change", args=[finding.pk])).content.decode()
    assert other_round.title not in page
