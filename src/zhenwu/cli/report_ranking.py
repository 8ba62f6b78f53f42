"""``zhenwu report ranking --scheme SLUG --period YYYY-Qn -o FILE.docx``: a period's 考核排名通报.

Uses the published result of the period; with ``--draft`` (or when nothing is published yet)
the draft as last computed, marked 草稿 in the title.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scheme", required=True, metavar="SLUG", help="考核方案代号，如 demo-quarterly")
    parser.add_argument(
        "--period", required=True, metavar="YYYY-Qn", help="考核期：季度 2026-Q1、月度 2026-03 或年度 2026"
    )
    parser.add_argument("--draft", action="store_true", help="用草稿（即使已发布）")


def _fail(message: str):
    print(f"错误：{message}", file=sys.stderr)
    raise SystemExit(2)


def build(args: argparse.Namespace):
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.assessment import services
    from zhenwu.assessment.bulletin import build_bulletin
    from zhenwu.assessment.models import Scheme

    scheme = Scheme.objects.filter(slug=args.scheme).first()
    if scheme is None:
        known = "、".join(Scheme.objects.values_list("slug", flat=True)) or "无"
        _fail(f"没有代号为 {args.scheme} 的考核方案（现有：{known}）")
    try:
        period = scheme.parse_period(args.period)
    except ValueError as error:
        _fail(str(error))
    result = None if args.draft else services.published(scheme, period)
    result = result or services.draft(scheme, period)
    if result is None:
        _fail(f"{period.label}尚无考核结果：请先在“考核排名”页面计算并发布")
    return build_bulletin(result)
