"""The ledger's rules: 完成率, 时序进度, the gap in 百分点, 同比, 占比, aggregation up the tree.

Pure functions over ``Decimal``; nothing here touches the database. Percentages are returned
as numbers of per cent (``Decimal("50.2")`` means 50.2%), rounded only when shown.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
DUE_DAY = 5  # a month's figures and project updates are due by the 5th of the next month
HIGHER, LOWER = "higher", "lower"  # Direction values
CUMULATIVE, FLOW, LEVEL = "cumulative", "flow", "level"  # Kind values
SUM, RATIO, NONE = "sum", "ratio", "none"  # Aggregation values


# --- 时序进度 -----------------------------------------------------------------------------------


@functools.cache  # twelve possible answers, asked for every figure of a table
def schedule_by_months(month: int) -> Decimal:
    """时序进度 at the end of month N: N/12 of the year has passed ("时间过半" at the end of June).

    >>> schedule_by_months(6)
    Decimal('50')
    >>> round(schedule_by_months(1), 1)
    Decimal('8.3')
    """
    if not 1 <= month <= 12:
        raise ValueError(f"月份应在 1 到 12 之间，收到 {month}")
    return Decimal(month) * HUNDRED / 12


def schedule_by_days(day: date) -> Decimal:
    """时序进度 counted in days: the share of the year's days passed by the end of ``day``.

    >>> round(schedule_by_days(date(2025, 6, 30)), 1)
    Decimal('49.6')
    """
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return Decimal(day.timetuple().tm_yday) * HUNDRED / days_in_year


# --- 完成率 and the gap ---------------------------------------------------------------------------


def completion(
    value: Decimal | None, target: Decimal | None, direction: str = HIGHER, kind: str = CUMULATIVE
):
    """完成率: how much of the annual target is done, in per cent ("占全年目标的50.2%").

    For a higher-is-better figure it is value ÷ target. A lower-is-better *level* (PM2.5, 单位能耗)
    is inverted — target ÷ value, so beating the target reads above 100%. A lower-is-better
    *cumulative* figure (事故起数, a yearly allowance) stays value ÷ target: the share of the
    allowance used, which the gap then compares the other way round. Missing figures or a zero
    target give ``None`` (nothing to say), never a made-up number.

    >>> completion(Decimal("6.02"), Decimal("12"))
    Decimal('50.16666666666666666666666667')
    >>> completion(Decimal("30"), Decimal("35"), LOWER, LEVEL).quantize(Decimal("0.1"))
    Decimal('116.7')
    """
    if value is None or target is None or target == 0:
        return None
    if direction == LOWER and kind == LEVEL:
        if value == 0:
            return None
        return target * HUNDRED / value
    return value * HUNDRED / target


def expected_progress(kind: str, schedule: Decimal) -> Decimal:
    """What 完成率 should be by now: 时序进度 for figures that build up, 100% for a level to hold."""
    return HUNDRED if kind == LEVEL else schedule


def gap_points(rate: Decimal | None, schedule: Decimal, direction: str = HIGHER, kind: str = CUMULATIVE):
    """The gap to 时序进度 in 百分点: positive is ahead ("超时序进度"), negative behind ("低于时序进度").

    Using an allowance (lower-is-better, cumulative) faster than time passes is behind.

    >>> gap_points(Decimal("45"), Decimal("50"))
    Decimal('-5')
    >>> gap_points(Decimal("40"), Decimal("50"), LOWER)
    Decimal('10')
    """
    if rate is None:
        return None
    expected = expected_progress(kind, schedule)
    if direction == LOWER and kind != LEVEL:
        return expected - rate
    return rate - expected


class Standing:
    """Labels of a gap's status; plain strings so templates and Excel can use them directly."""

    AHEAD = "超序时"
    ON_TRACK = "正常"
    LAGGING = "滞后"
    SEVERE = "严重滞后"
    UNKNOWN = "无数据"


@dataclass(frozen=True)
class Thresholds:
    """Where the statuses change, in 百分点 of gap to 时序进度 (configurable per county)."""

    ahead_from: Decimal = Decimal(5)  # at least this far ahead: 超序时
    lagging_below: Decimal = Decimal(0)  # below this: 滞后
    severe_below: Decimal = Decimal(-10)  # below this: 严重滞后


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Rules:
    """An area's reporting rules: the status thresholds, the deadline day, how 时序进度 is counted."""

    thresholds: Thresholds = DEFAULT_THRESHOLDS
    due_day: int = DUE_DAY
    by_days: bool = False  # 时序进度 as days passed ÷ days in the year, instead of N/12

    def schedule(self, year: int, month: int) -> Decimal:
        """时序进度 at the end of ``month``: N/12, or counted in days when the area chose so.

        >>> Rules().schedule(2025, 6), round(Rules(by_days=True).schedule(2025, 6), 1)
        (Decimal('50'), Decimal('49.6'))
        """
        if not self.by_days:
            return schedule_by_months(month)
        return schedule_by_days(date(year, month, calendar.monthrange(year, month)[1]))


DEFAULT_RULES = Rules()


def explain_rules(rules: Rules) -> list[str]:
    """The rules in the words a county's 通知 would use, one sentence each.

    >>> explain_rules(DEFAULT_RULES)[1]
    '完成率快于时序进度 5 个百分点及以上为“超序时”；与时序进度持平或快于不足 5 个百分点为“正常”。'
    """
    t = rules.thresholds
    basis = "按已过天数占全年天数计算" if rules.by_days else "按已过月数除以 12 计算"
    normal = (
        f"与时序进度持平或快于不足 {_plain(t.ahead_from)} 个百分点为“正常”"
        if t.lagging_below == 0
        else f"差距在 {_plain(t.lagging_below)} 至 {_plain(t.ahead_from)} 个百分点之间为“正常”"
    )
    return [
        f"每月数据于次月 {rules.due_day} 日前报送，逾期未报的单位标为逾期。时序进度{basis}。",
        f"完成率快于时序进度 {_plain(t.ahead_from)} 个百分点及以上为“超序时”；{normal}。",
        f"差距低于 {_plain(t.lagging_below)} 个百分点为“滞后”，低于 {_plain(t.severe_below)} 个百分点为“严重滞后”。",
    ]


def summarize_rules(rules: Rules) -> str:
    """The rules on one line, for a 修改记录.

    >>> summarize_rules(DEFAULT_RULES)
    '次月5日前报送；时序进度按月；超序时 ≥ 5，滞后 < 0，严重滞后 < -10（百分点）'
    """
    t = rules.thresholds
    return (
        f"次月{rules.due_day}日前报送；时序进度{'按天' if rules.by_days else '按月'}；"
        f"超序时 ≥ {_plain(t.ahead_from)}，滞后 < {_plain(t.lagging_below)}，"
        f"严重滞后 < {_plain(t.severe_below)}（百分点）"
    )


def standing(gap: Decimal | None, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> str:
    """超序时 / 正常 / 滞后 / 严重滞后 from the gap in 百分点.

    >>> standing(Decimal("6")), standing(Decimal("0")), standing(Decimal("-3")), standing(Decimal("-12"))
    ('超序时', '正常', '滞后', '严重滞后')
    """
    if gap is None:
        return Standing.UNKNOWN
    if gap < thresholds.severe_below:
        return Standing.SEVERE
    if gap < thresholds.lagging_below:
        return Standing.LAGGING
    if gap >= thresholds.ahead_from:
        return Standing.AHEAD
    return Standing.ON_TRACK


# --- 同比 -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)  # slots: tens of thousands of them in a province's table
class YearOnYear:
    """同比: the change against the same period of last year, with the word a report uses."""

    percent: Decimal | None
    word: str  # 增长 / 下降 / 持平, or 无上年数据

    @property
    def magnitude(self) -> Decimal | None:
        return None if self.percent is None else abs(self.percent)

    @property
    def text(self) -> str:
        """As a report puts it: "增长 26.6%", "下降 3.0%", "持平", or why there is no rate.

        >>> YearOnYear(Decimal("-3"), "下降").text, YearOnYear(Decimal(0), "持平").text
        ('下降 3.0%', '持平')
        """
        if self.percent is None or self.word == "持平":
            return self.word
        return f"{self.word} {self.magnitude.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def year_on_year(current: Decimal | None, last_year: Decimal | None, places: int = 1) -> YearOnYear:
    """同比增长/下降/持平 of this period against the same period last year.

    "持平" when the change rounds to zero at the shown precision. Without last year's figure
    (or when it was zero) there is no rate to give.

    >>> year_on_year(Decimal("126.6"), Decimal("100"))
    YearOnYear(percent=Decimal('26.6'), word='增长')
    >>> year_on_year(Decimal("90"), None).word, year_on_year(None, Decimal("90")).word
    ('无上年数据', '本期未报')
    """
    if current is None:
        return YearOnYear(None, "本期未报")
    if last_year is None or last_year == 0:
        return YearOnYear(None, "无上年数据" if last_year is None else "上年为零")
    change = (current - last_year) * HUNDRED / abs(last_year)
    if round(change, places) == 0:
        return YearOnYear(Decimal(0), "持平")
    return YearOnYear(change, "增长" if change > 0 else "下降")


# --- 占比 and values to date -----------------------------------------------------------------------


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """占比: the part's share of the whole (a town's share of the county), in per cent.

    >>> share(Decimal("3"), Decimal("12"))
    Decimal('25')
    """
    if part is None or whole is None or whole == 0:
        return None
    return part * HUNDRED / whole


def to_date(kind: str, monthly: Mapping[int, Decimal], month: int) -> Decimal | None:
    """The 1-N月 figure a report states, from the figures entered month by month.

    A cumulative indicator is entered as 1-N月 already; a flow indicator is summed over the
    months so far, and has no 1-N月 figure until month N itself is reported (a sum missing its
    last month would understate); a level is the latest figure at or before month N.

    >>> to_date(FLOW, {1: Decimal(3), 2: Decimal(4)}, 2)
    Decimal('7')
    >>> to_date(FLOW, {1: Decimal(3)}, 2) is None
    True
    >>> to_date(LEVEL, {1: Decimal("40.1"), 3: Decimal("41.0")}, 2)
    Decimal('40.1')
    """
    if kind == CUMULATIVE:
        return monthly.get(month)
    if kind == FLOW:
        if month not in monthly:
            return None
        return sum((value for m, value in monthly.items() if m <= month), Decimal(0))
    earlier = [m for m in monthly if m <= month]
    return monthly[max(earlier)] if earlier else None


def entry_basis(kind: str, month: int) -> str:
    """What a clerk types for ``month``: 1-N月累计, the month's own count, or the level at its end.

    >>> entry_basis(CUMULATIVE, 11), entry_basis(FLOW, 11), entry_basis(LEVEL, 11), entry_basis(LEVEL, 12)
    ('1-11月累计', '11月当月', '期末数', '年末数')
    """
    if kind == FLOW:
        return f"{month}月当月"
    if kind == LEVEL:
        return "年末数" if month == 12 else "期末数"
    return f"1-{month}月累计"


def previous_period(year: int, month: int) -> tuple[int, int]:
    """The month before (January goes back to last December)."""
    return (year - 1, 12) if month == 1 else (year, month - 1)


def implausible_jump(
    kind: str, value: Decimal, previous: Decimal | None, factor: Decimal = Decimal(3)
) -> str:
    """A warning (not an error) when a figure jumps implausibly against the previous month.

    A 1-N月 cumulative figure may not fall within a year, and no figure should multiply by
    ``factor`` or more from one month to the next. January starts a new year, so the caller passes
    no previous figure for cumulative indicators then. Returns "" when the figure looks fine.

    >>> implausible_jump(CUMULATIVE, Decimal("5"), Decimal("6"))
    '累计数比上月（6）还小，请核实'
    >>> implausible_jump(FLOW, Decimal("40"), Decimal("10"))
    '是上月（10）的 4 倍，请核实'
    """
    if previous is None:
        return ""
    if kind == CUMULATIVE and value < previous:
        return f"累计数比上月（{_plain(previous)}）还小，请核实"
    if previous > 0 and value >= previous * factor:
        return f"是上月（{_plain(previous)}）的 {_plain(round(value / previous, 1))} 倍，请核实"
    return ""


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text


# --- aggregation up the tree -----------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A parent's figure from its children's, and how many of them it rests on."""

    value: Decimal | None
    reported: int
    expected: int

    @property
    def complete(self) -> bool:
        return self.reported == self.expected

    @property
    def completeness(self) -> str:
        """ "10/12" — how many children's figures the total includes."""
        return f"{self.reported}/{self.expected}"


def aggregate_sum(children: Iterable[Decimal | None]) -> Aggregate:
    """Sum the children who reported; the count of those missing travels with the total.

    >>> aggregate_sum([Decimal(1), None, Decimal(2)])
    Aggregate(value=Decimal('3'), reported=2, expected=3)
    """
    values = list(children)
    present = [value for value in values if value is not None]
    return Aggregate(sum(present, Decimal(0)) if present else None, len(present), len(values))


def aggregate_ratio(
    numerators: Iterable[Decimal | None], denominators: Iterable[Decimal | None], scale: int = 100
) -> Aggregate:
    """A ratio for the parent recomputed from the summed numerators and denominators.

    Averaging the children's percentages would weigh a small village like a big town; summing
    the parts first does not. Only children with both parts count.

    >>> aggregate_ratio([Decimal(30), Decimal(10)], [Decimal(100), Decimal(100)])
    Aggregate(value=Decimal('20'), reported=2, expected=2)
    """
    pairs = list(zip(numerators, denominators, strict=True))
    present = [(n, d) for n, d in pairs if n is not None and d is not None]
    top = sum((n for n, _ in present), Decimal(0))
    bottom = sum((d for _, d in present), Decimal(0))
    value = top * scale / bottom if present and bottom else None
    return Aggregate(value, len(present), len(pairs))


def partial_label(total: Aggregate, children_word: str = "个下辖单位") -> str:
    """What a parent's total rests on when not every child has reported ("" when all have).

    >>> partial_label(Aggregate(Decimal(5), 9, 12), "个乡镇"), partial_label(Aggregate(Decimal(5), 12, 12))
    ('9/12 个乡镇已报，合计仅含已报单位', '')
    """
    if total.complete or total.reported == 0:
        return ""
    return f"{total.completeness} {children_word}已报，合计仅含已报单位"


def target_for_total(
    total: Aggregate, whole: Decimal | None, reported_targets: Mapping[str, Decimal | None]
) -> tuple[Decimal | None, str]:
    """The target a children's total is judged against, and why it is not judged when it is not.

    A complete total is held against the whole year's target (``whole``). A partial one — some
    children have not reported yet — against the targets of the children it includes
    (``reported_targets``, child name → its own target): held against the whole, it would read
    as 严重滞后 only because children are late. When a child in the total has no target of its
    own, there is nothing fair to hold the total against, and the reason says so.

    >>> target_for_total(Aggregate(Decimal(5), 1, 2), Decimal(24), {"青山镇": Decimal(12)})
    (Decimal('12'), '')
    >>> target_for_total(Aggregate(Decimal(5), 1, 2), Decimal(24), {"青山镇": None})
    (None, '已报单位中青山镇没有全年目标，不作评价')
    >>> target_for_total(Aggregate(Decimal(5), 2, 2), Decimal(24), {})
    (Decimal('24'), '')
    """
    if total.complete or total.reported == 0:  # nobody reported: nothing is judged anyway
        return whole, ""
    missing = [name for name, target in reported_targets.items() if target is None]
    if missing or not reported_targets:
        return None, f"已报单位中{'、'.join(missing)}没有全年目标，不作评价" if missing else ""
    return sum(reported_targets.values(), Decimal(0)), ""


# --- targets ---------------------------------------------------------------------------------------


def target_in_force(versions: Iterable[tuple[int, Decimal]], month: int) -> Decimal | None:
    """The target amount that applied in ``month``: the latest version effective by then.

    ``versions`` are (effective_month, amount) in version order; a 目标调整 in July leaves the
    June completion rate computed against the original target.

    >>> target_in_force([(1, Decimal(100)), (7, Decimal(90))], 6)
    Decimal('100')
    >>> target_in_force([(1, Decimal(100)), (7, Decimal(90))], 9)
    Decimal('90')
    """
    amount = None
    for effective_month, value in versions:
        if effective_month <= month:
            amount = value
    return amount


def coverage_warning(whole: Decimal | None, parts: Iterable[Decimal], parts_name: str = "分解合计") -> str:
    """A warning when a target's decomposition does not add up to the target ("" when it does).

    ``parts_name`` names the parts: a town's 分解, or a county's towns (下辖单位合计).

    >>> coverage_warning(Decimal(100), [Decimal(60), Decimal(30)])
    '分解合计 90，比目标 100 少 10'
    """
    parts = list(parts)
    if whole is None or not parts:
        return ""
    total = sum(parts, Decimal(0))
    if total == whole:
        return ""
    difference = whole - total
    word = "少" if difference > 0 else "多"
    return f"{parts_name} {_plain(total)}，比目标 {_plain(whole)} {word} {_plain(abs(difference))}"


def meets_standard(value: Decimal | None, threshold: Decimal, direction: str = HIGHER) -> str:
    """达标 / 未达标 against a creation standard's threshold (a ceiling for lower-is-better).

    >>> meets_standard(Decimal("41.2"), Decimal("40")), meets_standard(None, Decimal("40"))
    ('达标', '未填报')
    """
    if value is None:
        return "未填报"
    met = value <= threshold if direction == LOWER else value >= threshold
    return "达标" if met else "未达标"


# --- one indicator at a glance ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)  # slots: tens of thousands of them in a province's table
class Progress:
    """Everything the ledger says about one figure in one period."""

    value: Decimal | None
    target: Decimal | None
    rate: Decimal | None  # 完成率, per cent
    schedule: Decimal  # 时序进度 (or 100 for a level), per cent
    gap: Decimal | None  # 百分点
    standing: str
    yoy: YearOnYear


def assess(
    *,
    value: Decimal | None,
    target: Decimal | None,
    last_year: Decimal | None,
    month: int,
    direction: str = HIGHER,
    kind: str = CUMULATIVE,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    schedule: Decimal | None = None,
) -> Progress:
    """完成率, 时序进度, gap, status and 同比 of a 1-N月 figure at the end of ``month``.

    ``schedule`` is the 时序进度 when the area counts it otherwise than N/12 (``Rules.schedule``).

    >>> p = assess(value=Decimal("6.02"), target=Decimal("12"), last_year=Decimal("5"), month=6)
    >>> round(p.rate, 1), p.schedule, round(p.gap, 1), p.standing, p.yoy.word
    (Decimal('50.2'), Decimal('50'), Decimal('0.2'), '正常', '增长')
    """
    rate = completion(value, target, direction, kind)
    if schedule is None:
        schedule = schedule_by_months(month)
    gap = gap_points(rate, schedule, direction, kind)
    return Progress(
        value=value,
        target=target,
        rate=rate,
        schedule=expected_progress(kind, schedule),
        gap=gap,
        standing=standing(gap, thresholds),
        yoy=year_on_year(value, last_year),
    )


def assess_many(
    figures: Iterable[tuple],
    month: int,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    schedule: Decimal | None = None,
) -> dict:
    """``assess`` for many figures at once: ``(key, value, target, last_year, direction, kind)`` → {key: Progress}.

    The province-scale ledger assesses tens of thousands of figures; this is the same rules as
    ``completion``, ``gap_points``, ``standing`` and ``year_on_year`` with the same ``Decimal``
    operations in the same order (so identical results, digit for digit), written as one loop
    without a function call per rule. ``assess`` stays the readable reference; the tests check
    the two agree on random figures.

    >>> row = ("k", Decimal("6.02"), Decimal("12"), Decimal("5"), HIGHER, CUMULATIVE)
    >>> assess_many([row], 6)["k"] == assess(value=row[1], target=row[2], last_year=row[3], month=6)
    True
    """
    if schedule is None:
        schedule = schedule_by_months(month)
    severe, lagging, ahead = thresholds.severe_below, thresholds.lagging_below, thresholds.ahead_from
    no_last_year, zero_last_year = YearOnYear(None, "无上年数据"), YearOnYear(None, "上年为零")
    not_reported = YearOnYear(None, "本期未报")
    unknown, rules, result = Standing.UNKNOWN, {}, {}
    # Decimal against Decimal, and truth tests for zero: comparing with an int converts it each time
    zero, tenth = Decimal(0), Decimal("0.1")
    for key, value, target, last_year, direction, kind in figures:
        rule = rules.get((direction, kind))
        if rule is None:  # (inverted 完成率, gap counted the other way, expected progress)
            rule = rules[direction, kind] = (
                direction == LOWER and kind == LEVEL,
                direction == LOWER and kind != LEVEL,
                expected_progress(kind, schedule),
            )
        inverted, reversed_gap, expected = rule
        if value is None:  # no 完成率, no gap, no 同比
            result[key] = Progress(value, target, None, expected, None, unknown, not_reported)
            continue
        # completion
        if not target:  # missing or zero
            rate = None
        elif inverted:
            rate = target * HUNDRED / value if value else None
        else:
            rate = value * HUNDRED / target
        # gap_points and standing
        if rate is None:
            gap, label = None, unknown
        else:
            gap = expected - rate if reversed_gap else rate - expected
            if gap < severe:
                label = Standing.SEVERE
            elif gap < lagging:
                label = Standing.LAGGING
            elif gap >= ahead:
                label = Standing.AHEAD
            else:
                label = Standing.ON_TRACK
        # year_on_year
        if last_year is None:
            yoy = no_last_year
        elif not last_year:
            yoy = zero_last_year
        else:
            change = (value - last_year) * HUNDRED / abs(last_year)
            # only a change under 0.1 can round to zero at one place: round() just for those
            if -tenth < change < tenth and round(change, 1) == 0:
                yoy = YearOnYear(Decimal(0), "持平")
            else:
                yoy = YearOnYear(change, "增长" if change > zero else "下降")
        result[key] = Progress(value, target, rate, expected, gap, label, yoy)
    return result
