"""The bulk path (``assess_many``) says exactly what the reference rules (``assess``) say, digit for digit."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zhenwu.ledger.progress import (
    CUMULATIVE,
    FLOW,
    HIGHER,
    LEVEL,
    LOWER,
    Thresholds,
    assess,
    assess_many,
)


def figures(places: int):
    """Ledger figures as the databases give them: up to 4 places, zero and negatives included, or missing."""
    return st.one_of(
        st.none(),
        st.just(Decimal(0)),
        st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=places, allow_nan=False),
        # nearly equal to another figure: 同比 around 持平, gaps around the thresholds
        st.integers(min_value=-(10**6), max_value=10**6).map(lambda n: Decimal(n).scaleb(-places)),
    )


rows = st.tuples(
    st.integers(),
    figures(4),
    figures(2),
    figures(4),
    st.sampled_from([HIGHER, LOWER]),
    st.sampled_from([CUMULATIVE, FLOW, LEVEL]),
)
thresholds = st.one_of(
    st.just(Thresholds()),
    st.builds(
        Thresholds,
        st.decimals(min_value=0, max_value=20, places=1),
        st.decimals(min_value=-5, max_value=5, places=1),
        st.decimals(min_value=-30, max_value=0, places=1),
    ),
)


def reference(row, month, limits):
    _, value, target, last_year, direction, kind = row
    return assess(
        value=value,
        target=target,
        last_year=last_year,
        month=month,
        direction=direction,
        kind=kind,
        thresholds=limits,
    )


@settings(max_examples=300)
@given(st.lists(rows, max_size=30, unique_by=lambda row: row[0]), st.integers(1, 12), thresholds)
def test_assess_many_matches_assess_digit_for_digit(batch, month, limits):
    result = assess_many(batch, month, limits)
    assert list(result) == [row[0] for row in batch]
    for row in batch:
        expected = reference(row, month, limits)
        assert result[row[0]] == expected
        assert repr(result[row[0]]) == repr(expected)  # the same Decimal digits and exponents, not just equal


def test_assess_many_on_the_worked_examples():
    batch = [
        ("ahead", Decimal("7.2"), Decimal("12"), Decimal("6"), HIGHER, CUMULATIVE),
        ("flat", Decimal("100.04"), Decimal("200"), Decimal("100"), HIGHER, FLOW),
        ("pm25", Decimal("30"), Decimal("35"), Decimal("32"), LOWER, LEVEL),
        ("allowance", Decimal("8"), Decimal("12"), None, LOWER, CUMULATIVE),
        ("no target", Decimal("8"), None, Decimal("0"), HIGHER, CUMULATIVE),
        ("zero level", Decimal("0"), Decimal("35"), Decimal("5"), LOWER, LEVEL),
        ("missing", None, Decimal("12"), Decimal("5"), HIGHER, CUMULATIVE),
    ]
    result = assess_many(batch, 6)
    for row in batch:
        assert repr(result[row[0]]) == repr(reference(row, 6, Thresholds()))
    assert result["ahead"].standing == "超序时" and result["flat"].yoy.word == "持平"
    assert result["allowance"].standing == "严重滞后" and result["missing"].yoy.word == "本期未报"


def test_assess_many_rounds_same_period_changes_like_assess_at_the_edges_of_flat():
    """Only a change under 0.1% can read 持平: the ones around 0.05% and 0.1% still say what ``assess`` says."""
    batch = [
        (
            f"{sign}{step}",
            Decimal(100) + Decimal(f"{sign}{step}"),
            Decimal(200),
            Decimal(100),
            HIGHER,
            CUMULATIVE,
        )
        for sign in ("+", "-")
        for step in ("0.0499", "0.05", "0.0501", "0.0999", "0.1", "0.1001")
    ]
    result = assess_many(batch, 6)
    for row in batch:
        assert repr(result[row[0]]) == repr(reference(row, 6, Thresholds()))
    assert result["-0.05"].yoy.word == "持平" and result["+0.0501"].yoy.word == "增长"
