"""``zhenwu report KIND --issue [--office NAME]``: issue the report under the office's next 文号."""

from __future__ import annotations

import argparse
import sys


def _fail(message: str):
    print(f"错误：{message}", file=sys.stderr)
    raise SystemExit(2)


def _office(name: str):
    from django.db.models import Q

    from zhenwu.areas.models import Department

    offices = Department.objects.filter(dispatch__isnull=False).select_related("dispatch")
    if name:
        found = list(offices.filter(Q(name=name) | Q(short_name=name) | Q(dispatch__prefix=name)))
        if len(found) == 1:
            return found[0]
    elif offices.count() == 1:
        return offices.get()
    known = "、".join(f"{d.name}（{d.dispatch.prefix}）" for d in offices) or "无：请先在“发文设置”页面设置"
    _fail(f"请用 --office 指定印发单位；有发文设置的单位：{known}")


def _source(args: argparse.Namespace) -> str:
    parts = []
    for key in ("scheme", "area", "period", "month"):
        value = getattr(args, key, None)
        if hasattr(value, "month") and hasattr(value, "year"):
            value = f"{value.year}-{value.month:02d}"
        elif isinstance(value, tuple):
            value = "-".join(f"{part:02d}" for part in value)
        if value:
            parts.append(str(value))
    return " ".join(parts)


def issue(document, args: argparse.Namespace):
    """The document issued by ``--office`` under its next 文号, which is printed."""
    from django.utils import timezone

    from zhenwu.issuing.dispatch import IssueError
    from zhenwu.issuing.dispatch import issue as issue_document

    office = _office(args.office.strip())
    try:
        issued, record = issue_document(
            document, office, kind=args.report, source=_source(args), user=None, today=timezone.localdate()
        )
    except IssueError as error:
        _fail(str(error))
    print(f"文号：{record.code}")
    return issued
