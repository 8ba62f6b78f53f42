"""Check a checklist mark's document before anything is written: its size first, then what it really is.

Accepted: .pdf, .docx, .xlsx and .jpg (a scanned 批复 or 验收意见). The size is checked before
any byte is parsed; an Office file is then checked as a zip (``documents.packages``) and must
hold the part its suffix promises; a PDF must start as a PDF; a .jpg goes through the photo
check. Every refusal is a Chinese ``ValidationError`` naming the file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError

from zhenwu.documents.packages import RefusedPackage, check_package
from zhenwu.photos import check_photo
from zhenwu.uploads import package_limits, too_large

# suffix → (content type, the zip part an Office file of that kind must hold)
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", None),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "word/document.xml",
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/workbook.xml"),
    ".jpg": ("image/jpeg", None),
    ".jpeg": ("image/jpeg", None),
}


@dataclass(frozen=True)
class CheckedDocument:
    upload: object
    name: str
    suffix: str
    content_type: str


def check_document(upload) -> CheckedDocument:
    """Refuse a document that is too large, of another type, or not what its name says."""
    name = (getattr(upload, "name", "") or "文件")[:200]
    if refusal := too_large(name, upload.size, settings.MAX_DOCUMENT_BYTES):
        raise ValidationError(f"佐证文件{refusal}，请压缩后再上传。", code="too_large")
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise ValidationError(
            f"佐证文件“{name}”的类型不受支持，只接受 PDF、Word(.docx)、Excel(.xlsx) 或 JPG 文件。",
            code="format",
        )
    if upload.size == 0:
        raise ValidationError(f"佐证文件“{name}”是空的。", code="empty")
    content_type, part = DOCUMENT_TYPES[suffix]
    if suffix in (".jpg", ".jpeg"):
        checked = check_photo(upload)
        if checked.content_type != "image/jpeg":
            raise ValidationError(f"佐证文件“{name}”不是 JPG 图片。", code="format")
        return CheckedDocument(upload, name, ".jpg", content_type)
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF-"):
            raise ValidationError(f"佐证文件“{name}”不是有效的 PDF 文件。", code="corrupt")
        return CheckedDocument(upload, name, suffix, content_type)
    try:
        check_package(data, package_limits())
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            holds = part in archive.namelist()
    except RefusedPackage as error:
        raise ValidationError(f"佐证文件“{name}”：{error}", code="package") from error
    except (zipfile.BadZipFile, ValueError, OSError):
        holds = False
    if not holds:
        raise ValidationError(
            f"佐证文件“{name}”已损坏或不是{'Word' if suffix == '.docx' else 'Excel'}文件，请另存后再上传。",
            code="corrupt",
        )
    return CheckedDocument(upload, name, suffix, content_type)
