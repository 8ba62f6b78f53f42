"""Every API operation under the web's rules: anonymous 401, outsider 404, owner, a read-only role 403."""

import pytest

from tests.access_cases import API_CASES
from tests.conftest import make_user
from zhenwu.api.main import api
from zhenwu.areas.models import Role


def call(api_as, user, case, world):
    case.prepare(world)
    form = case.form(world) if case.form else None
    return api_as(user).call(case.method, case.url(world), case.query(world), case.body, form=form)


def test_every_operation_of_the_schema_has_an_access_case():
    schema = api.get_openapi_schema()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    cases = {(case.method, case.path) for case in API_CASES if not case.public}
    assert operations == cases


@pytest.mark.parametrize("case", [c for c in API_CASES if not c.public], ids=str)
def test_anonymous_callers_get_401_in_chinese(api_as, world, case):
    response = call(api_as, None, case, world)
    assert response.status_code == 401
    assert "令牌" in response.json()["detail"]


@pytest.mark.parametrize("case", [c for c in API_CASES if c.names_object], ids=str)
def test_the_outsider_gets_404_for_town_bs_area(api_as, world, case):
    response = call(api_as, world.town_a_clerk, case, world)
    assert response.status_code == 404
    assert "白沙镇" not in response.content.decode()


@pytest.mark.parametrize("case", [c for c in API_CASES if not c.names_object and not c.public], ids=str)
def test_lists_never_mention_town_b_to_the_outsider(api_as, world, case):
    response = call(api_as, world.town_a_clerk, case, world)
    assert response.status_code == 200
    assert "白沙镇" not in response.content.decode()


@pytest.mark.parametrize("case", API_CASES, ids=str)
def test_town_bs_own_clerk_gets_what_the_web_gives(api_as, world, case):
    response = call(api_as, world.town_b_clerk, case, world)
    assert response.status_code == case.owner_status, response.content.decode()


@pytest.mark.parametrize("case", [c for c in API_CASES if not c.public], ids=str)
def test_a_leader_reads_but_changes_nothing(api_as, world, case):
    leader = make_user("town_b_leader", world.town_b, Role.LEADER)
    response = call(api_as, leader, case, world)
    assert response.status_code == case.reader_status, response.content.decode()
    if case.reader_status == 403:
        assert "权" in response.json()["detail"]
