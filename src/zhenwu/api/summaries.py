"""工作总结 over JSON: an area's draft for a period (its text and where each figure comes from) and its .docx.

Built by ``summaries.services.document_for`` from the ledger and the words people kept, as the
draft page and its download build it; nothing is saved.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Router, Schema

from zhenwu.api.common import visible_area
from zhenwu.api.errors import FieldErrors
from zhenwu.documents import write_docx
from zhenwu.lib.files import safe_filename
from zhenwu.lib.periods import Period, PeriodError, parse_period
from zhenwu.summaries import services
from zhenwu.summaries.proofing import document_text

router = Router(tags=["工作总结"])

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SourceOut(Schema):
    text: str
    source: str


class DraftOut(Schema):
    area: str
    period: str
    title: str
    text: str
    sources: list[SourceOut]


def _period(key: str) -> Period:
    try:
        return parse_period(key)
    except PeriodError as error:
        raise FieldErrors({"period": f"报告期无效：{error}"}) from error


def _built(request, area: str, period: str, *, with_charts: bool):
    place, when = visible_area(request, area), _period(period)
    built = services.document_for(
        place, when, user=request.user, today=timezone.localdate(), with_charts=with_charts
    )
    return place, when, built


@router.get("/summaries/draft", response=DraftOut, summary="工作总结草稿：全文及每个数字的来源")
def draft(request, area: str, period: str):
    """``period``: 2026-H1（上半年）、2026-Q3（前三季度）、2026-09（1-9月）、2026（全年）."""
    place, when, built = _built(request, area, period, with_charts=False)
    return {
        "area": place.code,
        "period": when.key,
        "title": built.document.title,
        "text": document_text(built.document),
        "sources": built.sources,
    }


@router.get(
    "/summaries/docx",
    response={200: bytes},
    summary="下载工作总结草稿（.docx）",
    openapi_extra={"responses": {200: {"description": "Word 文档", "content": {DOCX_TYPE: {}}}}},
)
def docx(request, area: str, period: str, comments: bool = False):
    """The draft as the page downloads it; ``comments=true`` adds each figure's source as a Word comment."""
    _, _, built = _built(request, area, period, with_charts=True)
    response = HttpResponse(write_docx(built.document, comments=comments), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        True, safe_filename(f"{built.document.title}.docx")
    )
    return response
