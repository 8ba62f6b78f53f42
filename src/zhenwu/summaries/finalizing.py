"""定稿: freeze a summary as the issued version under the office's next 文号; 另起新稿 after it.

The summary is issued like every 通报 (``zhenwu.issuing``): built by ``issuing.reports``,
dressed with 版头 and 版记 by ``issuing.dispatch`` and its .docx kept with the register
entry, so the number always downloads the same document. The draft is then frozen: its
words and figures are not changed until someone starts a new draft, which leaves every
earlier 定稿 as it was. A draft 核稿 finds errors in (a placeholder, a missing number, sums
that do not add up, a typed figure the ledger has otherwise) is refused before a number is taken.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from zhenwu.areas.models import Area
from zhenwu.documents import write_docx
from zhenwu.documents.pdf import PdfError
from zhenwu.issuing import dispatch, reports
from zhenwu.issuing.models import ReportKind
from zhenwu.lib.periods import Period
from zhenwu.summaries import proofing
from zhenwu.summaries.facts import gather
from zhenwu.summaries.models import Draft, DraftStatus, FinalVersion
from zhenwu.summaries.services import frozen_version, narratives_of, require


class FinalizeError(Exception):
    """定稿 refused; the message says why, in Chinese."""


def versions(area: Area, period: Period):
    """Every 定稿 of the area's summary for the period, newest first."""
    return FinalVersion.objects.filter(area=area, period=period.key).select_related("number", "finalized_by")


@transaction.atomic
def finalize(user, area: Area, period: Period, *, today: datetime.date) -> FinalVersion:
    """定稿: issue the summary as it stands under the user's office's next 文号 and freeze the draft."""
    require(user, area)
    office = dispatch.own_department(user, area)
    if office is None:
        raise FinalizeError("您的账号没有所在部门，无法定稿编号：请管理员在账号中设置所在部门")
    title = f"{area.name}{period.title_name}工作总结"
    draft, _ = Draft.objects.select_for_update().get_or_create(
        area=area, period=period.key, defaults={"title": title, "generated_at": timezone.now()}
    )
    if draft.status == DraftStatus.FINAL:  # a second click, or two people at once: one 文号 only
        version = frozen_version(area, period)
        raise FinalizeError(f"该总结已定稿（{version.number.code if version else ''}），如需修改请先另起新稿")
    built = reports.build(ReportKind.SUMMARY, user, {"code": area.code, "period": period.key}, today)
    facts = gather(area, period, user=user, today=today)
    errors = proofing.blocking(proofing.proofread(built.document, narratives_of(area, period), facts))
    if errors:  # 核稿 says the draft is wrong: no 文号 is taken, nothing is frozen
        raise FinalizeError(proofing.refusal(errors))
    try:
        document, record = dispatch.issue(
            built.document, office, kind=ReportKind.SUMMARY, source=built.source, user=user, today=today
        )
    except dispatch.IssueError as error:
        raise FinalizeError(str(error)) from error
    dispatch.keep(record, write_docx(document))
    now = timezone.now()
    version = FinalVersion.objects.create(
        area=area,
        period=period.key,
        title=document.title,
        number=record,
        sources=built.sources,
        finalized_by=user,
        finalized_at=now,
    )
    draft.title, draft.status, draft.sources = document.title, DraftStatus.FINAL, built.sources
    draft.generated_at, draft.generated_by = now, user
    draft.save(update_fields=["title", "status", "sources", "generated_at", "generated_by"])
    return version


def keep_pdf(version: FinalVersion, convert: Callable[[bytes], bytes]) -> bool:
    """Keep the 定稿's PDF beside its .docx when LibreOffice can make one; False when it cannot."""
    try:
        dispatch.kept_pdf(version.number, convert)
    except PdfError:
        return False
    return True


@transaction.atomic
def start_new_draft(user, area: Area, period: Period) -> Draft:
    """另起新稿: the draft may be edited again; every earlier 定稿 stays as issued."""
    require(user, area)
    draft = Draft.objects.select_for_update().filter(area=area, period=period.key).first()
    if draft is None or draft.status != DraftStatus.FINAL:
        raise FinalizeError("该总结尚未定稿，可以直接修改")
    draft.status = DraftStatus.DRAFTING
    draft.save(update_fields=["status"])
    return draft
