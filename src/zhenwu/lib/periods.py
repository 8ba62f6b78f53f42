"""Years and months as a URL, a query string or an uploaded sheet gives them: one range, one reader.

Whoever types a URL can put any number in it; year 0 or 10000 is no date and 2147483648 does
not fit one, so a period is checked here before any view computes with it. The path
converters (registered as ``<year:…>`` and ``<month:…>`` by the ledger app) make a bad one a
404 before the view runs; ``parse_month`` reads ``?period=2025-06`` and the sheets' 报告期.
"""

from __future__ import annotations

import re

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


def month_ended(year: int, month: int, today) -> bool:
    """Whether the month is over on ``today``: figures of a month are entered only after it ends.

    >>> import datetime
    >>> month_ended(2026, 11, datetime.date(2026, 12, 7)), month_ended(2026, 12, datetime.date(2026, 12, 31))
    (True, False)
    """
    return (year, month) < (today.year, today.month)
