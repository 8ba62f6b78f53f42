"""The rectification rules: which step may follow which, what is overdue, what is a repeat.

Plain functions over plain values, so they read (and are tested) without a database.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from zhenwu.areas.models import Action
from zhenwu.inspections.models import Status, Step

# step → (statuses it may start from, status it leads to, action the user needs over the area)
STEPS: dict[str, tuple[frozenset[str], str, str]] = {
    Step.ASSIGN: (frozenset({Status.REPORTED}), Status.ASSIGNED, Action.INSPECT),
    Step.START: (frozenset({Status.ASSIGNED, Status.RETURNED}), Status.IN_PROGRESS, Action.ENTER),
    Step.SUBMIT: (
        frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.RETURNED}),
        Status.SUBMITTED,
        Action.ENTER,
    ),
    Step.CLOSE: (frozenset({Status.SUBMITTED}), Status.CLOSED, Action.INSPECT),
    Step.RETURN: (frozenset({Status.SUBMITTED}), Status.RETURNED, Action.INSPECT),
}

REPEAT_DISTANCE_M = 50
REPEAT_TEXT_SIMILARITY = 0.8
REPEAT_WINDOW_DAYS = 365


class StepNotAllowed(Exception):
    """A step that the finding's current status does not allow; the message says why in Chinese."""


def next_status(status: str, step: str) -> str:
    """The status after ``step``, or StepNotAllowed when the step cannot follow ``status``.

    >>> next_status("submitted", "close")
    'closed'
    >>> next_status("closed", "return")
    Traceback (most recent call last):
    ...
    zhenwu.inspections.rectification.StepNotAllowed: 状态为“已销号”的问题不能退回重改
    """
    allowed_from, target, _action = STEPS[step]
    if status not in allowed_from:
        raise StepNotAllowed(f"状态为“{Status(status).label}”的问题不能{Step(step).label}")
    return str(target)


def steps_from(status: str) -> list[str]:
    """The steps that may follow ``status``, in workflow order.

    >>> steps_from("submitted")
    ['close', 'return']
    """
    return [str(step) for step, (allowed_from, _target, _action) in STEPS.items() if status in allowed_from]


def action_for(step: str) -> str:
    """The Action (督查 or 填报) a user must hold over the finding's area to take ``step``."""
    return STEPS[step][2]


# A submitted rectification waits on the inspector, not the town: it is not overdue.
NOT_OVERDUE = frozenset({Status.SUBMITTED, Status.CLOSED})


def days_overdue(deadline: datetime.date | None, status: str, today: datetime.date) -> int:
    """Days past the deadline of a finding the town has not yet rectified (逾期未整改).

    0 when on time, without a deadline, submitted for verification (待验收) or closed. The
    deadline day itself still counts as on time.

    >>> days_overdue(datetime.date(2026, 3, 10), "in_progress", datetime.date(2026, 3, 13))
    3
    >>> days_overdue(datetime.date(2026, 3, 10), "in_progress", datetime.date(2026, 3, 10))
    0
    >>> days_overdue(datetime.date(2026, 3, 10), "submitted", datetime.date(2026, 4, 1))
    0
    """
    if deadline is None or status in NOT_OVERDUE or today <= deadline:
        return 0
    return (today - deadline).days


def is_overdue(deadline: datetime.date | None, status: str, today: datetime.date) -> bool:
    """Whether the town is late rectifying the finding (逾期未整改)."""
    return days_overdue(deadline, status, today) > 0


def default_deadline(found_on: datetime.date, days: int) -> datetime.date:
    """The rectification deadline ``days`` calendar days after the finding (限期N天整改).

    >>> default_deadline(datetime.date(2026, 2, 25), 7)
    datetime.date(2026, 3, 4)
    """
    return found_on + datetime.timedelta(days=days)


def deadline_problem(
    deadline: datetime.date | None, found_on: datetime.date, today: datetime.date
) -> str | None:
    """Why ``deadline`` cannot be a finding's rectification deadline, or None when it can.

    It falls after the day the problem was found, and is not already past: a finding must not be
    overdue (and cost its town points) the moment it is recorded or assigned.

    >>> deadline_problem(datetime.date(2026, 12, 6), datetime.date(2026, 12, 7), datetime.date(2026, 12, 7))
    '整改期限2026年12月6日已过，应在今天（2026年12月7日）之后'
    >>> deadline_problem(datetime.date(2026, 12, 14), datetime.date(2026, 12, 7), datetime.date(2026, 12, 7)) is None
    True
    """
    if deadline is None:
        return None
    if deadline < today:
        return f"整改期限{_day(deadline)}已过，应在今天（{_day(today)}）之后"
    if deadline <= found_on:
        return f"整改期限{_day(deadline)}应晚于发现日期{_day(found_on)}"
    return None


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def distance_m(
    lat1: Decimal | float, lng1: Decimal | float, lat2: Decimal | float, lng2: Decimal | float
) -> float:
    """Great-circle distance in metres between two WGS-84 points (haversine).

    >>> round(distance_m(30, 120, 30.0004, 120))
    44
    """
    radius = 6_371_000
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlmb = math.radians(float(lng2) - float(lng1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


_NOISE = re.compile(r"[\s,，。.、;；:：()（）\-—_/·]+")


def normalise_location(text: str) -> str:
    """Location text without spaces and punctuation, for comparing two descriptions of a place.

    >>> normalise_location("白沙镇 南塘村（村口桥头）")
    '白沙镇南塘村村口桥头'
    """
    return _NOISE.sub("", text).lower()


def similar_locations(a: str, b: str) -> bool:
    """Whether two location texts name the same place: one contains the other, or they read alike.

    >>> similar_locations("南塘村村口桥头", "南塘村 村口桥头东侧")
    True
    >>> similar_locations("南塘村村口桥头", "东山村文化礼堂")
    False
    """
    left, right = normalise_location(a), normalise_location(b)
    if not left or not right:
        return False
    if left in right or right in left:
        return True
    return SequenceMatcher(None, left, right).ratio() >= REPEAT_TEXT_SIMILARITY


@dataclass(frozen=True)
class Place:
    """Where a finding is: its area and category, the location text and optional coordinates."""

    area_id: int
    category_id: int
    location: str
    latitude: Decimal | None = None
    longitude: Decimal | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def is_repeat(new: Place, earlier: Place) -> bool:
    """Whether ``new`` is the same problem again at the place of ``earlier`` (重复发生).

    Same responsible area and category, and either both have coordinates within 50 m, or
    (when either lacks them) the location texts are alike.

    >>> old = Place(1, 2, "南塘村村口桥头", Decimal("30.000000"), Decimal("120.000000"))
    >>> is_repeat(Place(1, 2, "桥头东侧", Decimal("30.000300"), Decimal("120.000000")), old)
    True
    >>> is_repeat(Place(1, 2, "南塘村村口桥头", Decimal("30.001000"), Decimal("120.000000")), old)
    False
    >>> is_repeat(Place(1, 2, "南塘村 村口桥头"), old)
    True
    >>> is_repeat(Place(1, 3, "南塘村 村口桥头"), old)
    False
    """
    if new.area_id != earlier.area_id or new.category_id != earlier.category_id:
        return False
    if new.has_coordinates and earlier.has_coordinates:
        return (
            distance_m(new.latitude, new.longitude, earlier.latitude, earlier.longitude) <= REPEAT_DISTANCE_M
        )
    return similar_locations(new.location, earlier.location)
