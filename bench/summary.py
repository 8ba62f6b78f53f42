"""Work-summary drafting speed: one town's half-year summary (figures, charts, .docx), then N towns.

Loads the demo county into a scratch database (a temporary SQLite file, or the database in
ZHENWU_BENCH_DATABASE_URL), then times ``document_for`` + ``write_docx`` for 青山镇's latest half year (best
of three) and for ``--towns N`` drafts cycling over the demo's towns. Prints one JSON object
as its last line with ``one_town_s`` and ``towns_per_minute``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path


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
    from zhenwu import demo

    if not demo.is_loaded():
        demo.load()


def one_summary(area, period) -> tuple[float, int]:
    from zhenwu.documents import Chart, write_docx
    from zhenwu.summaries.services import document_for

    started = time.perf_counter()
    built = document_for(area, period)
    data = write_docx(built.document)
    charts = sum(isinstance(block, Chart) for block in built.document.blocks)
    assert data[:2] == b"PK"
    return time.perf_counter() - started, charts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--towns", type=int, default=12, help="how many town summaries to draft in a row")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        setup(Path(scratch))
        from django.utils import timezone

        from zhenwu.areas.models import Area, Level
        from zhenwu.demo.ledger import Calendar
        from zhenwu.lib.periods import parse_period

        calendar = Calendar.on(timezone.localdate())  # the demo's figures follow the day it is loaded
        period = parse_period(
            f"{calendar.current}-H1" if calendar.last_month >= 6 else str(calendar.previous)
        )
        town = Area.objects.get(code="390123101000")
        one_summary(town, period)  # warm imports and caches
        timings = [one_summary(town, period) for _ in range(3)]
        one, charts = min(timings)
        towns = list(Area.objects.filter(level=Level.TOWN, code__startswith="390123"))
        started = time.perf_counter()
        for index in range(args.towns):
            one_summary(towns[index % len(towns)], period)
        elapsed = time.perf_counter() - started
        result = {
            "one_town_s": round(one, 3),
            "charts": charts,
            "towns": args.towns,
            "towns_s": round(elapsed, 2),
            "towns_per_minute": round(args.towns * 60 / elapsed, 1),
            "minutes_for_1500_towns": round(1500 / (args.towns * 60 / elapsed), 1),
        }
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
