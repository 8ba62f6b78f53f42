"""Compiling a county's summary from its towns' reports: read each report, find its figures,
propose the indicator each measures and the town it comes from.

Pure functions over text and plain candidates; saving and loading into the ledger is in
``services``. Only indicators the ledger keeps as 1-N月 totals or levels are proposed: a
per-month flow (事故起数) cannot be loaded from a half-year total.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from zhenwu.figures import extract
from zhenwu.ledger import matching

DECIMAL_PLACES = Decimal("0.0001")  # the ledger keeps four decimals


@dataclass(frozen=True)
class Candidate:
    """An indicator as matching needs it."""

    pk: int
    name: str
    aliases: Sequence[str]
    unit: str


@dataclass(frozen=True)
class Proposal:
    """A figure found in a report, with the indicator proposed for it (None when nothing fits)."""

    start: int
    span: str
    context: str
    subject: str
    value: Decimal
    unit: str
    kind: str
    candidate: Candidate | None
    duplicate: bool = False

    @property
    def indicator_value(self) -> Decimal | None:
        """The figure in the proposed indicator's unit: 6.02亿元 for 亿元 → 6.02."""
        if self.candidate is None:
            return None
        return matching.to_indicator_unit(self.value, self.candidate.unit).quantize(DECIMAL_PLACES)


def candidates(indicators: Iterable) -> list[Candidate]:
    """Ledger indicators that can take a compiled figure (not per-month flows)."""
    return [
        Candidate(indicator.pk, indicator.name, tuple(indicator.alias_list), indicator.unit)
        for indicator in indicators
        if indicator.kind != "flow"
    ]


def sentence_around(text: str, start: int, end: int, limit: int = 120) -> str:
    """The sentence a figure stands in, cut to ``limit`` characters around it.

    Looks no further than ``limit`` characters each way: a sentence that runs past is cut anyway,
    and looking to the ends of a long paragraph for every figure made it quadratic.
    """
    low, high = max(0, start - limit), min(len(text), end + limit)
    found = max(text.rfind(mark, low, start) for mark in "。；\n")
    begin = found + 1 if found >= 0 or low == 0 else None  # None: the sentence starts further back
    stops = [position for mark in "。；\n" if (position := text.find(mark, end, high)) != -1]
    finish = min(stops) + 1 if stops else (len(text) if high == len(text) else None)
    if begin is not None and finish is not None and len(sentence := text[begin:finish].strip()) <= limit:
        return sentence
    cut = start - limit // 2 if begin is None else max(begin, start - limit // 2)
    return text[cut : cut + limit].strip()


def propose(text: str, indicators: Sequence[Candidate]) -> list[Proposal]:
    """Every figure of the report that may be a period figure, each with the indicator it likely measures.

    The first figure for an indicator is proposed; later ones for the same indicator are marked
    duplicates (a person picks). Figures about targets, last year or what is left are skipped.
    """
    proposals, seen = [], set()
    for figure in extract(text):
        if figure.value is None or figure.approx or figure.kind not in matching.VALUE_KINDS:
            continue
        clause = matching.clause_before(text, figure.start)
        if not matching.states_the_period(clause):
            continue
        candidate = matching.match(clause, indicators, figure.unit)
        duplicate = candidate is not None and candidate.pk in seen
        if candidate is not None:
            seen.add(candidate.pk)
        proposals.append(
            Proposal(
                start=figure.start,
                span=figure.span[:60],
                context=sentence_around(text, figure.start, figure.end)[:300],
                subject=(figure.subject or "")[:60],
                value=figure.value,
                unit=figure.unit,
                kind=figure.kind,
                candidate=candidate,
                duplicate=duplicate,
            )
        )
    return proposals


def propose_town(name: str, text: str, towns: Sequence) -> object | None:
    """The town a report is about: named in its file name, else in its title, else the one it names most."""
    for town in towns:
        if town.name in name:
            return town
    head = text[:200]
    for town in towns:
        if town.name in head:
            return town
    counts = Counter({town: text.count(town.name) for town in towns})
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None
