"""The scoping rules every view relies on, tested without HTTP."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.access_cases import SCOPED_MODELS
from tests.conftest import make_user
from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403, switchable_areas
from zhenwu.areas.models import Action, Area, Role


@pytest.mark.parametrize("case", SCOPED_MODELS, ids=str)
def test_each_area_owned_model_is_scoped_to_the_users_subtree(world, case):
    in_a = case.make(world, world.village_a1)
    in_b = case.make(world, world.town_b)
    model = case.model

    assert in_a in model.objects.for_user(world.town_a_clerk)
    assert in_b not in model.objects.for_user(world.town_a_clerk)
    assert {in_a, in_b} <= set(model.objects.for_user(world.county_admin))
    with pytest.raises(Http404):
        get_visible_or_404(model.objects, world.town_a_clerk, pk=in_b.pk)
    assert get_visible_or_404(model.objects, world.town_b_clerk, pk=in_b.pk) == in_b


def test_a_town_clerk_sees_the_town_and_its_villages_only(world):
    visible = set(Area.objects.for_user(world.town_a_clerk).values_list("name", flat=True))
    assert visible == {"青山镇", "东山村", "西岙村"}


def test_a_county_admin_sees_every_town_but_not_the_city_above(world):
    visible = set(Area.objects.for_user(world.county_admin).values_list("name", flat=True))
    assert visible == {"青溪县", "青山镇", "白沙镇", "东山村", "西岙村", "南塘村"}


def test_an_account_without_membership_sees_nothing(world, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="x-secret-9")
    assert not Area.objects.for_user(stranger).exists()


def test_a_superuser_sees_everything(world, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x-secret-9")
    assert Area.objects.for_user(root).count() == Area.objects.count()


def test_roles_decide_what_may_be_done(world):
    assert can(world.town_a_clerk, world.village_a1, Action.ENTER)
    assert not can(world.town_a_clerk, world.town_a, Action.REVIEW)
    assert can(world.town_a_reviewer, world.town_a, Action.REVIEW)
    assert not can(world.town_a_clerk, world.town_b, Action.VIEW)
    assert can(world.county_admin, world.village_b1, Action.ADMINISTER)


def test_a_visible_object_the_role_may_not_change_is_forbidden_not_hidden(world):
    leader = make_user("town_a_leader", world.town_a, Role.LEADER)
    assert get_visible_or_404(Area.objects, leader, code=world.town_a.code) == world.town_a
    with pytest.raises(PermissionDenied):
        get_writable_or_403(Area.objects, leader, Action.ENTER, code=world.town_a.code)
    with pytest.raises(Http404):
        get_writable_or_403(Area.objects, leader, Action.ENTER, code=world.town_b.code)


def test_the_switcher_offers_a_county_its_towns_and_a_town_its_villages(world):
    assert [a.name for a in switchable_areas(world.county_admin)] == ["青溪县", "青山镇", "白沙镇"]
    assert [a.name for a in switchable_areas(world.town_a_clerk)] == ["青山镇", "东山村", "西岙村"]


def test_overlapping_memberships_do_not_duplicate_rows(world):
    make_user("double", world.county, Role.LEADER)
    from zhenwu.areas.models import Membership

    user = Membership.objects.get(user__username="double").user
    Membership.objects.create(user=user, area=world.town_a, role=Role.CLERK)
    assert Area.objects.for_user(user).count() == 6


def test_an_account_with_two_roles_may_do_what_either_allows_and_no_more(world):
    from zhenwu.areas.models import Membership

    inspector = make_user("county_inspector", world.county, Role.INSPECTOR)
    assert not can(inspector, world.town_a, Action.REVIEW)
    Membership.objects.create(user=inspector, area=world.county, role=Role.REVIEWER)
    inspector = type(inspector).objects.get(pk=inspector.pk)  # the grants are loaded once per user object
    assert can(inspector, world.town_a, Action.INSPECT) and can(inspector, world.town_b, Action.REVIEW)
    assert not can(inspector, world.town_a, Action.ENTER)
    assert not can(inspector, world.town_a, Action.ADMINISTER)


def test_the_home_page_of_a_county_inspector_who_also_reviews_offers_both_roles_work(client, world):
    from django.urls import reverse

    from zhenwu.areas.models import Membership

    inspector = make_user("county_inspector", world.county, Role.INSPECTOR)
    Membership.objects.create(user=inspector, area=world.county, role=Role.REVIEWER)
    client.force_login(inspector)
    home = client.get(reverse("home")).content.decode()
    assert "记录问题" in home and "待验收" in home and "本月审核" in home
    assert "台账规则" not in home  # a 管理员's task
