"""The ledger at province scale: every town's 完成率, 时序 gap, 同比 and status for one month.

    python bench/ledger.py [--towns 1500] [--indicators 40] [--months 60]

Generates one deterministic data set (towns × indicators × months of figures, and the final
year's targets) into a scratch directory, then computes the month's progress three ways:

- DuckDB, the reference: one SQL query over the same data, loaded from CSV (no extension needed);
- the ledger's own code (``zhenwu.ledger.loading.month_progress``) on SQLite;
- the same on PostgreSQL, when one is reachable at ZHENWU_BENCH_POSTGRES_URL
  (default postgresql://postgres@127.0.0.1:5432/postgres; a scratch database is created and dropped).

It also serves one county's dashboard (20 towns × all indicators, ``ledger:county``) through
Django's test client. Each database runs in a child process of this script. The last line
printed is one JSON object. DuckDB is a benchmark-only dependency: run this with a Python
that has ``duckdb`` and zhenwu installed (e.g. a venv made with ``pip install -e . duckdb``).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

YEAR, MONTH = 2025, 6  # the month computed: 1-6月 of the final year
TOWNS_PER_COUNTY = 20
KINDS = ["cumulative"] * 7 + ["flow", "level"] + ["cumulative"]  # 8 in 10 indicators build up over the year
STANDINGS = ["超序时", "正常", "滞后", "严重滞后", "无数据"]


# --- the data set -----------------------------------------------------------------------------------


def indicator_specs(count: int) -> list[tuple[str, str, str]]:
    """(code, kind, direction) of each indicator: mostly cumulative, some flows and levels, a few lower-is-better."""
    specs = []
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        direction = "lower" if number % 9 == 4 else "higher"
        specs.append((f"B{number:03d}", kind, direction))
    return specs


def generate(directory: Path, towns: int, indicators: int, months: int) -> int:
    """Write values.csv (town, indicator, year, month, value) and targets.csv; return the number of values."""
    rng = random.Random(20250701)
    specs = indicator_specs(indicators)
    first_year = YEAR - (months - 1) // 12
    periods = [(year, month) for year in range(first_year, YEAR + 1) for month in range(1, 13)][-months:]
    count = 0
    with (
        open(directory / "values.csv", "w", newline="") as values,
        open(directory / "targets.csv", "w") as targets,
    ):
        out = csv.writer(values)
        for town in range(towns):
            pace = rng.uniform(0.6, 1.25)  # some towns lag, some run ahead
            for indicator, (_, kind, _) in enumerate(specs):
                base = rng.uniform(5, 5000)
                for year, month in periods:
                    if rng.random() < 0.01:
                        continue  # not reported
                    growth = 1.08 ** (year - first_year)
                    noise = rng.uniform(0.9, 1.1)
                    if kind == "cumulative":
                        value = base * growth * month / 12 * (pace if year == YEAR else 1) * noise
                    elif kind == "flow":
                        value = base * growth / 12 * noise
                    else:
                        value = base * (1 + 0.02 * (year - first_year)) * noise
                    out.writerow((town, indicator, year, month, f"{value:.2f}"))
                    count += 1
                annual = base * 1.08 ** (YEAR - first_year) * 1.08
                targets.write(f"{town},{indicator},{annual if kind != 'level' else base * 1.1:.2f}\n")
    return count


def summarise(standings) -> dict[str, int]:
    counts = collections.Counter(standings)
    return {standing: counts.get(standing, 0) for standing in STANDINGS}


# --- DuckDB, the reference --------------------------------------------------------------------------------

DUCKDB_QUERY = """
WITH g AS (
  SELECT town, ind, year,
         max(CASE WHEN month = $month THEN value END) AS at_m,
         sum(value) AS total,
         arg_max(value, month) AS latest
  FROM v WHERE year IN ($year, $year - 1) AND month <= $month
  GROUP BY town, ind, year),
td AS (
  SELECT g.town, g.ind, g.year,
         CASE i.kind WHEN 'cumulative' THEN at_m
                     WHEN 'flow' THEN CASE WHEN at_m IS NOT NULL THEN total END
                     ELSE latest END AS value
  FROM g JOIN ind i USING (ind)),
keys AS (SELECT town, ind FROM td WHERE year = $year AND value IS NOT NULL UNION SELECT town, ind FROM t),
p AS (
  SELECT k.town, k.ind, i.kind, i.direction, cur.value AS value, ly.value AS last, t.value AS target
  FROM keys k JOIN ind i USING (ind)
  LEFT JOIN td cur ON cur.town = k.town AND cur.ind = k.ind AND cur.year = $year
  LEFT JOIN td ly ON ly.town = k.town AND ly.ind = k.ind AND ly.year = $year - 1
  LEFT JOIN t ON t.town = k.town AND t.ind = k.ind),
r AS (
  SELECT *,
         CASE WHEN value IS NULL OR target IS NULL OR target = 0 THEN NULL
              WHEN direction = 'lower' AND kind = 'level' THEN
                   CASE WHEN value = 0 THEN NULL ELSE target * 100 / value END
              ELSE value * 100 / target END AS rate,
         CASE WHEN kind = 'level' THEN 100.0 ELSE $month * 100.0 / 12 END AS expected
  FROM p),
s AS (
  SELECT *,
         CASE WHEN rate IS NULL THEN NULL
              WHEN direction = 'lower' AND kind <> 'level' THEN expected - rate
              ELSE rate - expected END AS gap,
         CASE WHEN last IS NULL OR last = 0 OR value IS NULL THEN NULL
              ELSE (value - last) * 100 / abs(last) END AS yoy
  FROM r)
SELECT town, ind, value, target, rate, gap, yoy,
       CASE WHEN gap IS NULL THEN '无数据' WHEN gap < -10 THEN '严重滞后' WHEN gap < 0 THEN '滞后'
            WHEN gap >= 5 THEN '超序时' ELSE '正常' END AS standing
FROM s
"""


def run_duckdb(directory: Path, indicators: int, repeat: int) -> dict:
    import duckdb

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE v AS SELECT * FROM read_csv(?, header=false, "
        "columns={'town': 'INTEGER', 'ind': 'INTEGER', 'year': 'INTEGER', 'month': 'INTEGER', "
        "'value': 'DECIMAL(20,4)'})",
        [str(directory / "values.csv")],
    )
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_csv(?, header=false, "
        "columns={'town': 'INTEGER', 'ind': 'INTEGER', 'value': 'DECIMAL(20,4)'})",
        [str(directory / "targets.csv")],
    )
    con.execute("CREATE TABLE ind (ind INTEGER, kind VARCHAR, direction VARCHAR)")
    con.executemany(
        "INSERT INTO ind VALUES (?, ?, ?)",
        [
            (number, kind, direction)
            for number, (_, kind, direction) in enumerate(indicator_specs(indicators))
        ],
    )
    best, rows = float("inf"), []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = con.execute(DUCKDB_QUERY, {"year": YEAR, "month": MONTH}).fetchall()
        best = min(best, time.perf_counter() - start)
    return {"seconds": best, "rows": len(rows), "standings": summarise(row[-1] for row in rows)}


# --- the ledger on SQLite or PostgreSQL (a child process) ------------------------------------------------------


def child(backend: str, directory: Path, indicators_count: int, repeat: int) -> dict:
    os.environ["ZHENWU_DATA_DIR"] = str(directory / backend)
    (directory / backend).mkdir(exist_ok=True)
    os.environ.setdefault("ZHENWU_DATABASE_URL", f"sqlite:///{directory / backend / 'bench.sqlite3'}")
    os.environ["ZHENWU_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "zhenwu.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    from zhenwu.ledger import loading
    from zhenwu.ledger.models import Indicator, Target, TargetVersion

    start = time.perf_counter()
    towns = build_areas(directory)
    Indicator.objects.bulk_create(
        [
            Indicator(
                code=code, name=f"指标{code}", unit="万元", kind=kind, direction=direction, sort_order=n
            )
            for n, (code, kind, direction) in enumerate(indicator_specs(indicators_count))
        ]
    )
    indicators = list(Indicator.objects.order_by("sort_order"))
    indicator_ids = [indicator.pk for indicator in indicators]
    with transaction.atomic():
        load_values(connection, directory / "values.csv", towns, indicator_ids)
    with open(directory / "targets.csv") as handle:
        rows = [line.rstrip("\n").split(",") for line in handle]
    Target.objects.bulk_create(
        [Target(area_id=towns[int(t)], indicator_id=indicator_ids[int(i)], year=YEAR) for t, i, _ in rows],
        batch_size=5000,
    )
    target_ids = dict(
        ((area, indicator), pk)
        for pk, area, indicator in Target.objects.filter(year=YEAR).values_list(
            "pk", "area_id", "indicator_id"
        )
    )
    TargetVersion.objects.bulk_create(
        [
            TargetVersion(target_id=target_ids[towns[int(t)], indicator_ids[int(i)]], number=1, value=value)
            for t, i, value in rows
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        # PostgreSQL answers from the covering index alone once the visibility map is set,
        # as autovacuum does in a running deployment.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    load_s = time.perf_counter() - start

    best, result = float("inf"), {}
    for _ in range(repeat):
        start = time.perf_counter()
        result = loading.month_progress(None, indicators, YEAR, MONTH)
        best = min(best, time.perf_counter() - start)
    return {
        "vendor": connection.vendor,
        "seconds": best,
        "rows": len(result),
        "standings": summarise(progress.standing for progress in result.values()),
        "load_s": load_s,
        "dashboard_ms": dashboard_ms(),
    }


def build_areas(directory: Path) -> list[int]:
    """Province → counties of 20 towns; return the town ids in the order of the CSV's town numbers."""
    from zhenwu.areas.models import Area

    with open(directory / "targets.csv") as handle:
        towns = sum(1 for _ in handle) // count_indicators(directory)

    def node(code, name, level, children=()):
        return {"data": {"code": code, "name": name, "level": level}, "children": list(children)}

    counties = []
    for c in range((towns + TOWNS_PER_COUNTY - 1) // TOWNS_PER_COUNTY):
        prefix = f"39{c // 90 + 1:02d}{c % 90 + 1:02d}"
        members = range(c * TOWNS_PER_COUNTY, min(towns, (c + 1) * TOWNS_PER_COUNTY))
        counties.append(
            node(
                f"{prefix}000000",
                f"县{c}",
                "county",
                [node(f"{prefix}{100 + t % TOWNS_PER_COUNTY:03d}000", f"镇{t}", "town") for t in members],
            )
        )
    Area.objects.load_bulk([node("390000000000", "省", "province", counties)])
    return list(Area.objects.filter(level="town").order_by("path").values_list("pk", flat=True))


def count_indicators(directory: Path) -> int:
    with open(directory / "targets.csv") as handle:
        return 1 + max(int(line.split(",")[1]) for line in handle)


def load_values(connection, path: Path, towns: list[int], indicators: list[int]) -> None:
    """Bulk-load the figures the fastest way each database offers (COPY, or executemany)."""
    columns = "indicator_id, area_id, year, month, value, status, note"
    with open(path) as handle:
        reader = csv.reader(handle)
        rows = (
            (indicators[int(i)], towns[int(t)], int(year), int(month), value, "approved", "")
            for t, i, year, month, value in reader
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                raw = cursor.cursor
                with raw.copy(f"COPY ledger_reportedvalue ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        else:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO ledger_reportedvalue ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s)", rows
                )


def dashboard_ms() -> float:
    """Serve one county's towns × indicators page (ledger:county) to its 管理员, best of five."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from zhenwu.areas.models import Area, Membership

    county = Area.objects.filter(level="county").order_by("path").first()
    user = get_user_model().objects.create(username="bench_admin")
    Membership.objects.create(user=user, area=county, role="admin")
    client = Client()
    client.force_login(user)
    url = reverse("ledger:county", args=[county.code]) + f"?period={YEAR}-{MONTH:02d}"
    assert client.get(url).status_code == 200
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        response = client.get(url)
        best = min(best, time.perf_counter() - start)
    assert response.status_code == 200
    return round(best * 1000, 1)


# --- the parent -------------------------------------------------------------------------------------------------


def postgres_url() -> str | None:
    """A scratch database on the PostgreSQL server, or None when none is reachable."""
    base = os.environ.get("ZHENWU_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        with psycopg.connect(base, autocommit=True, connect_timeout=3) as con:
            con.execute(f"CREATE DATABASE zhenwu_bench_{os.getpid()}")
    except Exception:  # no server, no rights: the PostgreSQL figures are reported as null
        return None
    return base.rsplit("/", 1)[0] + f"/zhenwu_bench_{os.getpid()}"


def drop_postgres(url: str) -> None:
    import psycopg

    base = os.environ.get("ZHENWU_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def run_child(backend: str, directory: Path, args, database_url: str | None = None) -> dict:
    env = dict(os.environ)
    if database_url:
        env["ZHENWU_DATABASE_URL"] = database_url
    else:
        env.pop("ZHENWU_DATABASE_URL", None)
    command = [sys.executable, __file__, "--child", backend, "--dir", str(directory)]
    command += ["--indicators", str(args.indicators), "--repeat", str(args.repeat)]
    # the child's errors go straight to this script's stderr
    output = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=1500)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.dir, args.indicators, args.repeat), ensure_ascii=False))
        return 0
    try:
        import duckdb  # noqa: F401
    except ImportError:
        print(
            "需要 duckdb（只用于基准测试）：pip install duckdb / this benchmark needs duckdb", file=sys.stderr
        )
        return 2

    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        start = time.perf_counter()
        values = generate(directory, args.towns, args.indicators, args.months)
        generate_s = time.perf_counter() - start
        reference = run_duckdb(directory, args.indicators, args.repeat)
        sqlite = run_child("sqlite", directory, args)
        url = postgres_url()
        postgres = None
        if url:
            try:
                postgres = run_child("postgres", directory, args, url)
            finally:
                drop_postgres(url)

    def ratio(result):
        return None if result is None else round(result["seconds"] / reference["seconds"], 1)

    agree = sqlite["standings"] == reference["standings"] and (
        postgres is None or postgres["standings"] == reference["standings"]
    )
    result = {
        "towns": args.towns,
        "indicators": args.indicators,
        "months": args.months,
        "values": values,
        "computed": reference["rows"],
        "duckdb_s": round(reference["seconds"], 3),
        "sqlite_s": round(sqlite["seconds"], 3),
        "postgres_s": None if postgres is None else round(postgres["seconds"], 3),
        "ratio_sqlite": ratio(sqlite),
        "ratio_postgres": ratio(postgres),
        "dashboard_ms": sqlite["dashboard_ms"],
        "dashboard_ms_postgres": None if postgres is None else postgres["dashboard_ms"],
        "standings_agree": agree,
        "standings": reference["standings"],
        "generate_s": round(generate_s, 1),
        "load_sqlite_s": round(sqlite["load_s"], 1),
        "load_postgres_s": None if postgres is None else round(postgres["load_s"], 1),
    }
    if not agree:
        result["standings_sqlite"] = sqlite["standings"]
        result["standings_postgres"] = postgres and postgres["standings"]
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
