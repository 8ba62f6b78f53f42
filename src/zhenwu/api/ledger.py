"""The ledger over JSON: indicators, a month's figures (read and 填报), 上报/审核/解锁 and progress.

Each endpoint does what the 报表 page does with the same functions: ``tables.entry_grid`` for
what may be typed, ``entry.check_grid_cell`` for each figure, ``services.enter_values`` to save.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from zhenwu.api.common import Page, month_of, rendered, visible_area, year_of
from zhenwu.api.errors import FieldErrors
from zhenwu.areas.access import can
from zhenwu.areas.models import Action
from zhenwu.ledger import services, tables
from zhenwu.ledger.entry import check_grid_cell
from zhenwu.ledger.models import Indicator, Kind, ReportedValue
from zhenwu.ledger.views.reporting import saved_message, stale_message
from zhenwu.lib.stale import name_of

router = Router(tags=["指标台账"])
User = get_user_model()

# What a figure of each kind is, as the 报表 asks for it: 1-N月 累计, the month's own, or the level now.
ENTRY = {Kind.CUMULATIVE: "cumulative", Kind.FLOW: "month", Kind.LEVEL: "level"}


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    kind: str
    entry: str


class ValueOut(Schema):
    indicator: str
    name: str
    value: Decimal
    status: str
    version: int
    updated_at: datetime | None
    updated_by: str


class AreaValuesOut(Schema):
    area: str
    name: str
    values: list[ValueOut]


class MonthOut(Schema):
    area: str
    period: str
    values: list[ValueOut]
    children: list[AreaValuesOut] | None = None


class ValuesIn(Schema):
    values: dict[str, str | int | float | None]
    confirm: bool = False
    reason: str = ""
    versions: dict[str, int] = {}


class SavedOut(Schema):
    detail: str
    changed: int
    unchanged: int
    cleared: int
    versions: dict[str, int]


class CountOut(Schema):
    detail: str
    count: int


class ReasonIn(Schema):
    reason: str = ""


class ProgressRowOut(Schema):
    code: str
    name: str
    unit: str
    value: Decimal | None
    target: Decimal | None
    completion: Decimal | None
    schedule: Decimal
    gap: Decimal | None
    status: str
    yoy: Decimal | None
    yoy_word: str
    reported: int | None = None  # when the figure adds up the children: how many of them reported
    expected: int | None = None


class ReportedOut(Schema):
    reported: int
    total: int


class ProgressOut(Schema):
    area: str
    period: str
    schedule: Decimal
    indicators: list[ProgressRowOut]
    towns: ReportedOut | None = None


def _period(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


@router.get("/ledger/indicators", response=list[IndicatorOut], summary="指标目录")
@paginate(Page)
def indicators(request, area: str, year: int):
    visible_area(request, area)
    year_of(year)
    return [
        {"code": i.code, "name": i.name, "unit": i.unit, "kind": i.kind, "entry": ENTRY[i.kind]}
        for i in tables.active_indicators()
    ]


@router.get("/ledger/values", response=MonthOut, summary="某区划某月的填报数")
def month_values(request, area: str, period: str, children: bool = False):
    """One area's figures of the month; with ``children=true`` also each direct child's (a county's towns).

    A county's month is one query of plain rows (no model objects) and one answer built to
    ``MonthOut`` without re-validating it: some 500 figures in one request, the API's busiest
    read (``bench/api.py``).
    """
    place = visible_area(request, area)
    year, month = month_of(period)
    areas = [place, *(tables.children_of(place) if children else [])]
    by_area = _month_rows(areas, year, month)
    answer = {"area": place.code, "period": _period(year, month), "values": by_area[place.pk]}
    if children:
        answer["children"] = [{"area": a.code, "name": a.name, "values": by_area[a.pk]} for a in areas[1:]]
    return rendered(request, answer)


def _month_rows(areas: list, year: int, month: int) -> dict[int, list[dict]]:
    """Each area's figures of the month as ``ValueOut`` dicts, in the indicators' order."""
    fields = ("area_id", "indicator_id", "value", "status", "version", "updated_at", "updated_by_id")
    rows = list(
        ReportedValue.objects.filter(area__in=areas, year=year, month=month).order_by().values_list(*fields)
    )
    indicators = {
        i.pk: (i.sort_order, i.code, i.name)
        for i in Indicator.objects.filter(pk__in={row[1] for row in rows}).only("sort_order", "code", "name")
    }
    people = {user.pk: name_of(user) for user in User.objects.filter(pk__in={row[6] for row in rows})}
    # Text as the renderer would write it, made here: a batch saved at once shares one timestamp.
    stamps = {at: DjangoJSONEncoder().default(at) for at in {row[5] for row in rows} if at is not None}
    by_area: dict[int, list[dict]] = {a.pk: [] for a in areas}
    for area_id, indicator_id, value, status, version, updated_at, updated_by in sorted(
        rows, key=lambda row: indicators[row[1]][:2]
    ):
        _, code, name = indicators[indicator_id]
        by_area[area_id].append(
            {
                "indicator": code,
                "name": name,
                "value": str(value),
                "status": status,
                "version": version,
                "updated_at": stamps.get(updated_at),
                "updated_by": people.get(updated_by, ""),
            }
        )
    return by_area


@router.put(
    "/ledger/values",
    response={200: SavedOut, 409: dict, 422: dict},
    summary="填报某区划某月的数值",
)
def enter_month(request, area: str, period: str, payload: ValuesIn):
    """Save figures as the 报表 saves them: all or none; ``null`` or ``""`` clears a stored figure.

    ``versions`` gives each figure's version as last read (``GET``); a figure changed since is
    refused with 409 naming who changed it.
    """
    place = visible_area(request, area)
    if not can(request.user, place, Action.ENTER):
        raise PermissionDenied("您的角色无权填报")
    year, month = month_of(period)
    rows = {row.indicator.code: row for row in tables.entry_grid(place, year, month).rows}
    errors, figures, clear = {}, {}, []
    for code, raw in payload.values.items():
        row = rows.get(code)
        if row is None:
            errors[f"values.{code}"] = f"{year}年{month}月不填报指标 {code}"
            continue
        check = check_grid_cell(raw, row)
        if check.error:
            errors[f"values.{code}"] = f"{row.indicator.name}：{check.error}"
        elif check.value is not None:
            figures[row.indicator] = check.value
        elif row.reported is not None:
            clear.append(row.indicator)
    unknown = [code for code in payload.versions if code not in rows]
    errors |= {f"versions.{code}": f"{year}年{month}月不填报指标 {code}" for code in unknown}
    if errors:
        raise FieldErrors(errors)
    versions = {rows[code].indicator: version for code, version in payload.versions.items()}
    result = services.enter_values(
        request.user,
        place,
        year,
        month,
        figures,
        clear=clear,
        versions=versions,
        confirm=payload.confirm,
        reason=payload.reason.strip(),
    )
    if result.stale:
        return Status(
            409,
            {
                "detail": stale_message(result),
                "stale": [
                    {
                        "indicator": item.indicator.name,
                        "code": item.indicator.code,
                        "message": item.message,
                        "current": item.current,
                        "version": item.version,
                        "by": item.by,
                    }
                    for item in result.stale
                ],
            },
        )
    if result.checks:  # nothing was written: doubtful figures unconfirmed, or impossible ones
        detail = (
            "有数值不可能成立，均未保存"
            if result.refused
            else "有数值需要核实，均未保存；确认无误请带上 confirm: true 和 reason 再次提交"
        )
        return Status(422, {"detail": detail, "checks": [check.as_dict() for check in result.checks]})
    codes = {indicator.pk: code for code, indicator in ((c, r.indicator) for c, r in rows.items())}
    return Status(
        200,
        {
            "detail": saved_message(result),
            "changed": result.changed,
            "unchanged": result.unchanged,
            "cleared": result.cleared,
            "versions": {codes[pk]: version for (_, pk), version in result.versions.items()},
        },
    )


def _act(request, area: str, period: str, action) -> dict:
    place = visible_area(request, area)
    year, month = month_of(period)
    count = action(place, year, month)
    return {"detail": f"已处理 {count} 项数据。", "count": count}


@router.post("/ledger/submit", response=CountOut, summary="上报某月（填报中 → 已上报）")
def submit(request, area: str, period: str):
    return _act(request, area, period, lambda a, y, m: services.submit_period(request.user, a, y, m))


@router.post("/ledger/approve", response=CountOut, summary="审核某月（已上报 → 已审核，锁定）")
def approve(request, area: str, period: str):
    return _act(request, area, period, lambda a, y, m: services.approve_period(request.user, a, y, m))


@router.post("/ledger/unlock", response=CountOut, summary="解锁某月（管理员，须写原因）")
def unlock(request, area: str, period: str, payload: ReasonIn):
    return _act(
        request, area, period, lambda a, y, m: services.unlock_period(request.user, a, y, m, payload.reason)
    )


@router.get("/ledger/progress", response=ProgressOut, summary="完成率、时序进度与同比")
def progress(request, area: str, period: str):
    """Each indicator's 完成率 against 时序进度, as the area's ledger page shows it; for a county, how many towns reported."""
    place = visible_area(request, area)
    year, month = month_of(period)
    table = tables.area_table(place, year, month)
    answer = {
        "area": place.code,
        "period": _period(year, month),
        "schedule": table.schedule,
        "indicators": [_progress_row(row) for row in table.rows],
    }
    if tables.children_of(place):
        county = tables.county_table(place, year, month)
        finished = [child for child in county.children if child.state not in tables.UNFINISHED]
        answer["towns"] = {"reported": len(finished), "total": len(county.children)}
    return answer


def _progress_row(row: tables.IndicatorRow) -> dict:
    figure = row.progress
    return {
        "code": row.indicator.code,
        "name": row.indicator.name,
        "unit": row.indicator.unit,
        "value": figure.value,
        "target": figure.target,
        "completion": figure.rate,
        "schedule": figure.schedule,
        "gap": figure.gap,
        "status": figure.standing,
        "yoy": figure.yoy.percent,
        "yoy_word": figure.yoy.word,
        "reported": row.aggregate.reported if row.aggregate else None,
        "expected": row.aggregate.expected if row.aggregate else None,
    }
