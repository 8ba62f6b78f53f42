"""The sentences of a work summary, each figure written through the figures library's formatter.

Pure functions over :mod:`zhenwu.summaries.facts` data. A figure is a :class:`Run` whose
``comment`` says where it came from (indicator, area, period, value record), so the preview
shows it on hover and the .docx can carry it as a Word comment. Percentages are rounded to
one decimal first and the gap to 时序进度 is taken between the rounded figures, so that what
the reader sees adds up.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from zhenwu.documents import Run
from zhenwu.figures import (
    check,
    format_completion,
    format_growth,
    format_number,
    format_percent,
    format_points_vs_schedule,
)
from zhenwu.ledger.progress import HIGHER, LEVEL, LOWER, Standing
from zhenwu.ledger.writing import write_value
from zhenwu.projects.report import amount as project_amount
from zhenwu.summaries.facts import Facts, IndicatorFact

ONE_PLACE = Decimal("0.1")
# Verbs a summary puts before an indicator's name; names that start with a verb take none.
VERB_PREFIXES = ("新增", "新开工", "拆除", "城镇新增", "完成", "实现", "引进", "化解", "实际")
REALISED = ("收入", "产值", "增加值", "零售", "出口", "外资", "到位资金", "税收")


Part = Run | str


def round1(value: Decimal) -> Decimal:
    """One decimal, half up, as reports show percentages."""
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def safe_name(name: str) -> str:
    """An indicator name the checker does not mistake for a missing number (亿元以上 → 超亿元 where it would).

    The checker reads 亿元以上项目 as a class of projects, so such names are kept as they are:

    >>> safe_name("新开工亿元以上项目")
    '新开工亿元以上项目'
    """
    if not check(name):
        return name
    for magnitude in ("亿元", "万元"):
        name = name.replace(f"{magnitude}以上", f"超{magnitude}")
    return name


def verb_for(name: str) -> str:
    if name.startswith(VERB_PREFIXES) or "完成" in name:
        return ""
    return "实现" if any(word in name for word in REALISED) else "完成"


def source(fact: IndicatorFact, facts: Facts, what: str = "") -> str:
    """The hover text of a figure: where in the ledger it comes from."""
    parts = [
        f"指标台账：{facts.area_name} · {fact.name}（{fact.unit}） · {facts.period.year}年{facts.period.span}"
    ]
    if fact.value is not None:
        parts.append(f"台账数 {format_number(fact.value)}{fact.unit}")
    if fact.record_id:
        parts.append(f"填报记录 #{fact.record_id}")
    if fact.aggregated:
        parts.append(f"由下辖单位汇总（{fact.aggregated} 已报）")
    if what:
        parts.append(what)
    return "；".join(parts)


def value_run(fact: IndicatorFact, facts: Facts) -> Run:
    return Run(write_value(fact.value, fact.unit, fact.decimals), comment=source(fact, facts))


def growth_run(fact: IndicatorFact, facts: Facts) -> Run | None:
    if fact.yoy is None:
        return None
    last = (
        ""
        if fact.last_year is None
        else f"，上年同期约 {write_value(fact.last_year, fact.unit, fact.decimals)}"
    )
    return Run(
        format_growth(round1(fact.yoy)), comment=source(fact, facts, f"同比 = 本期 ÷ 上年同期 − 1{last}")
    )


def completion_runs(fact: IndicatorFact, facts: Facts) -> list[Part]:
    """“占全年目标的50.2%，超时序进度0.2个百分点” — the second part only before the year is out."""
    if fact.rate is None or fact.target is None:
        return []
    target = write_value(fact.target, fact.unit, fact.decimals)
    runs: list[Part] = [
        "，",
        Run(
            format_completion(round1(fact.rate)),
            comment=source(fact, facts, f"完成率 = 台账数 ÷ 全年目标 {target}"),
        ),
    ]
    if not facts.period.full_year and fact.kind != LEVEL:
        points = round1(fact.rate) - round1(fact.schedule)
        basis = "已过天数÷全年天数" if fact.schedule_by_days else f"{facts.period.span}÷12个月"
        runs += [
            "，",
            Run(
                format_points_vs_schedule(points),
                comment=source(
                    fact,
                    facts,
                    f"时序进度 {format_percent(round1(fact.schedule))}（{basis}）",
                ),
            ),
        ]
    return runs


def indicator_clause(fact: IndicatorFact, facts: Facts) -> list[Part]:
    """One indicator as a clause of a section's sentence.

    A figure that builds up over the year: verb, name, value, 同比, share of the annual target and
    the gap to 时序进度. A level (绿化覆盖率, PM2.5): the level reached and whether the target is met.
    """
    name = safe_name(fact.name)
    if fact.kind == LEVEL:
        runs: list[Part] = [
            f"{name}{'控制在' if fact.direction == LOWER else '达到'}",
            value_run(fact, facts),
        ]
        judged = fact.unit in ("%", "％") or fact.direction == LOWER
        if judged and fact.target is not None and fact.standing in (Standing.AHEAD, Standing.ON_TRACK):
            runs.append("，优于全年控制目标" if fact.direction == LOWER else "，达到全年目标要求")
        return runs
    if fact.direction == LOWER:
        runs = [f"发生{name.removesuffix('起数')}" if name.endswith("起数") else name, value_run(fact, facts)]
        growth = growth_run(fact, facts)
        if growth is not None:
            runs += ["，", growth]
        return runs
    runs = [f"{verb_for(name)}{name}", value_run(fact, facts)]
    growth = growth_run(fact, facts)
    if growth is not None:
        runs += ["，", growth]
    return runs + completion_runs(fact, facts)


def lagging_clause(fact: IndicatorFact, facts: Facts) -> list[Part]:
    """An indicator behind 时序进度, as 存在问题 lists it."""
    name = safe_name(fact.name)
    if fact.kind == LEVEL:
        target = write_value(fact.target, fact.unit, fact.decimals)
        return [
            f"{name}为",
            value_run(fact, facts),
            f"，未达到全年目标（{target}）"
            if fact.direction == HIGHER
            else f"，高于全年控制目标（{target}）",
        ]
    if fact.direction == LOWER:
        return [f"{name}已达", value_run(fact, facts), "，超过时序控制进度"]
    return [name, *completion_runs(fact, facts)[1:]]


def remaining_clause(fact: IndicatorFact, facts: Facts) -> list[Part] | None:
    """What is left of the annual target: “固定资产投资距全年目标还差5.98亿元”."""
    if fact.kind == LEVEL or fact.direction != HIGHER or fact.target is None or fact.value is None:
        return None
    left = fact.target - fact.value
    if left <= 0:
        return None
    target = write_value(fact.target, fact.unit, fact.decimals)
    return [
        f"{safe_name(fact.name)}距全年目标还差",
        Run(
            write_value(left, fact.unit, fact.decimals),
            comment=source(fact, facts, f"全年目标 {target} − 台账数"),
        ),
    ]


def money(wan: Decimal, comment: str) -> Run:
    """A project amount kept in 万元, written as the project report writes it (6.02亿元, 3420万元)."""
    return Run(project_amount(wan), comment=comment)


def percent_run(value: Decimal, comment: str) -> Run:
    return Run(format_percent(round1(value)), comment=comment)
