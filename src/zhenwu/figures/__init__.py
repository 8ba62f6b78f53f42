"""Figures in Chinese township reports: find, parse, format and check them.

A pure-Python library with no Django import::

    >>> from zhenwu.figures import extract, check
    >>> [(f.span, str(f.value), f.unit, f.kind, f.subject) for f in extract("上半年完成固定资产投资6.02亿元")]
    [('6.02亿元', '602000000', '元', 'amount', '固定资产投资')]
    >>> [f.code for f in check("规模以上工业总产值达*亿元")]
    ['placeholder']
"""

from zhenwu.figures._marks import Lines
from zhenwu.figures.checker import Review, check, review
from zhenwu.figures.formatting import (
    format_amount,
    format_completion,
    format_growth,
    format_number,
    format_percent,
    format_points_vs_schedule,
    format_quantity,
    format_share,
)
from zhenwu.figures.model import Figure, Finding
from zhenwu.figures.numbers import ParseError, parse_number
from zhenwu.figures.scanner import extract, parse

__all__ = [
    "Figure",
    "Finding",
    "Lines",
    "ParseError",
    "Review",
    "check",
    "extract",
    "format_amount",
    "format_completion",
    "format_growth",
    "format_number",
    "format_percent",
    "format_points_vs_schedule",
    "format_quantity",
    "format_share",
    "parse",
    "parse_number",
    "review",
]
