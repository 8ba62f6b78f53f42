"""The reports an office can issue, each built from the request's parameters with the user's rights.

Every builder fetches through the scoping helpers, so a report outside the user's areas is a
404, and returns the draft with the area it is about and the parameters it was built from.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.http import Http404

from zhenwu.areas.access import get_visible_or_404
from zhenwu.areas.models import Area
from zhenwu.documents import Document
from zhenwu.issuing.dispatch import signer
from zhenwu.issuing.models import ReportKind


@dataclass
class Built:
    document: Document
    area: Area
    source: str  # the parameters, kept in the register
    filename: str  # without extension
    sources: list[dict] = field(default_factory=list)  # a summary's figures and where each came from


def build(kind: str, user, data, today: datetime.date) -> Built:
    """The draft of ``kind`` for the parameters in ``data`` (a QueryDict or dict)."""
    builders = {
        ReportKind.RANKING: _ranking,
        ReportKind.INSPECTIONS: _inspections,
        ReportKind.PROJECTS: _projects,
        ReportKind.SUMMARY: _summary,
    }
    if kind not in builders:
        raise Http404("未知的文种")
    return builders[kind](user, data, today)


def _ranking(user, data, today) -> Built:
    from zhenwu.assessment.bulletin import build_bulletin
    from zhenwu.assessment.models import Result, ResultStatus, Scheme

    scheme = get_visible_or_404(Scheme.objects.select_related("area"), user, slug=data.get("slug", ""))
    try:
        period = scheme.parse_period(data.get("period", ""))
    except ValueError as error:
        raise Http404(str(error)) from error
    result = (
        Result.objects.for_user(user)
        .filter(scheme=scheme, period=period.key, status=ResultStatus.PUBLISHED)
        .first()
    )
    if result is None:
        raise Http404("该考核期尚无已发布的结果")
    document = build_bulletin(result, issuer=signer(user, scheme.area))
    return Built(
        document, scheme.area, f"{scheme.slug} {period.key}", f"{scheme.name}{period.label}考核排名通报"
    )


def _month(data) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in str(data.get("month", "")).split("-"))
        datetime.date(year, month, 1)
    except ValueError as error:
        raise Http404("月份应为 YYYY-MM") from error
    return year, month


def _inspections(user, data, today) -> Built:
    from zhenwu.inspections.bulletin import build_bulletin
    from zhenwu.inspections.tallies import Period

    area = get_visible_or_404(Area.objects, user, code=data.get("code", ""))
    year, month = _month(data)
    document = build_bulletin(area, Period.month(year, month), today, issuer=signer(user, area))
    return Built(
        document, area, f"{area.code} {year}-{month:02d}", f"{area.name}{year}年{month}月督查整改情况通报"
    )


def _projects(user, data, today) -> Built:
    from zhenwu.projects.models import Project
    from zhenwu.projects.rates import Month
    from zhenwu.projects.report import build_report

    area = get_visible_or_404(Area.objects, user, code=data.get("code", ""))
    year, number = _month(data)
    month = Month(year, number)
    projects = Project.objects.for_user(user).in_subtree(area)
    document = build_report(area, projects, month, today, issuer=signer(user, area))
    return Built(document, area, f"{area.code} {year}-{number:02d}", f"{document.title}")


def _summary(user, data, today) -> Built:
    """The work summary as it stands (figures from the ledger, the people's words); 定稿 issues it."""
    from zhenwu.lib.periods import PeriodError, parse_period
    from zhenwu.summaries.services import document_for

    area = get_visible_or_404(Area.objects, user, code=data.get("code", ""))
    try:
        period = parse_period(str(data.get("period", "")))
    except PeriodError as error:
        raise Http404(str(error)) from error
    built = document_for(area, period, user=user, today=today)
    return Built(
        built.document, area, f"{area.code} {period.key}", built.document.title, sources=built.sources
    )
