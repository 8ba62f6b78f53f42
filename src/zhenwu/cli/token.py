"""``zhenwu token create USERNAME``: make an API token; the token alone is the last line printed."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="为账号生成 API 令牌（只显示一次）")
    create.add_argument("username", metavar="USERNAME", help="账号的用户名")
    create.add_argument("--name", default="", help="令牌名称，如“省统计平台”")
    create.add_argument("--days", type=int, help="有效天数（不填则长期有效，直到吊销）")


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from django.contrib.auth import get_user_model

    from zhenwu.accounts.tokens import create_token

    user = get_user_model().objects.filter(username=args.username, is_active=True).first()
    if user is None:
        print(f"找不到启用的账号 {args.username}")
        return 2
    try:
        row, token = create_token(user, args.name, args.days)
    except ValueError as error:
        print(error)
        return 2
    until = f"{row.expires_at:%Y-%m-%d %H:%M} 前有效" if row.expires_at else "长期有效，直到吊销"
    print(f"已为 {user.get_username()} 生成令牌“{row.name or row.prefix}”，{until}。令牌只显示这一次：")
    print(token)
    return 0
