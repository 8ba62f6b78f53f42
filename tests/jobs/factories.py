"""Rows of the jobs app for tests, in any area of the test world."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from zhenwu.jobs.models import Job, JobStatus, JobStep


def make_job(world, area, user=None, **fields):
    fields = {"function": "tests.jobs.functions.report", "title": f"{area.name}月报", **fields}
    return Job.objects.create(area=area, user=user, **fields)


def make_step(world, area):
    return JobStep.objects.create(job=make_job(world, area), key="1", attempt=1)


def make_finished_job(world, area, user):
    """A done job of ``user`` with its result file in the results folder."""
    job = make_job(world, area, user, status=JobStatus.DONE, done=1, total=1)
    folder = Path(settings.JOBS_RESULT_DIR) / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "月报.txt").write_text("月报", encoding="utf-8")
    Job.objects.filter(pk=job.pk).update(result_name="月报.txt", result_path=str(folder / "月报.txt"))
    return job
