"""``zhenwu manage ...``: Django's management commands with Zhenwu's settings."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "args", nargs=argparse.REMAINDER, help="传给 Django 的参数，例如 migrate、createsuperuser"
    )


def run(args: argparse.Namespace) -> int:
    return run_argv(args.args)


def run_argv(argv: list[str]) -> int:
    from django.core.management import execute_from_command_line

    from zhenwu.cli.django_setup import setup_django

    setup_django()
    execute_from_command_line(["zhenwu manage", *argv])
    return 0
