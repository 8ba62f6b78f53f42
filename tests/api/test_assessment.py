"""考核排名 over JSON: a town sees the published ranking and its own scores' explanations, never a draft."""

from decimal import Decimal as D

import pytest

from tests.assessment.factories import make_scheme
from zhenwu.assessment import services
from zhenwu.assessment.models import RuleType
from zhenwu.assessment.periods import Period

Q1 = Period(2026, "quarter", 1)
RESULTS = "/api/v1/assessment/results"


@pytest.fixture
def scheme(world):
    scheme = make_scheme(
        world,
        world.county,
        assessed=[world.town_a, world.town_b],
        criteria=[("暗访检查", D(100), RuleType.MANUAL, {"mode": "deduction"})],
        slug="county-q",
        first_year=2026,
    )
    criterion = scheme.criteria.get()
    services.enter_manual_score(
        criterion, world.town_b, Q1, D(4), "暗访发现白沙镇河道垃圾", world.county_admin
    )
    services.enter_manual_score(
        criterion, world.town_a, Q1, D(1), "暗访发现青山镇占道经营", world.county_admin
    )
    services.compute_draft(scheme, Q1)
    return scheme


def test_a_draft_is_the_issuers_alone(api_as, world, scheme):
    query = {"scheme": scheme.slug, "period": "2026-Q1"}
    assert api_as(world.town_a_clerk).get(RESULTS, **query).status_code == 404
    draft = api_as(world.county_admin).get(RESULTS, **query).json()
    assert draft["status"] == "draft" and [row["name"] for row in draft["rows"]] == ["青山镇", "白沙镇"]


def test_once_published_a_town_reads_the_ranking_and_only_its_own_explanations(api_as, world, scheme):
    services.publish(services.draft(scheme, Q1), world.county_admin)

    answer = api_as(world.town_a_clerk).get(RESULTS, scheme=scheme.slug, period="2026-Q1").json()

    assert answer["status"] == "published" and answer["version"] == 1
    rows = {row["name"]: row for row in answer["rows"]}
    assert (rows["青山镇"]["rank"], D(rows["青山镇"]["total"])) == (1, D(99))
    assert (rows["白沙镇"]["rank"], rows["白沙镇"]["scores"]) == (2, None)
    [score] = rows["青山镇"]["scores"]
    assert score["criterion"] == "暗访检查" and D(score["points"]) == D(99)
    assert "占道经营" in score["working"] + str(score["figures"])


def test_schemes_list_their_periods_with_what_the_user_may_see(api_as, world, scheme):
    [town_view] = api_as(world.town_a_clerk).get("/api/v1/assessment/schemes").json()["items"]
    [county_view] = api_as(world.county_admin).get("/api/v1/assessment/schemes").json()["items"]
    q1 = {line["period"]: line for line in town_view["periods"]}["2026-Q1"]
    assert q1["status"] is None  # the draft is not the town's to see
    assert {line["period"]: line for line in county_view["periods"]}["2026-Q1"]["status"] == "draft"


def test_a_period_of_the_wrong_kind_is_422(api_as, world, scheme):
    refused = api_as(world.county_admin).get(RESULTS, scheme=scheme.slug, period="2026-05")
    assert refused.status_code == 422 and "按季度考核" in refused.json()["errors"]["period"]


def test_a_departments_ranking_names_the_departments(api_as, world):
    from tests.assessment.factories import make_departments_scheme

    scheme = make_departments_scheme(world, world.county)
    first, second = scheme.assessed_departments.order_by("id")
    services.enter_manual_score(scheme.criteria.get(), first, Q1, D(6), "服务镇街不及时", world.county_admin)
    services.publish(services.compute_draft(scheme, Q1), world.county_admin)

    listed = api_as(world.county_admin).get("/api/v1/assessment/schemes").json()["items"]
    assert [s["unit_kind"] for s in listed if s["slug"] == scheme.slug] == ["departments"]
    answer = api_as(world.county_admin).get(RESULTS, scheme=scheme.slug, period="2026-Q1").json()
    assert [(row["name"], row["rank"], D(row["total"])) for row in answer["rows"]] == [
        (second.name, 1, D(100)),
        (first.name, 2, D(94)),
    ]
    assert answer["rows"][0]["area"] == f"D{second.pk:08d}"
