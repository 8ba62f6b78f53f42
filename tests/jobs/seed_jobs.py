"""Run as ``python -m tests.jobs.seed_jobs N``: queue N jobs of three steps each on a fresh database."""

from __future__ import annotations

import sys

from zhenwu.cli.django_setup import setup_django

if __name__ == "__main__":
    setup_django()
    from zhenwu.jobs.queue import submit

    for number in range(int(sys.argv[1])):
        submit("tests.jobs.functions.count_to", title=f"第{number}个", params={"n": 3})
