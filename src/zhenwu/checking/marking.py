"""How a checked text is shown: the text cut into segments, each finding marked once."""

from __future__ import annotations

from dataclasses import dataclass

from zhenwu.figures import Finding, Lines


@dataclass(frozen=True)
class Segment:
    text: str
    finding: Finding | None = None
    number: int | None = None  # the finding's number in the list beside the text


@dataclass(frozen=True)
class ListedFinding:
    number: int
    finding: Finding
    line: int
    column: int
    excerpt_before: str
    excerpt_after: str


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """Cut ``text`` so that every finding's span is its own segment; overlapping spans
    keep the first finding, the rest stay listed beside the text.

    >>> from zhenwu.figures import check
    >>> [(s.text, s.number) for s in segments("达*亿元。", check("达*亿元。"))]
    [('达', None), ('*亿元', 1), ('。', None)]
    """
    cut: list[Segment] = []
    position = 0
    for number, finding in enumerate(findings, start=1):
        if finding.start < position:
            continue
        if finding.start > position:
            cut.append(Segment(text[position : finding.start]))
        cut.append(Segment(text[finding.start : finding.end], finding, number))
        position = finding.end
    if position < len(text):
        cut.append(Segment(text[position:]))
    return cut


def listed(text: str, findings: list[Finding], context: int = 12) -> list[ListedFinding]:
    """The findings numbered, with where they are and a few characters around each."""
    rows, lines = [], Lines(text)
    for number, finding in enumerate(findings, start=1):
        line, column = lines.position(finding.start)
        before = text[max(0, finding.start - context) : finding.start].rsplit("\n", 1)[-1]
        after = text[finding.end : finding.end + context].split("\n", 1)[0]
        rows.append(ListedFinding(number, finding, line, column, before, after))
    return rows
