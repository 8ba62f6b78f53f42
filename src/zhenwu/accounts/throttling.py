"""How django-axes sees a sign-in: the client's address, and the page shown once it locks."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The address sign-in failures count against: ``settings.CLIENT_IP_META_KEY``, else REMOTE_ADDR.

    Behind a reverse proxy the header holds the address the proxy saw. A chain such as
    X-Forwarded-For is read from its right-hand end, the one entry the proxy itself wrote;
    what stands left of it came from the client and may be forged.
    """
    for key in (settings.CLIENT_IP_META_KEY, "REMOTE_ADDR"):
        candidate = request.META.get(key, "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def locked_out(request, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE): what happened, how long, whom to ask."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(
        request, "accounts/locked_out.html", context, status=429
    )  # Too Many Requests, as django-axes answers
