"""``zhenwu manage check`` (and every start) refuses a wrong ``JOBS_SCHEDULE`` entry, naming it."""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def schedule_entries(app_configs, **kwargs):
    from django.conf import settings

    from zhenwu.jobs.schedule import parse

    errors = []
    for number, entry in enumerate(settings.JOBS_SCHEDULE, start=1):
        try:
            parse(entry)
        except ImproperlyConfigured as error:
            errors.append(checks.Error(f"JOBS_SCHEDULE 第 {number} 条：{error}", id="zhenwu_jobs.E001"))
    return errors
