"""Who sees and changes what: everything is scoped to the subtrees of a user's memberships.

Views never filter by hand. Lists go through ``Model.objects.for_user(user)``; single
objects through ``get_visible_or_404`` (outside the subtree: 404, so existence does not
leak) or ``get_writable_or_403`` (visible but the role may not do it: 403).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from zhenwu.areas.models import ROLE_ACTIONS, Action, Area, Membership

_CACHE_ATTR = "_zhenwu_grants"


@dataclass(frozen=True)
class Grant:
    """One membership reduced to what access checks need."""

    path: str
    role: str
    area_id: int

    def covers(self, area: Area) -> bool:
        return area.path.startswith(self.path)


def grants_of(user) -> list[Grant]:
    """The user's memberships, loaded once per user object (i.e. once per request)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = [
            Grant(path, role, area_id)
            for path, role, area_id in Membership.objects.filter(user=user).values_list(
                "area__path", "role", "area_id"
            )
        ]
        setattr(user, _CACHE_ATTR, cached)
    return cached


def subtree_filter(user, path_field: str, action: str | None = None) -> Q:
    """A filter keeping rows whose area path lies under one of the user's membership areas.

    With ``action``, only the memberships whose role allows it count (``Action.ADMINISTER``: the
    subtree the user administers, where a 管理员 may create and change rows).
    """
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    paths = _top_paths(user, action)
    if not paths:
        return Q(pk__in=[])
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{path_field}__startswith": path})
    return condition


def _top_paths(user, action: str | None = None) -> list[str]:
    """The paths of the user's membership areas (whose role allows ``action``), none below another."""
    return _topmost(
        {grant.path for grant in grants_of(user) if action is None or action in ROLE_ACTIONS[grant.role]}
    )


def _topmost(paths: set[str]) -> list[str]:
    """Drop paths already covered by a shorter one, so the SQL stays small."""
    kept: list[str] = []
    for path in sorted(paths, key=len):
        if not any(path.startswith(other) for other in kept):
            kept.append(path)
    return kept


def can(user, area: Area, action: str) -> bool:
    """True when one of the user's roles allows ``action`` on ``area`` (directly or from above)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(grant.covers(area) and action in ROLE_ACTIONS[grant.role] for grant in grants_of(user))


def roles_over(user, area: Area) -> set[str]:
    """The roles the user holds over ``area``, inherited from memberships above it."""
    return {grant.role for grant in grants_of(user) if grant.covers(area)}


def area_of(obj) -> Area:
    """Follow the model's ``area_lookup`` (e.g. ``inspection__area``) to the owning area."""
    return (
        attrgetter(type(obj).area_lookup.replace("__", "."))(obj)
        if hasattr(type(obj), "area_lookup")
        else obj
    )


def get_visible_or_404(queryset: QuerySet, user, **lookup):
    """Fetch one object inside the user's subtree; anything else is a 404."""
    try:
        return queryset.for_user(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError) as error:
        raise Http404("未找到，或不在您的管辖范围内") from error


def get_writable_or_403(queryset: QuerySet, user, action: str, **lookup):
    """Fetch one object the user may act on: 404 outside the subtree, 403 where the role may not."""
    obj = get_visible_or_404(queryset, user, **lookup)
    if not can(user, area_of(obj), action):
        raise PermissionDenied(f"您的角色无权{Action(action).label}此项")
    return obj


def top_areas(user, action: str | None = None) -> QuerySet:
    """The highest areas the user works in (with a role allowing ``action``): the roots of the area switcher."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Area.objects.filter(depth=1)
    return Area.objects.filter(path__in=_top_paths(user, action))


def switchable_areas(user) -> QuerySet:
    """Areas offered by the area switcher: the user's top areas and one level below them,
    down to towns at least, so a county sees its towns and a town its villages."""
    from zhenwu.areas.models import LEVEL_DEPTH, Level

    tops = list(top_areas(user))
    if not tops:
        return Area.objects.none()
    condition = Q()
    for top in tops:
        depth_limit = max(top.depth + 1, LEVEL_DEPTH[Level.TOWN])
        condition |= Q(path__startswith=top.path, depth__lte=depth_limit)
    return Area.objects.filter(condition)


def current_area_for(user, requested_code: str | None) -> Area | None:
    """The area the user chose (kept in the session) if still visible, else their first top area."""
    if not getattr(user, "is_authenticated", False):
        return None
    if requested_code:
        area = Area.objects.for_user(user).filter(code=requested_code).first()
        if area is not None:
            return area
    return top_areas(user).first()
