"""The demo county's page on fixed days: no 严重滞后 that comes from towns reporting late."""

from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from zhenwu import demo
from zhenwu.ledger import tables
from zhenwu.ledger.progress import Standing
from zhenwu.ledger.reporting import reporting_month


@pytest.mark.parametrize("day", ["2026-12-07 10:00 +0800", "2026-07-03 10:00 +0800"])
def test_a_county_total_is_severe_only_where_a_town_that_reported_is(client, db, day):
    with time_machine.travel(day, tick=False):
        county = demo.load().county
        reported = reporting_month(county, timezone.localdate()).current
        year, month = reported.year, reported.month
        overview = tables.area_table(county, year, month)
        matrix = tables.county_table(county, year, month)
        rates = {  # indicator → the 完成率 of each town that reported it
            indicator.pk: [
                cell.rate for child in matrix.children if (cell := child.cells[i]).rate is not None
            ]
            for i, indicator in enumerate(matrix.indicators)
        }
        partial = [
            row
            for row in overview.rows
            if row.aggregate and not row.aggregate.complete and row.indicator.pk in rates
        ]
        assert len(partial) >= 10  # some towns are late in the demo: most totals are partial
        # judged against the reporting towns' own targets, a total's 完成率 is their weighted
        # average: never below the slowest of them (a town that did not report adds no lag)
        slower_than_every_town = [
            row.indicator.name
            for row in partial
            if row.progress.rate is not None
            and row.progress.rate < min(rates[row.indicator.pk]) - Decimal("0.01")
        ]
        assert slower_than_every_town == []
        assert not any(
            row.progress.standing == Standing.SEVERE for row in partial if row.progress.rate is None
        )

        client.force_login(get_user_model().objects.get(username="qx_admin"))
        page = client.get(reverse("ledger:index")).content.decode()
        assert "个乡镇已报，合计仅含已报单位" in page
        severe_rows = sum(1 for row in overview.rows if row.progress.standing == Standing.SEVERE)
        assert page.count('class="st severe">严重滞后<') == severe_rows
