"""Which indicator a figure in a report's text measures, by the words just before it.

Used both to check what a person typed against the ledger and to map the figures of a
received summary to indicators. A figure belongs to the longest indicator name or alias
written in its clause (the text back to the last ，。；：); clauses that speak of targets,
last year or what is left are not the period's figure and are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from zhenwu.ledger.writing import split_unit

CLAUSE_BREAKS = "，,。；;：:\n！？"
SENTENCE_BREAKS = "。；;\n！？"
CLAUSE_REACH = 200
NOT_THE_FIGURE = ("目标", "还差", "计划", "上年", "去年", "同期", "任务", "预计", "力争", "确保", "全年要")
VALUE_KINDS = ("amount", "count", "measure", "percent")


class Named(Protocol):
    aliases: Sequence[str]
    unit: str


def clause_before(text: str, start: int, breaks: str = CLAUSE_BREAKS) -> str:
    """The text of the clause (or with ``SENTENCE_BREAKS``, the sentence) up to a figure.

    >>> clause_before("上半年，全镇完成固定资产投资6.02亿元", 14)
    '全镇完成固定资产投资'
    >>> clause_before("上半年，全镇完成固定资产投资6.02亿元", 14, SENTENCE_BREAKS)
    '上半年，全镇完成固定资产投资'
    """
    # A clause is never longer than this: looking further back made a long paragraph quadratic.
    window = max(0, start - CLAUSE_REACH)
    begin = max(text.rfind(mark, window, start) for mark in breaks) + 1
    return text[max(begin, window) : start]


class Clauses:
    """``clause_before`` for the many figures of one text: the breaks are found once, in one pass.

    >>> clauses = Clauses("上半年，全镇完成固定资产投资6.02亿元")
    >>> clauses.before(14), clauses.before(14, SENTENCE_BREAKS)
    ('全镇完成固定资产投资', '上半年，全镇完成固定资产投资')
    """

    def __init__(self, text: str):
        self.text = text
        self._breaks: dict[str, list[int]] = {}

    def before(self, start: int, breaks: str = CLAUSE_BREAKS) -> str:
        if breaks not in self._breaks:
            pattern = re.compile(f"[{re.escape(breaks)}]")
            self._breaks[breaks] = [found.start() for found in pattern.finditer(self.text)]
        marks = self._breaks[breaks]
        index = bisect_left(marks, start)
        begin = marks[index - 1] + 1 if index else 0
        return self.text[max(begin, start - CLAUSE_REACH) : start]


def same_dimension(figure_unit: str, indicator_unit: str) -> bool:
    """Whether a figure written in ``figure_unit`` (base, as the scanner gives it) can be the indicator's."""
    return figure_unit.replace("％", "%") == dimension(indicator_unit)


def dimension(indicator_unit: str) -> str:
    """The base unit a figure of the indicator is written in: 亿元 → 元, ％ → %."""
    return split_unit(indicator_unit)[1].replace("％", "%")


def by_dimension(candidates: Iterable[Named]) -> dict[str, list]:
    """The candidates grouped by ``dimension``: matching a text's many figures looks in one group each."""
    groups: dict[str, list] = {}
    for candidate in candidates:
        groups.setdefault(dimension(candidate.unit), []).append(candidate)
    return groups


def to_indicator_unit(value: Decimal, indicator_unit: str) -> Decimal:
    """A figure's value (万/亿 already expanded) in the indicator's unit: 602000000 元 → 6.02 亿元."""
    factor, _ = split_unit(indicator_unit)
    return value / factor


def match(clause: str, candidates: Iterable[Named], figure_unit: str | None = None):
    """The candidate whose longest name or alias appears in ``clause`` (and fits the unit), or None."""
    best, best_length = None, 0
    for candidate in candidates:
        if figure_unit is not None and not same_dimension(figure_unit, candidate.unit):
            continue
        for alias in candidate.aliases:
            if alias and alias in clause and len(alias) > best_length:
                best, best_length = candidate, len(alias)
    return best


def states_the_period(clause: str) -> bool:
    """False when the clause speaks of a target, last year or what is left, not the period's figure."""
    return not any(word in clause for word in NOT_THE_FIGURE)
