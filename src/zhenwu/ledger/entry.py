"""Checking what a 填报员 types into the 报表 grid (or one cell of an uploaded sheet)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from zhenwu.figures import ParseError, format_number, parse, parse_number
from zhenwu.figures.numbers import clean
from zhenwu.ledger.models.indicators import Kind
from zhenwu.ledger.progress import implausible_jump

if TYPE_CHECKING:  # the grid is built in tables, which imports this module
    from zhenwu.ledger.models import Indicator
    from zhenwu.ledger.tables import Grid, GridRow

MAX_PLACES = 4  # what the database keeps
MAX_ABS = Decimal(10) ** 15


COUNT_UNITS = frozenset("家个户人起件处宗座所次名项辆台套")  # whole things: no 4.5 家
DOUBT_FACTOR = Decimal(5)  # a figure 5× (or a fifth of) the one it follows is a slip until confirmed


@dataclass(frozen=True)
class CellCheck:
    """A typed figure: its value, an error that blocks saving, doubts a reason must confirm, a warning.

    ``note`` says how a figure typed with its magnitude was read ("9.84亿 → 9.84 亿元").
    """

    raw: str
    value: Decimal | None
    error: str = ""
    warning: str = ""
    doubts: tuple[str, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def unit_scale(unit: str) -> tuple[Decimal, str]:
    """The magnitude and base of a unit: 亿元 → (10^8, "元"), 万人 → (10^4, "人"), 平方米 → (1, "平方米").

    >>> unit_scale("亿元"), unit_scale("%")
    ((Decimal('100000000'), '元'), (Decimal('1'), '%'))
    """
    for size in (2, 1):
        if len(unit) > size:
            try:
                return parse_number("1" + unit[:size]), unit[size:]
            except ParseError:
                continue
    return Decimal(1), unit


def read_figure(raw, unit: str = "") -> tuple[Decimal | None, str, str]:
    """Read a figure as a clerk types it into a cell of ``unit``: ``(value, error, note)``.

    Full-width digits, thousands separators and spaces are fine; a figure typed with its
    magnitude or unit ("9.84亿", "98400万元") is converted to the cell's unit and ``note`` says so.

    >>> read_figure(" 1,234.50 ")
    (Decimal('1234.5'), '', '')
    >>> read_figure("98400万", "亿元")
    (Decimal('9.84'), '', '98400万 按 9.84 亿元计')
    >>> read_figure("约5亿", "亿元")[1]
    '请填写确数，不要带“约”'
    """
    if raw is None:
        return None, "", ""
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        raw = str(raw)
    text = unicodedata.normalize("NFKC", str(raw)).strip().replace(" ", "")
    if not text:
        return None, "", ""
    sign, body = (-1, text[1:]) if text[0] in "-−" else (1, text)
    if body.replace(",", "").replace(".", "", 1).isdigit():
        try:
            return sign * parse_number(body), "", ""
        except ParseError:
            return None, "不是数字", ""
    try:
        figure = parse(body)
    except ParseError:
        return None, "不是数字", ""
    scale, base = unit_scale(unit)
    if figure.approx:
        return None, f"请填写确数，不要带“{figure.qualifier}”", ""
    if figure.span != body or figure.value is None or figure.unit not in ("", base):
        return None, f"不是数字（本格单位为{unit}，请直接填数字）", ""
    value = clean(sign * figure.value / scale)
    return value, "", f"{text} 按 {format(value, 'f')} {unit}计"


def parse_figure(raw) -> tuple[Decimal | None, str]:
    """Read a plain figure (no unit to convert to): ``(value, error)``.

    >>> parse_figure("１２３")
    (Decimal('123'), '')
    """
    value, error, _ = read_figure(raw)
    return value, error


def impossible(indicator: Indicator, value: Decimal) -> str:
    """Why ``value`` cannot be a figure of ``indicator`` ("" when it can): negative, a fraction of 家, over its 上限."""
    if value < 0 and not indicator.allow_negative:
        return "不能为负数"
    if indicator.unit in COUNT_UNITS and value != value.to_integral_value():
        return f"单位为“{indicator.unit}”，须为整数"
    if indicator.maximum is not None and value > indicator.maximum:
        return f"不能超过 {format_number(indicator.maximum)}{indicator.unit}"
    return ""


def doubts(
    indicator: Indicator, value: Decimal, *, previous: Decimal | None, last_year: Decimal | None
) -> list[tuple[str, str]]:
    """Why ``value`` looks like a slip, as ``(code, message)``: the clerk must confirm it with a reason.

    ``previous`` is last month's figure (``None`` for a cumulative indicator in January),
    ``last_year`` the same month last year. A zero is never a slip of the decimal point.
    """
    found = []
    if previous is not None and indicator.kind == Kind.CUMULATIVE and value < previous:
        found.append(("cumulative_falls", f"累计数比上月（{format_number(previous)}）还小"))
    for code, name, other in (("vs_last_year", "上年同期", last_year), ("vs_previous", "上月", previous)):
        if other is None or other <= 0 or value <= 0:
            continue
        if value >= other * DOUBT_FACTOR:
            times = format_number(round(value / other, 1))
            found.append((code, f"是{name}（{format_number(other)}）的 {times} 倍"))
        elif value * DOUBT_FACTOR <= other and not (
            code == "vs_previous" and indicator.kind == Kind.CUMULATIVE
        ):
            share = format_number(round(value / other * 100, 1))
            found.append((code, f"只有{name}（{format_number(other)}）的 {share}%"))
    return found


def check_cell(
    raw, indicator: Indicator, *, previous: Decimal | None = None, last_year: Decimal | None = None
) -> CellCheck:
    """Check one figure: not a number or impossible is an error, a likely slip a doubt, a jump a warning.

    ``previous`` is last month's figure of the same indicator and area (for a cumulative
    indicator in January, pass ``None``: a new year starts from zero), ``last_year`` the same
    month last year.
    """
    value, error, note = read_figure(raw, indicator.unit)
    raw_text = "" if raw is None else str(raw)
    if error or value is None:
        return CellCheck(raw_text, None, error)
    if abs(value) >= MAX_ABS:
        return CellCheck(raw_text, None, "数值过大")
    if value.as_tuple().exponent < -MAX_PLACES:
        return CellCheck(raw_text, None, f"小数位数过多（最多 {MAX_PLACES} 位）")
    refusal = impossible(indicator, value)
    if refusal:
        return CellCheck(raw_text, None, refusal, note=note)
    found = tuple(message for _, message in doubts(indicator, value, previous=previous, last_year=last_year))
    warning = "" if found else implausible_jump(indicator.kind, value, previous)
    return CellCheck(raw_text, value, "", warning, found, note)


CLEARING_NOTICE = "保存后将清除已填报的数值"


def check_grid_cell(raw, row: GridRow) -> CellCheck:
    """Check one cell of the 报表 grid; emptying a cell that holds a stored figure warns it will be cleared."""
    check = check_cell(raw, row.indicator, previous=row.previous, last_year=row.last_year)
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
