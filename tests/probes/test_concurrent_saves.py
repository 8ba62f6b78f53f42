"""Probe: twenty people save the same 报表 at once, and not one accepted figure is lost.

Twenty clients (threads, each with its own database connection, so each sees only what others
committed) load 青山镇's June grid and save it again and again: ten of them all change the same
cell, the other ten each their own cell. Every client posts the form exactly as its page was
loaded. Counted: saves accepted, saves refused, errors, and lost writes — accepted saves that
replaced a figure their page had not shown.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.conftest import build_world
from tests.pages import form_fields
from zhenwu.ledger.models import HistoryAction, Indicator, ReportedValue, ValueHistory

CLIENTS = 20
SAME_CELL = 10  # clients 0–9 save the same cell; 10–19 each their own
ROUNDS = 5
CHANGES = (HistoryAction.ENTER, HistoryAction.IMPORT, HistoryAction.CLEAR)  # history records of a new figure
STALE = re.compile(r"已被 \S+ 于 \d+月\d+日 \d\d:\d\d 改为 [\d.]+（您提交的 [\d.]+ 未保存）")


@dataclass
class Tally:
    """What the clients saw, shared between the threads."""

    accepted: list[tuple[int, Decimal, int, Decimal | None]] = field(
        default_factory=list
    )  # cell, value, seen
    refusals: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def save_again_and_again(number: int, user, url: str, cell: int, tally: Tally, start: threading.Barrier):
    client = Client()
    client.force_login(user)
    start.wait()
    try:
        for round_ in range(ROUNDS):
            value = Decimal(number * 100 + round_ + 1)
            try:
                fields = form_fields(client.get(url))
                seen_value = Decimal(fields[f"had-{cell}"]) if f"had-{cell}" in fields else None
                response = client.post(url, fields | {f"v-{cell}": str(value)})
            except Exception as error:  # a crash of the server shows here in the test client
                with tally.lock:
                    tally.errors.append(f"客户端 {number}：{type(error).__name__}: {error}")
                continue
            with tally.lock:
                if response.status_code == 302:
                    tally.accepted.append((cell, value, seen_value))
                elif response.status_code == 200 and "均未保存" in response.content.decode():
                    tally.refusals.append(response.content.decode())
                else:
                    tally.errors.append(f"客户端 {number}：HTTP {response.status_code}")
    finally:
        connection.close()


def test_twenty_clients_saving_the_same_and_different_cells_lose_nothing(database_file):
    world = build_world()
    cells = [
        Indicator.objects.create(
            code=f"P{number:02d}", name=f"指标{number:02d}", unit="万元", sort_order=number
        )
        for number in range(SAME_CELL + 1)
    ]
    shared, own = cells[0], cells[1:]
    url = reverse("ledger:entry", args=[world.town_a.code, 2025, 6])
    tally, start = Tally(), threading.Barrier(CLIENTS)
    threads = [
        threading.Thread(
            target=save_again_and_again,
            args=(
                number,
                world.town_a_clerk if number % 2 else world.county_admin,
                url,
                (shared if number < SAME_CELL else own[number - SAME_CELL]).pk,
                tally,
                start,
            ),
        )
        for number in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    records = {
        (record.indicator_id, record.new_value): record
        for record in ValueHistory.objects.filter(action__in=CHANGES)
    }
    lost = [  # an accepted save that replaced a figure other than the one its page showed
        (cell, value)
        for cell, value, seen_value in tally.accepted
        if (cell, value) not in records or records[(cell, value)].old_value != seen_value
    ]
    report = (
        f"接受 {len(tally.accepted)}，拒绝 {len(tally.refusals)}，错误 {len(tally.errors)}，丢失 {len(lost)}"
    )
    print(report)
    assert not tally.errors, tally.errors[:3]
    assert len(tally.accepted) + len(tally.refusals) == CLIENTS * ROUNDS, report
    assert not lost, report
    assert all(STALE.search(page) for page in tally.refusals), "a refusal without the stale-version message"
    assert len(records) == ValueHistory.objects.filter(action__in=CHANGES).count() == len(tally.accepted)
    by_cell = Counter(cell for cell, *_ in tally.accepted)
    assert all(by_cell[cell.pk] == ROUNDS for cell in own), "a client on a cell of its own was refused"
    assert by_cell[shared.pk] >= ROUNDS  # the shared cell moved on, one save at a time
    final = dict(ReportedValue.objects.values_list("indicator_id", "value"))
    for cell in cells:
        last = max((r for r in records.values() if r.indicator_id == cell.pk), key=lambda r: (r.at, r.pk))
        assert final[cell.pk] == last.new_value
