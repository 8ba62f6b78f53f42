from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zhenwu.areas.overview import area_overview


@login_required
def home(request):
    area = request.area
    overview = area_overview(area, request.user) if area else None
    return render(request, "web/home.html", {"overview": overview})
