from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import Http404, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action, Area
from zhenwu.areas.overview import area_overview
from zhenwu.documents.packages import size_text
from zhenwu.web import help as help_pages
from zhenwu.web.actions import home_tasks
from zhenwu.web.dashboard import dashboard
from zhenwu.web.search import search as search_site


@login_required
def home(request):
    area = request.area
    if not area:
        return render(request, "web/home.html", {"overview": None})
    today = timezone.localdate()
    context = {
        "overview": area_overview(area, request.user),
        "tasks": home_tasks(area, request.user, today),
        "tiles": dashboard(area, request.user, today),
    }
    return render(request, "web/home.html", context)


@login_required
def search(request):
    """Areas, indicators, projects, findings and people under the current area that match ``q``."""
    query = request.GET.get("q", "").strip()
    groups = search_site(request.user, request.area, query)
    return render(request, "web/search.html", {"query": query, "groups": groups, "area": request.area})


@login_required
def help_index(request):
    return render(request, "web/help/index.html", {"topics": help_pages.TOPICS})


@login_required
def help_topic(request, topic):
    """One capability's figures explained; the ledger's thresholds as in force for the current area."""
    if topic not in help_pages.TOPIC_BY_SLUG:
        raise Http404("没有这一页帮助")
    context = {
        "topic": help_pages.TOPIC_BY_SLUG[topic],
        "area": request.area,
        "rules": help_pages.ledger_rules(request.area),
        "grades": help_pages.grade_lines(),
    }
    return render(request, f"web/help/{topic}.html", context)


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


ERRORS = {
    403: ("无权进行此操作", "您的角色不能打开这一页或做这件事。如需办理，请联系本级管理员。"),
    404: ("没有找到这一页", "这一页不存在，或不在您的管辖范围内。"),
    500: ("系统出错了", "服务器处理这次请求时出错，错误已记入日志。请稍后再试；一直出错请联系系统管理员。"),
}


def _error_page(request, status: int, reason: str = ""):
    """An error in Chinese inside the site's layout, with the way back; /api/ keeps answering JSON."""
    title, explanation = ERRORS[status]
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": reason or title}, status=status)
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}) or back.endswith(request.path):
        back = ""
    context = {"status": status, "title": title, "explanation": explanation, "reason": reason, "back": back}
    return render(request, "web/error.html", context, status=status)


def _reason(exception) -> str:
    """The Chinese message an access helper raised with (e.g. 您的角色无权填报此项), not Django's English."""
    message = exception.args[0] if exception and exception.args else ""
    # the resolver's own 404 carries a dict of the patterns tried: never shown
    return message if isinstance(message, str) and not message.isascii() else ""


def permission_denied(request, exception):
    return _error_page(request, 403, _reason(exception))


def page_not_found(request, exception):
    return _error_page(request, 404, _reason(exception))


def server_error(request):
    """The layout needs the database (the area switcher); when that is what failed, a bare page says it."""
    try:
        return _error_page(request, 500)
    except Exception:  # the error page must not fail in turn
        title, explanation = ERRORS[500]
        body = loader.get_template("web/error_plain.html").render(
            {"title": title, "explanation": explanation}
        )
        return HttpResponseServerError(body)
