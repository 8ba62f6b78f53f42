"""``zhenwu report KIND -o FILE.docx``: build a document and write it as .docx (and PDF, HTML).

Each kind of report is a module with ``build(args) -> zhenwu.documents.Document`` and,
optionally, ``add_arguments(parser)`` for its own options; this command owns the output
options every report shares. A kind whose module does not exist yet is left out, so a
capability adds its report by writing the module named in :data:`REPORTS`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

REPORTS = {
    "sample": (
        "zhenwu.documents.sample",
        "示例公文：含全部要素（图表、表格、照片、附件、署名），用于在 Word/WPS 中检查版式",
    ),
    "summary": ("zhenwu.cli.report_summary", "工作总结"),
    "projects": ("zhenwu.cli.report_projects", "重点项目月报（图文并茂）"),
    "inspections": ("zhenwu.cli.report_inspections", "督查整改情况通报"),
    "ranking": ("zhenwu.cli.report_ranking", "考核排名通报"),
}
FONTS_VARIABLE = "ZHENWU_DOCUMENT_FONTS"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="report", metavar="KIND")
    for name, (module_name, help_text) in REPORTS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue  # a report not built yet
        sub = kinds.add_parser(name, help=help_text, description=help_text)
        _add_output_arguments(sub)
        if hasattr(module, "add_arguments"):
            module.add_arguments(sub)
        sub.set_defaults(build=module.build)


def _add_output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE.docx", help="输出的 .docx 文件"
    )
    parser.add_argument(
        "--fonts",
        choices=("gov", "windows"),
        default=None,
        help=f"字体方案：gov＝方正小标宋简体/仿宋_GB2312/楷体_GB2312/黑体（默认，可用环境变量 {FONTS_VARIABLE} 修改），"
        "windows＝Windows 自带的宋体/仿宋/楷体/黑体",
    )
    parser.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 生成同名 .pdf")
    parser.add_argument("--html", type=Path, metavar="FILE.html", help="同时生成 HTML 预览")
    parser.add_argument("--comments", action="store_true", help="把数字的来源写成 Word 批注")
    parser.add_argument(
        "--issue",
        action="store_true",
        help="作为公文印发：从发文单位的文号登记取下一个文号，加版头和版记，并打印文号",
    )
    parser.add_argument(
        "--office",
        default="",
        metavar="NAME",
        help="印发单位（部门全称、简称或机关代字）；只有一个单位有发文设置时可省略",
    )


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "build", None):
        print("请指定报告类型，例如：zhenwu report sample -o 示例.docx", file=sys.stderr)
        return 2
    from zhenwu.documents import render_html, write_docx

    fonts = args.fonts or os.environ.get(FONTS_VARIABLE, "").strip() or "gov"
    document = args.build(args)
    if args.issue:
        from zhenwu.cli.issue import issue

        document = issue(document, args)
    try:
        write_docx(document, args.output, fonts=fonts, comments=args.comments)
    except ValueError as error:  # an unknown font set named by the environment variable
        print(f"错误：{error}", file=sys.stderr)
        return 2
    print(f"已生成 {args.output}")
    if args.html:
        args.html.write_text(render_html(document, standalone=True), encoding="utf-8")
        print(f"已生成 {args.html}")
    if args.pdf:
        return _write_pdf(args.output)
    return 0


def _write_pdf(docx_path: Path) -> int:
    from zhenwu.documents.pdf import PdfError, convert_to_pdf

    pdf_path = docx_path.with_suffix(".pdf")
    try:
        pdf_path.write_bytes(convert_to_pdf(docx_path))
    except PdfError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    print(f"已生成 {pdf_path}")
    return 0
