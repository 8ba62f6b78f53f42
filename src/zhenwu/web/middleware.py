"""One log line per request — who, in which area, what, the status and how long — when asked for."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed

logger = logging.getLogger("zhenwu.requests")


class RequestLogMiddleware:
    """``GET /ledger/ 200 35ms user=qs_clerk area=390123101000``, with ZHENWU_LOG_REQUESTS on.

    Outermost in MIDDLEWARE, so the time covers every other middleware and a view's error
    arrives here as its 500 response.
    """

    def __init__(self, get_response):
        if not settings.LOG_REQUESTS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        user, area = _who(request)
        logger.info(
            "%s %s %s %.0fms user=%s area=%s",
            request.method,
            request.get_full_path(),
            response.status_code,
            elapsed,
            user,
            area,
        )
        return response


def _who(request) -> tuple[str, str]:
    """The user's name and the current area's code, "-" for none."""
    try:
        user = getattr(request, "user", None)
        area = getattr(request, "area", None)  # lazy: read here after the view, as the view saw it
        return (
            user.get_username() if user is not None and user.is_authenticated else "-",
            area.code if area else "-",
        )
    except Exception:  # a failing lookup (the database down) must not fail the response
        return "?", "?"
