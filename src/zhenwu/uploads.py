"""The bounds on one upload or paste, from settings (``MAX_*``), read when used so a test can lower them.

The checks themselves are in ``zhenwu.documents`` (an Office file's zip, a report's pages and
characters) and ``zhenwu.workbooks`` (a sheet's rows and columns); every refusal names its limit.
"""

from __future__ import annotations

from django.conf import settings

from zhenwu.documents.packages import PackageLimits, size_text
from zhenwu.documents.reading import ReadLimits


def package_limits() -> PackageLimits:
    return PackageLimits(
        total_bytes=settings.MAX_UNZIPPED_BYTES,
        xml_part_bytes=settings.MAX_UNZIPPED_XML_BYTES,
        parts=settings.MAX_ZIP_PARTS,
        ratio=settings.MAX_ZIP_RATIO,
    )


def read_limits() -> ReadLimits:
    return ReadLimits(
        chars=settings.MAX_TEXT_CHARS, pdf_pages=settings.MAX_PDF_PAGES, package=package_limits()
    )


def too_large(name: str, size: int, limit: int) -> str | None:
    """The refusal for a file over ``limit`` bytes, naming both sizes; None when it fits."""
    if size <= limit:
        return None
    return f"“{name}”有 {size_text(size)}，超过 {size_text(limit)} 的上限"


def largest_request_bytes() -> int:
    """The largest request body the site accepts: a full compile upload plus the form's own fields.

    The reverse proxy's body limit (``client_max_body_size`` in deploy/nginx/zhenwu.conf) is this,
    so the proxy never refuses what the application would accept, nor lets through much more.
    """
    from zhenwu.photos import MAX_PHOTO_BYTES, MAX_PHOTOS

    files = max(
        settings.MAX_COMPILE_FILES * settings.MAX_DOCUMENT_BYTES,
        MAX_PHOTOS * MAX_PHOTO_BYTES,
        settings.MAX_WORKBOOK_BYTES,
        settings.MAX_DOCUMENT_BYTES,
    )
    return files + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
