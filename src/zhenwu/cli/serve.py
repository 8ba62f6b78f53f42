"""``zhenwu serve``: the site under waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    parser.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    parser.add_argument("--threads", type=int, default=8, help="工作线程数（默认 8）")


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
    serve(args.host, args.port, args.threads)
    return 0


def serve(host: str, port: int, threads: int = 8) -> None:
    """Serve until interrupted; static files come from the installed packages through WhiteNoise."""
    import waitress

    from zhenwu.wsgi import application

    print(f"镇务已启动：http://{host}:{port}/   （按 Ctrl+C 停止）", flush=True)
    from django.conf import settings

    # waitress drops X-Forwarded-* headers from a peer it does not trust; with ZHENWU_HTTPS the reverse
    # proxy's X-Forwarded-Proto must reach Django, which alone decides what it means (SECURE_PROXY_SSL_HEADER).
    waitress.serve(
        application,
        host=host,
        port=port,
        threads=threads,
        ident="zhenwu",
        clear_untrusted_proxy_headers=not settings.HTTPS,
        _quiet=True,
    )
