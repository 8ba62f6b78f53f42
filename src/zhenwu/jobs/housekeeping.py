"""Periodic upkeep of the queue itself (registered in ``JOBS_SCHEDULE`` like any periodic function)."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from django.conf import settings

from zhenwu.jobs.models import FINISHED, Job, ScheduleRun


def prune(now: datetime.datetime) -> None:
    """Forget finished jobs, their result files and queue rows after ``JOBS_KEEP_DAYS`` days."""
    from django_tasks_db.models import DBTaskResult

    cutoff = now - datetime.timedelta(days=settings.JOBS_KEEP_DAYS)
    old = Job.objects.filter(status__in=FINISHED, finished_at__lt=cutoff)
    for pk in old.values_list("pk", flat=True):
        shutil.rmtree(Path(settings.JOBS_RESULT_DIR) / str(pk), ignore_errors=True)
    old.delete()
    ScheduleRun.objects.filter(slot__lt=cutoff).delete()
    DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
