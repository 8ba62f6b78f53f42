"""Who calls the API: a signed-in browser (session, CSRF on unsafe methods) or a Bearer token."""

from __future__ import annotations

from ninja.security import HttpBearer, SessionAuth

from zhenwu.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer zw_…``: the request acts as the token's user, with exactly their rights."""

    openapi_description = "zhenwu token create 用户名 生成的令牌"

    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user  # services and scoping helpers read request.user, as for a page
        return user


class BrowserSession(SessionAuth):
    """The browser's own sign-in; ninja checks the CSRF token on POST, PUT and DELETE."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


AUTH = [TokenAuth(), BrowserSession()]
