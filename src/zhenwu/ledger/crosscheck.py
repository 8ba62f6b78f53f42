"""核稿 against the ledger: the figures of any text that disagree with the ledger's for one area and period.

A figure is compared when its clause names an indicator (by name or alias, in a unit of the
indicator's dimension) and the ledger has what it states: a level figure (amount, count,
measure, percentage) against the indicator's 1-N月 figure, a growth rate (同比增长X%) against
the ledger's 同比 where last year's figure is in, a completion (占全年目标的X%) against 完成率
where a target is set. It agrees when the ledger's figure rounds to it at the precision written
(6.02亿元: anything in [6.015, 6.025)亿元); an approximate one (约, 近, 超过 …) disagrees only
when the ledger's figure is clearly outside what its words allow. Targets, last year's
figures, another period's figures and figures no indicator matches are left alone: a wrong
"与台账不符" costs the writer more than a figure not compared.

``compare`` is pure (the work summary's 核稿 calls it with its own facts); ``check_review``
reads the ledger for an area and adds what ``compare`` finds to a :class:`zhenwu.figures.Review`
(``zhenwu check --area`` and the 核稿 page).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from zhenwu.figures import Figure, Finding, Review, format_completion, format_growth
from zhenwu.ledger import matching, tables
from zhenwu.ledger.models import ValueStatus
from zhenwu.ledger.writing import write_value
from zhenwu.lib.periods import Period, first_period_named, named_period

CODE = "ledger-mismatch"
RATE_KINDS = {"completion": "rate", "growth": "yoy"}
ONE_PLACE = Decimal("0.1")
# What an approximate figure's words allow (the figures library's qualifiers, _data.APPROX_*).
AT_LEAST = ("超过", "不少于", "不低于", "以上", "之多", "有余", "超", "逾", "多", "余")
BELOW = ("不足", "不到", "以下", "以内")
JUST_BELOW = ("将近", "接近", "近")
ABOUT_SHARE = Decimal("0.1")  # 约X, 近X: clearly outside when more than a tenth away
FOUR_PLACES = Decimal("0.0001")  # as the ledger keeps figures
SENTENCE = matching.SENTENCE_BREAKS
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE)}]")


class LedgerFact(Protocol):
    """What the ledger says of one indicator for the period (``summaries.facts.IndicatorFact`` is one)."""

    code: str
    name: str
    aliases: Sequence[str]
    unit: str
    decimals: int
    value: Decimal | None
    rate: Decimal | None  # 完成率, per cent
    yoy: Decimal | None  # 同比, per cent
    record_status: str  # the ValueStatus of the area's own figure; "" when added up or missing
    aggregated: str  # "10/12" when added up from the children


@dataclass(frozen=True)
class LedgerFigure:
    """One indicator of an area for a period as 核稿 compares it."""

    code: str
    name: str
    aliases: tuple[str, ...]
    unit: str
    decimals: int
    value: Decimal | None
    rate: Decimal | None = None
    yoy: Decimal | None = None
    record_status: str = ""
    aggregated: str = ""


@dataclass(frozen=True)
class Scope:
    """Whose ledger and which period a text is compared with."""

    area_name: str
    area_code: str
    period: Period

    @property
    def period_name(self) -> str:
        """2026年1-6月, as the ledger names the period it keeps."""
        return f"{self.period.year}年{self.period.span}"


@dataclass(frozen=True)
class Source:
    """Where the ledger's figure comes from: the ``ledger`` member of a finding in ``zhenwu check --format json``."""

    area: str
    area_code: str
    indicator: str
    indicator_code: str
    period: str
    measure: str  # value / growth / completion
    value: Decimal
    unit: str
    status: str  # draft / submitted / approved; aggregated when added up from the children

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["value"] = format(self.value, "f")
        return data


@dataclass(frozen=True, slots=True)
class LedgerMismatch(Finding):
    """A figure that disagrees with the ledger, with the ledger's figure and where it came from."""

    ledger: Source

    def to_dict(self) -> dict:
        return {**Finding.to_dict(self), "ledger": self.ledger.to_dict()}


@dataclass(frozen=True)
class Comparison:
    mismatches: list[LedgerMismatch]
    compared: int  # figures compared with the ledger, agreeing or not


def compare(text: str, figures: Iterable[Figure], facts: Sequence[LedgerFact], scope: Scope) -> Comparison:
    """The figures of ``text`` that state an indicator for ``scope``'s period, compared with ``facts``.

    A rate names its indicator in its own clause or is the rate of the figure just before it in
    the sentence: “新增造林面积481亩，同比增长5.2%，占全年目标的49.6%”.
    """
    facts = [fact for fact in facts if fact.value is not None]
    in_dimension, clauses = matching.by_dimension(facts), matching.Clauses(text)
    mismatches, compared = [], 0
    inspections = "发现" in text  # looked for sentence by sentence only where the text says it at all
    stated, previous_end = None, 0  # the indicator of the sentence's last level figure, and where that ended
    for figure in figures:
        if _SENTENCE_END.search(text, previous_end, figure.start):
            stated = None
        previous_end = max(previous_end, figure.end)
        if figure.value is None:
            continue
        clause = clauses.before(figure.start)
        if figure.kind in RATE_KINDS:
            fact = matching.match(clause + figure.subject, facts) or stated
            expected = getattr(fact, RATE_KINDS[figure.kind]) if fact else None
            measure = figure.kind
        elif figure.kind in matching.VALUE_KINDS:
            same_unit = in_dimension.get(figure.unit.replace("％", "%"), ())
            fact = matching.match(clause, same_unit) if matching.states_the_period(clause) else None
            stated, expected, measure = fact, fact.value if fact else None, "value"
        else:
            continue
        if (
            expected is None
            or not _about_the_period(clauses.before(figure.start, SENTENCE), scope.period)
            or (inspections and _after_inspections(text, figure.start))
        ):
            continue
        compared += 1
        if _disagrees(figure, expected, fact.unit if measure == "value" else "%"):
            mismatches.append(_mismatch(figure, fact, measure, expected, scope))
    return Comparison(mismatches, compared)


# 督查整改: 共发现各类问题44个，…查处违建1处，拆除违建243平方米 — what inspections found and had put right,
# a part of the work, not the indicator of the same name (拆除违法建筑面积 in the ledger is all of it)
_INSPECTIONS = re.compile(r"发现[^。\n]*?问题")
_INSPECTIONS_REACH = 300


def _after_inspections(text: str, position: int) -> bool:
    """Whether the sentence up to ``position`` (past its ；) opens with what inspections found."""
    window = max(0, position - _INSPECTIONS_REACH)
    opening = max(text.rfind("。", window, position), text.rfind("\n", window, position)) + 1
    return _INSPECTIONS.search(text, max(window, opening), position) is not None


def _about_the_period(sentence: str, period: Period) -> bool:
    """False when the sentence up to a figure names another period first (1-5月 in a half-year report)."""
    named = first_period_named(sentence, period.year)
    if named is None:
        return True
    return (named.year, named.first_month, named.last_month) == (period.year, 1, period.last_month)


def _disagrees(figure: Figure, expected: Decimal, unit: str) -> bool:
    """Whether the ledger's ``expected`` (in the indicator's ``unit``; a rate in per cent) is not what the figure says."""
    if figure.kind == "growth":
        if abs(expected) >= figure.tolerance and (expected < 0) != (figure.direction == "down"):
            return True  # 增长 where the ledger has a fall, or the other way round
        expected = abs(expected)
    written = matching.to_indicator_unit(figure.value, unit)
    tolerance = matching.to_indicator_unit(figure.tolerance, unit)
    highest = written if figure.value_max is None else matching.to_indicator_unit(figure.value_max, unit)
    return not _allowed(expected, written, highest, tolerance, figure.qualifier if figure.approx else None)


def _allowed(actual: Decimal, low: Decimal, high: Decimal, tolerance: Decimal, qualifier: str | None) -> bool:
    """Whether ``actual`` is what a figure written as ``low`` (to ``high``, a range) with ``qualifier`` allows.

    Written plainly, the figure is the actual one rounded: [low − tolerance, high + tolerance).
    A bound (超过, 不足, 近) is a bound, not a rounding; 约 and 近 allow a tenth.

    >>> d = Decimal
    >>> _allowed(d("6.015"), d("6.02"), d("6.02"), d("0.005"), None), _allowed(d("6.025"), d("6.02"), d("6.02"), d("0.005"), None)
    (True, False)
    >>> _allowed(d("6.3"), d("6"), d("6"), d("0.5"), "超过"), _allowed(d("5.2"), d("6"), d("6"), d("0.5"), "近")
    (True, False)

    A count written in full (2家, 126户) has no rounding: it allows itself and nothing else.

    >>> _allowed(d("2"), d("2"), d("2"), d("0"), None), _allowed(d("3"), d("2"), d("2"), d("0"), None)
    (True, False)
    """
    if not qualifier:
        if not tolerance:
            return low <= actual <= high
        return low - tolerance <= actual < high + tolerance
    if any(word in qualifier for word in BELOW):
        return actual <= high
    if any(word in qualifier for word in AT_LEAST):
        return actual >= low
    margin = max(low * ABOUT_SHARE, tolerance)
    if any(word in qualifier for word in JUST_BELOW):
        return low - margin <= actual <= high
    return low - margin <= actual <= high + margin  # 约, 左右, 上下


def _mismatch(
    figure: Figure, fact: LedgerFact, measure: str, expected: Decimal, scope: Scope
) -> LedgerMismatch:
    """The finding, saying what the ledger has in the genre's words and where it comes from."""
    if measure == "value":
        said, unit = "为" + write_value(expected, fact.unit, fact.decimals), fact.unit
    else:
        rounded = expected.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)
        said, unit = format_growth(rounded) if measure == "growth" else format_completion(rounded), "%"
        expected = expected.quantize(FOUR_PLACES)  # a computed rate: as many places as the ledger keeps
    status = "aggregated" if fact.aggregated else fact.record_status
    if fact.aggregated:
        said += f"（由下辖单位汇总，{fact.aggregated} 已报）"
    elif status:
        said += f"（{ValueStatus(status).label}）"
    message = f"与台账不符：文中写的是“{figure.span}”；台账：{scope.area_name} {fact.name} {scope.period_name} {said}"
    source = Source(
        area=scope.area_name,
        area_code=scope.area_code,
        indicator=fact.name,
        indicator_code=fact.code,
        period=scope.period_name,
        measure=measure,
        value=expected,
        unit=unit,
        status=status,
    )
    return LedgerMismatch(CODE, "error", figure.start, figure.end, figure.span, message, source)


# --- reading the ledger for an area ------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerCheck:
    """What ``check_review`` did: whose ledger, for which period (and where that was read), how much it compared."""

    area_name: str
    area_code: str
    period: Period | None
    period_from: str = ""  # "option" when the user gave it, "text" when read from the report's head
    compared: int = 0
    mismatches: int = 0

    @property
    def note(self) -> str:
        """One sentence for the writer: what was compared with the ledger, or why nothing was."""
        if self.period is None:
            return f"未与{self.area_name}台账比对：文中开头看不出报告期（如“2026年上半年”），请指定报告期（如 2026-H1）"
        if not self.period.cumulative:
            return f"未与{self.area_name}台账比对：台账只有1-N月累计数，没有“{self.period}”（{self.period.span}）的数"
        origin = "取自文中" if self.period_from == "text" else "按指定"
        return (
            f"与台账比对：{self.area_name} {self.period.year}年{self.period.span}（报告期{origin}），"
            f"比对 {self.compared} 个数字，{self.mismatches} 个不符"
        )

    def to_dict(self) -> dict:
        """The ``ledger_check`` member of ``zhenwu check --format json``."""
        return {
            "area": self.area_name,
            "area_code": self.area_code,
            "period": self.period.key if self.period else None,
            "period_from": self.period_from or None,
            "compared": self.compared,
            "mismatches": self.mismatches,
            "note": self.note,
        }


def ledger_figures(area, period: Period) -> list[LedgerFigure]:
    """The area's indicators for the period as its ledger page shows them (added up from the towns where needed)."""
    table = tables.area_table(area, period.year, period.last_month)
    records = tables.value_records(area, period.year, period.last_month)
    return [
        LedgerFigure(
            code=row.indicator.code,
            name=row.indicator.name,
            aliases=tuple(row.indicator.alias_list),
            unit=row.indicator.unit,
            decimals=row.indicator.decimals,
            value=row.progress.value,
            rate=row.progress.rate,
            yoy=row.progress.yoy.percent,
            record_status="" if row.aggregate else records.get(row.indicator.pk, (None, ""))[1],
            aggregated=row.aggregate.completeness if row.aggregate else "",
        )
        for row in table.rows
    ]


def check_review(result: Review, area, period: Period | None = None) -> tuple[Review, LedgerCheck]:
    """``result`` with the figures that disagree with ``area``'s ledger added to its findings.

    ``period`` (the user's) wins over the one the text names at its head; with neither, or with
    a period the ledger keeps no 1-N月 figure for (第三季度), nothing is compared.
    """
    origin = "option" if period is not None else "text"
    period = period or named_period(result.text)
    if period is None or not period.cumulative:
        return result, LedgerCheck(area.name, area.code, period, origin if period else "")
    scope = Scope(area.name, area.code, period)
    found = compare(result.text, result.figures, ledger_figures(area, period), scope)
    findings = sorted([*result.findings, *found.mismatches], key=lambda f: (f.start, f.end, f.code))
    checked = LedgerCheck(area.name, area.code, period, origin, found.compared, len(found.mismatches))
    return dataclasses.replace(result, findings=findings), checked
