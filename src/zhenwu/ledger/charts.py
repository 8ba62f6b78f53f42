"""Small inline SVG charts for the ledger pages, drawn from numbers (no chart library, no CDN)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT, PAD = 120, 32, 2


@dataclass(frozen=True)
class Sparkline:
    """Coordinates for an <svg viewBox="0 0 120 32">: the 1-N月 完成率 month by month and the 时序 line."""

    points: str  # polyline of 完成率
    schedule: tuple[float, float, float, float]  # x1, y1, x2, y2 of the 时序进度 line
    last: tuple[float, float] | None  # the latest point, drawn as a dot
    title: str

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def height(self) -> int:
        return HEIGHT


def _x(month: int) -> float:
    return round(PAD + (WIDTH - 2 * PAD) * month / 12, 1)


def sparkline(rates: dict[int, Decimal | None], level: bool = False) -> Sparkline | None:
    """A month-by-month line of 完成率 against the 时序进度 diagonal (or the 100% line for a level).

    >>> line = sparkline({1: Decimal(10), 2: Decimal(20)})
    >>> line.points, line.schedule
    ('11.7,27.7 21.3,25.3', (2, 30, 118.0, 6.7))
    """
    known = {month: rate for month, rate in sorted(rates.items()) if rate is not None}
    if not known:
        return None
    top = max(Decimal(120), *known.values())

    def y(rate: Decimal | float) -> float:
        return round(HEIGHT - PAD - (HEIGHT - 2 * PAD) * float(rate) / float(top), 1)

    points = " ".join(f"{_x(month)},{y(rate)}" for month, rate in known.items())
    schedule = (PAD, y(100), _x(12), y(100)) if level else (PAD, HEIGHT - PAD, _x(12), y(100))
    last_month = max(known)
    title = "；".join(f"{month}月 {rate.quantize(Decimal('0.1'))}%" for month, rate in known.items())
    return Sparkline(points, schedule, (_x(last_month), y(known[last_month])), title)


# --- the indicator page's chart: this year against last year, month by month ---------------------------

CHART_WIDTH, CHART_HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 32  # room for the value labels and the months


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str  # what a hover says: "本年1-6月 38.45亿元"


@dataclass(frozen=True)
class MonthChart:
    """An <svg viewBox="0 0 640 260">: 1-N月 figures this year and last, the target and the 时序 line."""

    this_year: list[Point]
    last_year: list[Point]
    target: tuple[float, float, float, float] | None  # the full-year target, across the chart
    schedule: tuple[float, float, float, float] | None  # target × N/12, for figures that build up
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    left: int = LEFT
    right_edge: int = CHART_WIDTH - RIGHT

    @property
    def this_year_points(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.this_year)

    @property
    def last_year_points(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.last_year)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round steps (1, 2, 2.5 or 5 × 10ⁿ) from at most ``low`` to at least ``high``.

    >>> nice_ticks(0, 105.41)
    [0.0, 25.0, 50.0, 75.0, 100.0, 125.0]
    >>> nice_ticks(-3, 7)
    [-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]
    """
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = [start]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return [float(t) for t in ticks]


def _label(number: float) -> str:
    return f"{number:,.10g}"


def month_chart(
    this_year: dict[int, Decimal | None],
    last_year: dict[int, Decimal | None],
    target: Decimal | None,
    builds_up: bool,
    unit: str = "",
) -> MonthChart | None:
    """The indicator page's chart, or ``None`` when there is nothing to draw.

    >>> level = month_chart({1: Decimal("97.6"), 2: Decimal("98.6")}, {}, Decimal(98), builds_up=False)
    >>> [label for _, label in level.y_ticks]
    ['97', '97.5', '98', '98.5', '99', '99.5']

    ``builds_up``: a cumulative or flow figure, whose 1-N月 value should climb to the target by
    December along the 时序 line; a level is held against the target all year.
    """
    drawn = {m: v for m, v in this_year.items() if v is not None}
    before = {m: v for m, v in last_year.items() if v is not None}
    if not drawn and not before:
        return None
    numbers = [float(v) for v in (*drawn.values(), *before.values())] + ([float(target)] if target else [])
    if builds_up:  # a 1-N月 figure climbs from nothing: the axis starts at 0
        ticks = nice_ticks(min(0.0, *numbers), max(numbers))
    else:  # a level (a rate, a density) moves within a band: the axis frames the band
        spread = (max(numbers) - min(numbers)) or abs(max(numbers)) * 0.05 or 1.0
        ticks = nice_ticks(min(numbers) - spread / 2, max(numbers) + spread / 2)
    low, high = ticks[0], ticks[-1]
    plot_width, plot_height = CHART_WIDTH - LEFT - RIGHT, CHART_HEIGHT - TOP - BOTTOM

    def x(month: float) -> float:
        return round(LEFT + plot_width * (month - 1) / 11, 1)

    def y(value: float) -> float:
        return round(TOP + plot_height * (high - value) / (high - low), 1)

    def points(values: dict[int, Decimal], year_word: str) -> list[Point]:
        return [
            Point(x(m), y(float(v)), f"{year_word}1-{m}月 {_label(float(v))}{unit}")
            for m, v in values.items()
        ]

    target_line = schedule_line = None
    if target:
        target_line = (x(1), y(float(target)), x(12), y(float(target)))
        if builds_up:
            schedule_line = (x(1), y(float(target) / 12), x(12), y(float(target)))
    return MonthChart(
        this_year=points(drawn, "本年"),
        last_year=points(before, "上年"),
        target=target_line,
        schedule=schedule_line,
        y_ticks=[(y(tick), _label(tick)) for tick in ticks],
        x_ticks=[(x(m), f"{m}月") for m in range(1, 13)],
    )
