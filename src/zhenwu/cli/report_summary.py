"""``zhenwu report summary --area CODE --period PERIOD -o FILE.docx``: a work summary (工作总结) from the ledger."""

from __future__ import annotations

import argparse
import sys


def _period(text: str):
    from zhenwu.lib.periods import PeriodError, parse_period

    try:
        return parse_period(text)
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", required=True, metavar="CODE", help="区划的 12 位统计用区划代码（zhenwu areas 可列出）"
    )
    parser.add_argument(
        "--period",
        required=True,
        type=_period,
        metavar="PERIOD",
        help="报告期：2025-H1（上半年）、2025-Q3（前三季度）、2025（全年）或 2025-01..2025-05（1-5月）",
    )


def build(args: argparse.Namespace):
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.areas.models import Area
    from zhenwu.summaries.services import document_for

    area = Area.objects.filter(code=args.area.strip()).first()
    if area is None:
        sys.exit(f"错误：找不到区划代码 {args.area}；运行 zhenwu areas 可列出全部区划代码。")
    # The command runs with the server's own rights: the whole subtree of the area, and the words kept for it.
    return document_for(area, args.period).document
