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
