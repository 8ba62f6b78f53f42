"""Checking what a 填报员 types into the 报表 grid (or one cell of an uploaded sheet)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from zhenwu.ledger.progress import implausible_jump

if TYPE_CHECKING:  # the grid is built in tables, which imports this module
    from zhenwu.ledger.models import Indicator
    from zhenwu.ledger.tables import Grid, GridRow

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


CLEARING_NOTICE = "保存后将清除已填报的数值"


def check_grid_cell(raw, row: GridRow) -> CellCheck:
    """Check one cell of the 报表 grid; emptying a cell that holds a stored figure warns it will be cleared."""
    check = check_cell(
        raw, allow_negative=row.indicator.allow_negative, kind=row.indicator.kind, previous=row.previous
    )
    if check.ok and check.value is None and row.reported is not None:
        return CellCheck(check.raw, None, warning=CLEARING_NOTICE)
    return check


@dataclass
class GridInput:
    """What a posted 报表 grid asks for: each open cell checked, the figures to enter and those to clear.

    Only the cells the user changed are entered or cleared (``touched``), each with the version
    of the figure the form showed (``versions``), so that a cell left as it was never undoes a
    figure somebody else changed meanwhile.
    """

    checks: dict[int, CellCheck]
    figures: dict[Indicator, Decimal | None]
    clear: list[Indicator]
    versions: dict[Indicator, int] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks.values())

    @property
    def kept(self) -> dict[int, CellCheck]:
        """What the user typed into the cells they changed, to show again when the save is refused."""
        return {key: check for key, check in self.checks.items() if key in self.touched}


def read_grid(grid: Grid, data: Mapping[str, str]) -> GridInput:
    """Read the posted grid: locked rows are skipped, a cell left as the form showed it changes nothing.

    The form carries, for each cell, the figure it showed (``had-<pk>``, absent for an empty
    cell) and that figure's version (``ver-<pk>``). A cell that comes back as it was shown is
    left alone; one that comes back empty where a figure was shown is to be cleared. A stored
    figure the form did not show (entered meanwhile by someone else) is never cleared by an
    empty cell.
    """
    typed = GridInput({}, {}, [])
    for row in grid.rows:
        if row.locked:
            continue
        key, shown = row.indicator.pk, data.get(f"had-{row.indicator.pk}")
        typed.checks[key] = check = check_grid_cell(data.get(f"v-{key}", ""), row)
        if shown is not None and check.ok and check.value == parse_figure(shown)[0]:
            continue  # as the form showed it
        if shown is None and check.ok and check.value is None:
            continue  # empty, and shown empty
        typed.touched.add(key)
        typed.figures[row.indicator] = check.value
        if check.ok and check.value is None and row.reported is not None:
            typed.clear.append(row.indicator)
        version = data.get(f"ver-{key}", "")
        if version.isdigit():
            typed.versions[row.indicator] = int(version)
    return typed
