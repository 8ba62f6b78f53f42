"""Downloads of generated documents: the .docx, and beside it the PDF LibreOffice makes of it.

Every page that offers a .docx offers “下载PDF” when LibreOffice is installed (the template
variable ``pdf_available``); without it the PDF address answers with a page that says so
and what to do instead, never a server error.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from zhenwu.documents.pdf import LibreOfficeMissing, PdfError, convert_to_pdf
from zhenwu.lib.files import safe_filename

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
PDF_TIMEOUT = 90  # seconds: a 25-page illustrated report converts in well under 20 on two cores


def attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    return response


def docx_response(data: bytes, stem: str) -> HttpResponse:
    """The .docx ``data`` as a download named ``stem``.docx."""
    return attachment(data, f"{stem}.docx", DOCX_TYPE)


def pdf_of(docx: bytes) -> bytes:
    """The PDF of a .docx, one conversion at a time per process; raises ``PdfError``."""
    return convert_to_pdf(docx, timeout=PDF_TIMEOUT)


def pdf_response(request, docx: bytes, stem: str) -> HttpResponse:
    """The PDF of ``docx`` as a download named ``stem``.pdf, or a page saying why there is none."""
    return pdf_download(request, lambda: pdf_of(docx), stem)


def pdf_download(request, make: Callable[[], bytes], stem: str) -> HttpResponse:
    """The PDF ``make()`` returns as a download, or the page saying why there is none."""
    try:
        data = make()
    except PdfError as error:
        return pdf_unavailable(request, error)
    return attachment(data, f"{stem}.pdf", PDF_TYPE)


def pdf_refusal(error: PdfError) -> str:
    """Why there is no PDF, in one Chinese sentence (the API's 503; the page says it at length)."""
    if isinstance(error, LibreOfficeMissing):
        return "本服务器没有安装 LibreOffice，无法把文档转换为 PDF：请下载 .docx，在 Word 或 WPS 中另存为 PDF"
    return f"PDF 生成失败，请稍后再试，或下载 .docx 另存为 PDF（{error}）"


def pdf_unavailable(request, error: PdfError) -> HttpResponse:
    """The page shown instead of a PDF: no LibreOffice on the server, or the conversion failed."""
    missing = isinstance(error, LibreOfficeMissing)
    context = {"missing": missing, "detail": "" if missing else str(error)}
    return render(request, "web/pdf_unavailable.html", context, status=503)


def document_response(request, docx: bytes, stem: str, *, as_pdf: bool = False) -> HttpResponse:
    """The .docx, or its PDF when ``as_pdf``: the one view behind both links of a page."""
    return pdf_response(request, docx, stem) if as_pdf else docx_response(docx, stem)
