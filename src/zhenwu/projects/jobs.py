"""The month's report and the ledger export of a large area, made in the background by ``zhenwu worker``."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings

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
    from django.utils import timezone

    from zhenwu.documents import write_docx
    from zhenwu.issuing.dispatch import signer
    from zhenwu.ledger.reporting import reporting_month
    from zhenwu.projects.report import build_report

    area, projects, month = _inputs(job)
    job.progress(note=f"正在汇总{projects.count()}个项目")
    due = reporting_month(area, timezone.localdate()).is_due(month)
    document = build_report(area, projects, month, due=due, issuer=signer(job.job.user, area))
    job.save_result(f"{area.name}{month.year}年{month.label}重点项目推进情况.docx", write_docx(document))


def export(job) -> None:
    from zhenwu.projects.excel import export_ledger

    area, projects, month = _inputs(job)
    job.progress(note=f"正在导出{projects.count()}个项目")
    data = export_ledger(area, projects, month)
    job.save_result(f"{area.name}{month.year}年重点项目台账（{month.label}）.xlsx", data)


def start_import(user, data: bytes, filename: str):
    """Keep the uploaded ledger in the data directory and queue its import (all or nothing, as on the page)."""
    folder = Path(settings.JOBS_RESULT_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}{Path(filename).suffix.lower()[:8]}"
    path.write_bytes(data)
    return submit(
        "zhenwu.projects.jobs.import_ledger",
        title=f"导入重点项目台账《{filename[:80]}》",
        user=user,
        params={"upload": path.name, "filename": filename[:200]},
    )


def import_ledger(job) -> None:
    """Import the kept upload once (a retry after a killed worker does not import it again)."""
    from zhenwu.projects import excel

    path = Path(settings.JOBS_RESULT_DIR) / "uploads" / Path(job.params["upload"]).name
    if not path.is_file():
        raise JobError("上传的文件已不在服务器上，请重新上传")
    outcome = []
    job.progress(note="正在检查和导入")
    job.step(
        "import",
        lambda: outcome.append(excel.import_ledger(path.read_bytes(), job.params["filename"], job.job.user)),
    )
    path.unlink(missing_ok=True)
    if not outcome:
        job.finish("已导入（由此前中断的一次执行完成）。")
        return
    result = outcome[0]
    if result.errors:
        shown = "；".join(result.errors[:50]) + ("……" if len(result.errors) > 50 else "")
        raise JobError(f"未导入：发现 {len(result.errors)} 处问题。{shown}")
    job.finish(
        f"已导入：新增项目 {result.created} 个，修改 {result.changed} 个，记录月度进展 {result.updates} 条。"
    )
