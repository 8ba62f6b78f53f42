"""The periods a work summary covers: 上半年, 前三季度, 全年, or a run of months.

Pure functions; nothing here touches the database. A period is written as a key —
``2025-H1``, ``2025-Q3``, ``2025``, ``2025-05`` or ``2025-01..2025-05`` — and carries the
names reports give it. The ledger keeps 1-N月 figures, so a summary's period runs from
January (``cumulative``); a quarter or half year read on its own (第三季度) is a period too,
for naming, but has no 1-N月 figure of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhenwu.lib.periods import check_year

QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
CUMULATIVE_QUARTER_NAMES = {1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年"}
_KEY = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<half>H[12])|-(?P<quarter>Q[1-4])|-(?P<month>\d{1,2})"
    r"(?:\.\.(?P<year2>\d{4})-(?P<month2>\d{1,2}))?)?$",
    re.IGNORECASE,
)


class PeriodError(ValueError):
    """A period key that cannot be read, with what was expected."""


@dataclass(frozen=True)
class Period:
    """A stretch of one year's months, with the names a report gives it.

    >>> p = parse_period("2025-H1")
    >>> p.name, p.span, p.last_month, p.title_name, p.rest_name
    ('上半年', '1-6月', 6, '2025年上半年', '下半年')
    """

    key: str
    year: int
    first_month: int
    last_month: int
    name: str  # 上半年 / 前三季度 / 全年 / 1-5月 / 第三季度

    @property
    def cumulative(self) -> bool:
        """From January on: the ledger's 1-N月 figures are the period's figures."""
        return self.first_month == 1

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def span(self) -> str:
        """The months as a report's table heading writes them: 1-6月, 5月."""
        if self.first_month == self.last_month:
            return f"{self.last_month}月"
        return f"{self.first_month}-{self.last_month}月"

    @property
    def title_name(self) -> str:
        """2025年上半年 — what follows the area's name in the title."""
        return f"{self.year}年{self.name}"

    @property
    def full_year(self) -> bool:
        return self.cumulative and self.last_month == 12

    @property
    def rest_name(self) -> str:
        """What is left of the year, as the plans section says it: 下半年, 四季度, 明年."""
        if self.last_month == 12:
            return "明年"
        if self.last_month == 6:
            return "下半年"
        if self.last_month == 9:
            return "四季度"
        return f"{self.last_month + 1}-12月" if self.last_month < 11 else "12月"

    def __str__(self) -> str:
        return self.title_name


def _months_name(first: int, last: int) -> str:
    return f"{last}月" if first == last else f"{first}-{last}月"


def parse_period(key: str, *, cumulative: bool = True) -> Period:
    """Read a period key; ``cumulative`` (the default) counts a quarter or half from January.

    >>> [parse_period(k).name for k in ("2025-H1", "2025-Q3", "2025", "2025-01..2025-05", "2025-05")]
    ['上半年', '前三季度', '全年', '1-5月', '1-5月']
    >>> q3 = parse_period("2025-Q3", cumulative=False)
    >>> q3.name, q3.span, q3.cumulative
    ('第三季度', '7-9月', False)
    >>> parse_period("2025-04..2025-06").name
    '4-6月'
    """
    text = (key or "").strip()
    match = _KEY.match(text)
    if not match:
        raise PeriodError(
            f"报告期应写成 2025-H1（上半年）、2025-Q3（前三季度）、2025（全年）或 2025-01..2025-05，收到 {key!r}"
        )
    try:
        year = check_year(int(match["year"]))
    except ValueError as error:
        raise PeriodError(f"{error}：{key!r}") from error
    if match["half"]:
        half = int(match["half"][1])
        if half == 1:
            return Period(text.upper(), year, 1, 6, "上半年")
        first = 1 if cumulative else 7
        return Period(text.upper(), year, first, 12, "全年" if cumulative else "下半年")
    if match["quarter"]:
        quarter = int(match["quarter"][1])
        last = quarter * 3
        if cumulative or quarter == 1:
            name = CUMULATIVE_QUARTER_NAMES[quarter]
            return Period(text.upper(), year, 1, last, name)
        return Period(text.upper(), year, last - 2, last, QUARTER_NAMES[quarter])
    if match["month"] is None:
        return Period(text, year, 1, 12, "全年")
    first = int(match["month"])
    last = int(match["month2"]) if match["month2"] else first
    if not (1 <= first <= 12 and 1 <= last <= 12):
        raise PeriodError(f"月份应在 1 到 12 之间：{key!r}")
    if match["year2"] and int(match["year2"]) != year:
        raise PeriodError(f"月份区间应在同一年内：{key!r}")
    if last < first:
        raise PeriodError(f"月份区间的起止颠倒了：{key!r}")
    if match["month2"] is None:  # a single month: 1-N月 when cumulative
        first = 1 if cumulative else last
    canonical = f"{year}-{first:02d}..{year}-{last:02d}" if first != last else f"{year}-{last:02d}"
    if first == 1 and last == 12:
        return Period(canonical, year, 1, 12, "全年")
    return Period(canonical, year, first, last, _months_name(first, last))


def summary_periods(year: int, last_month: int) -> list[Period]:
    """The periods a summary can be drafted for once the ledger runs to ``last_month`` of ``year``,
    latest first: the half year and full year when reached, the quarters, and 1-N月.

    >>> [p.name for p in summary_periods(2025, 9)]
    ['前三季度', '上半年', '1-9月']
    """
    periods = []
    if last_month == 12:
        periods.append(parse_period(str(year)))
    if last_month >= 9:
        periods.append(parse_period(f"{year}-Q3"))
    if last_month >= 6:
        periods.append(parse_period(f"{year}-H1"))
    if 3 <= last_month < 6:
        periods.append(parse_period(f"{year}-Q1"))
    if last_month not in (3, 6, 12):
        periods.append(parse_period(f"{year}-01..{year}-{last_month:02d}"))
    return periods
