"""One reporting month for the whole system: which month is being reported on a day, and which is complete."""

import datetime

import pytest

from zhenwu.ledger import services
from zhenwu.ledger.models import ReportingRules
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.periods import Month


@pytest.mark.parametrize(
    ("day", "current", "complete", "overdue"),
    [
        ("2026-12-01", Month(2026, 11), Month(2026, 10), False),  # 1st of a month: November just ended
        ("2026-12-05", Month(2026, 11), Month(2026, 10), False),  # the deadline day itself is not late
        ("2026-12-06", Month(2026, 11), Month(2026, 11), True),  # the day after: November is late now
        ("2026-12-07", Month(2026, 11), Month(2026, 11), True),  # the demo's day: 1-11月, not 1-12月
        ("2026-12-31", Month(2026, 11), Month(2026, 11), True),  # December has not ended on its last day
        ("2027-01-01", Month(2026, 12), Month(2026, 11), False),  # January reports last December
        ("2027-01-06", Month(2026, 12), Month(2026, 12), True),
    ],
)
def test_the_month_being_reported_is_the_latest_ended_one_and_late_after_its_deadline(
    world, day, current, complete, overdue
):
    reporting = reporting_month(world.town_a, datetime.date.fromisoformat(day))
    assert (reporting.current, reporting.complete, reporting.overdue) == (current, complete, overdue)


def test_it_follows_the_counties_due_day(world):
    ReportingRules.objects.create(area=world.county, due_day=10)
    reporting = reporting_month(world.town_a, datetime.date(2026, 12, 7))
    assert reporting.current == Month(2026, 11) and reporting.due == datetime.date(2026, 12, 10)
    assert not reporting.overdue and reporting.complete == Month(2026, 10)
    assert not reporting.is_due(Month(2026, 11)) and reporting.is_due(Month(2026, 10))


def test_a_deadline_set_for_one_month_holds_that_month_back(world):
    services.set_deadline(world.county_admin, world.county, 2027, 1, datetime.date(2027, 2, 12), "春节顺延")
    reporting = reporting_month(world.town_a, datetime.date(2027, 2, 8))
    assert reporting.current == Month(2027, 1) and reporting.due == datetime.date(2027, 2, 12)
    assert reporting.complete == Month(2026, 12)
    assert reporting_month(world.town_a, datetime.date(2027, 2, 13)).complete == Month(2027, 1)


def test_without_an_area_the_default_rules_apply():
    reporting = reporting_month(None, datetime.date(2026, 12, 7))
    assert (reporting.current, reporting.due) == (Month(2026, 11), datetime.date(2026, 12, 5))
