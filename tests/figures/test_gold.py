"""The accuracy targets of issue 3, measured on the hand-annotated corpus in tests/corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[2] / "bench" / "figures_gold.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("figures_gold", _BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    return _scorer().score()


def test_span_f1_reaches_the_target(scores):
    assert scores["gold_span_f1"] >= 0.97


def test_values_and_units_are_right_for_the_gold_figures(scores):
    assert scores["gold_value_accuracy"] >= 0.97


def test_every_placeholder_and_missing_number_is_found(scores):
    assert scores["gold_placeholders_found"] == scores["gold_placeholders"]
