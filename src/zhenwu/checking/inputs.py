"""Reading what a user hands to the 核稿 page: pasted text or an uploaded report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from zhenwu.documents.comments import review_docx
from zhenwu.documents.reading import UnreadableDocument, read_bytes
from zhenwu.figures import Review, review
from zhenwu.uploads import read_limits

__all__ = ["UnreadableDocument", "annotated_name", "review_upload"]


def review_upload(
    name: str, data: bytes, *, annotate: bool = False, amend: Callable[[Review], Review] | None = None
) -> tuple[Review, bytes | None]:
    """Check an uploaded report within the upload limits; ``annotate`` also returns the .docx with
    comments, at the findings ``amend`` adds too (those of the ledger)."""
    suffix = PurePath(name).suffix.lower()
    if annotate:
        if suffix != ".docx":
            raise UnreadableDocument("批注版只能为 .docx 文件生成；其他格式请直接核稿。")
        return review_docx(data, limits=read_limits(), amend=amend)
    return review(read_bytes(data, suffix, read_limits()).text), None


def annotated_name(name: str) -> str:
    """报告.docx → 报告（核稿批注）.docx

    >>> annotated_name("青山镇上半年总结.docx")
    '青山镇上半年总结（核稿批注）.docx'
    """
    path = PurePath(name)
    return f"{path.stem}（核稿批注）{path.suffix}"
