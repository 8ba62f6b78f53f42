"""考核排名 over JSON: the schemes a user sees and a period's ranking with every score's explanation.

As on the pages, the areas ranked see only what is published, and each score's explanation
only for their own area; the issuing side sees its drafts (``Result.objects.for_user``,
``ScoreDetail.objects.for_user`` via ``assessment.services``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from zhenwu.api.common import Page
from zhenwu.api.errors import FieldErrors
from zhenwu.areas.access import get_visible_or_404
from zhenwu.assessment import services
from zhenwu.assessment.models import Scheme, ScoreDetail
from zhenwu.assessment.periods import Period

router = Router(tags=["考核排名"])


class PeriodOut(Schema):
    period: str
    label: str
    status: str | None  # draft / published; None: no result yet
    version: int | None


class SchemeOut(Schema):
    slug: str
    name: str
    area: str
    area_name: str
    period_type: str
    unit_kind: str  # towns / departments / villages: whom the scheme ranks
    periods: list[PeriodOut]


class FigureOut(Schema):
    label: str
    value: str
    source: str


class ScoreOut(Schema):
    criterion: str
    weight: Decimal
    points: Decimal
    rule: str
    working: str
    figures: list[FigureOut]
    vetoed: bool


class RankOut(Schema):
    area: str  # the area's code; in a departments scheme the department's key (D00000012)
    name: str
    total: Decimal
    rank: int
    grade: str
    vetoed: bool
    movement: int | None
    scores: list[ScoreOut] | None  # None: the user may not see this area's details


class ResultOut(Schema):
    scheme: str
    period: str
    label: str
    status: str
    version: int
    computed_at: datetime
    published_at: datetime | None
    note: str
    rows: list[RankOut]


@router.get("/assessment/schemes", response=list[SchemeOut], summary="考核方案及各期结果")
@paginate(Page)
def schemes(request):
    found = Scheme.objects.for_user(request.user).select_related("area")
    return [
        {
            "slug": scheme.slug,
            "name": scheme.name,
            "area": scheme.area.code,
            "area_name": scheme.area.name,
            "period_type": scheme.period_type,
            "unit_kind": scheme.unit_kind,
            "periods": [
                {
                    "period": line.period.key,
                    "label": line.period.label,
                    "status": line.result.status if line.result else None,
                    "version": line.result.version if line.result else None,
                }
                for line in services.period_lines(scheme, request.user)
            ],
        }
        for scheme in found
    ]


def _score(detail: ScoreDetail | None) -> dict | None:
    if detail is None:
        return None
    score = detail.score
    return {
        "criterion": detail.criterion.name,
        "weight": detail.criterion.weight,
        "points": detail.points,
        "rule": score.rule,
        "working": score.working,
        "figures": [
            {"label": f.label, "value": str(f.value), "source": f.source or ""} for f in score.figures
        ],
        "vetoed": score.vetoed,
    }


@router.get("/assessment/results", response=ResultOut, summary="某期考核排名与得分说明")
def result(request, scheme: str, period: str):
    """The published ranking (the issuer's side: the draft until published), each score with its working."""
    found = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=scheme)
    try:
        when: Period = found.parse_period(period)
    except ValueError as error:
        raise FieldErrors({"period": str(error)}) from error
    shown = services.shown_result(found, when, request.user)
    if shown is None:
        raise Http404(f"{when.label}尚无已发布的考核结果")
    table = services.score_table(shown, request.user)
    visible = [any(cells) for cells in (row.cells for row in table.rows)]
    return {
        "scheme": found.slug,
        "period": when.key,
        "label": when.label,
        "status": shown.status,
        "version": shown.version,
        "computed_at": shown.computed_at,
        "published_at": shown.published_at,
        "note": shown.note,
        "rows": [
            {
                "area": line.row.unit_key,  # a department's key in a departments scheme
                "name": line.row.unit_name,
                "total": line.row.total,
                "rank": line.row.rank,
                "grade": line.row.grade,
                "vetoed": line.row.vetoed,
                "movement": line.row.movement,
                "scores": [_score(cell) for cell in line.cells if cell is not None] if seen else None,
            }
            for line, seen in zip(table.rows, visible, strict=True)
        ],
    }
