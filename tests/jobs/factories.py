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


MONTHLY = "月报".encode()


def make_finished_job(world, area, user, name="月报.txt", data=MONTHLY):
    """A done job of ``user`` with its result file ``name`` holding ``data`` in the results folder."""
    job = make_job(world, area, user, status=JobStatus.DONE, done=1, total=1)
    folder = Path(settings.JOBS_RESULT_DIR) / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    Job.objects.filter(pk=job.pk).update(result_name=name, result_path=str(folder / name))
    return job


def make_finished_report_job(world, area, user):
    """A done job whose result is a one-paragraph 通报 (.docx)."""
    from zhenwu.documents import Document, Paragraph, write_docx

    document = Document(f"{area.name}月度通报", blocks=[Paragraph("本月共督查点位12个。")])
    return make_finished_job(world, area, user, f"{area.name}月度通报.docx", write_docx(document))
