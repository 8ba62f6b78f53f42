"""Small inline SVG charts for the ledger pages, drawn from numbers (no chart library, no CDN)."""

from __future__ import annotations

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
