"""Calling the API as a script does: a Bearer token in the header, JSON in and out."""

from __future__ import annotations

import json

import pytest

from zhenwu.accounts.tokens import create_token


class ApiClient:
    """Django's test client with ``Authorization: Bearer`` of one user's token (none: anonymous)."""

    def __init__(self, client, user=None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {create_token(user, 'tests')[1]}"} if user else {}

    def call(self, method: str, path: str, query: dict | None = None, body=None, *, form: dict | None = None):
        """``body`` goes as JSON; ``form`` (fields and files) as multipart, as a browser form posts it."""
        from urllib.parse import urlencode

        url = f"{path}?{urlencode(query)}" if query else path
        send = getattr(self.client, method)
        if form is not None:
            return send(url, form, headers=self.headers)
        if body is None:
            return send(url, headers=self.headers)
        return send(url, json.dumps(body), content_type="application/json", headers=self.headers)

    def get(self, path, **query):
        return self.call("get", path, query)

    def put(self, path, body, **query):
        return self.call("put", path, query, body)

    def post(self, path, body=None, **query):
        return self.call("post", path, query, body if body is not None else {})

    def upload(self, path, form: dict, **query):
        """POST multipart fields and files (``SimpleUploadedFile``s; a list for several)."""
        return self.call("post", path, query, form=form)


@pytest.fixture
def api_as(client):
    """``api_as(user)``: a client that calls the API with a token of ``user``."""
    return lambda user=None: ApiClient(client, user)
