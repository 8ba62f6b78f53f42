"""The scoring rules, one worked example per rule type, without a database or HTTP."""

from decimal import Decimal as D

import pytest

from zhenwu.assessment import scoring
from zhenwu.assessment.scoring import (
    AreaFacts,
    Facts,
    IndicatorFigures,
    InspectionFigures,
    ManualEntry,
    ProjectFigures,
    Rule,
)

GDTZ = "GDTZ"


def investment(value, target, last_year=None, **extra):
    return {
        GDTZ: IndicatorFigures(
            "固定资产投资", "亿元", D(value), D(target), None if last_year is None else D(last_year), **extra
        )
    }


def facts(*areas, month=9):
    return Facts(month, "2026年三季度", list(areas))


def score(rule, area, month=9):
    return scoring.score_criterion(rule, facts(area, month=month))[area.code]


# --- ledger --------------------------------------------------------------------------------------


def test_indicator_completion_against_schedule_is_proportional_and_capped():
    # 1-9月 6.0 of 12 亿元 = 50%; 时序进度 75%; 10 × 50 ÷ 75 = 6.67
    rule = Rule("1", "固定资产投资完成率", D(10), scoring.INDICATOR_COMPLETION, {"indicator": GDTZ})
    result = score(rule, AreaFacts("a", "青山镇", investment("6.0", "12")))
    assert result.points == D("6.67")
    assert result.working == "10 × 50.0% ÷ 75.0% = 6.67"
    assert [f.label for f in result.figures] == ["完成值", "年度目标", "完成率", "时序进度"]
    assert result.figures[0].value == "6.00亿元"

    ahead = score(rule, AreaFacts("a", "青山镇", investment("11.0", "12")))
    assert ahead.points == D(10)  # 91.7% ≥ 75%: capped at the weight


def test_indicator_completion_against_the_whole_year():
    rule = Rule("1", "完成率", D(10), scoring.INDICATOR_COMPLETION, {"indicator": GDTZ, "against": "year"})
    assert score(rule, AreaFacts("a", "青山镇", investment("6.0", "12"))).points == D("5.00")


def test_an_indicator_not_reported_scores_nothing():
    rule = Rule("1", "完成率", D(10), scoring.INDICATOR_COMPLETION, {"indicator": GDTZ})
    result = score(rule, AreaFacts("a", "青山镇", {}))
    assert result.points == 0
    assert "不得分" in result.working


def test_indicator_schedule_deducts_per_point_behind():
    # 6.6 of 12 = 55%, 时序进度 75%: 20 points behind × 0.5 = 10 deducted from 15
    rule = Rule("1", "固投进度", D(15), scoring.INDICATOR_SCHEDULE, {"indicator": GDTZ, "per_point": "0.5"})
    result = score(rule, AreaFacts("a", "青山镇", investment("6.6", "12")))
    assert result.points == D("5.00")
    assert result.working == "低于时序进度20.0个百分点，15 − 20.0 × 0.5 = 5"
    # far behind: not below zero; ahead: full points
    assert score(rule, AreaFacts("a", "", investment("1", "12"))).points == 0
    assert score(rule, AreaFacts("a", "", investment("10", "12"))).points == D(15)


# --- projects ------------------------------------------------------------------------------------


def test_project_start_rate():
    # 3 of 4 projects due have started: 10 × 75% = 7.5
    rule = Rule("1", "开工率", D(10), scoring.PROJECT_START_RATE, {})
    area = AreaFacts("a", "青山镇", projects=ProjectFigures(count=5, started=3, due_to_start=4))
    result = score(rule, area)
    assert result.points == D("7.50")
    assert result.figures[2].value == "75.0%"
    # nothing due to start: nothing is late
    assert score(rule, AreaFacts("b", "白沙镇", projects=ProjectFigures())).points == D(10)


def test_project_investment_rate_against_schedule():
    # 4500 of 10000 万元 = 45% at the end of June (时序进度 50%): 15 × 45 ÷ 50 = 13.5
    rule = Rule("1", "投资完成率", D(15), scoring.PROJECT_INVESTMENT_RATE, {"against": "schedule"})
    area = AreaFacts("a", "青山镇", projects=ProjectFigures(2, 2, 2, D(10000), D(4500)))
    assert score(rule, area, month=6).points == D("13.50")


# --- inspections ---------------------------------------------------------------------------------


def test_inspection_closure_rate():
    # 9 of 12 findings closed: 15 × 75% = 11.25
    rule = Rule("1", "销号率", D(15), scoring.INSPECTION_CLOSURE, {})
    area = AreaFacts("a", "青山镇", inspections=InspectionFigures(12, 9, 1, D("75.0")))
    assert score(rule, area).points == D("11.25")
    assert score(rule, AreaFacts("b", "白沙镇", inspections=InspectionFigures())).points == D(15)


def test_overdue_findings_are_deducted_each():
    rule = Rule("1", "逾期", D(10), scoring.OVERDUE_DEDUCTION, {"per_item": "1.5"})
    area = AreaFacts("a", "青山镇", inspections=InspectionFigures(overdue=3))
    result = score(rule, area)
    assert result.points == D("5.50")
    assert result.working == "10 − 3 × 1.5 = 5.5"
    assert score(rule, AreaFacts("b", "", inspections=InspectionFigures(overdue=9))).points == 0


# --- rank to points -------------------------------------------------------------------------------


def test_rank_points_first_gets_full_marks_and_each_place_costs_a_step():
    rule = Rule(
        "1",
        "投资完成率排名",
        D(10),
        scoring.RANK_POINTS,
        {"measure": "indicator_completion", "indicator": GDTZ, "step": "1", "floor": "6"},
    )
    areas = [
        AreaFacts("a", "甲镇", investment("9", "12")),  # 75%  → 1st: 10
        AreaFacts("b", "乙镇", investment("6", "12")),  # 50%  → 2nd (tied): 9
        AreaFacts("c", "丙镇", investment("3", "6")),  # 50%  → 2nd (tied): 9
        AreaFacts("d", "丁镇", investment("1", "12")),  # 8.3% → 4th: 7
        AreaFacts("e", "戊镇", investment("0.5", "12")),  # → 5th: 6
        AreaFacts("f", "己镇", investment("0.1", "12")),  # → 6th: 5, raised to the floor 6
        AreaFacts("g", "庚镇", {}),  # no figure: the floor
    ]
    scores = scoring.score_criterion(rule, facts(*areas))
    assert {code: s.points for code, s in scores.items()} == {
        "a": D(10),
        "b": D(9),
        "c": D(9),
        "d": D(7),
        "e": D(6),
        "f": D(6),
        "g": D(6),
    }
    assert scores["d"].working == "第4名（共6个），10 − 3 × 1 = 7"


# --- manual and veto ----------------------------------------------------------------------------------


def test_unannounced_visits_deduct_from_full_marks():
    rule = Rule("7", "暗访检查", D(15), scoring.MANUAL, {"mode": "deduction"})
    area = AreaFacts(
        "a",
        "青山镇",
        manual={
            "7": [ManualEntry(D(1), "垃圾乱堆", "刘敏", "10月3日"), ManualEntry(D("0.5"), "占道经营", "刘敏")]
        },
    )
    result = score(rule, area)
    assert result.points == D("13.50")
    assert result.working == "15 − 1.5 = 13.5"
    assert [f.source for f in result.figures] == ["垃圾乱堆", "占道经营"]
    assert score(rule, AreaFacts("b", "白沙镇")).points == D(15)


def test_bonus_items_are_capped():
    rule = Rule("8", "加分项", D(0), scoring.MANUAL, {"mode": "bonus", "cap": "3"})
    area = AreaFacts(
        "a", "青山镇", manual={"8": [ManualEntry(D(2), "省级表彰"), ManualEntry(D("1.5"), "经验推广")]}
    )
    result = score(rule, area)
    assert result.points == D(3)
    assert "封顶3分" in result.working


def test_a_score_given_outright_stays_within_the_weight():
    rule = Rule("9", "综合评价", D(10), scoring.MANUAL, {"mode": "score"})
    area = AreaFacts("a", "青山镇", manual={"9": [ManualEntry(D(8), "初评"), ManualEntry(D(12), "复评")]})
    assert score(rule, area).points == D(10)


def test_a_veto_grades_the_area_lowest_and_ranks_it_last():
    rules = [
        Rule("1", "暗访", D(100), scoring.MANUAL, {"mode": "deduction"}),
        Rule("2", "安全生产", D(0), scoring.VETO, {}),
    ]
    areas = [
        AreaFacts("a", "甲镇", manual={"2": [ManualEntry(D(0), "发生较大安全生产事故")]}),
        AreaFacts("b", "乙镇", manual={"1": [ManualEntry(D(20), "多处问题")]}),
        AreaFacts("c", "丙镇"),
    ]
    outcomes = {o.code: o for o in scoring.compute(rules, facts(*areas))}
    assert outcomes["a"].total == D(100)
    assert outcomes["a"].vetoed and outcomes["a"].grade == "不达标" and outcomes["a"].rank == 3
    assert (outcomes["c"].rank, outcomes["c"].grade) == (1, "优秀")
    assert (outcomes["b"].rank, outcomes["b"].grade) == (2, "良好")


# --- totals, ties, grades, movement ------------------------------------------------------------------


def test_equal_totals_share_a_rank_and_the_next_rank_skips():
    rules = [Rule("1", "暗访", D(100), scoring.MANUAL, {"mode": "deduction"})]
    areas = [
        AreaFacts("a", "甲镇", manual={"1": [ManualEntry(D(5), "x")]}),
        AreaFacts("b", "乙镇", manual={"1": [ManualEntry(D(5), "y")]}),
        AreaFacts("c", "丙镇"),
        AreaFacts("d", "丁镇", manual={"1": [ManualEntry(D(30), "z")]}),
    ]
    ranked = scoring.compute(rules, facts(*areas))
    assert [(o.code, o.rank) for o in ranked] == [("c", 1), ("a", 2), ("b", 2), ("d", 4)]


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (D(95), "优秀"),
        (D(90), "优秀"),
        (D("89.99"), "良好"),
        (D(80), "良好"),
        (D(60), "达标"),
        (D("59.5"), "不达标"),
    ],
)
def test_grades_follow_the_thresholds(total, expected):
    assert scoring.grade(total, scoring.DEFAULT_GRADES) == expected


def test_two_grade_schemes():
    assert scoring.grade(D(92), scoring.MODEL_GRADES) == "样板"
    assert scoring.grade(D(75), scoring.MODEL_GRADES) == "达标"


def test_movement_is_against_the_previous_periods_rank():
    rules = [Rule("1", "暗访", D(100), scoring.MANUAL, {"mode": "deduction"})]
    areas = [
        AreaFacts("a", "甲镇", manual={"1": [ManualEntry(D(5), "x")]}),
        AreaFacts("b", "乙镇"),
        AreaFacts("c", "丙镇"),
    ]
    ranked = {o.code: o for o in scoring.compute(rules, facts(*areas), previous_ranks={"a": 1, "b": 3})}
    assert ranked["a"].movement == -2 and scoring.movement_text(ranked["a"].movement) == "下降2位"
    assert ranked["b"].movement == 2 and scoring.movement_text(ranked["b"].movement) == "上升2位"
    assert ranked["c"].movement is None


def test_totals_add_up_the_rounded_points():
    rules = [
        Rule("1", "开工率", D("33.33"), scoring.PROJECT_START_RATE, {}),
        Rule("2", "暗访", D("66.67"), scoring.MANUAL, {"mode": "deduction"}),
    ]
    area = AreaFacts("a", "甲镇", projects=ProjectFigures(3, 2, 3))
    outcome = scoring.compute(rules, facts(area))[0]
    assert outcome.scores["1"].points == D("22.22")
    assert outcome.total == D("88.89")


# --- checks ----------------------------------------------------------------------------------------------


def test_weights_must_make_a_hundred():
    assert scoring.weight_problem([("manual", {}, D(60)), ("project_start_rate", {}, D(30))]) == (
        "各项权重合计应为100分，现为90分"
    )
    assert scoring.weight_problem([("manual", {}, D(100)), ("veto", {}, D(0))]) == ""
    assert "不占权重" in scoring.weight_problem([("manual", {}, D(100)), ("veto", {}, D(5))])


@pytest.mark.parametrize(
    ("rule", "params", "message"),
    [
        (scoring.INDICATOR_COMPLETION, {}, "请填写指标代码"),
        (scoring.INDICATOR_COMPLETION, {"indicator": "GDTZ", "against": "month"}, "比较基准"),
        (scoring.RANK_POINTS, {"measure": "closure_rate"}, "每降一名扣分"),
        (scoring.RANK_POINTS, {"measure": "wealth", "step": 1}, "排名依据"),
        (scoring.MANUAL, {"mode": "bonus"}, "封顶分值"),
        (scoring.OVERDUE_DEDUCTION, {"per_item": "-1"}, "不能为负数"),
        (scoring.OVERDUE_DEDUCTION, {"per_item": "一分"}, "应为数字"),
        (scoring.VETO, ["x"], "JSON 对象"),
    ],
)
def test_parameters_are_checked_per_rule_type(rule, params, message):
    with pytest.raises(scoring.ParamError, match=message):
        scoring.check_params(rule, params)


def test_an_explanation_survives_its_json_snapshot():
    rule = Rule("1", "固投进度", D(15), scoring.INDICATOR_SCHEDULE, {"indicator": GDTZ, "per_point": "0.5"})
    original = score(rule, AreaFacts("a", "青山镇", investment("6.6", "12")))
    assert scoring.Score.from_json(original.as_json()) == original
