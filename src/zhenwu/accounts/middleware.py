"""After an admin's reset, the account opens nothing but the password-change page."""

from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from zhenwu.accounts.services import must_change_password


class PasswordChangeRequiredMiddleware:
    """Send a user who signed in with a password an admin chose to pick their own first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and must_change_password(request.user):
            change = reverse("accounts:password_change")
            if request.path not in (change, reverse("logout")):
                return HttpResponseClientRedirect(change) if request.htmx else redirect(change)
        return self.get_response(request)
