"""``zhenwu demo``: migrate the data directory's database, load the demo county once, and serve with a worker."""

from __future__ import annotations

import argparse
import contextlib
import signal
import subprocess
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.add_argument("--no-serve", action="store_true", help="只建库和载入演示数据，不启动网站")


def run(args: argparse.Namespace) -> int:
    import os

    from zhenwu.cli.django_setup import setup_django

    os.environ["ZHENWU_REMINDER_DELIVERY"] = (
        "record"  # the demo never sends a reminder (and its worker inherits this)
    )
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from zhenwu import demo

    print(f"数据目录：{settings.DATA_DIR}", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    if demo.is_loaded():
        print("演示县已存在，跳过载入。", flush=True)
    else:
        print("正在生成演示县“青溪县”……", flush=True)
        demo.load()
    print_accounts(demo.DEMO_PASSWORD)
    if args.no_serve:
        return 0
    from zhenwu.cli.serve import serve

    print(f"\n请在浏览器中打开 http://{args.host}:{args.port}/ 并用上面的账号登录。", flush=True)
    with worker_beside():
        serve(args.host, args.port)
    return 0


@contextlib.contextmanager
def worker_beside():
    """One ``zhenwu worker`` process for as long as the site runs, stopped (SIGTERM) with it."""
    worker = subprocess.Popen([sys.executable, "-m", "zhenwu", "worker"])
    # SIGTERM ends the site like Ctrl+C does, through the finally below, so the worker goes too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def print_accounts(password: str) -> None:
    """List the demo accounts from the database, so the list is right even after edits."""
    from zhenwu.areas.models import Membership

    print(f"\n演示账号（密码均为 {password}）：")
    for membership in Membership.objects.select_related("user", "area").order_by("area__path", "role"):
        user = membership.user
        print(
            f"  {user.username:<14} {user.first_name:<4} {membership.area.name:<6} {membership.get_role_display()}"
        )
