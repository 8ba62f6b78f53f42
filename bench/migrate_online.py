"""Upgrading a live PostgreSQL: do saves keep working while ``zhenwu manage migrate`` runs on a million values?

    python bench/migrate_online.py [--towns 1000] [--indicators 84]

Creates a scratch database on ZHENWU_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/postgres), migrates it, fills the value table with
towns × indicators × 12 months of figures (1000 × 84 × 12 = 1,008,000), migrates the ledger back to
0005 — before the covering index for month reads (0006) and the version columns (0009) — and then
runs ``zhenwu manage migrate`` forward while another connection keeps saving figures, one UPDATE at
a time. It reports the longest any save waited, and for comparison how long an ordinary
(locking) ``CREATE INDEX`` of the same index takes: that is how long saves would have stopped.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time


def scratch_database(base: str) -> str:
    import psycopg

    name = f"zhenwu_bench_migrate_{os.getpid()}"
    with psycopg.connect(base, autocommit=True, connect_timeout=5) as con:
        con.execute(f"CREATE DATABASE {name}")
    return base.rsplit("/", 1)[0] + f"/{name}"


def drop_database(base: str, url: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def zhenwu(env: dict, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "zhenwu", *args], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def fill(towns: int, indicators: int) -> int:
    """Areas and indicators through the ORM, then one year of figures by one INSERT … SELECT (in a child process)."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "zhenwu.settings"
    django.setup()
    from django.db import connection, transaction

    from zhenwu.areas.models import Area
    from zhenwu.ledger.models import Indicator

    def node(code, name, level, children=()):
        return {"data": {"code": code, "name": name, "level": level}, "children": list(children)}

    counties = [
        node(
            f"39{c + 1:04d}000000",
            f"县{c}",
            "county",
            [
                node(f"39{c + 1:04d}{100 + t:03d}000", f"镇{c}-{t}", "town")
                for t in range(min(20, towns - 20 * c))
            ],
        )
        for c in range((towns + 19) // 20)
    ]
    with transaction.atomic():
        Area.objects.load_bulk([node("390000000000", "省", "province", counties)])
        Indicator.objects.bulk_create(
            [Indicator(code=f"I{n}", name=f"指标{n}", unit="万元", sort_order=n) for n in range(indicators)]
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO ledger_reportedvalue (indicator_id, area_id, year, month, value, status, note, version) "
                "SELECT i.id, a.id, 2025, m, round((random() * 10000)::numeric, 4), 'approved', '', 1 "
                "FROM ledger_indicator i CROSS JOIN areas_area a CROSS JOIN generate_series(1, 12) m "
                "WHERE a.level = 'town'"
            )
            cursor.execute("SELECT count(*) FROM ledger_reportedvalue")
            count = cursor.fetchone()[0]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return count


class Saver(threading.Thread):
    """Save one figure after another, as towns do during an upgrade, timing each save."""

    def __init__(self, url: str, count: int):
        super().__init__(daemon=True)
        self.url, self.count = url, count
        self.waits: list[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        import psycopg

        rng = random.Random(1)
        with psycopg.connect(self.url, autocommit=True) as con:
            low, high = con.execute("SELECT min(id), max(id) FROM ledger_reportedvalue").fetchone()
            while not self.stop.is_set():
                start = time.perf_counter()
                con.execute(
                    "UPDATE ledger_reportedvalue SET note = 'x' WHERE id = %s", [rng.randint(low, high)]
                )
                self.waits.append(time.perf_counter() - start)
                time.sleep(0.005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=1000)
    parser.add_argument("--indicators", type=int, default=84)
    parser.add_argument(
        "--fill", action="store_true", help=argparse.SUPPRESS
    )  # the child that loads the data
    args = parser.parse_args()
    if args.fill:
        print(fill(args.towns, args.indicators))
        return 0
    base = os.environ.get("ZHENWU_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    url = scratch_database(base)
    import psycopg

    try:
        with tempfile.TemporaryDirectory() as data_dir:
            env = {**os.environ, "ZHENWU_DATABASE_URL": url, "ZHENWU_DATA_DIR": data_dir}
            zhenwu(env, "manage", "migrate", "--verbosity", "0")
            filled = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--fill",
                    "--towns",
                    str(args.towns),
                    "--indicators",
                    str(args.indicators),
                ],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            values = int(filled.stdout.split()[-1])
            zhenwu(env, "manage", "migrate", "ledger", "0005", "--verbosity", "0")
            saver = Saver(url, values)
            saver.start()
            time.sleep(1)
            migrate_seconds = zhenwu(env, "manage", "migrate", "--verbosity", "0")
            time.sleep(1)
            saver.stop.set()
            saver.join()
            with psycopg.connect(url, autocommit=True) as con:
                start = time.perf_counter()
                con.execute(
                    "CREATE INDEX bench_plain ON ledger_reportedvalue (year, month, indicator_id, area_id, value)"
                )
                plain_index_seconds = time.perf_counter() - start
    finally:
        drop_database(base, url)
    waits = sorted(saver.waits)
    print(
        json.dumps(
            {
                "values": values,
                "migrate_seconds": round(migrate_seconds, 1),
                "saves_during_migrate": len(waits),
                "save_median_ms": round(waits[len(waits) // 2] * 1000, 1),
                "save_longest_ms": round(waits[-1] * 1000, 1),
                "locking_create_index_seconds": round(plain_index_seconds, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
