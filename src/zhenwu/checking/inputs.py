"""Reading what a user hands to the 核稿 page: pasted text or an uploaded report."""

from __future__ import annotations

from pathlib import PurePath

from zhenwu.documents.comments import review_docx
from zhenwu.documents.reading import UnreadableDocument, read_bytes
from zhenwu.figures import Review, review

__all__ = ["UnreadableDocument", "annotated_name", "review_upload"]


def review_upload(name: str, data: bytes, *, annotate: bool = False) -> tuple[Review, bytes | None]:
    """Check an uploaded report; with ``annotate`` a .docx also comes back with a Word comment at each finding."""
    suffix = PurePath(name).suffix.lower()
    if annotate:
        if suffix != ".docx":
            raise UnreadableDocument("批注版只能为 .docx 文件生成；其他格式请直接核稿。")
        return review_docx(data)
    return review(read_bytes(data, suffix).text), None


def annotated_name(name: str) -> str:
    """报告.docx → 报告（核稿批注）.docx

    >>> annotated_name("青山镇上半年总结.docx")
    '青山镇上半年总结（核稿批注）.docx'
    """
    path = PurePath(name)
    return f"{path.stem}（核稿批注）{path.suffix}"
