"""``zhenwu doctor``: check this server's deployment and say in Chinese what is wrong.

Exit status 0 when nothing is wrong (warnings allowed), 1 when a check found a fault, 2 when the
configuration itself is refused (the message names the variable).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

MARKS = {"ok": "✓", "warning": "!", "fault": "✗"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url",
        metavar="URL",
        help="用户访问的网址，如 https://zhenwu.example.gov.cn/ ；给出时经反向代理检查 HTTPS",
    )
    parser.add_argument(
        "--cafile", metavar="FILE", help="校验该网址证书用的 CA 证书（自签名证书时给出证书本身）"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")


def run(args: argparse.Namespace) -> int:
    mode = data_dir_mode()
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.deployment.doctor import Status, run_checks

    findings = run_checks(url=args.url, cafile=args.cafile, data_dir_mode=mode)
    faults = sum(finding.status == Status.FAULT for finding in findings)
    if args.format == "json":
        print(
            json.dumps(
                {"ok": not faults, "checks": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2
            )
        )
    else:
        for finding in findings:
            print(f"{MARKS[finding.status]} {finding.check}：{finding.message}")
        warnings = sum(finding.status == Status.WARNING for finding in findings)
        print(f"\n{faults} 项错误，{warnings} 项提醒。" if faults or warnings else "\n一切正常。")
    return 1 if faults else 0


def data_dir_mode() -> int | None:
    """The data directory's mode before settings tighten it (they make a directory that is ours 0700)."""
    configured = os.environ.get("ZHENWU_DATA_DIR", "").strip()
    if not configured:
        return None  # the default directory is created private, or tightened, by the settings alone
    try:
        return Path(configured).expanduser().stat().st_mode
    except OSError:
        return None
