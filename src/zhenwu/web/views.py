from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.shortcuts import render
from django.utils import timezone
from django.views import defaults

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.areas.overview import area_overview
from zhenwu.documents.packages import size_text
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


def bad_request(request, exception):
    """A body too big to read says which limit it passed and that nothing was saved, not a bare 400."""
    if isinstance(exception, RequestDataTooBig):
        context = {
            "limit": size_text(settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
            "chars": f"{settings.MAX_TEXT_CHARS:,}",
        }
        return render(request, "web/too_big.html", context, status=413)
    if isinstance(exception, TooManyFilesSent):
        context = {"files": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
        return render(request, "web/too_big.html", context, status=413)
    return defaults.bad_request(request, exception)


@login_required
def settings_index(request, code):
    """设置: where an area's 管理员 finds every page that sets the area up — none of them in /admin/."""
    area = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)
    context = {
        "area": area,
        "year": timezone.localdate().year + 1,
    }
    return render(request, "web/settings.html", context)
