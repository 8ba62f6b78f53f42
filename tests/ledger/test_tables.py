"""Figures to date as the database adds them up: the same rule as ``progress.to_date``."""

from decimal import Decimal as D

from tests.ledger import factories as f
from zhenwu.ledger import loading, tables
from zhenwu.ledger.models import Indicator


def test_to_date_figures_follow_the_kind_of_indicator(world):
    for month, value in [(1, "10"), (2, "25"), (3, "40")]:
        f.make_value(world, world.town_a, code="GDTZ", month=month, value=value)  # cumulative
    for month, value in [(1, "2"), (2, "1"), (3, "0")]:
        f.make_value(world, world.town_a, code="SGQS", month=month, value=value)  # flow
    f.make_value(world, world.town_b, code="SGQS", month=1, value="3")  # flow, months 2-3 missing
    f.make_value(world, world.town_a, code="LHFG", month=1, value="38.5")  # level, not updated since
    f.make_value(world, world.town_a, code="GDTZ", year=2024, month=3, value="32")
    figures = loading.load_figures(
        [world.town_a.pk, world.town_b.pk], list(Indicator.objects.all()), year=2025, month=3
    )
    a, b = world.town_a.pk, world.town_b.pk
    code = {indicator.code: indicator.pk for indicator in Indicator.objects.all()}
    assert figures.current[a, code["GDTZ"]] == D("40")
    assert figures.current[a, code["SGQS"]] == D("3")
    assert (b, code["SGQS"]) not in figures.current  # a flow without March has no 1-3月 figure
    assert figures.current[a, code["LHFG"]] == D("38.5")
    assert figures.last_year[a, code["GDTZ"]] == D("32")


def test_a_flow_adds_up_to_its_exact_figure_on_every_database(world):
    f.make_value(
        world, world.town_a, code="SGQS", month=1, value="1.06"
    )  # as binary floats: 4.050000000000001
    f.make_value(world, world.town_a, code="SGQS", month=2, value="2.99")
    figures = loading.load_figures([world.town_a.pk], [f.indicator("SGQS")], year=2025, month=2)
    assert figures.current[world.town_a.pk, f.indicator("SGQS").pk] == D("4.05")


def test_month_progress_covers_every_area_with_a_figure_or_a_target(world):
    f.make_value(world, world.town_a, value="6")
    f.make_target(world, world.town_b, value="12")
    result = loading.month_progress(None, [f.indicator()], 2025, 6)
    assert result[world.town_a.pk, f.indicator().pk].standing == "无数据"  # no target: nothing to compare
    assert result[world.town_b.pk, f.indicator().pk].rate is None


def test_month_progress_leaves_out_the_targets_of_indicators_not_asked_for(world):
    f.make_value(world, world.town_a, value="6")
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, code="SGQS", value="3")
    result = loading.month_progress(None, [f.indicator()], 2025, 6)
    assert list(result) == [(world.town_a.pk, f.indicator().pk)]
    assert result[world.town_a.pk, f.indicator().pk].rate == D(50)


def test_a_ledger_without_indicators_or_targets_is_simply_empty(world):
    assert loading.month_progress(None, [], 2025, 6) == {}
    assert tables.area_table(world.county, 2025, 6).rows == []
