"""``zhenwu remind``: the dry run lists who would hear what on a day, as JSON, and sends nothing."""

from __future__ import annotations

import datetime
import json

import time_machine

from zhenwu import demo
from zhenwu.cli import main
from zhenwu.reminders.models import Channel, ChannelKind, Delivery, Reminder


def run(capsys, *args):
    assert main(["remind", *args]) == 0
    return capsys.readouterr().out


def test_the_dry_run_lists_each_person_and_channel_as_json(month, rules, town_a_leader, capsys):
    Channel.objects.create(
        area=month.county, kind=ChannelKind.WECOM, url="https://qyapi.example/x", enabled=True
    )
    items = json.loads(run(capsys, "--dry-run", "--date", "2025-07-06", "--format", "json"))
    late = "【逾期提醒】青山镇2025年6月指标台账已于2025年7月5日截止，目前仍为未填报（已填0/1项），请尽快填报上报。"
    clerk = {"area": "青山镇", "area_code": "390123101000", "user": "town_a_clerk", "name": "李娟"}
    assert items[:2] == [
        clerk | {"mobile": "13812345678", "channel": "inbox", "kind": "late", "message": late},
        clerk | {"mobile": "13812345678", "channel": "wecom", "kind": "late", "message": late},
    ]
    assert [(item["user"], item["channel"], item["kind"]) for item in items[2:]] == [
        ("town_a_leader", "inbox", "late_leader"),
        ("town_a_leader", "wecom", "late_leader"),
    ]
    assert not Reminder.objects.exists()  # nothing recorded, nothing sent


def test_without_dry_run_it_records_and_a_second_dry_run_lists_nothing_more(month, rules, capsys):
    assert "记录并发送提醒 1 条" in run(capsys, "--date", "2025-07-06")
    assert Reminder.objects.get().recipient == month.town_a_clerk
    assert json.loads(run(capsys, "--dry-run", "--date", "2025-07-06", "--format", "json")) == []
    assert "共 0 条" in run(capsys, "--dry-run", "--date", "2025-07-06")


def test_on_the_demo_it_lists_the_late_towns_clerks_with_numbers_and_the_overdue_rectifications(db, capsys):
    with time_machine.travel(datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC), tick=False):
        demo.load()
        items = json.loads(run(capsys, "--dry-run", "--format", "json"))
    inbox = [item for item in items if item["channel"] == "inbox"]
    late = [item for item in inbox if item["kind"] == "late"]
    assert late and all(item["mobile"][:1] == "1" and len(item["mobile"]) == 11 for item in late)
    assert all("2026年11月指标台账已于2026年12月5日截止" in item["message"] for item in late)
    assert {item["user"] for item in late} >= {"bs_clerk"}
    overdue = [item for item in inbox if item["kind"] == "rectification_overdue"]
    assert overdue and all("整改期限" in item["message"] and "已过" in item["message"] for item in overdue)
    assert {item["channel"] for item in items} == {
        "inbox",
        "email",
        "wecom",
    }  # the demo county's robot, recorded only
    assert not Delivery.objects.exists()
