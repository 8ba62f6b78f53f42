"""The month's 督查通报 of a large area, made in the background by ``zhenwu worker``."""

from __future__ import annotations

import datetime

from zhenwu.areas.models import Area
from zhenwu.inspections.tallies import Period
from zhenwu.jobs.queue import JobError, submit


def start_bulletin(user, area: Area, year: int, month: int, today: datetime.date):
    return submit(
        "zhenwu.inspections.jobs.bulletin",
        title=f"{area.name}{year}年{month}月督查整改情况通报",
        user=user,
        area=area,
        params={"area": area.code, "year": year, "month": month, "today": today.isoformat()},
    )


def bulletin(job) -> None:
    from zhenwu.documents import write_docx
    from zhenwu.inspections.bulletin import build_bulletin
    from zhenwu.issuing.dispatch import signer

    area = Area.objects.filter(code=job.params["area"]).first()
    if area is None:
        raise JobError("该区划已不存在")
    year, month = job.params["year"], job.params["month"]
    job.progress(note="正在汇总督查发现的问题")
    document = build_bulletin(
        area,
        Period.month(year, month),
        datetime.date.fromisoformat(job.params["today"]),
        issuer=signer(job.job.user, area),  # the office of whoever asked for it, as on the page
    )
    job.save_result(f"{area.name}{year}年{month}月督查整改情况通报.docx", write_docx(document))
