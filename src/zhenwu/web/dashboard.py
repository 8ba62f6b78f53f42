"""The home page's four tiles: what a town or county needs to see first, from each app's own rules.

The web shell sits on top of every app, so it may read them all; each figure comes from the
function its app already uses for its own pages, never recomputed here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.urls import reverse

from zhenwu.accounts.contacts import clerk_contacts
from zhenwu.areas.models import Area
from zhenwu.assessment.models import ResultRow, ResultStatus
from zhenwu.inspections.models import Finding
from zhenwu.inspections.tallies import Period, facts_from, summarise
from zhenwu.ledger import tables
from zhenwu.ledger.reporting import ReportingMonth, reporting_month
from zhenwu.projects.facts import load_facts
from zhenwu.projects.models import Project
from zhenwu.projects.rates import summarise as summarise_projects


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    tone: str = ""  # "", "good", "warn" or "bad": how the number is coloured


@dataclass
class Tile:
    title: str
    subtitle: str
    url: str
    figures: list[Figure] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # names worth a look: lagging towns, projects behind


def _percent(value) -> str:
    return tables.percent_text(value)


def ledger_tile(area: Area, reporting: ReportingMonth, user=None) -> Tile:
    """指标: how many indicators run ahead of or behind 时序进度; for a county, who has not reported (and who
    is late), with the clerk's mobile number for a viewer who may see it."""
    year, month = reporting.current.year, reporting.current.month
    table = tables.area_table(area, year, month)
    behind = table.counts.get("滞后", 0) + table.counts.get("严重滞后", 0)
    tile = Tile(
        "指标台账", f"{year}年1-{month}月 · 时序进度{_percent(table.schedule)}", reverse("ledger:index")
    )
    tile.figures = [
        Figure("超序时", str(table.counts.get("超序时", 0)), "good"),
        Figure("正常", str(table.counts.get("正常", 0))),
        Figure("滞后", str(behind), "bad" if behind else ""),
    ]
    if area.numchild and area.level in ("county", "city", "province"):
        county = tables.county_table(area, year, month, reporting.today)
        waiting = county.not_reported
        late = any(state.late for state in waiting)
        numbers = clerk_contacts(user, [state.area for state in waiting]) if user else {}
        tile.figures.append(
            Figure("未报齐", str(len(waiting)), "bad" if late else "warn" if waiting else "good")
        )
        tile.lines = [
            f"{state.area.name}（{state.state}{'，已逾期' if state.late else ''}"
            f"{'，' + numbers[state.area.pk] if state.area.pk in numbers else ''}）"
            for state in waiting
        ][:6]
        if waiting and not late:
            tile.lines.insert(0, f"{month}月数据{reporting.due.month}月{reporting.due.day}日前报送，尚未逾期")
    if table.partial_count:  # the totals above rest on the towns that reported: say so
        tile.lines.insert(0, f"{table.partial_count} 项合计仅含已报单位，按已报单位目标评价")
    return tile


def projects_tile(area: Area, user, reporting: ReportingMonth) -> Tile:
    """重点项目: 开工率, 投资完成率 against 时序进度, and the projects behind."""
    month = reporting.current
    projects = Project.objects.for_user(user).in_subtree(area)
    summary = summarise_projects(load_facts(projects, month, due=reporting.is_due(month)), month)
    tile = Tile(
        "重点项目", f"{month.year}年1-{month.month}月 · {summary.count}个项目", reverse("projects:overview")
    )
    tile.figures = [
        Figure("开工率", _percent(summary.start_rate)),
        Figure("投资完成率", _percent(summary.investment_rate)),
        Figure("滞后项目", str(len(summary.behind)), "bad" if summary.behind else "good"),
        Figure("本月未报", str(summary.not_reported), "warn" if summary.not_reported else ""),
    ]
    tile.lines = [f"{facts.name}（{'、'.join(reasons)}）" for facts, reasons in summary.behind[:5]]
    return tile


def inspections_tile(area: Area, user, today: datetime.date) -> Tile:
    """督查整改: this year's findings, closure rate, and what is overdue now."""
    findings = Finding.objects.for_user(user).in_subtree(area).select_related("category", "area")
    summary = summarise(facts_from(findings), Period.year(today.year), today)
    tile = Tile("督查整改", f"{today.year}年以来", reverse("inspections:index"))
    tile.figures = [
        Figure("发现问题", str(summary.found)),
        Figure("已销号", str(summary.closed), "good"),
        Figure("整改销号率", _percent(summary.closure_rate)),
        Figure("逾期未改", str(summary.overdue), "bad" if summary.overdue else "good"),
    ]
    return tile


def assessment_tile(area: Area, user) -> Tile | None:
    """考核排名: the latest published ranking the area appears in, or the top of its towns."""
    published = ResultRow.objects.for_user(user).filter(result__status=ResultStatus.PUBLISHED)
    own = (
        published.filter(area=area).select_related("result__scheme").order_by("-result__published_at").first()
    )
    if own is not None:
        result = own.result
        tile = Tile("考核排名", f"{result.scheme.name} · {result.period}", reverse("assessment:index"))
        movement = (
            "—"
            if own.movement in (None, 0)
            else (f"↑{own.movement}" if own.movement > 0 else f"↓{-own.movement}")
        )
        tile.figures = [
            Figure("名次", f"第{own.rank}名"),
            Figure("得分", f"{own.total}"),
            Figure("等次", own.grade),
            Figure("升降", movement),
        ]
        return tile
    latest = (
        published.filter(result__scheme__area=area).order_by("-result__published_at").values("result").first()
    )
    if latest is None:
        return None
    rows = list(
        published.filter(result=latest["result"])
        .select_related("area", "department", "result__scheme")
        .order_by("rank")
    )
    result = rows[0].result
    tile = Tile("考核排名", f"{result.scheme.name} · {result.period}", reverse("assessment:index"))
    tile.lines = [f"第{row.rank}名 {row.unit_name} {row.total}分（{row.grade}）" for row in rows[:3]]
    tile.lines += [
        "……",
        *(f"第{row.rank}名 {row.unit_name} {row.total}分（{row.grade}）" for row in rows[-2:]),
    ]
    return tile


def dashboard(area: Area, user, today: datetime.date) -> list[Tile]:
    """The tiles for ``area`` as ``user`` sees it; a tile without data is left out."""
    reporting = reporting_month(area, today)
    tiles = [
        ledger_tile(area, reporting, user),
        projects_tile(area, user, reporting),
        inspections_tile(area, user, today),
    ]
    ranking = assessment_tile(area, user)
    return tiles + ([ranking] if ranking else [])
