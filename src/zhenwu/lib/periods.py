"""Periods as people write them: one range, one reader for each form.

Years and months as a URL, a query string or an uploaded sheet gives them: whoever types a
URL can put any number in it; year 0 or 10000 is no date and 2147483648 does not fit one, so
a period is checked here before any view computes with it. The path converters (registered
as ``<year:…>`` and ``<month:…>`` by the ledger app) make a bad one a 404 before the view
runs; ``parse_month`` reads ``?period=2025-06`` and the sheets' 报告期.

The period a report covers — 上半年, 前三季度, 全年, or a run of months — is written as a
key (``2025-H1``, ``2025-Q3``, ``2025``, ``2025-05`` or ``2025-01..2025-05``, read by
``parse_period``) or in the report's own words (``2025年上半年``, read by ``named_period``).
The ledger keeps 1-N月 figures, so a summary's period runs from January (``cumulative``); a
quarter or half year read on its own (第三季度) is a period too, for naming, but has no 1-N月
figure of its own. Pure functions; nothing here touches the database.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

FIRST_YEAR, LAST_YEAR = 2000, 2099
_MONTH = re.compile(r"(\d{4})[-年/.](\d{1,2})月?")


def check_year(year: int) -> int:
    """The year, if Zhenwu keeps figures for it.

    >>> check_year(2025)
    2025
    >>> check_year(10000)
    Traceback (most recent call last):
    ...
    ValueError: 年份应在 2000 到 2099 之间，收到 10000
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"年份应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间，收到 {year}")
    return year


def check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"月份应在 1 到 12 之间，收到 {month}")
    return month


def parse_month(text: str | None) -> tuple[int, int]:
    """Read a month the way people write it: 2025-06, 2025-6, 2025年6月, 2025/06.

    >>> parse_month("2025-06"), parse_month(" 2025年6月 ")
    ((2025, 6), (2025, 6))
    >>> parse_month("2025-13")
    Traceback (most recent call last):
    ...
    ValueError: 月份应在 1 到 12 之间，收到 13
    >>> parse_month("garbage")
    Traceback (most recent call last):
    ...
    ValueError: 应为年月，如 2025-06，收到 'garbage'
    """
    match = _MONTH.fullmatch((text or "").strip())
    if not match:
        raise ValueError(f"应为年月，如 2025-06，收到 {text!r}")
    return check_year(int(match[1])), check_month(int(match[2]))


class YearConverter:
    """``<year:year>``: four digits within the years Zhenwu keeps; any other is a 404."""

    regex = r"[0-9]{4}"

    def to_python(self, value: str) -> int:
        return check_year(int(value))

    def to_url(self, value: int) -> str:
        return str(value)


class MonthConverter:
    """``<month:month>``: 1 to 12 (06 too); any other is a 404."""

    regex = r"[0-9]{1,2}"

    def to_python(self, value: str) -> int:
        return check_month(int(value))

    def to_url(self, value: int) -> str:
        return str(value)


@dataclass(frozen=True)
class Month:
    """A reporting month: the report “1-N月” of ``year`` is as of the last day of ``month``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``YYYY-MM`` (or 2025年6月); a wrong value says what was expected.

        >>> Month.parse("2025-06")
        Month(year=2025, month=6)
        """
        return cls(*parse_month(text))

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        """“1-6月”, or “1月” in January."""
        return "1月" if self.month == 1 else f"1-{self.month}月"

    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月"


def month_ended(year: int, month: int, today) -> bool:
    """Whether the month is over on ``today``: figures of a month are entered only after it ends.

    >>> import datetime
    >>> month_ended(2026, 11, datetime.date(2026, 12, 7)), month_ended(2026, 12, datetime.date(2026, 12, 31))
    (True, False)
    """
    return (year, month) < (today.year, today.month)


# --- the period a report covers: 上半年, 前三季度, 全年, or a run of months --------------------------

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


# --- the period a report names in its own words ----------------------------------------------------

HEAD_CHARS = 300  # a report names its period in the title or first line: 青山镇2025年上半年工作总结
_CHINESE_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CHINESE_MONTHS |= {"十一": 11, "十二": 12}
_MONTH_WORD = r"1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十]"
_NAMES = re.compile(
    r"(?P<year>20\d{2})?\s*(?(year)年\s*)(?:"
    r"(?P<h1>上半年)|(?P<h2>下半年)|(?P<q3>前三季度|1-3季度)|第?(?P<quarter>[一二三四])季度"
    rf"|前(?P<first_months>{_MONTH_WORD})个月"
    rf"|(?P<from>{_MONTH_WORD})\s*[-－—–~～至到]\s*(?P<to>{_MONTH_WORD})\s*月"
    r"|(?P<full>全年度?|年度|(?(year)度|(?!)))(?!目标|任务|计划|考核|的)"  # 全年目标 is a target, not the period
    r"|(?(year)(?P<summary>(?=(?:工作)?总结))|(?!))"  # 2025年工作总结: the whole year
    r")"
)


def _month(word: str) -> int:
    return _CHINESE_MONTHS[word] if word in _CHINESE_MONTHS else int(word)


def _named(match: re.Match, year: int) -> Period | None:
    """The period one match of ``_NAMES`` names, in ``year``; None for what is no period (13月)."""
    if match["h1"]:
        return parse_period(f"{year}-H1")
    if match["h2"]:
        return parse_period(f"{year}-H2", cumulative=False)
    if match["q3"]:
        return parse_period(f"{year}-Q3")
    if match["quarter"]:
        return parse_period(f"{year}-Q{_CHINESE_MONTHS[match['quarter']]}", cumulative=False)
    if match["full"] is not None or match["summary"] is not None:
        return parse_period(str(year))
    first, last = (
        (1, _month(match["first_months"]))
        if match["first_months"]
        else (_month(match["from"]), _month(match["to"]))
    )
    try:
        return parse_period(f"{year}-{first:02d}..{year}-{last:02d}")
    except PeriodError:
        return None


def named_period(text: str) -> Period | None:
    """The period a report names at its head with its year (2025年上半年), or None when it names none.

    Only the head counts (a report names its own period in the title or first line; further on
    it may name last year's or next half year's); a period without its year, or a single month
    (2025年6月: the month's figure or the 1-N月 one?), is not named clearly enough.

    >>> [named_period(t).key for t in ("青山镇2025年上半年工作总结", "2025年1-9月经济运行", "2024年度工作总结")]
    ['2025-H1', '2025-01..2025-09', '2024']
    >>> named_period("2025年工作总结和2026年工作计划").key, named_period("上半年工作总结") is None
    ('2025', True)
    """
    for match in _NAMES.finditer(text[:HEAD_CHARS]):
        if match["year"] is None:
            continue
        try:
            year = check_year(int(match["year"]))
        except ValueError:
            continue
        if (period := _named(match, year)) is not None:
            return period
    return None


def first_period_named(text: str, year: int) -> Period | None:
    """The first period ``text`` (a sentence) names, with or without its year (``year`` if without).

    >>> first_period_named("1-5月，全镇完成固定资产投资", 2025).span
    '1-5月'
    >>> first_period_named("上半年，全镇完成固定资产投资6亿元，占全年目标的", 2025).name
    '上半年'
    >>> first_period_named("固定资产投资距全年目标还差", 2025) is None
    True
    """
    for match in _NAMES.finditer(text):
        try:
            named_year = check_year(int(match["year"])) if match["year"] else year
        except ValueError:
            continue
        if (period := _named(match, named_year)) is not None:
            return period
    return None
