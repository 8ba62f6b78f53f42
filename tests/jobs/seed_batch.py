"""Run as ``python -m tests.jobs.seed_batch`` against a fresh database: a county of 12 towns, and a
queued job drafting all their 2025 half-year summaries. Prints the job's id.

The killed-worker tests run it in a subprocess so that the worker they start sees the same data.
"""

from __future__ import annotations

import datetime

from zhenwu.cli.django_setup import setup_django

TOWNS = 12


def main() -> None:
    setup_django()
    from django.contrib.auth import get_user_model

    from zhenwu.areas.models import Area, Level, Membership, Role
    from zhenwu.lib.periods import parse_period
    from zhenwu.summaries.jobs import start_batch

    province = Area.objects.add_root(
        create_kwargs={"code": "390000000000", "name": "东川省", "level": Level.PROVINCE}
    )
    city = Area.objects.add_child(
        province, create_kwargs={"code": "390100000000", "name": "清江市", "level": Level.CITY}
    )
    county = Area.objects.add_child(
        city, create_kwargs={"code": "390123000000", "name": "青溪县", "level": Level.COUNTY}
    )
    for number in range(1, TOWNS + 1):
        county.refresh_from_db()
        Area.objects.add_child(
            county,
            create_kwargs={"code": f"390123{100 + number}000", "name": f"第{number}镇", "level": Level.TOWN},
        )
    admin = get_user_model().objects.create_user("county_admin", password="secret-pass-1")
    county.refresh_from_db()
    Membership.objects.create(user=admin, area=county, role=Role.ADMIN)
    job = start_batch(admin, county, parse_period("2025-H1"), datetime.date(2025, 7, 5))
    print(job.pk)


if __name__ == "__main__":
    main()
