"""Return a .docx with a Word comment on each 核稿 finding, anchored exactly on its span.

Runs are split at the span's edges so that the comment covers the characters found and no
others; the rest of the document is left as it was.
"""

from __future__ import annotations

import copy
import io
from bisect import bisect_right
from collections.abc import Iterable

from zhenwu.documents.reading import (
    DEFAULT_LIMITS,
    ReadLimits,
    Segment,
    docx_segments,
    open_docx,
)

AUTHOR = "镇务核稿"
INITIALS = "核"


def annotate_docx(
    data: bytes,
    findings: Iterable | None = None,
    *,
    author: str = AUTHOR,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> bytes:
    """Copy a .docx with a comment at each finding; without ``findings``, check it first.

    ``findings`` are objects with ``start``, ``end``, ``message`` and ``severity`` whose offsets
    refer to the text ``reading.docx_text`` gives for the same bytes.
    """
    document = open_docx(data, limits.package)
    text, segments = docx_segments(document, limits)
    if findings is None:
        from zhenwu.figures import check

        findings = check(text)
    return _annotated(document, segments, findings, author)


def _annotated(document, segments: list[Segment], findings: Iterable, author: str) -> bytes:
    starts = [segment.start for segment in segments]
    # Later findings first: splitting runs never moves an earlier offset.
    for finding in sorted(findings, key=lambda f: (f.start, f.end), reverse=True):
        segment = segments[bisect_right(starts, finding.start) - 1]
        end = min(finding.end, segment.end)
        runs = _isolate(segment, finding.start, end)
        if runs:
            label = "错误" if finding.severity == "error" else "提示"
            document.add_comment(runs, text=f"【{label}】{finding.message}", author=author, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _isolate(segment: Segment, start: int, end: int) -> list:
    """Split runs at ``start`` and ``end`` and return the runs that cover exactly that range."""
    if end <= start:
        return []
    _split_at(segment, end)
    _split_at(segment, start)
    return [
        run for offset, run in segment.runs if start <= offset and offset + len(run.text) <= end and run.text
    ]


def _split_at(segment: Segment, position: int) -> None:
    for index, (offset, run) in enumerate(segment.runs):
        length = len(run.text)
        if offset < position < offset + length:
            cut = position - offset
            text = run.text
            twin_element = copy.deepcopy(run._r)
            run._r.addnext(twin_element)
            from docx.text.run import Run

            twin = Run(twin_element, run._parent)
            run.text = text[:cut]
            twin.text = text[cut:]
            segment.runs.insert(index + 1, (position, twin))
            return


def review_docx(data: bytes, *, author: str = AUTHOR, limits: ReadLimits = DEFAULT_LIMITS, amend=None):
    """Check a .docx and return ``(review, annotated_bytes)``: what a 核稿 page needs in one call.

    ``review`` is a :class:`zhenwu.figures.Review` (``.text``, ``.figures``, ``.findings``,
    ``.to_dict()``); its offsets refer to the text read from the document, opened once.
    ``amend`` (a Review → Review function) adds findings of its own, e.g. those of a ledger.
    """
    from zhenwu.figures import review

    document = open_docx(data, limits.package)
    text, segments = docx_segments(document, limits)
    result = review(text)
    if amend is not None:
        result = amend(result)
    return result, _annotated(document, segments, result.findings, author)
