"""设置 · 考核方案: the county's 管理员 writes a scheme and previews its ranking on a past quarter."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.assessment.factories import make_scheme
from tests.ledger import factories as ledger
from zhenwu.areas.models import SettingChange
from zhenwu.assessment import schemes, services
from zhenwu.assessment.models import Criterion, Result, RuleType, Scheme
from zhenwu.assessment.periods import Period

Q2 = Period(2025, "quarter", 2)


def url(name, world, **kwargs):
    return reverse(f"assessment:{name}", kwargs={"code": world.county.code, **kwargs})


SCHEME = {
    "name": "青溪县乡镇季度考核",
    "slug": "qx-quarterly",
    "period_type": "quarter",
    "assessed": [],
    "first_year": "2025",
    "last_year": "",
    "grades": "优秀 90、良好 80、达标 60、不达标 0",
    "issuer": "",
    "requirements": "",
}


@pytest.fixture
def figures(world):
    """Q2 2025: 青山镇 has done 6 of 12, 白沙镇 3 of 12 (固定资产投资)."""
    for town, value in ((world.town_a, "6"), (world.town_b, "3")):
        ledger.make_target(world, town, value="12")
        ledger.make_value(world, town, month=6, value=value)


def test_the_admin_builds_a_scheme_and_previews_a_past_quarter_without_saving(client, world, figures):
    client.force_login(world.county_admin)
    data = SCHEME | {"assessed": [world.town_a.pk, world.town_b.pk]}
    response = client.post(url("setup_schemes", world), data)
    scheme = Scheme.objects.get(slug="qx-quarterly")
    assert response["Location"] == url("setup_scheme", world, slug=scheme.slug)
    assert scheme.grades == [["优秀", 90], ["良好", 80], ["达标", 60], ["不达标", 0]]

    criterion = {
        "name": "固定资产投资完成率",
        "weight": "90",
        "rule": "indicator_completion",
        "indicator": "GDTZ",
    }
    client.post(url("setup_criterion_add", world, slug=scheme.slug), criterion | {"against": "year"})
    client.post(
        url("setup_criterion_add", world, slug=scheme.slug),
        {"name": "暗访检查", "weight": "10", "rule": "manual", "mode": "deduction"},
    )
    client.post(
        url("setup_criterion_add", world, slug=scheme.slug),
        {"name": "创新加分", "weight": "0", "rule": "manual", "mode": "bonus", "cap": "3"},
    )
    client.post(
        url("setup_criterion_add", world, slug=scheme.slug),
        {"name": "安全生产", "weight": "0", "rule": "veto"},
    )
    assert [(c.name, c.params) for c in scheme.criteria.all()] == [
        ("固定资产投资完成率", {"indicator": "GDTZ", "against": "year"}),
        ("暗访检查", {"mode": "deduction"}),
        ("创新加分", {"mode": "bonus", "cap": "3"}),
        ("安全生产", {}),
    ]
    assert scheme.weight_problem() == ""

    page = client.get(url("setup_preview", world, slug=scheme.slug), {"period": Q2.key}).content.decode()
    assert "2025年二季度" in page
    expected = services.compute(scheme, Q2)  # the same computation a result makes
    assert [o.name for o in expected] == ["青山镇", "白沙镇"]
    for outcome in expected:
        assert f"<strong>{outcome.total}</strong>" in page
    assert not Result.objects.exists()
    assert SettingChange.objects.filter(subject=f"scheme:{scheme.pk}").count() == 5


def test_the_preview_is_the_ranking_services_compute(world, figures):
    scheme = make_scheme(
        world,
        world.county,
        assessed=[world.town_a, world.town_b],
        criteria=[("投资", D(100), RuleType.INDICATOR_COMPLETION, {"indicator": "GDTZ", "against": "year"})],
    )
    preview = schemes.preview(scheme, Q2)
    assert [(row.outcome.name, row.outcome.rank, row.cells[0].points) for row in preview.rows] == [
        ("青山镇", 1, D("50.00")),
        ("白沙镇", 2, D("25.00")),
    ]


def test_a_scheme_whose_weights_do_not_add_up_says_why_instead_of_a_ranking(client, world):
    scheme = make_scheme(
        world, world.county, assessed=[world.town_a], criteria=[("暗访", D(60), RuleType.MANUAL, {})]
    )
    client.force_login(world.county_admin)
    page = client.get(url("setup_preview", world, slug=scheme.slug), {"period": Q2.key}).content.decode()
    assert "不能预览：方案“青溪县考核”的权重有误：各项权重合计应为100分，现为60分" in page


def test_wrong_parameters_are_refused_with_the_rules_own_words(client, world):
    scheme = make_scheme(world, world.county, assessed=[world.town_a])  # one 暗访 item worth 100
    client.force_login(world.county_admin)
    page = client.post(
        url("setup_criterion_add", world, slug=scheme.slug),
        {"name": "加分", "weight": "0", "rule": "manual", "mode": "bonus"},
    ).content.decode()
    assert "请填写“封顶分值”（参数 cap）" in page
    page = client.post(
        url("setup_criterion_add", world, slug=scheme.slug),
        {"name": "加分", "weight": "5", "rule": "veto"},
        follow=True,
    ).content.decode()
    assert "加分项和一票否决项不占权重，分值请填0" in page
    assert [c.name for c in Criterion.objects.all()] == ["暗访检查"]


def test_the_assessed_must_lie_in_the_issuers_area(world, town_b_admin):
    with pytest.raises(services.AssessmentError, match="青山镇不在白沙镇范围内"):
        schemes.create_scheme(
            town_b_admin, world.town_b, assessed=[world.town_a], name="村考核", slug="bs", first_year=2025
        )


def test_a_criterion_already_scored_is_kept(world):
    scheme = make_scheme(world, world.county, assessed=[world.town_a])
    services.publish(services.compute_draft(scheme, Period(2025, "quarter", 1)), world.county_admin)
    with pytest.raises(services.AssessmentError, match="已用于考核结果"):
        schemes.remove_criterion(world.county_admin, scheme.criteria.get())


def test_changes_to_a_criterion_keep_before_and_after(client, world):
    scheme = make_scheme(world, world.county, assessed=[world.town_a])
    criterion = scheme.criteria.get()
    client.force_login(world.county_admin)
    assert client.get(url("setup_criterion", world, pk=criterion.pk)).status_code == 200
    client.post(
        url("setup_criterion", world, pk=criterion.pk),
        {"name": "暗访检查", "weight": "100", "rule": "manual", "mode": "deduction", "cap": "20"},
    )
    change = SettingChange.objects.get(subject=f"scheme:{scheme.pk}")
    assert change.before == "封顶分值（加分上限）：（空）"
    assert "封顶分值（加分上限）：20" in change.after


def test_past_periods_are_those_ended(world):
    scheme = make_scheme(world, world.county)
    keys = [p.key for p in schemes.past_periods(scheme, today=datetime.date(2026, 5, 1), years=1)]
    assert keys == ["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"]


def test_a_scheme_with_results_keeps_its_period_type(world):
    scheme = make_scheme(world, world.county, assessed=[world.town_a])
    services.compute_draft(scheme, Period(2025, "quarter", 1))
    with pytest.raises(services.AssessmentError, match="不能改变考核周期"):
        schemes.change_scheme(
            world.county_admin, scheme, assessed=[world.town_a], period_type="month", name=scheme.name
        )
    scheme.refresh_from_db()
    assert scheme.period_type == "quarter"
