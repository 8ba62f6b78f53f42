"""Attach the area the user is working in (``request.area``) to each request."""

from django.utils.functional import SimpleLazyObject

from zhenwu.areas.access import current_area_for

SESSION_KEY = "zhenwu_area_code"


class CurrentAreaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.area = SimpleLazyObject(
            lambda: current_area_for(request.user, request.session.get(SESSION_KEY))
        )
        return self.get_response(request)
