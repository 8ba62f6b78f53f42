"""The assessment pages: who sees which ranking and which details, who may score, compute and publish."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.assessment.factories import make_scheme
from tests.conftest import make_user
from zhenwu.areas.models import Role
from zhenwu.assessment import services
from zhenwu.assessment.models import ManualScore, Result, ResultStatus, RuleType, ScoreDetail
from zhenwu.assessment.periods import Period

Q1 = Period(2026, "quarter", 1)
CRITERIA = [
    ("暗访检查", D(100), RuleType.MANUAL, {"mode": "deduction"}),
    ("一票否决", D(0), RuleType.VETO, {}),
]


@pytest.fixture
def scheme(world):
    scheme = make_scheme(
        world,
        world.county,
        assessed=[world.town_a, world.town_b],
        criteria=CRITERIA,
        slug="county-q",
        first_year=2026,
    )
    deduction = scheme.criteria.get(name="暗访检查")
    services.enter_manual_score(
        deduction, world.town_b, Q1, D(4), "暗访发现白沙镇河道垃圾", world.county_admin
    )
    services.enter_manual_score(
        deduction, world.town_a, Q1, D(1), "暗访发现青山镇占道经营", world.county_admin
    )
    return scheme


def url(name, scheme, period=Q1, **extra):
    return reverse(f"assessment:{name}", kwargs={"slug": scheme.slug, "period": period.key, **extra})


def detail_of(town):
    return ScoreDetail.objects.get(row__area=town, criterion__name="暗访检查")


def test_the_county_admin_computes_reviews_and_publishes(client, world, scheme):
    client.force_login(world.county_admin)
    assert "本期尚未计算" in client.get(url("result", scheme)).content.decode()
    assert client.post(url("compute", scheme)).status_code == 302
    page = client.get(url("result", scheme)).content.decode()
    assert "草稿" in page and "发布排名" in page and "99.00" in page and "96.00" in page
    assert client.post(url("publish", scheme)).status_code == 302
    assert Result.objects.get().status == ResultStatus.PUBLISHED
    assert "重新核算" in client.get(url("result", scheme)).content.decode()


def test_each_score_opens_its_explanation_as_an_htmx_fragment(client, world, scheme):
    services.compute_draft(scheme, Q1)
    client.force_login(world.county_admin)
    response = client.get(
        reverse("assessment:detail", args=[detail_of(world.town_b).pk]), HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert "<html" not in text
    assert "100 − 4 = 96" in text and "暗访发现白沙镇河道垃圾" in text


def test_a_town_does_not_see_the_countys_draft(client, world, scheme):
    services.compute_draft(scheme, Q1)
    client.force_login(world.town_a_clerk)
    page = client.get(url("result", scheme)).content.decode()
    assert "本期排名尚未发布" in page and "白沙镇" not in page
    assert client.get(reverse("assessment:detail", args=[detail_of(world.town_a).pk])).status_code == 404
    assert client.get(url("bulletin", scheme)).status_code == 404


def test_a_town_sees_the_published_ranking_and_only_its_own_details(client, world, scheme):
    services.publish(services.compute_draft(scheme, Q1), world.county_admin)
    client.force_login(world.town_a_clerk)
    page = client.get(url("result", scheme)).content.decode()
    assert "白沙镇" in page and "96.00" in page  # the ranking is public to the county's towns
    assert "暗访发现白沙镇河道垃圾" not in page
    own = client.get(reverse("assessment:detail", args=[detail_of(world.town_a).pk]))
    assert "暗访发现青山镇占道经营" in own.content.decode()
    assert client.get(reverse("assessment:detail", args=[detail_of(world.town_b).pk])).status_code == 404
    assert client.get(url("bulletin", scheme)).status_code == 200


def test_a_town_may_not_score_compute_publish_or_see_the_recompute(client, world, scheme):
    services.publish(services.compute_draft(scheme, Q1), world.county_admin)
    town_admin = make_user("town_a_admin", world.town_a, Role.ADMIN)
    client.force_login(town_admin)
    assert client.get(url("manual", scheme)).status_code == 403
    assert client.post(url("compute", scheme)).status_code == 403
    assert client.post(url("publish", scheme)).status_code == 403
    assert client.get(url("recompute", scheme)).status_code == 403


def test_a_county_inspector_enters_an_unannounced_deduction_with_its_reason(client, world, scheme):
    inspector = make_user("county_inspector", world.county, Role.INSPECTOR, first_name="刘敏")
    client.force_login(inspector)
    criterion = scheme.criteria.get(name="暗访检查")
    page = client.get(url("manual", scheme)).content.decode()
    assert "暗访发现白沙镇河道垃圾" in page
    response = client.post(
        url("manual", scheme),
        {"criterion": criterion.pk, "area": world.town_a.pk, "points": "0.5", "reason": "公厕保洁不到位"},
    )
    assert response.status_code == 302
    entry = ManualScore.objects.get(reason="公厕保洁不到位")
    assert (entry.entered_by, entry.points, entry.period) == (inspector, D("0.5"), "2026-Q1")
    # a 督查员 scores but does not publish
    assert client.post(url("compute", scheme)).status_code == 403


def test_a_reason_is_required(client, world, scheme):
    client.force_login(world.county_admin)
    criterion = scheme.criteria.get(name="暗访检查")
    response = client.post(
        url("manual", scheme),
        {"criterion": criterion.pk, "area": world.town_a.pk, "points": "1", "reason": ""},
    )
    assert response.status_code == 200
    assert ManualScore.objects.count() == 2


def test_the_recompute_page_shows_what_would_change_and_publishes_a_new_version(client, world, scheme):
    services.publish(services.compute_draft(scheme, Q1), world.county_admin)
    criterion = scheme.criteria.get(name="暗访检查")
    services.enter_manual_score(criterion, world.town_a, Q1, D(5), "复核发现漏记问题", world.county_admin)
    client.force_login(world.county_admin)
    page = client.get(url("recompute", scheme)).content.decode()
    assert "99.00" in page and "94.00" in page and "暗访检查：99.00 → 94.00" in page
    response = client.post(url("recompute", scheme), {"note": "补记3月暗访问题"})
    assert response.status_code == 302
    assert list(Result.objects.order_by("version").values_list("version", "status")) == [
        (1, ResultStatus.SUPERSEDED),
        (2, ResultStatus.PUBLISHED),
    ]


def test_the_scheme_page_lists_weights_and_periods_and_the_history_shows_ranks(client, world, scheme):
    services.publish(services.compute_draft(scheme, Q1), world.county_admin)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("assessment:scheme", args=[scheme.slug])).content.decode()
    assert "暗访检查" in page and "2026年一季度" in page
    history = client.get(reverse("assessment:history", args=[scheme.slug])).content.decode()
    assert "第1名（99.00）" in history and "第2名（96.00）" in history


def test_a_period_of_the_wrong_kind_is_not_found(client, world, scheme):
    client.force_login(world.county_admin)
    assert client.get(reverse("assessment:result", args=[scheme.slug, "2026-03"])).status_code == 404
    assert client.get(reverse("assessment:result", args=[scheme.slug, "nonsense"])).status_code == 404
