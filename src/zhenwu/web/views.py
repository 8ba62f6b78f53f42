from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from zhenwu.areas.overview import area_overview
from zhenwu.web.dashboard import dashboard


@login_required
def home(request):
    area = request.area
    if not area:
        return render(request, "web/home.html", {"overview": None})
    context = {
        "overview": area_overview(area, request.user),
        "tiles": dashboard(area, request.user, timezone.localdate()),
    }
    return render(request, "web/home.html", context)
