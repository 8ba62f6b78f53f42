"""``zhenwu areas``: print the area tree, or with --json a flat list other tools can read."""

from __future__ import annotations

import argparse
import json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help='输出 JSON 列表：{"code","name","level","parent"}'
    )
    parser.add_argument("--under", metavar="CODE", help="只列出该区划及其下级")


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.areas.listing import flat_listing
    from zhenwu.areas.models import Area, Level

    areas = Area.objects.all()
    if args.under:
        root = Area.objects.filter(code=args.under).first()
        if root is None:
            print(f"找不到区划代码 {args.under}；不带 --under 运行可列出全部区划。")
            return 2
        areas = areas.subtree(root)
    if args.json:
        print(json.dumps(flat_listing(areas), ensure_ascii=False, indent=1))
        return 0
    rows = list(areas.values_list("code", "name", "level", "path", "depth"))
    top = min((depth for *_, depth in rows), default=0)
    for code, name, level, _, depth in rows:
        print(f"{'  ' * (depth - top)}{name}  {code}  {Level(level).label}")
    return 0
