"""Is a worker alive? What `zhenwu doctor` asks: the newest sign of one, from the database.

A running worker fires the schedule every loop (at least one entry runs every five minutes) and
beats the heart of the job it runs, so the newest of those two times says when one was last seen.
"""

from __future__ import annotations

import datetime

from django.db.models import Max

from zhenwu.jobs.models import Job, ScheduleRun


def last_seen() -> datetime.datetime | None:
    """When a worker last showed it was alive (a schedule slot fired, a job's heartbeat), or None."""
    fired = ScheduleRun.objects.aggregate(latest=Max("fired_at"))["latest"]
    beat = Job.objects.aggregate(latest=Max("heartbeat_at"))["latest"]
    seen = [moment for moment in (fired, beat) if moment is not None]
    return max(seen) if seen else None
