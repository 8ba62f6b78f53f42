from django.utils.functional import SimpleLazyObject

from zhenwu import __version__
from zhenwu.accounts.services import manages_accounts
from zhenwu.areas.access import can, top_areas
from zhenwu.areas.models import Action
from zhenwu.documents.pdf import libreoffice_available
from zhenwu.web.navigation import navigation_entries


def navigation(request):
    return {
        "navigation": navigation_entries(request.path),
        "zhenwu_version": __version__,
        "settings_area": SimpleLazyObject(lambda: settings_area(request)),
        "settings_active": request.path.startswith("/settings/") or "/setup/" in request.path,
        # Called by the template when a page asks: pages that offer a .docx show “下载PDF” only then.
        "pdf_available": libreoffice_available,
    }


def settings_area(request):
    """The area whose 设置 the navigation links to: the current one if the user is its 管理员, else
    the highest they administer; ``None`` (no 设置 entry) for everyone who is 管理员 nowhere."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not manages_accounts(user):
        return None  # from the memberships already loaded: no query for the many who are 管理员 nowhere
    current = getattr(request, "area", None)
    if current is not None and can(user, current, Action.ADMINISTER):
        return current
    return top_areas(user, Action.ADMINISTER).first()
