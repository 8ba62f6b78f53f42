"""核稿 on a draft: nothing in a generated one; a typed figure that disagrees with the ledger is flagged."""

from __future__ import annotations

from tests.summaries.conftest import H1, TODAY, draft_of
from zhenwu.summaries.facts import gather
from zhenwu.summaries.proofing import ledger_disagreements, proofread


def test_a_generated_draft_has_no_findings(ledger):
    built = draft_of(ledger.town_a)
    assert proofread(built.document, {}, gather(ledger.town_a, H1, today=TODAY)) == []


def test_a_typed_figure_that_disagrees_with_the_ledger_is_flagged(ledger):
    words = {"section:economy": "上半年，我镇固投完成6.5亿元，势头良好。"}
    problems = proofread(
        draft_of(ledger.town_a, words).document, words, gather(ledger.town_a, H1, today=TODAY)
    )
    assert [(p.slot, p.finding.code, p.finding.span) for p in problems] == [
        ("section:economy", "ledger-mismatch", "6.5亿元")
    ]
    assert "6.02亿元" in problems[0].finding.message


def test_a_typed_figure_rounded_as_written_agrees(ledger):
    facts = gather(ledger.town_a, H1, today=TODAY)
    assert ledger_disagreements("固定资产投资完成6亿元。规上工业产值20.5亿元。", facts) == []
    assert ledger_disagreements("绿化覆盖率达到41.2%。", facts) == []


def test_a_typed_rate_is_compared_too(ledger):
    facts = gather(ledger.town_a, H1, today=TODAY)
    found = ledger_disagreements("固定资产投资同比增长12.0%。", facts)
    assert [f.span for f in found] == ["12.0%"]


def test_targets_and_last_year_are_not_the_period_figure(ledger):
    facts = gather(ledger.town_a, H1, today=TODAY)
    assert ledger_disagreements("固定资产投资全年目标12亿元，上年同期5亿元。", facts) == []
