"""The ``zhenwu`` command: one entry point whose subcommands load only what they need.

Each subcommand is a module in this package with ``add_arguments(parser)`` and
``run(args) -> int``. Modules import nothing heavy at import time, so that
``zhenwu check`` starts without Django.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from zhenwu import __version__
from zhenwu.lib.env import ConfigError

SUBCOMMANDS = {
    "serve": ("zhenwu.cli.serve", "以生产模式启动网站（waitress）"),
    "demo": ("zhenwu.cli.demo", "建库、载入演示县并启动网站"),
    "worker": ("zhenwu.cli.worker", "运行后台任务和定时任务"),
    "areas": ("zhenwu.cli.areas", "列出行政区划树"),
    "check": ("zhenwu.cli.check", "核稿：检查报告中的数字"),
    "report": ("zhenwu.cli.report", "生成公文（.docx）"),
    "token": ("zhenwu.cli.token", "生成 API 令牌"),
    "remind": ("zhenwu.cli.remind", "提醒与催报：记录并发送今天到期的提醒，或 --dry-run 只列出"),
    "backup": ("zhenwu.cli.backup", "备份数据库和照片到一个 .tar.gz 文件"),
    "restore": ("zhenwu.cli.restore", "从备份文件恢复数据库和照片"),
    "doctor": ("zhenwu.cli.doctor", "检查服务器上的部署：数据库、数据目录、密钥、HTTPS、PDF、备份"),
    "manage": ("zhenwu.cli.manage", "Django 管理命令（透传）"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhenwu", description="镇务 Zhenwu — 乡镇发展工作系统")
    parser.add_argument("--version", action="version", version=f"zhenwu {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue  # a capability not built yet
        sub = commands.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["manage"]:  # pass everything after "manage" to Django untouched
        from zhenwu.cli import manage

        return manage.run_argv(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args) or 0
    except ConfigError as error:
        print(f"配置错误：{error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
