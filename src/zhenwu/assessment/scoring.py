"""The scoring rules of an assessment (百分制考核): each criterion's points, with the reason why.

Plain functions over plain data: a scheme's criteria as :class:`Rule`, the period's figures as
:class:`Facts` (read from the ledger, projects and inspections by ``zhenwu.assessment.facts``).
Every score carries an :class:`Explanation`-like record (:class:`Score`): the rule in words, the
working (“8 × 50.2% ÷ 75.0% = 5.35”), and each figure used with where it came from.
Points are ``Decimal`` rounded to two places; a total is the sum of the rounded points, so the
table always adds up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zhenwu.figures import format_number, format_percent, format_points_vs_schedule
from zhenwu.ledger import progress

ZERO, HUNDRED = Decimal(0), Decimal(100)
CENT = Decimal("0.01")

# Rule types (the values of zhenwu.assessment.models.RuleType; plain strings so the rules need no Django).
INDICATOR_COMPLETION = "indicator_completion"
INDICATOR_SCHEDULE = "indicator_schedule"
PROJECT_START_RATE = "project_start_rate"
PROJECT_INVESTMENT_RATE = "project_investment_rate"
INSPECTION_CLOSURE = "inspection_closure"
OVERDUE_DEDUCTION = "overdue_deduction"
RANK_POINTS = "rank_points"
MANUAL = "manual"
VETO = "veto"

MANUAL_DEDUCTION, MANUAL_BONUS, MANUAL_SCORE = "deduction", "bonus", "score"
AGAINST_SCHEDULE, AGAINST_YEAR = "schedule", "year"

# What rank_points can rank by: measure → its name in words.
MEASURES = {
    "indicator_completion": "指标完成率",
    "indicator_growth": "指标同比增速",
    "indicator_value": "指标数值",
    "start_rate": "项目开工率",
    "investment_rate": "项目投资完成率",
    "closure_rate": "整改销号率",
}
INDICATOR_MEASURES = {"indicator_completion", "indicator_growth", "indicator_value"}


class ParamError(ValueError):
    """A criterion's parameters do not fit its rule; the message says what to write."""


# --- the facts the rules read ---------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorFigures:
    """One indicator of one area at the period's end: the 1-N月 figure, its target and last year's."""

    name: str
    unit: str
    value: Decimal | None
    target: Decimal | None
    last_year: Decimal | None = None
    direction: str = progress.HIGHER
    kind: str = progress.CUMULATIVE
    decimals: int = 2
    source: str = ""

    def shown(self, number: Decimal | None) -> str:
        return "无" if number is None else f"{format_number(number, self.decimals)}{self.unit}"


@dataclass(frozen=True)
class ProjectFigures:
    """An area's key projects at the period's end (money in 万元)."""

    count: int = 0
    started: int = 0
    due_to_start: int = 0
    annual_plan: Decimal = ZERO
    ytd: Decimal = ZERO
    source: str = ""

    @property
    def start_rate(self) -> Decimal | None:
        return self.started * HUNDRED / self.due_to_start if self.due_to_start else None

    @property
    def investment_rate(self) -> Decimal | None:
        return self.ytd * HUNDRED / self.annual_plan if self.annual_plan else None


@dataclass(frozen=True)
class InspectionFigures:
    """An area's findings: found in the period, closed by its end, and overdue at its end."""

    found: int = 0
    closed: int = 0
    overdue: int = 0
    closure_rate: Decimal | None = None
    source: str = ""


@dataclass(frozen=True)
class ManualEntry:
    """One score an assessor entered: points (deducted, added or given) and the reason."""

    points: Decimal
    reason: str
    by: str = ""
    on: str = ""


@dataclass
class AreaFacts:
    """Everything the rules may read about one assessed area."""

    code: str
    name: str
    indicators: dict[str, IndicatorFigures] = field(default_factory=dict)  # indicator code → figures
    projects: ProjectFigures | None = None
    inspections: InspectionFigures | None = None
    manual: dict[str, list[ManualEntry]] = field(default_factory=dict)  # criterion key → entries


@dataclass
class Facts:
    """The period's figures for all assessed areas; ``month`` is the period's last month (时序进度)."""

    month: int
    period_label: str
    areas: list[AreaFacts]


@dataclass(frozen=True)
class Rule:
    """A criterion as the rules see it: name, weight (分值), rule type and its parameters."""

    key: str
    name: str
    weight: Decimal
    rule: str
    params: Mapping = field(default_factory=dict)


# --- the explanation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure a score used: what it is, its value as written, and where it came from."""

    label: str
    value: str
    source: str = ""


@dataclass(frozen=True)
class Score:
    """A criterion's points for one area and why: the rule, the working and the figures."""

    points: Decimal
    rule: str
    working: str
    figures: tuple[Figure, ...] = ()
    vetoed: bool = False

    def as_json(self) -> dict:
        """The snapshot stored with a result (JSON-safe: points as text)."""
        data = asdict(self)
        data["points"] = str(self.points)
        data["figures"] = [asdict(figure) for figure in self.figures]
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> Score:
        return cls(
            points=Decimal(data["points"]),
            rule=data["rule"],
            working=data["working"],
            figures=tuple(Figure(**figure) for figure in data.get("figures", ())),
            vetoed=data.get("vetoed", False),
        )


def points(value: Decimal) -> Decimal:
    """Round points half up to two places, the way score sheets do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def show(value: Decimal) -> str:
    """Points as written in a score sheet: 7.5, 10, 3.25.

    >>> show(Decimal("7.50")), show(Decimal("10.00"))
    ('7.5', '10')
    """
    return format_number(points(value).normalize())


def _percent(value: Decimal | None) -> str:
    return "无" if value is None else format_percent(value)


def _clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(high, value))


# --- parameters -----------------------------------------------------------------------------------------


def _decimal(
    params: Mapping, name: str, label: str, *, required: bool = True, default=None
) -> Decimal | None:
    raw = params.get(name, default)
    if raw in (None, ""):
        if required:
            raise ParamError(f"请填写“{label}”（参数 {name}）")
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation as error:
        raise ParamError(f"“{label}”应为数字，收到 {raw!r}") from error
    if value < 0:
        raise ParamError(f"“{label}”不能为负数")
    return value


def _choice(params: Mapping, name: str, label: str, choices: Iterable[str], default: str) -> str:
    value = params.get(name, default)
    if value not in choices:
        raise ParamError(f"“{label}”应为 {'、'.join(choices)} 之一，收到 {value!r}")
    return value


def _indicator(params: Mapping) -> str:
    code = str(params.get("indicator", "")).strip()
    if not code:
        raise ParamError("请填写指标代码（参数 indicator），如 GDTZ")
    return code


def check_params(rule: str, params: Mapping | None) -> dict:
    """The parameters of a rule, checked and with defaults filled in; :class:`ParamError` says what is wrong.

    >>> check_params(INDICATOR_SCHEDULE, {"indicator": "GDTZ", "per_point": "0.5"})
    {'indicator': 'GDTZ', 'per_point': '0.5'}
    >>> check_params(OVERDUE_DEDUCTION, {})
    Traceback (most recent call last):
    ...
    zhenwu.assessment.scoring.ParamError: 请填写“每项扣分”（参数 per_item）
    """
    if params is None:
        params = {}
    if not isinstance(params, Mapping):
        raise ParamError('参数应为 JSON 对象，如 {"indicator": "GDTZ"}')
    if rule == INDICATOR_COMPLETION:
        cleaned = {"indicator": _indicator(params)}
        cleaned["against"] = _choice(
            params, "against", "比较基准", (AGAINST_SCHEDULE, AGAINST_YEAR), AGAINST_SCHEDULE
        )
        return cleaned
    if rule == INDICATOR_SCHEDULE:
        _decimal(params, "per_point", "每落后1个百分点扣分")
        return {"indicator": _indicator(params), "per_point": str(params["per_point"])}
    if rule == PROJECT_INVESTMENT_RATE:
        return {
            "against": _choice(
                params, "against", "比较基准", (AGAINST_SCHEDULE, AGAINST_YEAR), AGAINST_SCHEDULE
            )
        }
    if rule in (PROJECT_START_RATE, INSPECTION_CLOSURE, VETO):
        return {}
    if rule == OVERDUE_DEDUCTION:
        _decimal(params, "per_item", "每项扣分")
        return {"per_item": str(params["per_item"])}
    if rule == RANK_POINTS:
        measure = _choice(params, "measure", "排名依据", MEASURES, "")
        cleaned = {"measure": measure}
        if measure in INDICATOR_MEASURES:
            cleaned["indicator"] = _indicator(params)
        _decimal(params, "step", "每降一名扣分")
        cleaned["step"] = str(params["step"])
        floor = _decimal(params, "floor", "最低得分", required=False)
        if floor is not None:
            cleaned["floor"] = str(floor)
        return cleaned
    if rule == MANUAL:
        mode = _choice(
            params, "mode", "评分方式", (MANUAL_DEDUCTION, MANUAL_BONUS, MANUAL_SCORE), MANUAL_DEDUCTION
        )
        cleaned = {"mode": mode}
        cap = _decimal(params, "cap", "封顶分值", required=mode == MANUAL_BONUS)
        if cap is not None:
            cleaned["cap"] = str(cap)
        return cleaned
    raise ParamError(f"未知的计分规则 {rule!r}")


def outside_hundred(rule: str, params: Mapping | None = None) -> bool:
    """Bonus items (加分项) and vetoes (一票否决) sit outside the 百分制: their weight is 0."""
    return rule == VETO or (rule == MANUAL and (params or {}).get("mode") == MANUAL_BONUS)


def weight_problem(rules: Iterable[tuple[str, Mapping, Decimal]]) -> str:
    """Why a scheme's weights do not make a 百分制 ("" when they do).

    ``rules`` are (rule type, params, weight). The scored criteria must add up to 100; bonus
    items and vetoes carry weight 0.

    >>> weight_problem([(MANUAL, {}, Decimal(60)), (VETO, {}, Decimal(0))])
    '各项权重合计应为100分，现为60分'
    """
    total = ZERO
    for rule, params, weight in rules:
        if outside_hundred(rule, params):
            if weight:
                return "加分项和一票否决项不占权重，分值请填0（加分上限写在参数 cap 中）"
            continue
        if weight <= 0:
            return "计分项的权重应大于0"
        total += weight
    if total != HUNDRED:
        return f"各项权重合计应为100分，现为{show(total)}分"
    return ""


# --- the rules --------------------------------------------------------------------------------------------


def _missing(rule_text: str, what: str, source: str = "") -> Score:
    return Score(ZERO, rule_text, f"{what}，不得分", (Figure("数据", "无", source),))


def _ratio_score(weight: Decimal, rate: Decimal, basis: Decimal) -> tuple[Decimal, str]:
    """weight × min(rate ÷ basis, 1): full points once the basis is reached, never more."""
    ratio = min(rate / basis, Decimal(1)) if basis else Decimal(1)
    earned = points(weight * ratio)
    working = f"{show(weight)} × {_percent(rate)} ÷ {_percent(basis)} = {show(earned)}"
    if ratio == 1:
        working = f"{_percent(rate)} ≥ {_percent(basis)}，得满分{show(weight)}"
    return earned, working


def indicator_completion(rule: Rule, area: AreaFacts, month: int) -> Score:
    """指标完成率计分: weight × 完成率 ÷ 基准, at most the full weight.

    The basis is 时序进度 (a quarter's share of the year; 100% for a level to hold) or the whole
    year's target. A figure not reported scores nothing.
    """
    figures = area.indicators.get(rule.params["indicator"])
    against = rule.params.get("against", AGAINST_SCHEDULE)
    basis_name = "时序进度" if against == AGAINST_SCHEDULE else "全年目标"
    text = (
        f"{figures.name if figures else rule.params['indicator']}完成率对照{basis_name}按比例得分，满分封顶"
    )
    if figures is None or figures.value is None or figures.target is None:
        return _missing(text, "未填报或无目标", figures.source if figures else "")
    rate = progress.completion(figures.value, figures.target, figures.direction, figures.kind)
    if rate is None:
        return _missing(text, "无法计算完成率", figures.source)
    schedule = progress.expected_progress(figures.kind, progress.schedule_by_months(month))
    basis = schedule if against == AGAINST_SCHEDULE else HUNDRED
    earned, working = _ratio_score(rule.weight, rate, basis)
    return Score(
        earned,
        text,
        working,
        (
            Figure("完成值", figures.shown(figures.value), figures.source),
            Figure("年度目标", figures.shown(figures.target), figures.source),
            Figure("完成率", _percent(rate)),
            Figure(basis_name, _percent(basis)),
        ),
    )


def indicator_schedule(rule: Rule, area: AreaFacts, month: int) -> Score:
    """对照时序进度扣分: full points at or ahead of 时序进度; each 百分点 behind costs ``per_point``, down to 0."""
    figures = area.indicators.get(rule.params["indicator"])
    per_point = Decimal(str(rule.params["per_point"]))
    name = figures.name if figures else rule.params["indicator"]
    text = f"{name}达到时序进度得满分，每低于1个百分点扣{show(per_point)}分，扣完为止"
    if figures is None or figures.value is None or figures.target is None:
        return _missing(text, "未填报或无目标", figures.source if figures else "")
    rate = progress.completion(figures.value, figures.target, figures.direction, figures.kind)
    schedule = progress.schedule_by_months(month)
    gap = progress.gap_points(rate, schedule, figures.direction, figures.kind)
    if gap is None:
        return _missing(text, "无法计算完成率", figures.source)
    behind = max(ZERO, -gap)
    earned = points(max(ZERO, rule.weight - per_point * behind))
    if behind:
        working = (
            f"{format_points_vs_schedule(gap)}，{show(rule.weight)} − {format_number(behind, 1)} × "
            f"{show(per_point)} = {show(earned)}"
        )
    else:
        working = f"{format_points_vs_schedule(gap)}，得满分{show(rule.weight)}"
    return Score(
        earned,
        text,
        working,
        (
            Figure("完成值", figures.shown(figures.value), figures.source),
            Figure("年度目标", figures.shown(figures.target), figures.source),
            Figure("完成率", _percent(rate)),
            Figure("时序进度", _percent(progress.expected_progress(figures.kind, schedule))),
        ),
    )


def project_start_rate(rule: Rule, area: AreaFacts, month: int) -> Score:
    """项目开工率计分: weight × 开工率; with no project due to start yet, full points (nothing is late)."""
    text = "重点项目开工率×分值（应开工项目全部开工得满分）"
    projects = area.projects or ProjectFigures()
    figures = (
        Figure("应开工项目", f"{projects.due_to_start}个", projects.source),
        Figure("已开工项目", f"{projects.started}个", projects.source),
        Figure("开工率", _percent(projects.start_rate)),
    )
    if projects.start_rate is None:
        return Score(rule.weight, text, f"无应开工项目，得满分{show(rule.weight)}", figures)
    earned, working = _ratio_score(rule.weight, projects.start_rate, HUNDRED)
    return Score(earned, text, working, figures)


def project_investment_rate(rule: Rule, area: AreaFacts, month: int) -> Score:
    """项目投资完成率计分: weight × 投资完成率 ÷ 基准 (时序进度 or the year's plan), at most the weight."""
    against = rule.params.get("against", AGAINST_SCHEDULE)
    basis_name = "时序进度" if against == AGAINST_SCHEDULE else "年度计划"
    text = f"重点项目投资完成率对照{basis_name}按比例得分，满分封顶"
    projects = area.projects or ProjectFigures()
    basis = progress.schedule_by_months(month) if against == AGAINST_SCHEDULE else HUNDRED
    figures = (
        Figure("年度计划投资", f"{format_number(projects.annual_plan, 0)}万元", projects.source),
        Figure("累计完成投资", f"{format_number(projects.ytd, 0)}万元", projects.source),
        Figure("投资完成率", _percent(projects.investment_rate)),
        Figure(basis_name, _percent(basis)),
    )
    if projects.investment_rate is None:
        return Score(rule.weight, text, f"本年无计划投资的重点项目，得满分{show(rule.weight)}", figures)
    earned, working = _ratio_score(rule.weight, projects.investment_rate, basis)
    return Score(earned, text, working, figures)


def inspection_closure(rule: Rule, area: AreaFacts, month: int) -> Score:
    """整改销号率计分: weight × 销号率 of the period's findings; no findings, full points."""
    text = "本期督查发现问题的整改销号率×分值（未发现问题得满分）"
    found = area.inspections or InspectionFigures()
    figures = (
        Figure("本期发现问题", f"{found.found}个", found.source),
        Figure("期末已销号", f"{found.closed}个", found.source),
        Figure("整改销号率", _percent(found.closure_rate)),
    )
    if found.closure_rate is None:
        return Score(rule.weight, text, f"本期未发现问题，得满分{show(rule.weight)}", figures)
    earned, working = _ratio_score(rule.weight, found.closure_rate, HUNDRED)
    return Score(earned, text, working, figures)


def overdue_deduction(rule: Rule, area: AreaFacts, month: int) -> Score:
    """逾期未整改扣分: each finding open past its deadline at the period's end costs ``per_item``, down to 0."""
    per_item = Decimal(str(rule.params["per_item"]))
    text = f"每有1个逾期未整改问题扣{show(per_item)}分，扣完为止"
    found = area.inspections or InspectionFigures()
    earned = points(max(ZERO, rule.weight - per_item * found.overdue))
    working = (
        f"{show(rule.weight)} − {found.overdue} × {show(per_item)} = {show(earned)}"
        if found.overdue
        else f"无逾期未整改问题，得满分{show(rule.weight)}"
    )
    return Score(earned, text, working, (Figure("期末逾期未整改", f"{found.overdue}个", found.source),))


def manual(rule: Rule, area: AreaFacts, month: int) -> Score:
    """人工评分: 暗访 deductions from the full weight, bonus items up to a cap, or a score given outright."""
    entries = area.manual.get(rule.key, [])
    mode = rule.params.get("mode", MANUAL_DEDUCTION)
    cap = Decimal(str(rule.params["cap"])) if rule.params.get("cap") not in (None, "") else None
    figures = tuple(
        Figure(f"{entry.on} {entry.by}".strip() or "评分", show(entry.points), entry.reason)
        for entry in entries
    )
    total = sum((entry.points for entry in entries), ZERO)
    if mode == MANUAL_BONUS:
        text = f"加分项，累计最高加{show(cap)}分"
        earned = points(min(total, cap))
        working = (
            f"加分合计{show(total)}分"
            + (f"，封顶{show(cap)}分" if total > cap else "")
            + f"，得{show(earned)}分"
        )
        return Score(earned, text, working if entries else "无加分", figures)
    if mode == MANUAL_SCORE:
        text = f"由考核人员直接评分，满分{show(rule.weight)}分"
        if not entries:
            return Score(ZERO, text, "尚未评分，不得分")
        earned = points(_clamp(entries[-1].points, ZERO, rule.weight))
        return Score(earned, text, f"评定{show(earned)}分", figures[-1:])
    limit = min(cap, rule.weight) if cap is not None else rule.weight
    text = f"满分{show(rule.weight)}分，按暗访检查等发现的问题逐项扣分，最多扣{show(limit)}分"
    deducted = min(total, limit)
    earned = points(rule.weight - deducted)
    if not entries:
        return Score(earned, text, f"无扣分，得满分{show(rule.weight)}")
    return Score(earned, text, f"{show(rule.weight)} − {show(deducted)} = {show(earned)}", figures)


def veto(rule: Rule, area: AreaFacts, month: int) -> Score:
    """一票否决: any entry with a reason vetoes the area (graded lowest and ranked after the others)."""
    entries = area.manual.get(rule.key, [])
    text = "发生否决事项的，考核等次直接定为最低等次，排名列后"
    if not entries:
        return Score(ZERO, text, "未发生否决事项")
    figures = tuple(
        Figure(f"{entry.on} {entry.by}".strip() or "否决", "一票否决", entry.reason) for entry in entries
    )
    return Score(ZERO, text, f"一票否决：{entries[0].reason}", figures, vetoed=True)


PER_AREA_RULES = {
    INDICATOR_COMPLETION: indicator_completion,
    INDICATOR_SCHEDULE: indicator_schedule,
    PROJECT_START_RATE: project_start_rate,
    PROJECT_INVESTMENT_RATE: project_investment_rate,
    INSPECTION_CLOSURE: inspection_closure,
    OVERDUE_DEDUCTION: overdue_deduction,
    MANUAL: manual,
    VETO: veto,
}


# --- rank to points -----------------------------------------------------------------------------------


def measure_of(rule: Rule, area: AreaFacts, month: int) -> tuple[Decimal | None, bool, tuple[Figure, ...]]:
    """The figure ``rank_points`` ranks by, whether higher is better, and the figures behind it."""
    measure = rule.params["measure"]
    if measure in INDICATOR_MEASURES:
        figures = area.indicators.get(rule.params["indicator"])
        if figures is None:
            return None, True, ()
        lower_better = figures.direction == progress.LOWER
        if measure == "indicator_value":
            return (
                figures.value,
                not lower_better,
                (Figure(figures.name, figures.shown(figures.value), figures.source),),
            )
        if measure == "indicator_growth":
            growth = progress.year_on_year(figures.value, figures.last_year).percent
            return (
                growth,
                not lower_better,
                (
                    Figure(figures.name, figures.shown(figures.value), figures.source),
                    Figure("上年同期", figures.shown(figures.last_year), figures.source),
                    Figure("同比增速", _percent(growth)),
                ),
            )
        rate = progress.completion(figures.value, figures.target, figures.direction, figures.kind)
        # completion() already turns a lower-is-better level round; a lower-is-better allowance is not.
        higher = not (lower_better and figures.kind != progress.LEVEL)
        return (
            rate,
            higher,
            (
                Figure(figures.name, figures.shown(figures.value), figures.source),
                Figure("年度目标", figures.shown(figures.target), figures.source),
                Figure("完成率", _percent(rate)),
            ),
        )
    if measure == "closure_rate":
        found = area.inspections or InspectionFigures()
        return found.closure_rate, True, (Figure("整改销号率", _percent(found.closure_rate), found.source),)
    projects = area.projects or ProjectFigures()
    rate = projects.start_rate if measure == "start_rate" else projects.investment_rate
    return rate, True, (Figure(MEASURES[measure], _percent(rate), projects.source),)


def competition_ranks(values: Mapping[str, Decimal], higher_is_better: bool = True) -> dict[str, int]:
    """Rank with ties (并列): equal values share a rank and the next rank skips (1, 2, 2, 4).

    >>> competition_ranks({"a": Decimal(90), "b": Decimal(80), "c": Decimal(80), "d": Decimal(70)})
    {'a': 1, 'b': 2, 'c': 2, 'd': 4}
    """
    ordered = sorted(values.items(), key=lambda item: item[1], reverse=higher_is_better)
    ranks: dict[str, int] = {}
    previous = None
    for position, (key, value) in enumerate(ordered, start=1):
        if previous is None or value != previous[1]:
            previous = (position, value)
        ranks[key] = previous[0]
    return ranks


def rank_points(rule: Rule, facts: Facts) -> dict[str, Score]:
    """排名计分: 第一名得满分，每降一名扣 ``step`` 分 (not below ``floor``); ties share a rank.

    Areas without the figure come last with the floor.
    """
    step = Decimal(str(rule.params["step"]))
    floor = Decimal(str(rule.params.get("floor") or 0))
    measure_name = MEASURES[rule.params["measure"]]
    text = f"按{measure_name}排名，第一名得满分{show(rule.weight)}分，每降一名扣{show(step)}分"
    if floor:
        text += f"，最低{show(floor)}分"
    measured = {area.code: measure_of(rule, area, facts.month) for area in facts.areas}
    higher = next((better for _, better, _ in measured.values()), True)
    present = {code: value for code, (value, _, _) in measured.items() if value is not None}
    ranks = competition_ranks(present, higher)
    scores = {}
    for code, (value, _, figures) in measured.items():
        if value is None:
            scores[code] = Score(
                points(floor), text, f"无{measure_name}数据，按最低分{show(floor)}计", figures
            )
            continue
        rank = ranks[code]
        earned = points(max(floor, rule.weight - step * (rank - 1)))
        working = f"第{rank}名（共{len(present)}个），{show(rule.weight)} − {rank - 1} × {show(step)} = {show(earned)}"
        scores[code] = Score(earned, text, working, (*figures, Figure("排名", f"第{rank}名")))
    return scores


def score_criterion(rule: Rule, facts: Facts) -> dict[str, Score]:
    """One criterion's score for every assessed area (area code → score)."""
    if rule.rule == RANK_POINTS:
        return rank_points(rule, facts)
    function = PER_AREA_RULES[rule.rule]
    return {area.code: function(rule, area, facts.month) for area in facts.areas}


# --- totals, ranks, grades, movement ------------------------------------------------------------------


DEFAULT_GRADES = [("优秀", Decimal(90)), ("良好", Decimal(80)), ("达标", Decimal(60)), ("不达标", ZERO)]
MODEL_GRADES = [("样板", Decimal(90)), ("达标", Decimal(70)), ("不达标", ZERO)]


def grade(total: Decimal, grades: list[tuple[str, Decimal]], vetoed: bool = False) -> str:
    """The grade whose threshold the total reaches (thresholds from the highest down); a veto gives the lowest.

    >>> grade(Decimal("85.5"), DEFAULT_GRADES), grade(Decimal("95"), DEFAULT_GRADES, vetoed=True)
    ('良好', '不达标')
    """
    if vetoed:
        return grades[-1][0]
    for label, threshold in grades:
        if total >= threshold:
            return label
    return grades[-1][0]


def check_grades(grades: list) -> list[tuple[str, Decimal]]:
    """Grades as (label, lowest total) from the highest down; :class:`ParamError` when they are not."""
    try:
        cleaned = [(str(label).strip(), Decimal(str(threshold))) for label, threshold in grades]
    except (TypeError, ValueError, InvalidOperation) as error:
        raise ParamError('等次应写成 [["优秀", 90], ["良好", 80], …, ["不达标", 0]]') from error
    if len(cleaned) < 2 or any(not label for label, _ in cleaned):
        raise ParamError("至少需要两个等次，且每个等次都要有名称")
    thresholds = [threshold for _, threshold in cleaned]
    if thresholds != sorted(thresholds, reverse=True) or len(set(thresholds)) != len(thresholds):
        raise ParamError("等次分数线应从高到低排列且互不相同")
    if thresholds[-1] != 0:
        raise ParamError("最低等次的分数线应为0")
    return cleaned


def movement(rank: int, previous_rank: int | None) -> int | None:
    """升降位次: positive when the area climbed (from 5th to 3rd is +2); None without a previous rank."""
    return None if previous_rank is None else previous_rank - rank


def movement_text(change: int | None) -> str:
    """How a 通报 writes the movement: 上升2位, 下降1位, 持平, 新进.

    >>> movement_text(2), movement_text(-1), movement_text(0), movement_text(None)
    ('上升2位', '下降1位', '持平', '—')
    """
    if change is None:
        return "—"
    if change == 0:
        return "持平"
    return f"上升{change}位" if change > 0 else f"下降{-change}位"


@dataclass
class Outcome:
    """One area's line of a result: scores by criterion key, total, rank, grade and movement."""

    code: str
    name: str
    scores: dict[str, Score]
    total: Decimal
    vetoed: bool
    rank: int = 0
    grade: str = ""
    movement: int | None = None


def rank_outcomes(outcomes: list[Outcome]) -> list[Outcome]:
    """Rank by total with ties (并列); vetoed areas come after all others, ranked among themselves."""
    clear = competition_ranks({o.code: o.total for o in outcomes if not o.vetoed})
    vetoed = competition_ranks({o.code: o.total for o in outcomes if o.vetoed})
    for outcome in outcomes:
        outcome.rank = vetoed[outcome.code] + len(clear) if outcome.vetoed else clear[outcome.code]
    return sorted(outcomes, key=lambda o: (o.rank, o.code))


def compute(
    rules: list[Rule],
    facts: Facts,
    grades: list[tuple[str, Decimal]] = DEFAULT_GRADES,
    previous_ranks: Mapping[str, int] | None = None,
) -> list[Outcome]:
    """Score every area on every criterion, total, rank, grade and compare with the previous period's ranks."""
    by_rule = {rule.key: score_criterion(rule, facts) for rule in rules}
    outcomes = []
    for area in facts.areas:
        scores = {rule.key: by_rule[rule.key][area.code] for rule in rules}
        vetoed = any(score.vetoed for score in scores.values())
        total = sum((score.points for score in scores.values()), ZERO)
        outcomes.append(Outcome(area.code, area.name, scores, total, vetoed))
    ranked = rank_outcomes(outcomes)
    for outcome in ranked:
        outcome.grade = grade(outcome.total, grades, outcome.vetoed)
        outcome.movement = movement(outcome.rank, (previous_ranks or {}).get(outcome.code))
    return ranked
