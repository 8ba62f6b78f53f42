"""What every ledger page needs: the area and period from the URL, the user's roles, downloads."""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from zhenwu.areas.access import can, get_visible_or_404
from zhenwu.areas.models import Action, Area
from zhenwu.ledger.models import Indicator
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.files import safe_filename
from zhenwu.lib.periods import parse_month
from zhenwu.workbooks import XLSX_CONTENT


def visible_area(request, code: str) -> Area:
    return get_visible_or_404(Area.objects, request.user, code=code)


def requested_period(request, area: Area) -> tuple[int, int]:
    """The month of ``?period=2025-06``, the month being reported without it; a malformed one is a 400."""
    text = request.GET.get("period", "").strip()
    if not text:
        month = reporting_month(area, timezone.localdate()).current
        return month.year, month.month
    try:
        return parse_month(text)
    except ValueError as error:
        raise BadRequest(f"报告期 period 无效：{error}") from error


def roles(request, area: Area) -> dict:
    return {
        "may_enter": can(request.user, area, Action.ENTER),
        "may_review": can(request.user, area, Action.REVIEW),
        "may_administer": can(request.user, area, Action.ADMINISTER),
    }


def get_visible_indicator(pk: int) -> Indicator:
    """Indicators are a shared catalogue: every signed-in user may read the active ones."""
    try:
        return Indicator.objects.get(pk=pk, is_active=True)
    except Indicator.DoesNotExist as error:
        raise Http404("没有这个指标") from error


def wants_xlsx(request) -> bool:
    """A page's “导出 Excel” asks for the same page with ``?format=xlsx``."""
    return request.GET.get("format") == "xlsx"


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    return response
