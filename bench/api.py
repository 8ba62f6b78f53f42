"""The JSON API on the demo county: one request reading a county's month with every town's figures.

    ZHENWU_DATA_DIR=var/demo python bench/api.py [--period 2026-06] [--repeat 30]

Needs the demo loaded (``zhenwu demo --no-serve``). Calls
``GET /api/v1/ledger/values?area=<county>&period=…&children=true`` with a Bearer token of the
county's 管理员 through Django's test client (the whole request: token check, scoping, queries,
JSON), after one warm-up call. Without ``--period`` it takes the month the demo has most
figures for. The token is made for the run and deleted after. The last line printed is one JSON
object: median and 95th percentile in milliseconds (wall clock, and the median CPU time), and how many towns and figures one answer holds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenwu.settings")
    if "ZHENWU_DATA_DIR" not in os.environ:
        sys.exit("bench/api.py: set ZHENWU_DATA_DIR to the demo's data directory (zhenwu demo --no-serve)")
    import django

    django.setup()


def busiest_month(county) -> str:
    """The month with the most figures under the county: the fullest read the demo offers."""
    from django.db.models import Count

    from zhenwu.ledger.models import ReportedValue

    top = (
        ReportedValue.objects.filter(area__path__startswith=county.path)
        .values("year", "month")
        .annotate(n=Count("id"))
        .order_by("-n", "-year", "-month")
        .first()
    )
    return f"{top['year']}-{top['month']:02d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", help="YYYY-MM (default: the month with most figures)")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    setup()
    from django.test import Client

    from zhenwu.accounts.tokens import create_token
    from zhenwu.areas.models import Area, Level, Membership, Role

    county = Area.objects.filter(level=Level.COUNTY).order_by("path").first()
    admin = Membership.objects.filter(area=county, role=Role.ADMIN).select_related("user").first().user
    period = args.period or busiest_month(county)
    row, token = create_token(admin, "bench/api.py")
    client = Client(headers={"Authorization": f"Bearer {token}"}, HTTP_HOST="127.0.0.1")
    url = f"/api/v1/ledger/values?area={county.code}&period={period}&children=true"
    try:
        first = client.get(url)
        assert first.status_code == 200, first.content[:300]
        answer = first.json()
        times, cpu = [], []
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200
    finally:
        row.delete()
    figures = len(answer["values"]) + sum(len(child["values"]) for child in answer["children"])
    result = {
        "bench": "api_county_month",
        "county": county.name,
        "period": period,
        "towns": len(answer["children"]),
        "figures": figures,
        "bytes": len(first.content),
        "repeat": args.repeat,
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(sorted(times)[int(0.95 * (len(times) - 1))], 1),
        "cpu_median_ms": round(
            statistics.median(cpu), 1
        ),  # this process's CPU: less swayed by a busy machine
        "target_ms": 100,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
