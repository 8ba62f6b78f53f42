"""``zhenwu remind``: record and send the day's reminders, or with --dry-run only list them."""

from __future__ import annotations

import argparse
import datetime
import json


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，如 2026-07-06：{text!r}") from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="只列出将提醒谁、什么事、经哪个渠道，不记录不发送"
    )
    parser.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="按这一天计算（默认今天）")
    parser.add_argument(
        "--format",
        choices=["text", "json"],
        default="text",
        help='json: [{"area","user","channel","kind","message",…}]',
    )


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from django.utils import timezone

    from zhenwu.reminders import schedule

    today = args.date or timezone.localdate()
    if args.dry_run:
        items = schedule.preview(today)
        if args.format == "json":
            print(json.dumps(items, ensure_ascii=False, indent=1))
        else:
            for item in items:
                mobile = f" {item['mobile']}" if item["mobile"] else ""
                print(
                    f"{item['area']} {item['name']}（{item['user']}{mobile}）[{item['channel']}] {item['message']}"
                )
            print(f"共 {len(items)} 条（{today}，未发送）。")
        return 0
    now = timezone.now()
    if args.date:
        now = timezone.make_aware(datetime.datetime.combine(today, timezone.localtime(now).time()))
    made = schedule.send_due_reminders(now)  # also sends, and retries what is due
    if args.format == "json":
        print(json.dumps({"date": today.isoformat(), "recorded": made}))
    else:
        print(f"{today}：记录并发送提醒 {made} 条；发送结果见各区划的“提醒记录”页。")
    return 0
