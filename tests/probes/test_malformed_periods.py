"""Every year, month, quarter or period a URL or a query string carries: a malformed one is refused.

Year 0, 10000 or 2147483648 in a ledger, targets, bulletin or project URL gave a server error
(20 URLs). Here every route of the site whose path takes a ``year``, ``month`` or ``period``
is found from the URL configuration and requested with each bad value, and every page that
reads a period from its query string is asked for bad ones: the answer is 404 or 400, never 500.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access_cases import VIEW_CASES
from tests.ledger import factories as ledger

PERIOD_NAMES = {"year", "month", "period", "quarter"}
BAD_YEARS = ["0", "0000", "1999", "2100", "10000", "2147483648", "99999999999999999999", "-1", "abc"]
BAD_MONTHS = ["0", "00", "13", "2147483648", "-1", "abc"]
BAD_PERIODS = [
    "0-06",
    "0000-06",
    "10000-06",
    "2147483648-06",
    "2147483648",
    "0000",
    "10000",
    "2025-13",
    "2025-0",
    "2025-00",
    "2025-2147483648",
    "2025-Q0",
    "2025-Q5",
    "2025-H3",
    "2025-01..2025-13",
    "0000-01..0000-05",
    "2025-06..2025-02",
    "garbage",
]
BAD_QUERY_PERIODS = [*BAD_PERIODS, "2025", "2025-Q1", "2025-H1"]  # these pages take a month only
PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
CASES = {case.url_name: case for case in VIEW_CASES}


def period_routes(patterns=None, prefix="", namespace=""):
    """(url name, full route) of every URL whose path takes a year, month, quarter or period."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from period_routes(pattern.url_patterns, route, inner)
        elif (
            isinstance(pattern, URLPattern) and {m["name"] for m in PARAMETER.finditer(route)} & PERIOD_NAMES
        ):
            yield f"{namespace}{pattern.name}", route


def bad_urls(world):
    """Each period route with one of its period parts replaced by each bad value, the rest valid."""
    for name, route in period_routes():
        case = CASES[name]
        kwargs = {key: str(value) for key, value in case.kwargs(world).items()}
        for part in PARAMETER.finditer(route):
            bad = {"year": BAD_YEARS, "month": BAD_MONTHS}.get(part["name"], BAD_PERIODS)
            if part["name"] not in PERIOD_NAMES:
                continue
            for value in bad:
                values = kwargs | {part["name"]: value}
                path = PARAMETER.sub(lambda m, values=values: values[m["name"]], route)
                yield case.method, "/" + path


QUERY_PAGES = [  # (url name, kwargs, the query parameter that names the month)
    ("ledger:index", lambda world: {}, "period"),
    ("ledger:indicator", lambda world: {"code": world.county.code, "pk": ledger.indicator().pk}, "period"),
    ("ledger:county", lambda world: {"code": world.county.code}, "period"),
    ("ledger:county_export", lambda world: {"code": world.county.code}, "period"),
    ("ledger:standards", lambda world: {"code": world.county.code}, "period"),
    ("projects:index", lambda world: {}, "month"),
    ("projects:overview", lambda world: {}, "month"),
    ("projects:report", lambda world: {"code": world.county.code}, "month"),
    ("projects:report_preview", lambda world: {"code": world.county.code}, "month"),
    ("projects:export", lambda world: {"code": world.county.code}, "month"),
]


def test_the_probe_finds_the_period_routes():
    names = {name for name, _ in period_routes()}
    assert {"ledger:entry", "ledger:targets", "inspections:bulletin", "assessment:result"} <= names
    assert {"summaries:draft", "ledger:catalogue", "ledger:target_sheet"} <= names


def test_every_malformed_period_in_a_path_is_refused(client, world):
    client.raise_request_exception = False  # count a server error, go on to the next URL
    client.force_login(world.county_admin)
    failures = []
    count = 0
    for method, url in bad_urls(world):
        response = getattr(client, method)(url)
        count += 1
        if response.status_code not in (400, 404):
            failures.append((method, url, response.status_code))
    assert count > 300
    assert failures == []


@pytest.mark.parametrize("page", QUERY_PAGES, ids=lambda page: page[0])
def test_every_malformed_period_in_a_query_string_is_refused(client, world, page):
    name, kwargs, parameter = page
    client.raise_request_exception = False
    client.force_login(world.county_admin)
    url = reverse(name, kwargs=kwargs(world))
    statuses = {value: client.get(url, {parameter: value}).status_code for value in BAD_QUERY_PERIODS}
    assert {value: status for value, status in statuses.items() if status not in (400, 404)} == {}
    assert client.get(url, {parameter: "2025-06"}).status_code == 200
    assert client.get(url, {parameter: ""}).status_code == 200  # a blank filter means the current month
