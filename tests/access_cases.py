"""Data for the access tests: every area-owned model and every view gets an entry here.

When a capability adds a model that belongs to an area, it adds a ``ScopedModelCase``; when
it adds a URL, a ``ViewCase``. ``tests/web/test_every_view.py`` fails for a URL without one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from zhenwu.areas.models import Department, Membership


@dataclass(frozen=True)
class ScopedModelCase:
    """How to make one row of ``model`` in town A and one in town B of the test world."""

    model: type
    make: Callable  # (world, area) -> instance

    def __str__(self) -> str:
        return self.model.__name__


@dataclass(frozen=True)
class ViewCase:
    """A URL, the kwargs naming one of town B's objects, and how its owner may use it."""

    url_name: str
    kwargs: Callable = field(default=lambda world: {})  # (world) -> reverse() kwargs for a town B object
    method: str = "get"
    data: Callable = field(default=lambda world: {})  # (world) -> POST data about a town B object
    owner_status: int = 200  # what town B's own clerk gets
    public: bool = False
    names_object: bool = False  # the URL or data names a town B object: the outsider must get 404

    def __str__(self) -> str:
        return self.url_name


SCOPED_MODELS = [
    ScopedModelCase(
        Department, lambda world, area: Department.objects.create(area=area, name=f"{area.name}办")
    ),
    ScopedModelCase(
        Membership,
        lambda world, area: Membership.objects.create(user=world.county_admin, area=area, role="leader"),
    ),
]

VIEW_CASES = [
    ViewCase("login", public=True, owner_status=302),  # signed in: straight on
    ViewCase("logout", method="post", public=True, owner_status=302),
    ViewCase("home"),
    ViewCase("checking:index"),
    ViewCase("areas:detail", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
    ViewCase(
        "areas:switch",
        method="post",
        data=lambda world: {"code": world.town_b.code},
        owner_status=302,
        names_object=True,
    ),
]
