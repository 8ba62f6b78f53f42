"""Shared fixtures: a small county and the personas every view test uses.

青溪县 has town A (青山镇, two villages) and town B (白沙镇, one village). The personas:
town A's 填报员 and 审核员, the county's 管理员, and town B's 填报员 — the outsider who must
never see town A's data.

Sign a persona in with ``client.force_login(user)`` or a POST to the login page. django-axes
stays on in every test and watches each ``authenticate()``: ``client.login(...)`` needs
``request=HttpRequest()`` among its arguments, as the django-axes documentation advises.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from zhenwu.areas.models import Area, Department, Level, Membership, Role

# CI shares its cores: a property test is judged on what it finds, never on how fast its examples come.
hypothesis_settings.register_profile(
    "shared-core", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("shared-core")


@dataclass
class World:
    province: Area
    county: Area
    town_a: Area
    town_b: Area
    village_a1: Area
    village_a2: Area
    village_b1: Area
    department_a: Department
    department_b: Department
    town_a_clerk: object
    town_a_reviewer: object
    county_admin: object
    town_b_clerk: object

    def refresh(self) -> None:
        """Reload the areas after tree changes (treebeard keeps counts on the nodes)."""
        for name in ("province", "county", "town_a", "town_b", "village_a1", "village_a2", "village_b1"):
            getattr(self, name).refresh_from_db()


def make_user(username: str, area: Area, role: str, **extra):
    user = get_user_model().objects.create_user(username=username, password="secret-pass-1", **extra)
    Membership.objects.create(user=user, area=area, role=role)
    return user


def add(parent: Area | None, **fields) -> Area:
    """Add an area to the tree (treebeard keeps the parent's counts up to date)."""
    if parent is None:
        return Area.objects.add_root(create_kwargs=fields)
    return Area.objects.add_child(parent, create_kwargs=fields)


def build_world() -> World:
    province = add(None, code="390000000000", name="东川省", level=Level.PROVINCE)
    city = add(province, code="390100000000", name="清江市", level=Level.CITY)
    county = add(city, code="390123000000", name="青溪县", level=Level.COUNTY)
    town_a = add(county, code="390123101000", name="青山镇", level=Level.TOWN)
    town_b = add(county, code="390123102000", name="白沙镇", level=Level.TOWN)
    village_a1 = add(town_a, code="390123101201", name="东山村", level=Level.VILLAGE)
    village_a2 = add(town_a, code="390123101202", name="西岙村", level=Level.VILLAGE)
    village_b1 = add(town_b, code="390123102201", name="南塘村", level=Level.VILLAGE)
    return World(
        province=province,
        county=county,
        town_a=town_a,
        town_b=town_b,
        village_a1=village_a1,
        village_a2=village_a2,
        village_b1=village_b1,
        department_a=Department.objects.create(area=town_a, name="党政综合办公室"),
        department_b=Department.objects.create(area=town_b, name="党政综合办公室"),
        town_a_clerk=make_user("town_a_clerk", town_a, Role.CLERK, first_name="李娟"),
        town_a_reviewer=make_user("town_a_reviewer", town_a, Role.REVIEWER, first_name="周涛"),
        county_admin=make_user("county_admin", county, Role.ADMIN, first_name="王建国", is_staff=True),
        town_b_clerk=make_user("town_b_clerk", town_b, Role.CLERK, first_name="张伟"),
    )


@pytest.fixture
def world(db) -> World:
    world = build_world()
    world.refresh()
    return world


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2 costs a quarter second per account; tests make many accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded photos of one test never land in the data directory or in another test."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return settings.MEDIA_ROOT


@pytest.fixture
def town_a_admin(world):
    """青山镇's 管理员, who may open the Django admin (is_staff) for the town's subtree only."""
    return make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="何静", is_staff=True)


@pytest.fixture
def town_b_admin(world):
    """白沙镇's 管理员: in the admin, the outsider who must never reach town A's rows."""
    return make_user("town_b_admin", world.town_b, Role.ADMIN, first_name="许丽", is_staff=True)
