"""工作总结 over JSON: an area's draft for a period (its text and where each figure comes from), its .docx and PDF.

Built by ``summaries.services.document_for`` from the ledger and the words people kept, as the
draft page and its download build it; nothing is saved.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Router, Schema, Status

from zhenwu.api.common import visible_area
from zhenwu.api.errors import FieldErrors
from zhenwu.documents import write_docx
from zhenwu.documents.pdf import PdfError
from zhenwu.lib.files import safe_filename
from zhenwu.lib.periods import Period, PeriodError, parse_period
from zhenwu.summaries import services
from zhenwu.summaries.proofing import document_text
from zhenwu.web.downloads import PDF_TYPE, attachment, pdf_of, pdf_refusal

router = Router(tags=["工作总结"])

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class SourceOut(Schema):
    text: str
    source: str


class RefusalOut(Schema):
    detail: str


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


@router.get(
    "/summaries/pdf",
    response={200: bytes, 503: RefusalOut},
    summary="下载工作总结草稿（PDF）",
    openapi_extra={
        "responses": {
            200: {"description": "PDF（由 LibreOffice 从 .docx 转换）", "content": {PDF_TYPE: {}}},
            503: {"description": "服务器没有 LibreOffice 或转换失败；detail 说明原因"},
        }
    },
)
def pdf(request, area: str, period: str):
    """The draft's .docx converted to PDF as the page's 下载PDF converts it; 503 with the reason when it cannot be."""
    _, _, built = _built(request, area, period, with_charts=True)
    try:
        data = pdf_of(write_docx(built.document))
    except PdfError as error:
        return Status(503, {"detail": pdf_refusal(error)})
    return attachment(data, f"{built.document.title}.pdf", PDF_TYPE)
