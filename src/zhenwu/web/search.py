"""Search across the site: areas, indicators, projects, findings and people the user may see.

Each kind goes through its model's ``for_user`` scope and the current area's subtree, so a
result is always something the user can open; only the first few of each kind are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse

from zhenwu.areas.models import Area, Membership
from zhenwu.inspections.models import Finding
from zhenwu.ledger.models import Indicator
from zhenwu.projects.models import Project

PER_KIND = 20
MAX_QUERY = 40


@dataclass(frozen=True)
class Hit:
    title: str
    detail: str
    url: str | None  # None: shown as text (people have no page of their own)


@dataclass
class Group:
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: int = 0  # beyond the hits listed


def _group(label: str, queryset, to_hit) -> Group:
    count = queryset.count()
    return Group(label, [to_hit(row) for row in queryset[:PER_KIND]], max(count - PER_KIND, 0))


def search(user, area: Area, query: str) -> list[Group]:
    """The matches of ``query`` under ``area`` that ``user`` may see, grouped by kind (empty kinds left out)."""
    query = query.strip()[:MAX_QUERY]
    if not query or area is None:
        return []
    areas = (
        Area.objects.for_user(user)
        .filter(path__startswith=area.path)
        .filter(Q(name__icontains=query) | Q(code__startswith=query))
        .order_by("path")
    )
    indicators = Indicator.objects.filter(
        Q(name__icontains=query) | Q(code__iexact=query) | Q(aliases__icontains=query)
    ).order_by("code")
    projects = (
        Project.objects.for_user(user)
        .in_subtree(area)
        .filter(
            Q(name__icontains=query)
            | Q(owner_company__icontains=query)
            | Q(responsible_person__icontains=query)
        )
        .select_related("area")
        .order_by("name")
    )
    findings = (
        Finding.objects.for_user(user)
        .in_subtree(area)
        .filter(Q(location__icontains=query) | Q(description__icontains=query))
        .select_related("area", "category")
        .order_by("-found_on", "-pk")
    )
    memberships = (
        Membership.objects.for_user(user)
        .in_subtree(area)
        .filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__username__icontains=query)
        )
        .select_related("user", "area", "department")
        .order_by("area__path", "user__username")
    )
    groups = [
        _group(
            "区划",
            areas,
            lambda a: Hit(
                a.name, f"{a.get_level_display()} · {a.code}", reverse("areas:detail", args=[a.code])
            ),
        ),
        _group(
            "指标",
            indicators,
            lambda i: Hit(
                i.name, f"{i.code} · {i.unit}", reverse("ledger:indicator", args=[area.code, i.pk])
            ),
        ),
        _group(
            "重点项目",
            projects,
            lambda p: Hit(
                p.name, f"{p.area.name} · {p.get_status_display()}", reverse("projects:detail", args=[p.pk])
            ),
        ),
        _group(
            "督查问题",
            findings,
            lambda f: Hit(
                f"{f.category.name} · {f.location}",
                f"{f.area.name} · {f.found_on:%Y-%m-%d} · {f.get_status_display()}",
                reverse("inspections:finding", args=[f.pk]),
            ),
        ),
        _group(
            "人员",
            memberships,
            lambda m: Hit(
                m.user.get_full_name() or m.user.get_username(),
                "、".join(
                    filter(
                        None, [m.area.name, m.department.name if m.department else "", m.get_role_display()]
                    )
                ),
                None,
            ),
        ),
    ]
    return [group for group in groups if group.hits]


__all__ = ["Group", "Hit", "search"]
