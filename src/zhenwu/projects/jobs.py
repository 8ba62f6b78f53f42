"""The month's report and the ledger export of a large area, made in the background by ``zhenwu worker``."""

from __future__ import annotations

from zhenwu.areas.models import Area
from zhenwu.jobs.queue import JobError, submit
from zhenwu.projects.models import Project
from zhenwu.projects.rates import Month

KINDS = {"report": "重点项目月度图文报告", "export": "重点项目台账（.xlsx）"}


def start(user, area: Area, kind: str, month: Month):
    """Queue the report or the export of ``area``'s projects for ``month``; the user downloads it later."""
    return submit(
        f"zhenwu.projects.jobs.{kind}",
        title=f"{area.name}{month.year}年{month.month}月{KINDS[kind]}",
        user=user,
        area=area,
        params={"area": area.code, "month": f"{month.year}-{month.month:02d}"},
    )


def _inputs(job):
    area = Area.objects.filter(code=job.params["area"]).first()
    if area is None:
        raise JobError("该区划已不存在")
    user = job.job.user
    return area, Project.objects.for_user(user).in_subtree(area), Month.parse(job.params["month"])


def report(job) -> None:
    from zhenwu.documents import write_docx
    from zhenwu.projects.report import build_report

    area, projects, month = _inputs(job)
    job.progress(note=f"正在汇总{projects.count()}个项目")
    document = build_report(area, projects, month)
    job.save_result(f"{area.name}{month.year}年{month.label}重点项目推进情况.docx", write_docx(document))


def export(job) -> None:
    from zhenwu.projects.excel import export_ledger

    area, projects, month = _inputs(job)
    job.progress(note=f"正在导出{projects.count()}个项目")
    data = export_ledger(area, projects, month)
    job.save_result(f"{area.name}{month.year}年重点项目台账（{month.label}）.xlsx", data)
