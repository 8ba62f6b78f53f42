"""The periodic schedule: each slot fires once, at fixed times in Beijing time, whichever worker looks."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ImproperlyConfigured

from tests.jobs.functions import CALLS
from zhenwu.jobs.models import Job, ScheduleRun
from zhenwu.jobs.schedule import Periodic, fire_due, parse
from zhenwu.jobs.worker import drain, upkeep

BEIJING = ZoneInfo("Asia/Shanghai")
TICK = "tests.jobs.functions.tick"


def beijing(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BEIJING)


def test_a_daily_slot_is_the_latest_such_time_at_or_before_now():
    daily = Periodic(TICK, at=datetime.time(8, 30))
    assert daily.slot(beijing(2026, 7, 6, 8, 30)) == beijing(2026, 7, 6, 8, 30)
    assert daily.slot(beijing(2026, 7, 6, 23, 59)) == beijing(2026, 7, 6, 8, 30)
    assert daily.slot(beijing(2026, 7, 6, 8, 29)) == beijing(2026, 7, 5, 8, 30)
    # 00:10 in Beijing is still the day before in UTC: the day is Beijing's
    assert daily.slot(datetime.datetime(2026, 7, 5, 16, 10, tzinfo=datetime.UTC)) == beijing(
        2026, 7, 5, 8, 30
    )


def test_an_interval_slot_is_counted_from_a_fixed_origin():
    every = Periodic(TICK, every=datetime.timedelta(minutes=5))
    assert every.slot(beijing(2026, 7, 6, 8, 34, 59)) == beijing(2026, 7, 6, 8, 30)
    assert every.slot(beijing(2026, 7, 6, 8, 35)) == beijing(2026, 7, 6, 8, 35)


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ({"function": "tests.jobs.functions.nothing", "at": "08:30"}, "无法导入"),
        ({"function": TICK}, "every（秒）或 at（时:分）其中之一"),
        ({"function": TICK, "at": "8点半"}, "08:30 这样的时刻"),
        ({"function": TICK, "every": 5}, "不少于 60 的整秒数"),
    ],
)
def test_a_wrong_entry_names_what_is_wrong(entry, says):
    with pytest.raises(ImproperlyConfigured, match=says):
        parse(entry)


@pytest.mark.django_db
def test_a_daily_function_fires_once_a_day_at_its_time_with_that_time_as_now(settings):
    settings.JOBS_SCHEDULE = [{"function": TICK, "at": "08:30"}]
    with time_machine.travel(beijing(2026, 7, 6, 8, 0), tick=False) as clock:
        ScheduleRun.objects.create(function=TICK, slot=beijing(2026, 7, 5, 8, 30))  # yesterday's, done
        upkeep()
        assert drain() == 0

        clock.move_to(beijing(2026, 7, 6, 8, 30, 20))
        upkeep()
        upkeep()  # a second worker, or the next round of the same one
        assert drain() == 1
        assert [("tick", beijing(2026, 7, 6, 8, 30))] == CALLS

        clock.move_to(beijing(2026, 7, 6, 17, 0))
        upkeep()
        clock.move_to(beijing(2026, 7, 7, 8, 31))
        upkeep()
        assert drain() == 1
    assert CALLS[1:] == [("tick", beijing(2026, 7, 7, 8, 30))]
    assert ScheduleRun.objects.filter(function=TICK).count() == 3


@pytest.mark.django_db
def test_slots_missed_while_no_worker_ran_fire_once_not_once_each(settings):
    settings.JOBS_SCHEDULE = [{"function": TICK, "every": 3600}]
    with time_machine.travel(beijing(2026, 7, 6, 9, 0), tick=False) as clock:
        fire_due()
        clock.move_to(beijing(2026, 7, 6, 15, 10))  # six hours without a worker
        fired = fire_due()
        drain()
    assert [run.slot for run in fired] == [beijing(2026, 7, 6, 15, 0)]
    assert [("tick", beijing(2026, 7, 6, 9, 0)), ("tick", beijing(2026, 7, 6, 15, 0))] == CALLS


@pytest.mark.django_db
def test_a_periodic_run_is_a_job_without_an_owner(settings):
    settings.JOBS_SCHEDULE = [{"function": TICK, "at": "03:30"}]
    with time_machine.travel(beijing(2026, 7, 6, 4, 0), tick=False):
        (run,) = fire_due()
    job = Job.objects.get()
    assert run.job == job and job.user is None and job.area is None
    assert job.title == "定时任务 tests.jobs.functions.tick（2026-07-06 03:30）"


@pytest.mark.django_db
def test_the_shipped_schedule_prunes_old_jobs(settings, world, job_results):
    from zhenwu.jobs.housekeeping import prune
    from zhenwu.jobs.queue import submit

    with time_machine.travel(beijing(2026, 5, 1, 9, 0), tick=False):
        old = submit("tests.jobs.functions.report", title="旧", user=world.town_a_clerk)
        drain()
    recent = submit("tests.jobs.functions.report", title="新", user=world.town_a_clerk)
    drain()
    prune(beijing(2026, 6, 15, 3, 30))
    assert list(Job.objects.values_list("title", flat=True)) == ["新"]
    assert not (job_results / str(old.pk)).exists() and (job_results / str(recent.pk)).exists()
    assert parse(settings.JOBS_SCHEDULE[0]).function == "zhenwu.jobs.housekeeping.prune"


def test_manage_check_names_a_wrong_schedule_entry(settings):
    from zhenwu.jobs.checks import schedule_entries

    settings.JOBS_SCHEDULE = [{"function": TICK, "at": "08:30"}, {"function": TICK, "every": 5}]
    (error,) = schedule_entries(None)
    assert (
        error.msg
        == "JOBS_SCHEDULE 第 2 条：JOBS_SCHEDULE 中 tests.jobs.functions.tick 的 every 须为不少于 60 的整秒数"
    )
