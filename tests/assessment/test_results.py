"""Results from the real ledger, projects and supervision: computing, publishing, freezing and revising."""

import datetime
from decimal import Decimal as D

import pytest

from tests.assessment.factories import make_scheme
from tests.inspections.factories import make_finding
from tests.ledger.factories import make_target, make_value
from tests.projects.factories import make_project
from zhenwu.assessment import services
from zhenwu.assessment.models import Criterion, Result, ResultStatus, RuleType, ScoreDetail
from zhenwu.assessment.periods import Period
from zhenwu.inspections.models import Status

Q2 = Period(2026, "quarter", 2)
Q1 = Period(2026, "quarter", 1)

CRITERIA = [
    ("固定资产投资", D(40), RuleType.INDICATOR_SCHEDULE, {"indicator": "GDTZ", "per_point": "1"}),
    ("重点项目开工率", D(20), RuleType.PROJECT_START_RATE, {}),
    ("逾期未整改", D(20), RuleType.OVERDUE_DEDUCTION, {"per_item": "2"}),
    ("暗访检查", D(20), RuleType.MANUAL, {"mode": "deduction"}),
    ("一票否决", D(0), RuleType.VETO, {}),
]


@pytest.fixture
def county_scheme(world):
    """The county ranks its two towns on ledger, projects, supervision and 暗访."""
    for town, value in ((world.town_a, "5.4"), (world.town_b, "6.0")):
        make_target(world, town, year=2026, value="12")
        make_value(world, town, year=2026, month=6, value=value)
    started = make_project(world, world.village_a1)  # planned to start 2025-03: due, not started
    started.planned_start = datetime.date(2026, 3, 1)
    started.save()
    make_finding(
        world,
        world.town_b,
        found_on=datetime.date(2026, 5, 2),
        deadline=datetime.date(2026, 5, 9),
        status=Status.ASSIGNED,
    )
    return make_scheme(
        world,
        world.county,
        assessed=[world.town_a, world.town_b],
        criteria=CRITERIA,
        slug="county-q",
        first_year=2026,
    )


def rows(result):
    return {row.area.name: row for row in result.rows.select_related("area")}


def points(result, town, criterion):
    return ScoreDetail.objects.get(row__result=result, row__area__name=town, criterion__name=criterion).points


def test_the_draft_scores_each_town_from_the_ledger_projects_and_supervision(world, county_scheme):
    result = services.compute_draft(county_scheme, Q2, today=datetime.date(2026, 7, 5))
    # 青山镇: 5.4 of 12 = 45%, 5 points behind 时序进度 50% → 40 − 5; project due and not started → 0
    assert points(result, "青山镇", "固定资产投资") == D(35)
    assert points(result, "青山镇", "重点项目开工率") == D(0)
    # 白沙镇: on schedule; no project due; one finding overdue on 30 June → 20 − 2
    assert points(result, "白沙镇", "固定资产投资") == D(40)
    assert points(result, "白沙镇", "重点项目开工率") == D(20)
    assert points(result, "白沙镇", "逾期未整改") == D(18)
    table = rows(result)
    assert (table["白沙镇"].total, table["白沙镇"].rank) == (D(98), 1)
    assert (table["青山镇"].total, table["青山镇"].rank, table["青山镇"].grade) == (D(75), 2, "达标")
    explanation = ScoreDetail.objects.get(row__area__name="青山镇", criterion__name="固定资产投资").score
    assert explanation.figures[0].source == "指标台账：青山镇2026年1-6月固定资产投资，填报中"
    assert explanation.working == "低于时序进度5.0个百分点，40 − 5.0 × 1 = 35"


def test_supervision_is_read_as_of_the_periods_end(world, county_scheme):
    finding = county_scheme.assessed.get(name="白沙镇").findings.get()
    finding.status, finding.closed_on = Status.CLOSED, datetime.date(2026, 7, 3)  # closed after 30 June
    finding.save()
    result = services.compute_draft(county_scheme, Q2, today=datetime.date(2026, 7, 5))
    assert points(result, "白沙镇", "逾期未整改") == D(18)


def test_a_veto_and_manual_deductions_come_from_the_assessors(world, county_scheme):
    deduction = county_scheme.criteria.get(name="暗访检查")
    veto = county_scheme.criteria.get(name="一票否决")
    services.enter_manual_score(deduction, world.town_a, Q2, D(3), "暗访发现垃圾乱堆", world.county_admin)
    services.enter_manual_score(veto, world.town_b, Q2, D(0), "发生较大安全生产事故", world.county_admin)
    result = services.compute_draft(county_scheme, Q2, today=datetime.date(2026, 7, 5))
    table = rows(result)
    assert points(result, "青山镇", "暗访检查") == D(17)
    assert (table["青山镇"].rank, table["白沙镇"].rank) == (1, 2)
    assert table["白沙镇"].vetoed and table["白沙镇"].grade == "不达标"


def test_manual_scores_need_a_reason_and_an_assessed_area(world, county_scheme):
    deduction = county_scheme.criteria.get(name="暗访检查")
    with pytest.raises(services.AssessmentError, match="事由"):
        services.enter_manual_score(deduction, world.town_a, Q2, D(1), " ", world.county_admin)
    with pytest.raises(services.AssessmentError, match="不是本方案的考核对象"):
        services.enter_manual_score(deduction, world.village_a1, Q2, D(1), "x", world.county_admin)
    automatic = county_scheme.criteria.get(name="重点项目开工率")
    with pytest.raises(services.AssessmentError, match="自动计分"):
        services.enter_manual_score(automatic, world.town_a, Q2, D(1), "x", world.county_admin)


def test_publishing_freezes_the_result_against_later_corrections(world, county_scheme):
    result = services.publish(
        services.compute_draft(county_scheme, Q2, today=datetime.date(2026, 7, 5)), world.county_admin
    )
    # 青山镇 corrects its June figure: now on schedule
    value = world.town_a.ledger_values.get(year=2026, month=6)
    value.value = D("6.0")
    value.save()

    assert rows(result)["青山镇"].total == D(75)  # unchanged
    with pytest.raises(services.AssessmentError, match="已发布"):
        services.compute_draft(county_scheme, Q2)

    changes = {c.name: c for c in services.differences(result, services.compute(county_scheme, Q2))}
    assert not changes["白沙镇"].changed
    qingshan = changes["青山镇"]
    assert (qingshan.old_total, qingshan.new_total) == (D(75), D(80))
    assert [(c.name, c.old, c.new) for c in qingshan.criteria] == [("固定资产投资", D(35), D(40))]


def test_a_revision_is_a_new_published_version_and_keeps_the_old(world, county_scheme):
    first = services.publish(services.compute_draft(county_scheme, Q2), world.county_admin)
    with pytest.raises(services.AssessmentError, match="修订原因"):
        services.publish_revision(county_scheme, Q2, world.county_admin, "")
    second = services.publish_revision(county_scheme, Q2, world.county_admin, "青山镇6月数据更正")
    first.refresh_from_db()
    assert first.status == ResultStatus.SUPERSEDED
    assert (second.version, second.status, second.note) == (2, ResultStatus.PUBLISHED, "青山镇6月数据更正")
    assert services.published(county_scheme, Q2) == second
    assert first.rows.count() == second.rows.count() == 2


def test_movement_compares_with_the_previous_published_period(world, county_scheme):
    deduction = county_scheme.criteria.get(name="暗访检查")
    services.enter_manual_score(deduction, world.town_b, Q1, D(20), "暗访问题多", world.county_admin)
    services.publish(services.compute_draft(county_scheme, Q1), world.county_admin)
    q1 = rows(Result.objects.get(period="2026-Q1"))
    # no March figures; 青山镇's project is late, 白沙镇 lost all 暗访 points: 40 each, 并列第一
    assert (q1["青山镇"].total, q1["青山镇"].rank, q1["白沙镇"].rank) == (D(40), 1, 1)
    assert q1["白沙镇"].movement is None

    q2 = rows(services.compute_draft(county_scheme, Q2, today=datetime.date(2026, 7, 5)))
    assert (q2["白沙镇"].rank, q2["白沙镇"].movement_text) == (1, "持平")
    assert (q2["青山镇"].rank, q2["青山镇"].movement, q2["青山镇"].movement_text) == (2, -1, "下降1位")


def test_a_scheme_whose_weights_do_not_make_a_hundred_is_not_computed(world, county_scheme):
    Criterion.objects.filter(scheme=county_scheme, name="暗访检查").update(weight=D(15))
    with pytest.raises(services.AssessmentError, match="各项权重合计应为100分，现为95分"):
        services.compute_draft(county_scheme, Q2)


def test_periods_must_fit_the_scheme(world, county_scheme):
    with pytest.raises(ValueError, match="按季度考核"):
        county_scheme.parse_period("2026-06")
    with pytest.raises(ValueError, match="2025年不适用"):
        county_scheme.parse_period("2025-Q4")
