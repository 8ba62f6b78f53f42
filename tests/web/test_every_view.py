"""Every URL of the site, with the outsider: town A's clerk gets 404 for town B's objects."""

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_cases import VIEW_CASES
from tests.conftest import make_user
from zhenwu.areas.models import Membership, Role

IGNORED_NAMESPACES = {"admin", "djdt", "api"}  # the API has its own cases: tests/api/test_access.py


def named_urls(patterns=None, namespace=""):
    """All named URL patterns of the project, as 'namespace:name'."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in IGNORED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def request(client, case, world):
    url = reverse(case.url_name, kwargs=case.kwargs(world))
    if case.method == "post":
        return client.post(url, case.data(world))
    return client.get(url)


def test_every_url_has_an_access_case():
    assert set(named_urls()) == {case.url_name for case in VIEW_CASES}


@pytest.mark.parametrize("case", [c for c in VIEW_CASES if not c.public], ids=str)
def test_anonymous_visitors_are_sent_to_login(client, world, case):
    response = request(client, case, world)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("case", [c for c in VIEW_CASES if c.names_object], ids=str)
def test_the_outsider_gets_404_for_town_bs_objects(client, world, case):
    client.force_login(world.town_a_clerk)
    assert request(client, case, world).status_code == 404


@pytest.mark.parametrize("case", [c for c in VIEW_CASES if not c.public and not c.names_object], ids=str)
def test_pages_without_an_object_never_mention_town_b_to_the_outsider(client, world, case):
    client.force_login(world.town_a_clerk)
    response = request(client, case, world)
    assert response.status_code == 200
    assert "白沙镇" not in response.content.decode()


@pytest.mark.parametrize("case", VIEW_CASES, ids=str)
def test_town_bs_own_clerk_reaches_it(client, world, case):
    client.force_login(world.town_b_clerk)
    assert request(client, case, world).status_code == case.owner_status


# An account may hold two roles (a town's 管理员 who also reports, a county 督查员 who also reviews):
# each role's rights hold, and neither opens anything outside the account's subtrees.


@pytest.mark.parametrize("case", [c for c in VIEW_CASES if c.names_object], ids=str)
def test_an_outsider_with_two_roles_still_gets_404_for_town_bs_objects(client, world, case):
    Membership.objects.create(user=world.town_a_clerk, area=world.town_a, role=Role.INSPECTOR)
    client.force_login(world.town_a_clerk)
    assert request(client, case, world).status_code == 404


def status_as(client, user, case, world) -> int:
    """What ``user`` gets for the case's URL, with whatever the request changed rolled back."""
    with transaction.atomic():
        client.force_login(user)
        status = request(client, case, world).status_code
        transaction.set_rollback(True)
    return status


@pytest.mark.parametrize("case", VIEW_CASES, ids=str)
def test_a_clerk_who_also_reviews_gets_what_either_role_gets(client, world, case):
    reviewer = make_user("town_b_reviewer", world.town_b, Role.REVIEWER)
    as_reviewer = status_as(client, reviewer, case, world)
    Membership.objects.create(user=world.town_b_clerk, area=world.town_b, role=Role.REVIEWER)
    expected = as_reviewer if case.owner_status == 403 else case.owner_status
    assert status_as(client, world.town_b_clerk, case, world) == expected
