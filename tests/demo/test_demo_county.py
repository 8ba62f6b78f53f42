"""The demo county looks like a real county and is the same every time."""

from collections import Counter

import pytest
from django.urls import reverse

from zhenwu import demo
from zhenwu.areas.models import Area, Department, Membership, Role


@pytest.fixture
def county(db):
    return demo.load()


def test_it_builds_one_county_with_twelve_towns_and_about_150_villages(county):
    levels = Counter(Area.objects.subtree(county.county).values_list("level", flat=True))
    assert levels["county"] == 1
    assert levels["town"] == 12
    assert 140 <= levels["village"] <= 160
    assert {town.name for town in county.towns} >= {"城关街道", "青山镇", "白沙镇", "金鸡乡"}


def test_codes_follow_the_statistical_division_layout(county):
    for area in Area.objects.subtree(county.county):
        assert len(area.code) == 12 and area.code.startswith("390123")
        parent = Area.objects.get_parent(area)
        if area.level == "village":
            assert area.code[:9] == parent.code[:9]
            kind = "社区" if area.name.endswith("社区") else "村"
            assert (int(area.code[9:]) < 200) == (kind == "社区")


def test_every_role_has_an_account_at_county_level_and_in_two_towns(county):
    roles_by_area = {}
    for membership in Membership.objects.select_related("area"):
        roles_by_area.setdefault(membership.area.name, set()).add(membership.role)
    for area in ("青溪县", "青山镇", "白沙镇"):
        assert roles_by_area[area] == set(Role.values)


def test_the_printed_password_signs_in(county, client):
    """The demo's password is set by code: the strict password rules never see it."""
    response = client.post(reverse("login"), {"username": "qs_clerk", "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_every_town_and_the_county_have_departments(county):
    for area in [county.county, *county.towns]:
        assert Department.objects.filter(area=area).count() >= 8


def test_the_tree_is_the_same_for_the_same_seed():
    """Determinism without deleting anything: figures are protected against area deletion."""
    import random

    from zhenwu.demo.areas import _town_nodes

    first = _town_nodes(random.Random(demo.SEED))
    assert _town_nodes(random.Random(demo.SEED)) == first
    assert _town_nodes(random.Random(demo.SEED + 1)) != first
