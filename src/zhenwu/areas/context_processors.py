"""Template context for the layout: the current area and the switcher's choices."""

from django.utils.functional import SimpleLazyObject

from zhenwu.areas.access import switchable_areas


def current_area(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "current_area": getattr(request, "area", None),
        "switchable_areas": SimpleLazyObject(lambda: list(switchable_areas(user))),
    }
