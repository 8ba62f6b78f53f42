"""核稿 of a draft: the checker's findings on the whole text, and typed figures that disagree with the ledger.

A generated draft has no findings. A person's paragraph may state a figure — "固定资产投资
完成6.5亿元" — that the ledger has otherwise; it is compared by subject with the ledger's
figure for the same area and period, allowing the rounding the writer's precision implies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zhenwu.documents import Document
from zhenwu.figures import Finding, extract, review
from zhenwu.ledger import crosscheck
from zhenwu.summaries.facts import Facts


@dataclass(frozen=True)
class Problem:
    """A finding and where it is: ``slot`` names the person's paragraph, "" the generated text."""

    finding: Finding
    slot: str = ""
    excerpt: str = ""


def document_text(document: Document) -> str:
    """The text of the document's title and paragraphs, one a line, as 核稿 reads a .docx."""
    lines = [document.title]
    for block in document.blocks:
        text = getattr(block, "text", None)
        if isinstance(text, str):
            lines.append(text)
    return "\n".join(lines)


def _excerpt(text: str, start: int, end: int, context: int = 14) -> str:
    return text[max(0, start - context) : end + context].replace("\n", " ")


def ledger_disagreements(text: str, facts: Facts) -> list[Finding]:
    """Figures in ``text`` whose subject is an indicator and whose value is not the ledger's."""
    scope = crosscheck.Scope(facts.area_name, facts.area_code, facts.period)
    return crosscheck.compare(text, extract(text), facts.indicators, scope).mismatches


def proofread(document: Document, narratives: Mapping[str, str], facts: Facts) -> list[Problem]:
    """Everything 核稿 says about the draft: the checker on the whole text, then the ledger on each paragraph a person wrote."""
    text = document_text(document)
    problems = [Problem(f, "", _excerpt(text, f.start, f.end)) for f in review(text).findings]
    for slot, words in narratives.items():
        for finding in ledger_disagreements(words or "", facts):
            problems.append(Problem(finding, slot, _excerpt(words, finding.start, finding.end)))
    return problems


BLOCKING_SHOWN = 10  # errors named in a refused 定稿; the 核稿 list on the page has them all


def blocking(problems: list[Problem]) -> list[Problem]:
    """The errors among the problems: a draft with any is not issued (warnings do not stop it)."""
    return [p for p in problems if p.finding.severity == "error"]


def refusal(errors: list[Problem]) -> str:
    """Why a draft with errors is not issued, naming up to ``BLOCKING_SHOWN`` of them with their text."""
    named = "；".join(f"“{p.finding.span}”：{p.finding.message}" for p in errors[:BLOCKING_SHOWN])
    more = f"；另有{len(errors) - BLOCKING_SHOWN}处" if len(errors) > BLOCKING_SHOWN else ""
    return f"核稿发现{len(errors)}处错误，未定稿、未取文号，请改正后再定稿：{named}{more}。"
