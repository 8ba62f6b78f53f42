"""Read the project ledger into the plain facts the rules (``rates``) work on: a few queries, no loops of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max

from zhenwu.areas.models import Area, Level
from zhenwu.projects.models import Category, MonthlyUpdate, Project, StatusChange, UpdatePhoto, YearPlan
from zhenwu.projects.rates import Month, ProjectFacts, behind_reasons, investment_rate


def town_names(projects) -> dict[str, str]:
    """Map each project's area path to the name of its town (or the area itself above towns)."""
    paths = set(projects.values_list("area__path", flat=True))
    towns = {area.path: area.name for area in Area.objects.filter(level=Level.TOWN)}
    names = {}
    for path in paths:
        town = next((name for prefix, name in towns.items() if path.startswith(prefix)), None)
        names[path] = town or Area.objects.get(path=path).name
    return names


def ytd_by_project(project_ids, month: Month) -> dict[int, Decimal]:
    """1-N月累计完成投资 per project: the latest update of the year up to and including the month."""
    latest = dict(
        MonthlyUpdate.objects.filter(project_id__in=project_ids, year=month.year, month__lte=month.month)
        .values("project_id")
        .annotate(last=Max("month"))
        .values_list("project_id", "last")
    )
    if not latest:
        return {}
    rows = MonthlyUpdate.objects.filter(project_id__in=latest.keys(), year=month.year).values_list(
        "project_id", "month", "investment_ytd"
    )
    return {pk: ytd for pk, m, ytd in rows if latest.get(pk) == m}


def load_facts(projects, month: Month, *, due: bool = True) -> list[ProjectFacts]:
    """The facts of every project in ``projects`` (an already scoped queryset) for the month.

    ``due``: the month's deadline has passed (``ReportingMonth.is_due``), so a missing update is 本月未报.
    """
    projects = projects.select_related("area")
    ids = list(projects.values_list("pk", flat=True))
    plans = dict(
        YearPlan.objects.filter(project_id__in=ids, year=month.year).values_list(
            "project_id", "planned_investment"
        )
    )
    ytd = ytd_by_project(ids, month)
    reported = set(
        MonthlyUpdate.objects.filter(project_id__in=ids, year=month.year, month=month.month).values_list(
            "project_id", flat=True
        )
    )
    towns = town_names(projects)
    return [
        ProjectFacts(
            pk=project.pk,
            name=project.name,
            status=project.status,
            total_investment=project.total_investment,
            annual_plan=plans.get(project.pk),
            ytd=ytd.get(project.pk, Decimal(0)),
            planned_start=project.planned_start,
            planned_completion=project.planned_completion,
            updated_this_month=project.pk in reported,
            update_due=due,
            area=towns[project.area.path],
            category=Category(project.category).label,
        )
        for project in projects
    ]


@dataclass(frozen=True)
class Row:
    """One line of the project list: the project, its facts for the month and why it is behind."""

    project: Project
    facts: ProjectFacts
    reasons: list[str]

    @property
    def investment_rate(self) -> Decimal | None:
        return investment_rate(self.facts)


def listing(projects, month: Month, behind: str = "", *, due: bool = True) -> list[Row]:
    """The rows of the project list; ``behind`` keeps only the lagging ones (``"any"`` or one reason)."""
    projects = list(projects.select_related("area", "department"))
    by_pk = {
        facts.pk: facts
        for facts in load_facts(Project.objects.filter(pk__in=[p.pk for p in projects]), month, due=due)
    }
    rows = []
    for project in projects:
        facts = by_pk[project.pk]
        reasons = behind_reasons(facts, month)
        wanted = bool(reasons) if behind == "any" else (not behind or behind in reasons)
        if not wanted:
            continue
        rows.append(Row(project, facts, reasons))
    return rows


@dataclass(frozen=True)
class Event:
    """One entry of a project's timeline: a status change or a monthly update."""

    date: datetime.date
    kind: str  # "status" or "update"
    title: str
    change: StatusChange | None = None
    update: MonthlyUpdate | None = None


def timeline(project: Project) -> list[Event]:
    """The project's history, latest first: each status change on its date, each update at its month's end."""
    events = [
        Event(change.date, "status", f"{change.get_to_status_display()}", change=change)
        for change in project.status_changes.select_related("actor")
    ]
    updates = project.updates.select_related("entered_by").prefetch_related("photos", "revisions__entered_by")
    for update in updates:
        month = Month(update.year, update.month)
        events.append(Event(month.last_day, "update", f"{month}进展", update=update))
    return sorted(events, key=lambda event: (event.date, event.kind == "update"), reverse=True)


def latest_updates(project_ids, month: Month) -> dict[int, MonthlyUpdate]:
    """Each project's latest update of the year up to the month."""
    latest: dict[int, MonthlyUpdate] = {}
    updates = MonthlyUpdate.objects.filter(
        project_id__in=project_ids, year=month.year, month__lte=month.month
    ).select_related("project")
    for update in updates.order_by("project_id", "month"):
        latest[update.project_id] = update
    return latest


def photo_data(photo: UpdatePhoto) -> bytes | None:
    """The bytes a document embeds: the original JPEG or PNG, else the JPEG thumbnail; None when the file is gone."""
    stored = photo.image if photo.content_type in ("image/jpeg", "image/png") else photo.thumbnail
    try:
        with stored.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, ValueError):
        return None


def latest_photo(project: Project, month: Month) -> UpdatePhoto | None:
    """The newest site photo of the project's updates this year up to the month."""
    return (
        UpdatePhoto.objects.filter(
            update__project=project, update__year=month.year, update__month__lte=month.month
        )
        .order_by("-update__month", "-taken_on", "-id")
        .first()
    )
