"""The ranking 通报 of a large scheme (a province's towns), made in the background by ``zhenwu worker``."""

from __future__ import annotations

from zhenwu.assessment.models import Result
from zhenwu.jobs.queue import JobError, submit


def start_bulletin(user, result: Result, title: str):
    """Queue the 通报 of ``result`` (the version the user was shown: published, or the draft)."""
    return submit(
        "zhenwu.assessment.jobs.bulletin",
        title=title,
        user=user,
        area=result.scheme.area,
        params={"result": result.pk, "filename": f"{title}.docx"},
    )


def bulletin(job) -> None:
    from zhenwu.assessment.bulletin import build_bulletin
    from zhenwu.documents import write_docx
    from zhenwu.issuing.dispatch import signer

    result = Result.objects.select_related("scheme").filter(pk=job.params["result"]).first()
    if result is None:
        raise JobError("该考核结果已被删除或重新计算，请回到考核页面重新生成")
    job.progress(note="正在排版排名通报")
    issuer = signer(job.job.user, result.scheme.area)  # the office of whoever asked for it, as on the page
    job.save_result(job.params["filename"], write_docx(build_bulletin(result, issuer=issuer)))
