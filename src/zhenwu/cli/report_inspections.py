"""``zhenwu report inspections --area CODE --month YYYY-MM -o FILE.docx``: the month's 督查通报."""

from __future__ import annotations

import argparse
import sys

from zhenwu.lib.periods import parse_month


def _month(text: str) -> tuple[int, int]:
    try:
        return parse_month(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"月份“{text}”{error}") from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--area", required=True, metavar="CODE", help="区划代码（12 位），如 390123000000")
    parser.add_argument("--month", required=True, type=_month, metavar="YYYY-MM", help="通报月份，如 2026-03")
    parser.add_argument("--issuer", default="", help="署名（默认“<区划>督查整改工作办公室”）")


def build(args: argparse.Namespace):
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from django.utils import timezone

    from zhenwu.areas.models import Area
    from zhenwu.inspections.bulletin import build_bulletin
    from zhenwu.inspections.tallies import Period

    area = Area.objects.filter(code=args.area).first()
    if area is None:
        print(f"错误：没有区划代码为 {args.area} 的区划（可用 zhenwu areas 查看）", file=sys.stderr)
        raise SystemExit(2)
    year, month = args.month
    period = Period.month(year, month)
    # Statuses are as of now, so the bulletin is dated today and says “截至” today.
    return build_bulletin(area, period, timezone.localdate(), issuer=args.issuer)
