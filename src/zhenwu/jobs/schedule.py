"""The periodic schedule: plain functions ``f(now)`` that ``zhenwu worker`` runs at fixed times.

Each entry of ``settings.JOBS_SCHEDULE`` is a dict::

    {"function": "zhenwu.reminders.rules.send_due", "at": "08:30"}   # every day at 08:30 (Beijing time)
    {"function": "zhenwu.reminders.channels.retry_failed", "every": 300}   # every 300 seconds

Time is cut into slots (each day's 08:30; each 300 s since 1970-01-01 UTC). A worker fires the
latest slot that has come and was not fired yet: the unique ``ScheduleRun`` row makes it fire once
however many workers run, and the function runs as a ``Job`` (retried like any job) called with
``now`` = the slot's time, so a late run still knows which day it is for. A slot missed while no
worker ran fires once when one starts; older missed slots do not pile up.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from zhenwu.jobs.models import ScheduleRun


@dataclass(frozen=True)
class Periodic:
    function: str
    every: datetime.timedelta | None = None
    at: datetime.time | None = None

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        """The latest time at or before ``now`` when the function is due."""
        if self.every is not None:
            seconds = self.every.total_seconds()
            return datetime.datetime.fromtimestamp(
                math.floor(now.timestamp() / seconds) * seconds, tz=datetime.UTC
            )
        local = timezone.localtime(now)
        due = timezone.make_aware(datetime.datetime.combine(local.date(), self.at))
        if due > local:
            due = timezone.make_aware(
                datetime.datetime.combine(local.date() - datetime.timedelta(days=1), self.at)
            )
        return due


def parse(entry: dict) -> Periodic:
    """One entry of ``JOBS_SCHEDULE``; a wrong one stops start-up with what is wrong in it."""
    function = entry.get("function", "")
    try:
        import_string(function)
    except ImportError as error:
        raise ImproperlyConfigured(f"JOBS_SCHEDULE 中的函数 {function!r} 无法导入：{error}") from error
    if ("every" in entry) == ("at" in entry):
        raise ImproperlyConfigured(f"JOBS_SCHEDULE 中的 {function} 须写 every（秒）或 at（时:分）其中之一")
    if "every" in entry:
        every = entry["every"]
        if not isinstance(every, int) or every < 60:
            raise ImproperlyConfigured(f"JOBS_SCHEDULE 中 {function} 的 every 须为不少于 60 的整秒数")
        return Periodic(function, every=datetime.timedelta(seconds=every))
    try:
        at = datetime.time.fromisoformat(entry["at"])
    except (TypeError, ValueError) as error:
        raise ImproperlyConfigured(f"JOBS_SCHEDULE 中 {function} 的 at 须写成 08:30 这样的时刻") from error
    return Periodic(function, at=at)


def entries() -> list[Periodic]:
    return [parse(entry) for entry in settings.JOBS_SCHEDULE]


def fire_due(now: datetime.datetime | None = None) -> list[ScheduleRun]:
    """Queue each periodic function whose current slot has not fired yet; returns the new runs."""
    from zhenwu.jobs.queue import submit

    now = now or timezone.now()
    fired = []
    for periodic in entries():
        slot = periodic.slot(now)
        if ScheduleRun.objects.filter(function=periodic.function, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduleRun.objects.create(function=periodic.function, slot=slot)
                run.job = submit(
                    "zhenwu.jobs.schedule.call_periodic",
                    title=f"定时任务 {periodic.function}（{timezone.localtime(slot):%Y-%m-%d %H:%M}）",
                    params={"function": periodic.function, "now": slot.isoformat()},
                )
                run.save(update_fields=["job"])
        except IntegrityError:  # another worker fired this slot first
            continue
        fired.append(run)
    return fired


def call_periodic(job) -> None:
    """The job that runs one slot of a periodic function: ``f(now)`` with the slot's time."""
    function = import_string(job.params["function"])
    function(datetime.datetime.fromisoformat(job.params["now"]))
