from zhenwu import __version__
from zhenwu.web.navigation import navigation_entries


def navigation(request):
    return {"navigation": navigation_entries(request.path), "zhenwu_version": __version__}
