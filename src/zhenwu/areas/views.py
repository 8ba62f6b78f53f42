from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from zhenwu.areas.access import get_visible_or_404
from zhenwu.areas.middleware import SESSION_KEY
from zhenwu.areas.models import Area
from zhenwu.areas.overview import area_overview


@login_required
def area_detail(request, code):
    area = get_visible_or_404(Area.objects, request.user, code=code)
    return render(request, "areas/area_detail.html", {"overview": area_overview(area, request.user)})


@login_required
@require_POST
def switch_area(request):
    area = get_visible_or_404(Area.objects, request.user, code=request.POST.get("code", ""))
    request.session[SESSION_KEY] = area.code
    target = request.POST.get("next") or "home"
    if target != "home" and not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "home"
    return redirect(target)
