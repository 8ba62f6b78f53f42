"""Charts as inline SVG for the HTML preview: no JavaScript, no CDN, text escaped.

The preview only needs to show the figures truthfully; the .docx carries the real,
editable chart.
"""

from __future__ import annotations

import math
from html import escape

from zhenwu.documents.colours import PALETTE
from zhenwu.documents.model import Chart, Series  # noqa: F401 (Series is used by a doctest)

WIDTH, HEIGHT = 600, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 56


def format_value(value, number_format: str) -> str:
    """Show a value roughly as the Excel format would.

    >>> format_value(0.5123, "0.0%"), format_value(6.02, "0.00"), format_value(31, "0")
    ('51.2%', '6.02', '31')
    """
    if value is None:
        return ""
    value = float(value)
    percent = number_format.endswith("%")
    if percent:
        value *= 100
    decimals = len(number_format.split(".")[1].rstrip("%")) if "." in number_format else 0
    text = f"{value:.{decimals}f}" if number_format != "General" else f"{value:g}"
    return text + ("%" if percent else "")


def chart_svg(chart: Chart) -> str:
    body = {"column": _columns, "bar": _bars, "line": _lines, "pie": _pie}[chart.kind](chart)
    title = f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" class="zw-chart-title">{escape(chart.full_title)}</text>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(chart.full_title)}" class="zw-chart">{title}{body}{_legend(chart)}</svg>'
    )


def _scale(chart: Chart) -> float:
    """The top of the value axis: four round steps just above the largest value.

    >>> _scale(Chart("column", "t", ["a"], [Series("s", [6.02])]))
    8.0
    """
    values = [float(v) for s in chart.series for v in s.values if v is not None]
    raw_step = max([*values, 0.0]) * 1.1 / 4
    if raw_step <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    return float(step * 4)


def _legend(chart: Chart) -> str:
    names = chart.categories if chart.kind == "pie" else [s.name for s in chart.series]
    if chart.kind != "pie" and len(names) < 2:
        return ""
    step = min(110, (WIDTH - 40) / max(len(names), 1))
    x0 = WIDTH / 2 - step * len(names) / 2
    items = []
    for index, name in enumerate(names):
        x = x0 + index * step
        colour = PALETTE[index % len(PALETTE)]
        items.append(
            f'<rect x="{x:.1f}" y="{HEIGHT - 18}" width="10" height="10" fill="#{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{HEIGHT - 9}" class="zw-chart-label">{escape(name)}</text>'
        )
    return "".join(items)


def _axis(chart: Chart, top: float, horizontal: bool) -> str:
    """Grid lines with their values, along the value axis."""
    parts = []
    for step in range(5):
        value = top * step / 4
        label = escape(format_value(value, chart.number_format))
        if horizontal:
            x = LEFT + 40 + (WIDTH - LEFT - 40 - RIGHT) * step / 4
            parts.append(
                f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}" class="zw-grid"/>'
            )
            parts.append(
                f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" class="zw-chart-label">{label}</text>'
            )
        else:
            y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * step / 4
            parts.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="zw-grid"/>'
            )
            parts.append(
                f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="zw-chart-label">{label}</text>'
            )
    return "".join(parts)


def _columns(chart: Chart) -> str:
    top = _scale(chart)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(chart.categories)
    bar_w = slot * 0.7 / len(chart.series)
    parts = [_axis(chart, top, horizontal=False)]
    for c, category in enumerate(chart.categories):
        x0 = LEFT + c * slot + slot * 0.15
        parts.append(
            f'<text x="{LEFT + (c + 0.5) * slot:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" class="zw-chart-label">{escape(category)}</text>'
        )
        for s, series in enumerate(chart.series):
            value = series.values[c]
            if value is None:
                continue
            h = plot_h * float(value) / top
            x, y = x0 + s * bar_w, HEIGHT - BOTTOM - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="#{PALETTE[s % len(PALETTE)]}"/>'
            )
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="zw-chart-value">{escape(format_value(value, chart.number_format))}</text>'
            )
    return "".join(parts)


def _bars(chart: Chart) -> str:
    top = _scale(chart)
    left = LEFT + 40
    plot_w, plot_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_h / len(chart.categories)
    bar_h = slot * 0.7 / len(chart.series)
    parts = [_axis(chart, top, horizontal=True)]
    for c, category in enumerate(chart.categories):
        y0 = TOP + c * slot + slot * 0.15
        parts.append(
            f'<text x="{left - 6}" y="{TOP + (c + 0.5) * slot + 4:.1f}" text-anchor="end" class="zw-chart-label">{escape(category)}</text>'
        )
        for s, series in enumerate(chart.series):
            value = series.values[c]
            if value is None:
                continue
            w = plot_w * float(value) / top
            y = y0 + s * bar_h
            parts.append(
                f'<rect x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar_h:.1f}" fill="#{PALETTE[s % len(PALETTE)]}"/>'
            )
            parts.append(
                f'<text x="{left + w + 3:.1f}" y="{y + bar_h / 2 + 4:.1f}" class="zw-chart-value">{escape(format_value(value, chart.number_format))}</text>'
            )
    return "".join(parts)


def _lines(chart: Chart) -> str:
    top = _scale(chart)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(chart.categories)
    parts = [_axis(chart, top, horizontal=False)]
    for c, category in enumerate(chart.categories):
        parts.append(
            f'<text x="{LEFT + (c + 0.5) * slot:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" class="zw-chart-label">{escape(category)}</text>'
        )
    for s, series in enumerate(chart.series):
        colour = PALETTE[s % len(PALETTE)]
        points = [
            (LEFT + (c + 0.5) * slot, HEIGHT - BOTTOM - plot_h * float(v) / top)
            for c, v in enumerate(series.values)
            if v is not None
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#{colour}" stroke-width="2"/>')
        values = [v for v in series.values if v is not None]
        for (x, y), value in zip(points, values, strict=True):
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#{colour}"/>')
            parts.append(
                f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="zw-chart-value">{escape(format_value(value, chart.number_format))}</text>'
            )
    return "".join(parts)


def _pie(chart: Chart) -> str:
    values = [max(float(v or 0), 0.0) for v in chart.series[0].values] if chart.series else []
    total = sum(values) or 1.0
    cx, cy, r = WIDTH / 2, (TOP + HEIGHT - 30) / 2, (HEIGHT - TOP - 40) / 2
    parts, angle = [], -math.pi / 2
    for index, value in enumerate(values):
        sweep = 2 * math.pi * value / total
        end = angle + sweep
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
        large = 1 if sweep > math.pi else 0
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<path d="M{cx:.1f},{cy:.1f} L{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 {x2:.1f},{y2:.1f} Z" fill="#{colour}" stroke="#fff"/>'
        )
        middle = angle + sweep / 2
        lx, ly = cx + (r + 14) * math.cos(middle), cy + (r + 14) * math.sin(middle) + 4
        label = escape(format_value(chart.series[0].values[index], chart.number_format))
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" class="zw-chart-value">{label}</text>'
        )
        angle = end
    return "".join(parts)
