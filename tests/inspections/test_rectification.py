"""Which step may follow which, and when a finding repeats an earlier one."""

from decimal import Decimal

import pytest

from zhenwu.inspections.models import Status, Step
from zhenwu.inspections.rectification import Place, StepNotAllowed, is_repeat, next_status, steps_from


@pytest.mark.parametrize(
    ("status", "step", "after"),
    [
        (Status.REPORTED, Step.ASSIGN, Status.ASSIGNED),
        (Status.ASSIGNED, Step.START, Status.IN_PROGRESS),
        (Status.ASSIGNED, Step.SUBMIT, Status.SUBMITTED),
        (Status.IN_PROGRESS, Step.SUBMIT, Status.SUBMITTED),
        (Status.SUBMITTED, Step.CLOSE, Status.CLOSED),
        (Status.SUBMITTED, Step.RETURN, Status.RETURNED),
        (Status.RETURNED, Step.SUBMIT, Status.SUBMITTED),
    ],
)
def test_the_workflow_moves_forward(status, step, after):
    assert next_status(status, step) == after


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Status.ASSIGNED, Step.CLOSE),
        (Status.CLOSED, Step.SUBMIT),
        (Status.REPORTED, Step.SUBMIT),
        (Status.IN_PROGRESS, Step.RETURN),
    ],
)
def test_it_refuses_steps_out_of_order_with_a_chinese_reason(status, step):
    with pytest.raises(StepNotAllowed, match="的问题不能"):
        next_status(status, step)


def test_a_closed_finding_allows_nothing():
    assert steps_from(Status.CLOSED) == []


BRIDGE = Place(7, 3, "南塘村村口桥头", Decimal("29.100000"), Decimal("119.600000"))


def test_a_finding_within_fifty_metres_of_the_same_kind_is_a_repeat():
    assert is_repeat(Place(7, 3, "桥头", Decimal("29.100400"), Decimal("119.600000")), BRIDGE)  # ~44 m
    assert not is_repeat(
        Place(7, 3, "南塘村村口桥头", Decimal("29.100500"), Decimal("119.600000")), BRIDGE
    )  # ~56 m


def test_without_coordinates_a_similar_location_text_is_a_repeat():
    assert is_repeat(Place(7, 3, "南塘村 村口桥头东侧"), BRIDGE)
    assert not is_repeat(Place(7, 3, "南塘村文化礼堂"), BRIDGE)


def test_another_area_or_category_is_never_a_repeat():
    assert not is_repeat(Place(8, 3, "南塘村村口桥头"), BRIDGE)
    assert not is_repeat(Place(7, 4, "南塘村村口桥头"), BRIDGE)
