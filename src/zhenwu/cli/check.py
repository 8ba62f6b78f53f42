"""``zhenwu check``: 核稿 — find placeholders, missing numbers and sums that do not add up.

Needs no Django and no database; with ``--area`` it also compares the figures with that area's
ledger (``zhenwu.ledger.crosscheck``), and only then starts Django. Exit status: 1 when any
finding is an error, 2 when an input cannot be read (or --annotate, --area or --period cannot
be honoured), otherwise 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MARK_OPEN, MARK_CLOSE = "【", "】"
CONTEXT = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="报告文件（.txt、.docx、.pdf）；“-” 从标准输入读粘贴的文字"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    parser.add_argument(
        "--annotate",
        metavar="OUT.docx",
        help="为 .docx 输入另存一份在每处问题加了 Word 批注的副本；多个 .docx 时给一个文件夹",
    )
    parser.add_argument(
        "--area",
        metavar="CODE",
        help="同时与该区划的指标台账比对（12 位区划代码，zhenwu areas 可列出；需要数据库）",
    )
    parser.add_argument(
        "--period",
        type=_period,
        metavar="PERIOD",
        help="与台账比对的报告期：2026-H1（上半年）、2026-Q3（前三季度）、2026-09（1-9月）、2026（全年）；"
        "不给时取文中开头写明的报告期（如“2026年上半年”），看不出则不比对",
    )


def _period(text: str):
    from zhenwu.lib.periods import PeriodError, parse_period

    try:
        return parse_period(text)
    except PeriodError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def run(args: argparse.Namespace) -> int:
    from zhenwu.documents.reading import ReadLimits, UnreadableDocument, decode_text, read_path
    from zhenwu.figures import review

    # The command reads the user's own files on their own machine: no web page's text cap (the
    # checker is linear, some 2,000,000 characters a second), but still no zip bomb.
    limits = ReadLimits(chars=100_000_000, pdf_pages=10_000)

    if args.period is not None and not args.area:
        print("zhenwu check: --period 只能与 --area 一起使用", file=sys.stderr)
        return 2
    against_ledger = None
    if args.area:
        against_ledger = _ledger(args.area, args.period)
        if against_ledger is None:
            return 2

    results, notes, unreadable = [], {}, False
    for name in expand(args.files):
        try:
            if name == "-":
                text, _ = decode_text(sys.stdin.buffer.read())
            else:
                text = read_path(name, limits).text
        except UnreadableDocument as error:
            print(f"zhenwu check: {name}: {error}", file=sys.stderr)
            unreadable = True
            continue
        result = review(text)
        if against_ledger:
            result, notes[name] = against_ledger(result)
        results.append((name, result))

    if args.annotate and not _annotate(args.annotate, results):
        return 2
    if args.format == "json":
        several = len(args.files) > 1 or any(name != "-" and Path(name).is_dir() for name in args.files)
        _print_json(results, several, notes)
    else:
        for name, result in results:
            print(render_text(name, result, notes.get(name)))
    if unreadable:
        return 2
    return 1 if any(result.has_errors for _, result in results) else 0


def _ledger(code: str, period):
    """A function adding the area's ledger mismatches to a review; None (with a message) for an unknown area."""
    from zhenwu.cli.django_setup import setup_django

    setup_django()
    from zhenwu.areas.models import Area
    from zhenwu.ledger.crosscheck import check_review

    # The command runs with the server's own rights: any area, and its whole subtree.
    area = Area.objects.filter(code=code.strip()).first()
    if area is None:
        print(f"zhenwu check: 找不到区划代码 {code}；运行 zhenwu areas 可列出全部区划代码", file=sys.stderr)
        return None
    return lambda result: check_review(result, area, period)


def expand(names: list[str]) -> list[str]:
    """Replace each folder by the reports inside it (any depth), sorted; keep files as given."""
    from zhenwu.documents.reading import SUFFIXES

    expanded = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            expanded += [str(p) for p in found if not p.name.startswith(("~$", "."))]
        else:
            expanded.append(name)
    return expanded


def _print_json(results, several: bool, notes: dict) -> None:
    """One object for one file; an array for several files or a folder, even of one report."""
    objects = [
        _json_object(
            result.to_dict(file=name, **({"ledger_check": notes[name].to_dict()} if name in notes else {}))
        )
        for name, result in results
    ]
    if several or len(objects) != 1:
        sys.stdout.write("[\n" + ",\n".join(objects) + "\n]\n")
    else:
        sys.stdout.write(objects[0] + "\n")


def _json_object(data: dict) -> str:
    """One report's object with a figure or finding per line.

    Each piece goes through the json module's C encoder in one call; ``json.dump`` with an
    indent runs in pure Python and took most of the command's time on a long report.
    """
    members = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = _joined(value, ",\n    ")
            members.append(f"  {_encode(key)}: [\n    {items}\n  ]")
        else:
            members.append(f"  {_encode(key)}: {_encode(value)}")
    return "{\n" + ",\n".join(members) + "\n}"


def _encode(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


_BETWEEN_OBJECTS = '}, {"'


def _joined(items: list, separator: str) -> str:
    """``separator.join(_encode(item) for item in items)``, encoding the whole list in one call.

    A call per figure spent more time setting up the encoder than encoding. A list of objects
    is encoded as its objects joined by ``, ``, and '}, {"' stands only between two objects:
    a quote inside an encoded string is escaped. When the items are not all objects, or an
    item holds a list of objects of its own, each item is encoded by itself.
    """
    whole = _encode(items)[1:-1]
    if (
        all(isinstance(item, dict) and item for item in items)
        and whole.count(_BETWEEN_OBJECTS) == len(items) - 1
    ):
        return whole.replace(_BETWEEN_OBJECTS, "}" + separator + '{"')
    return separator.join(_encode(item) for item in items)


def _annotate(out: str, results) -> bool:
    """Write the commented copies; False (with a message) when the request cannot be met."""
    from zhenwu.documents.comments import annotate_docx

    sources = [(name, result) for name, result in results if name.lower().endswith(".docx")]
    if not sources:
        print("zhenwu check: --annotate 只适用于 .docx 输入", file=sys.stderr)
        return False
    target = Path(out)
    if len(sources) > 1 and not target.is_dir():
        print(
            f"zhenwu check: 有 {len(sources)} 个 .docx 输入，--annotate 需要一个已存在的文件夹",
            file=sys.stderr,
        )
        return False
    for name, result in sources:
        path = target / f"{Path(name).stem}.核稿.docx" if target.is_dir() else target
        data = annotate_docx(Path(name).read_bytes(), result.findings)
        path.write_bytes(data)
        print(f"zhenwu check: 已写出带批注的副本 {path}", file=sys.stderr)
    return True


def render_text(name: str, result, ledger=None) -> str:
    """Human output: ``file:line:column: severity [code] message``, the marked excerpt, and what
    was compared with the ledger (``ledger``: a ``crosscheck.LedgerCheck``) when it was."""
    from zhenwu.figures import Lines

    lines, text = [], result.text
    index = Lines(text)
    for finding in result.findings:
        line, column = index.position(finding.start)
        label = "错误" if finding.severity == "error" else "提示"
        lines.append(f"{name}:{line}:{column}: {label} [{finding.code}] {finding.message}")
        lines.append(
            f"    {excerpt(text, finding.start, finding.end, index.bounds(finding.start, finding.end))}"
        )
    errors = sum(1 for f in result.findings if f.severity == "error")
    warnings = len(result.findings) - errors
    if result.findings:
        lines.append(f"{name}: {errors} 个错误，{warnings} 个提示；共找到 {len(result.figures)} 个数字")
    else:
        lines.append(f"{name}: 未发现问题；共找到 {len(result.figures)} 个数字")
    if ledger is not None:
        lines.append(f"{name}: {ledger.note}")
    return "\n".join(lines)


def excerpt(text: str, start: int, end: int, line: tuple[int, int]) -> str:
    """The words around a span on its line (``line``: where it begins and ends), marked 【…】.

    >>> excerpt("规模以上工业总产值达*亿元，同比增长", 10, 13, (0, 18))
    '规模以上工业总产值达【*亿元】，同比增长'
    """
    line_start, line_end = line
    left = text[max(line_start, start - CONTEXT) : start]
    right = text[end : min(line_end, end + CONTEXT)]
    prefix = "…" if start - CONTEXT > line_start else ""
    suffix = "…" if end + CONTEXT < line_end else ""
    return f"{prefix}{left}{MARK_OPEN}{text[start:end]}{MARK_CLOSE}{right}{suffix}".strip()
