"""The reporting calendar: which month every page is reporting on a given day, for an area.

One answer for the whole system, so the ledger, the projects, the inspections' 通报, the
assessment, the summaries and the home page name the same 1-N月 on the same day:

- the month **being reported** is the latest month that has ended (a month's figures are
  entered only after it ends; on 7 December that is November, until 31 December);
- the latest **complete** month is the latest one whose deadline (the area's 台账规则, or a
  deadline set for that very period, ``tables.deadline``) has passed: a town or project
  without figures for it is late (逾期, 本月未报). Up to the deadline day itself it is the
  month before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from zhenwu.areas.models import Area
from zhenwu.ledger import progress, tables
from zhenwu.ledger.models import ReportingRules
from zhenwu.lib.periods import Month


@dataclass(frozen=True)
class ReportingMonth:
    """Where reporting stands on ``today``: the month being reported and the latest complete one."""

    today: datetime.date
    current: Month  # the month being reported: every page's “1-N月”
    due: datetime.date  # the day the current month's figures are due
    complete: Month  # the latest month whose deadline has passed

    @property
    def overdue(self) -> bool:
        """The current month's deadline has passed: missing figures and updates are late now."""
        return self.current == self.complete

    def is_due(self, month: Month) -> bool:
        """Whether ``month``'s deadline has passed: only then is a missing update 本月未报."""
        return (month.year, month.month) <= (self.complete.year, self.complete.month)


def reporting_calendar(today: datetime.date, due_of: Callable[[Month], datetime.date]) -> ReportingMonth:
    """The month being reported on ``today`` and the latest complete one, given each month's due day.

    >>> r = reporting_calendar(datetime.date(2026, 12, 5), lambda m: datetime.date(*_next(m), 5))
    >>> str(r.current), str(r.complete), r.overdue
    ('2026年11月', '2026年10月', False)
    >>> r = reporting_calendar(datetime.date(2026, 12, 6), lambda m: datetime.date(*_next(m), 5))
    >>> str(r.current), str(r.complete), r.overdue
    ('2026年11月', '2026年11月', True)
    >>> str(reporting_calendar(datetime.date(2027, 1, 1), lambda m: datetime.date(*_next(m), 5)).current)
    '2026年12月'
    """
    current = Month.of(today).previous()
    due = due_of(current)
    complete = current
    while due_of(complete) >= today:  # a deadline moved later (春节顺延) can hold back the month before too
        complete = complete.previous()
    return ReportingMonth(today, current, due, complete)


def _next(month: Month) -> tuple[int, int]:
    return (month.year + 1, 1) if month.month == 12 else (month.year, month.month + 1)


def reporting_month(area: Area | None, today: datetime.date) -> ReportingMonth:
    """Where reporting stands for ``area`` on ``today``, under its 台账规则 and the deadlines set for it.

    Without an area (a user who belongs to none) the default rules apply.
    """
    if area is None:
        return reporting_calendar(
            today, lambda month: tables.due_date(month.year, month.month, progress.DUE_DAY)
        )
    rules = ReportingRules.objects.for_area(area)
    return reporting_calendar(today, lambda month: tables.deadline(area, month.year, month.month, rules).due)
