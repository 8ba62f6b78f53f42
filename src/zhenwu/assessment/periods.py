"""Assessment periods: a month (2026-03), a quarter (2026-Q1) or a year (2026), as keys and as reports name them.

Plain Python: the scoring rules and the command line use it without Django.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from zhenwu.lib.periods import check_year

MONTH, QUARTER, YEAR = "month", "quarter", "year"  # the PeriodType values
QUARTER_NAMES = {1: "一季度", 2: "二季度", 3: "三季度", 4: "四季度"}


@dataclass(frozen=True, order=True)
class Period:
    """One assessment period; ``number`` is the month (1-12), the quarter (1-4) or 0 for a year."""

    year: int
    kind: str
    number: int = 0

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``YYYY-Qn``, ``YYYY-MM`` or ``YYYY``; a wrong value says what was expected.

        >>> Period.parse("2026-Q1"), Period.parse("2026-03").key, Period.parse("2026").label
        (Period(year=2026, kind='quarter', number=1), '2026-03', '2026年')
        """
        text = text.strip().upper()
        if match := re.fullmatch(r"(\d{4})-Q([1-4])", text):
            return cls(check_year(int(match[1])), QUARTER, int(match[2]))
        if (match := re.fullmatch(r"(\d{4})-(\d{1,2})", text)) and 1 <= int(match[2]) <= 12:
            return cls(check_year(int(match[1])), MONTH, int(match[2]))
        if re.fullmatch(r"\d{4}", text):
            return cls(check_year(int(text)), YEAR)
        raise ValueError(f"考核期应写成 YYYY-Qn、YYYY-MM 或 YYYY，例如 2026-Q1，收到 {text!r}")

    @property
    def key(self) -> str:
        """The period as stored and written in URLs: 2026-Q1, 2026-03, 2026."""
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        return str(self.year)

    @property
    def label(self) -> str:
        """How a 通报 names the period: 2026年一季度, 2026年3月, 2026年.

        >>> Period(2026, QUARTER, 3).label
        '2026年三季度'
        """
        if self.kind == QUARTER:
            return f"{self.year}年{QUARTER_NAMES[self.number]}"
        if self.kind == MONTH:
            return f"{self.year}年{self.number}月"
        return f"{self.year}年"

    @property
    def end_month(self) -> int:
        """The last month of the period: figures are taken as 1-N月 at its end."""
        if self.kind == QUARTER:
            return self.number * 3
        if self.kind == MONTH:
            return self.number
        return 12

    @property
    def start(self) -> datetime.date:
        first_month = {QUARTER: self.number * 3 - 2, MONTH: self.number}.get(self.kind, 1)
        return datetime.date(self.year, first_month, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.year, self.end_month, calendar.monthrange(self.year, self.end_month)[1])

    @property
    def to_date_label(self) -> str:
        """The cumulative span the figures cover: 1-9月 (1月 in January).

        >>> Period(2026, QUARTER, 3).to_date_label
        '1-9月'
        """
        return "1月" if self.end_month == 1 else f"1-{self.end_month}月"

    def previous(self) -> Period:
        """The period before, of the same kind (一季度 goes back to last year's 四季度).

        >>> Period(2026, QUARTER, 1).previous().key, Period(2026, MONTH, 5).previous().key
        ('2025-Q4', '2026-04')
        """
        if self.kind == YEAR:
            return Period(self.year - 1, YEAR)
        last = 4 if self.kind == QUARTER else 12
        if self.number == 1:
            return Period(self.year - 1, self.kind, last)
        return Period(self.year, self.kind, self.number - 1)

    def __str__(self) -> str:
        return self.label


def periods_of(kind: str, year: int) -> list[Period]:
    """Every period of a kind in a year, in order.

    >>> [p.key for p in periods_of(QUARTER, 2026)]
    ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']
    """
    if kind == QUARTER:
        return [Period(year, QUARTER, n) for n in range(1, 5)]
    if kind == MONTH:
        return [Period(year, MONTH, n) for n in range(1, 13)]
    return [Period(year, YEAR)]


def ended_by(kind: str, year: int, today: datetime.date) -> list[Period]:
    """The periods of the year that have ended by ``today`` (what can be assessed)."""
    return [period for period in periods_of(kind, year) if period.end < today]
