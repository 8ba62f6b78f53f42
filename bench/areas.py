"""Subtree queries at province scale: 100 counties, 1,500 towns, 30,000 villages.

Builds the tree in a scratch database (a temporary SQLite file, or the database in
ZHENWU_BENCH_DATABASE_URL), then times the scoping queries every page runs against the
reference way — walking the tree with one query per node, as recursion in Python does.
Prints one JSON object as its last line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

COUNTIES, TOWNS_PER_COUNTY, VILLAGES_PER_TOWN = 100, 15, 20


def setup(data_dir: Path) -> None:
    os.environ["ZHENWU_DATA_DIR"] = str(data_dir)
    os.environ["ZHENWU_DATABASE_URL"] = os.environ.get(
        "ZHENWU_BENCH_DATABASE_URL", f"sqlite:///{data_dir / 'bench.sqlite3'}"
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "zhenwu.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_province():
    from zhenwu.areas.models import Area

    def node(code, name, level, children=()):
        return {"data": {"code": code, "name": name, "level": level}, "children": list(children)}

    counties = []
    for c in range(1, COUNTIES + 1):
        county = f"39{c // 20 + 1:02d}{c % 20 + 1:02d}"
        towns = []
        for t in range(1, TOWNS_PER_COUNTY + 1):
            villages = [
                node(f"{county}{100 + t:03d}{200 + v:03d}", f"村{c}-{t}-{v}", "village")
                for v in range(1, VILLAGES_PER_TOWN + 1)
            ]
            towns.append(node(f"{county}{100 + t:03d}000", f"镇{c}-{t}", "town", villages))
        counties.append(node(f"{county}000000", f"县{c}", "county", towns))
    cities = {}
    for county in counties:
        cities.setdefault(county["data"]["code"][:4], []).append(county)
    Area.objects.load_bulk(
        [
            node(
                "390000000000",
                "省",
                "province",
                [node(f"{k}00000000", f"市{k}", "city", v) for k, v in cities.items()],
            )
        ]
    )


def timed(function, repeat: int) -> tuple[float, object]:
    start = time.perf_counter()
    for _ in range(repeat):
        result = function()
    return (time.perf_counter() - start) / repeat, result


def recursive_subtree_count(area) -> int:
    """The reference: what a parent-pointer walk costs (one query per node)."""
    from zhenwu.areas.models import Area

    return 1 + sum(recursive_subtree_count(child) for child in Area.objects.get_children(area))


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        setup(Path(scratch))
        from django.contrib.auth import get_user_model

        from zhenwu.areas.access import get_visible_or_404
        from zhenwu.areas.models import Area, Membership

        start = time.perf_counter()
        build_province()
        build_s = time.perf_counter() - start
        county = Area.objects.filter(level="county").order_by("code")[50]
        town = Area.objects.filter(level="town", path__startswith=county.path).first()
        user = get_user_model().objects.create(username="bench")
        Membership.objects.create(user=user, area=county, role="admin")
        village = Area.objects.filter(level="village").order_by("-code").first()  # outside the county

        def scoped_count():
            user.__dict__.pop("_zhenwu_grants", None)  # a fresh request each time
            return Area.objects.for_user(user).count()

        def fetch_outside():
            user.__dict__.pop("_zhenwu_grants", None)
            try:
                get_visible_or_404(Area.objects, user, code=village.code)
            except Exception:  # Http404 is the expected outcome
                return True
            return False

        scoped_s, scoped_n = timed(scoped_count, 50)
        province_s, province_n = timed(lambda: Area.objects.subtree(Area.objects.get(depth=1)).count(), 20)
        outside_s, denied = timed(fetch_outside, 50)
        reference_s, reference_n = timed(lambda: recursive_subtree_count(county), 3)
        ours_county_s, ours_county_n = timed(lambda: Area.objects.subtree(county).count(), 50)
        town_s, town_n = timed(lambda: Area.objects.subtree(town).count(), 50)
        expected = 1 + TOWNS_PER_COUNTY * (1 + VILLAGES_PER_TOWN)
        assert reference_n == ours_county_n == scoped_n == expected and town_n == 1 + VILLAGES_PER_TOWN
        assert denied and province_n == Area.objects.count()
        from django.db import connection

        result = {
            "database": connection.vendor,
            "areas": province_n,
            "build_s": round(build_s, 2),
            "county_scope_count_ms": round(scoped_s * 1000, 3),
            "province_subtree_count_ms": round(province_s * 1000, 3),
            "fetch_outside_scope_404_ms": round(outside_s * 1000, 3),
            "town_subtree_ms": round(town_s * 1000, 3),
            "county_subtree_ms": round(ours_county_s * 1000, 3),
            "county_subtree_recursive_reference_ms": round(reference_s * 1000, 3),
            "recursive_over_prefix_ratio": round(reference_s / ours_county_s, 1),
        }
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
