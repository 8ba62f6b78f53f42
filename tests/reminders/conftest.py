"""The test world with reminder rules on the county, one reported indicator, and a leader in town A.

June 2025's figures are due on 5 July 2025 (the usual 5th). Town B has submitted June; town A has not.
"""

from __future__ import annotations

import pytest

from tests.conftest import make_user
from tests.ledger.factories import make_value
from zhenwu.accounts.models import Contact
from zhenwu.areas.models import Role
from zhenwu.ledger.models import ValueStatus
from zhenwu.reminders.models import ReminderRules


@pytest.fixture(autouse=True)
def recording(settings):
    """Nothing leaves the machine unless a test says so."""
    settings.REMINDER_DELIVERY = "record"


@pytest.fixture
def month(world):
    """Town A has nothing for June 2025; town B has submitted it."""
    make_value(world, world.town_b, year=2025, month=6, status=ValueStatus.SUBMITTED)
    Contact.objects.create(user=world.town_a_clerk, mobile="13812345678")
    Contact.objects.create(user=world.town_b_clerk, mobile="13987654321")
    return world


@pytest.fixture
def town_a_leader(world):
    return make_user("town_a_leader", world.town_a, Role.LEADER, first_name="吴海峰")


@pytest.fixture
def rules(world):
    return ReminderRules.objects.create(area=world.county, changed_by=world.county_admin)
