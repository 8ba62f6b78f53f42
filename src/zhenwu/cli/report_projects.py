"""``zhenwu report projects --area CODE --month YYYY-MM -o FILE.docx``: the monthly illustrated project report."""

from __future__ import annotations

import argparse
import sys


def _month(text: str):
    from zhenwu.projects.rates import Month

    try:
        return Month.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--area", required=True, metavar="CODE", help="区划的 12 位统计用区划代码（zhenwu areas 可列出）"
    )
    parser.add_argument("--month", required=True, type=_month, metavar="YYYY-MM", help="报告月份，如 2025-06")


def build(args: argparse.Namespace):
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.areas.models import Area
    from zhenwu.projects.models import Project
    from zhenwu.projects.report import build_report

    area = Area.objects.filter(code=args.area.strip()).first()
    if area is None:
        sys.exit(f"错误：找不到区划代码 {args.area}；运行 zhenwu areas 可列出全部区划代码。")
    # The command runs with the server's own rights: every project of the area's subtree.
    return build_report(area, Project.objects.in_subtree(area), args.month)
