"""Checking what a 填报员 types into one cell of the 报表 (or one cell of an uploaded sheet)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from zhenwu.ledger.progress import implausible_jump

MAX_PLACES = 4  # what the database keeps
MAX_ABS = Decimal(10) ** 15


@dataclass(frozen=True)
class CellCheck:
    """A typed figure: its value, an error that blocks saving, or a warning that does not."""

    raw: str
    value: Decimal | None
    error: str = ""
    warning: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def parse_figure(raw) -> tuple[Decimal | None, str]:
    """Read a figure as people type it: "1,234.5", full-width "１２３", spaces; "" is no figure.

    >>> parse_figure(" 1,234.50 ")
    (Decimal('1234.50'), '')
    >>> parse_figure("约5亿")
    (None, '不是数字')
    """
    if raw is None:
        return None, ""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        raw = str(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip().replace(",", "").replace(" ", "")
    if not text:
        return None, ""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, "不是数字"
    if not value.is_finite():
        return None, "不是数字"
    return value, ""


def check_cell(raw, *, allow_negative: bool, kind: str, previous: Decimal | None) -> CellCheck:
    """Check one figure: not a number or negative where impossible is an error, a jump a warning.

    ``previous`` is last month's figure of the same indicator and area (for a cumulative
    indicator in January, pass ``None``: a new year starts from zero).
    """
    value, error = parse_figure(raw)
    raw_text = "" if raw is None else str(raw)
    if error or value is None:
        return CellCheck(raw_text, None, error)
    if value < 0 and not allow_negative:
        return CellCheck(raw_text, None, "不能为负数")
    if abs(value) >= MAX_ABS:
        return CellCheck(raw_text, None, "数值过大")
    if value.as_tuple().exponent < -MAX_PLACES:
        return CellCheck(raw_text, None, f"小数位数过多（最多 {MAX_PLACES} 位）")
    return CellCheck(raw_text, value, "", implausible_jump(kind, value, previous))
