"""What an area page tells a user: where the area sits, what lies below it, who works on it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from zhenwu.areas.access import can, roles_over
from zhenwu.areas.models import Action, Area, Department, Level, Membership, Role


@dataclass
class ChildRow:
    area: Area
    below: int  # areas one level further down (e.g. villages of a town)


@dataclass
class AreaOverview:
    area: Area
    ancestors: list[Area]
    children: list[ChildRow]
    child_level_label: str
    children_have_below: bool
    counts: dict[str, int]
    departments: list[Department]
    members: list[Membership]  # the first MEMBERS_SHOWN of them
    member_count: int
    my_roles: list[str]
    may_administer: bool


MEMBERS_SHOWN = 50  # the rest on 设置 · 账号, filtered and a page at a time


def child_rows(overview: AreaOverview, search: str) -> list[ChildRow]:
    """The areas below whose name or code contains ``search`` (all of them for an empty one)."""
    search = search.strip()
    return [row for row in overview.children if search in row.area.name or search in row.area.code]


def visible_ancestors(area: Area, user) -> list[Area]:
    """The breadcrumb above ``area`` limited to what the user may open."""
    return list(Area.objects.get_ancestors(area).for_user(user))


def area_overview(area: Area, user) -> AreaOverview:
    """Everything the area page shows, in four queries."""
    children = list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))
    grandchildren = Counter(
        path[: len(area.path) + Area.steplen]
        for path in Area.objects.filter(path__startswith=area.path, depth=area.depth + 2).values_list(
            "path", flat=True
        )
    )
    by_level = Counter(
        Area.objects.filter(path__startswith=area.path, depth__gt=area.depth).values_list("level", flat=True)
    )
    child_level = children[0].get_level_display() if children else ""
    members = Membership.objects.filter(area=area).select_related("user", "department")
    return AreaOverview(
        area=area,
        ancestors=visible_ancestors(area, user),
        children=[ChildRow(child, grandchildren.get(child.path, 0)) for child in children],
        child_level_label=child_level,
        children_have_below=any(grandchildren.values()),
        counts={Level(level).label: by_level[level] for level in Level if by_level[level]},
        departments=list(area.departments.active()),
        members=list(members[:MEMBERS_SHOWN]),
        member_count=members.count(),
        my_roles=[Role(role).label for role in sorted(roles_over(user, area))],
        may_administer=can(user, area, Action.ADMINISTER),
    )
