"""Supervision personas on top of the shared world."""

import pytest

from tests.conftest import make_user
from zhenwu.areas.models import Role


@pytest.fixture
def media(media_root):
    """The test's own media directory (tests/conftest.py gives every test one)."""
    return media_root


@pytest.fixture
def county_inspector(world):
    return make_user("county_inspector", world.county, Role.INSPECTOR, first_name="刘敏")


@pytest.fixture
def grid_worker(world):
    """A village 网格员: a 填报员 of 东山村 in town A."""
    return make_user("grid_worker", world.village_a1, Role.CLERK, first_name="钱小燕")


def stored_files(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []
