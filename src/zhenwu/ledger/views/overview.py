"""The ledger's tables: an area's indicators, a county's towns × indicators, creation standards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from zhenwu.accounts.contacts import clerk_contacts
from zhenwu.ledger import detail, exports, tables, validation
from zhenwu.ledger.views.common import (
    get_visible_indicator,
    requested_period,
    roles,
    visible_area,
    wants_xlsx,
    xlsx_response,
)


@login_required
def index(request):
    area = request.area
    if not area:
        raise Http404("您还没有所属区划")
    year, month = requested_period(request, area)
    context = {"table": tables.area_table(area, year, month), "has_children": area.numchild > 0}
    return render(request, "ledger/index.html", context | roles(request, area))


@login_required
def indicator(request, code, pk):
    area = visible_area(request, code)
    year, month = requested_period(request, area)
    page = detail.indicator_detail(area, get_visible_indicator(pk), year, month)
    if wants_xlsx(request):
        name = f"{area.name}{page.indicator.name}{page.year}年1-{page.month}月.xlsx"
        return xlsx_response(exports.indicator_detail(page), name)
    return render(request, "ledger/indicator.html", {"detail": page})


@login_required
def county(request, code):
    area = visible_area(request, code)
    year, month = requested_period(request, area)
    table = tables.county_table(area, year, month)
    violations = validation.areas_violations([child.area for child in table.children], year, month)
    numbers = clerk_contacts(request.user, [child.area for child in table.children])
    for child in table.children:
        child.contacts = numbers.get(child.area.pk, "")
    context = {"table": table, "violations": violations.values(), "late": any(c.late for c in table.children)}
    return render(request, "ledger/county.html", context | roles(request, area))


@login_required
def county_export(request, code):
    area = visible_area(request, code)
    year, month = requested_period(request, area)
    data = exports.export_county_table(tables.county_table(area, year, month))
    return xlsx_response(data, f"{area.name}下辖单位{year}年1-{month}月完成率.xlsx")


@login_required
def export(request, code, year, month):
    area = visible_area(request, code)
    data = exports.export_area_table(tables.area_table(area, year, month))
    return xlsx_response(data, f"{area.name}{year}年1-{month}月指标完成情况.xlsx")


@login_required
def standards(request, code):
    area = visible_area(request, code)
    year, month = requested_period(request, area)
    standard_tables = tables.standards_tables(area, year, month)
    if wants_xlsx(request):
        data = exports.standards(area, year, month, standard_tables)
        return xlsx_response(data, f"{area.name}创建标准达标情况{year}年1-{month}月.xlsx")
    context = {"area": area, "year": year, "month": month, "tables": standard_tables}
    return render(request, "ledger/standards.html", context)
