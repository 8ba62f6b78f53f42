"""Every link a demo account is shown opens for it: a crawl from home, per role of the demo county.

The demo county is loaded once for the module (it takes a while) inside a transaction that is
rolled back at the end, so other tests never see it. Each role starts at home and follows every
same-site link it is shown (GET only), at most a few pages of each URL shape, and no page may
answer 403, 404 or 500 to the account that followed the link to it.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from zhenwu import demo
from zhenwu.areas.models import Area
from zhenwu.inspections.models import Finding

PAGES_PER_SHAPE = 1  # /projects/12/ stands for every project page
MAX_PAGES = 160
SKIPPED_PREFIXES = ("/admin/", "/static/", "/api/", "/logout/")
DOWNLOADS = re.compile(r"\.(docx|xlsx|pdf)$")  # built on demand and slow: checked by their own tests

ROLES = [
    "qx_admin",  # 青溪县 管理员
    "qx_leader",  # 县领导
    "qx_reviewer",
    "qx_inspector",  # 县督查员
    "qx_clerk",
    "qs_admin",  # 青山镇 管理员
    "qs_leader",
    "qs_reviewer",
    "qs_inspector",
    "qs_clerk",  # 镇填报员
]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links_in(html: str, base: str) -> list[str]:
    """The same-site paths (with query) an ``<a href>`` of the page points to."""
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url, _fragment = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "") or parts.netloc not in ("", "testserver"):
            continue
        if not parts.path or parts.path.startswith(SKIPPED_PREFIXES) or DOWNLOADS.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def shape(url: str) -> str:
    """The URL with every segment holding a number blanked and only the query's keys kept:
    /summaries/N/N/export/?comments= stands for every area, period and option of that page."""
    path, _, query = url.partition("?")
    segments = ["N" if re.search(r"\d", segment) else segment for segment in path.split("/")]
    keys = sorted(pair.partition("=")[0] for pair in query.split("&") if pair)
    return "/".join(segments) + "?" + "&".join(keys)


def crawl(client: Client) -> tuple[list[str], int]:
    """Follow links from home; returns 'status url ← from' for each failing link, and pages seen."""
    seen = {"/"}
    queue = deque([("/", "(start)")])
    per_shape: Counter = Counter()
    failures, visited = [], 0
    while queue and visited < MAX_PAGES:
        url, source = queue.popleft()
        response = client.get(url)
        visited += 1
        if response.status_code in (403, 404, 500):
            failures.append(f"{response.status_code} {url} ← {source}")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for link in links_in(response.content.decode(), url):
            if link in seen or per_shape[shape(link)] >= PAGES_PER_SHAPE:
                continue
            seen.add(link)
            per_shape[shape(link)] += 1
            queue.append((link, url))
    return failures, visited


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def demo_county(django_db_setup, django_db_blocker, demo_media):
    """The demo county for this module only: loaded in a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media), transaction.atomic():
        county = demo.load()
        yield county
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root(settings, demo_media):
    """The demo's photos, where the demo wrote them (the suite's default is a fresh folder per test)."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.mark.parametrize("username", ROLES)
def test_no_link_shown_to_a_demo_account_answers_an_error(demo_county, db, username):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    failures, visited = crawl(client)
    assert visited > 20
    assert failures == [], "\n".join(failures)


def test_a_town_clerk_reads_the_countys_round_and_rules_by_name_without_a_link(demo_county, db):
    """What the crawl found first: the county's 暗访 round and 台账规则 were links answering 404."""
    clerk = get_user_model().objects.get(username="qs_clerk")
    town = Area.objects.get(name="青山镇")
    finding = Finding.objects.filter(
        area__path__startswith=town.path, inspection__area=demo_county.county
    ).first()
    client = Client()
    client.force_login(clerk)

    page = client.get(reverse("inspections:finding", args=[finding.pk])).content.decode()
    assert finding.inspection.title in page
    assert reverse("inspections:inspection", args=[finding.inspection.pk]) not in page
    assert client.get(reverse("inspections:inspection", args=[finding.inspection.pk])).status_code == 404

    page = client.get(reverse("ledger:rules", args=[town.code])).content.decode()
    assert "沿用青溪县的设置" in page
    assert reverse("ledger:rules", args=[demo_county.county.code]) not in page
