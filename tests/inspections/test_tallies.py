"""The figures reports take from supervision, with worked examples (no database, no HTTP)."""

import datetime
from decimal import Decimal

from zhenwu.inspections.tallies import (
    CategoryInfo,
    FindingFact,
    Period,
    by_area,
    closure_rate,
    in_subtree,
    overdue_count,
    summarise,
    tally_by_category,
)

VIOLATION = CategoryInfo("违法建设", "违建", "处", "查处", "平方米", "拆除")
STALLS = CategoryInfo("乱占道经营", "占道经营", "户", "清理")
TOWN_A, TOWN_B = "0001000100010001", "0001000100010002"
VILLAGE_A1 = TOWN_A + "0001"
JUNE = Period.year_to_month(2026, 6)
TODAY = datetime.date(2026, 7, 1)


def day(month, dom):
    return datetime.date(2026, month, dom)


def violations_of_the_half_year():
    """42 违建 found January–June: 40 closed (quantities 1035 m² in all), 2 still open, one past deadline."""
    facts = []
    quantities = [Decimal(25)] * 39 + [Decimal(60)]  # 39 × 25 + 60 = 1035
    for number, quantity in enumerate(quantities):
        found = day(1 + number % 6, 1 + number % 20)
        facts.append(
            FindingFact(
                VIOLATION,
                VILLAGE_A1,
                found,
                "closed",
                found + datetime.timedelta(days=15),
                found + datetime.timedelta(days=10),
                quantity,
            )
        )
    facts.append(FindingFact(VIOLATION, TOWN_A, day(6, 2), "in_progress", day(6, 17), None, Decimal(80)))
    facts.append(FindingFact(VIOLATION, TOWN_A, day(6, 25), "assigned", day(7, 10), None, Decimal(30)))
    return facts


def test_the_half_year_sentence_counts_found_and_sums_the_rectified_area():
    tally = tally_by_category(violations_of_the_half_year(), JUNE, TODAY)[0]
    assert (tally.found, tally.closed, tally.open, tally.overdue) == (42, 40, 2, 1)
    assert tally.closed_quantity == Decimal(1035)
    assert tally.found_quantity == Decimal(1145)
    assert tally.phrase == "查处违建42处，拆除违建1035平方米"


def test_a_category_without_a_quantity_unit_reads_as_a_count():
    facts = [FindingFact(STALLS, TOWN_A, day(3, 1 + n % 28), "closed", None, day(3, 28)) for n in range(73)]
    (tally,) = tally_by_category(facts, JUNE, TODAY)
    assert tally.phrase == "清理占道经营73户"


def test_a_finding_closed_in_the_period_counts_its_quantity_even_if_found_before():
    found_last_year = FindingFact(
        VIOLATION, TOWN_A, datetime.date(2025, 12, 20), "closed", None, day(1, 5), Decimal(200)
    )
    (tally,) = tally_by_category([found_last_year], JUNE, TODAY)
    assert (tally.found, tally.closed, tally.closed_quantity) == (0, 1, Decimal(200))
    assert tally.phrase == "查处违建0处，拆除违建200平方米"


def test_closure_rate_is_the_share_of_the_periods_findings_closed():
    assert closure_rate(violations_of_the_half_year(), JUNE) == Decimal("95.2")  # 40 / 42
    assert closure_rate([], JUNE) is None


def test_overdue_counts_open_findings_past_their_deadline_only():
    facts = violations_of_the_half_year()
    assert overdue_count(facts, TODAY) == 1  # deadline 6-17 passed; 7-10 not yet; closed ones never
    assert overdue_count(facts, day(7, 11)) == 2
    assert overdue_count(facts, day(6, 17)) == 0  # the deadline day itself is on time


def test_figures_per_area_count_the_whole_subtree():
    facts = [*violations_of_the_half_year(), FindingFact(STALLS, TOWN_B, day(5, 5), "submitted", day(5, 8))]
    assert len(in_subtree(facts, TOWN_A)) == 42
    rows = by_area(facts, [(TOWN_A, "青山镇", "A"), (TOWN_B, "白沙镇", "B")], JUNE, TODAY)
    assert [(row.name, row.found, row.closed, row.overdue, row.closure_rate) for row in rows] == [
        ("青山镇", 42, 40, 1, Decimal("95.2")),
        ("白沙镇", 1, 0, 0, Decimal("0.0")),  # submitted before the deadline passed: waits on the inspector
    ]


def test_the_summary_joins_the_category_phrases():
    facts = [
        *violations_of_the_half_year(),
        FindingFact(STALLS, TOWN_B, day(5, 5), "closed", None, day(5, 6)),
    ]
    summary = summarise(facts, JUNE, TODAY)
    assert (summary.found, summary.closed, summary.open, summary.overdue) == (43, 41, 2, 1)
    assert summary.phrases == "查处违建42处，拆除违建1035平方米；清理占道经营1户"


def test_periods_name_themselves_as_reports_do():
    assert Period.month(2026, 12).end == day(12, 31)
    assert Period.year_to_month(2026, 1).label == "2026年1月"
    assert Period.year(2026).label == "2026年"
    assert day(6, 30) in JUNE and day(7, 1) not in JUNE
