"""``zhenwu worker``: run queued jobs and the periodic schedule (start several on PostgreSQL)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--interval", type=float, default=1.0, help="队列为空时每隔几秒查看一次（默认 1）")
    parser.add_argument("--burst", action="store_true", help="做完队列里已有的任务就退出")
    parser.add_argument("--id", dest="worker_id", default=None, help="进程名（默认 主机名-进程号）")


def run(args: argparse.Namespace) -> int:
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.deployment.doctor import pending_migrations

    pending = len(pending_migrations())
    if pending:
        print(
            f"数据库尚未建好或需要升级（{pending} 个迁移未执行）：请先运行 zhenwu manage migrate", flush=True
        )
        return 2
    from django.core.exceptions import ImproperlyConfigured

    from zhenwu.jobs import schedule, worker

    try:
        schedule.entries()
    except ImproperlyConfigured as error:
        print(f"配置错误：{error}", flush=True)
        return 2
    worker.run(interval=args.interval, burst=args.burst, worker_id=args.worker_id)
    return 0
