"""Where a chart's labels go so that none overlaps another: a rule, not the renderer's guess.

Word, WPS and LibreOffice each place labels their own way; left alone, the value labels of a
two-series column chart of twelve towns run into each other. The rule compares the room one
category (or one bar) has with the room its label needs, in millimetres:

- category names: horizontal if the longest fits its slot, else at −45°, else vertical (−90°),
  else only every n-th name is shown;
- value labels: horizontal if they fit the bar's width, else vertical, else left out (the
  table beside the chart gives the figures).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zhenwu.documents.measure import display_width

PT_MM = 25.4 / 72
PLOT_SHARE = 0.86  # of the chart's width, what the plot area gets (axis labels take the rest)
LINE = 1.25  # a label's line height, in font sizes


@dataclass(frozen=True)
class LabelPlan:
    category_rotation: int = 0  # degrees: 0, −45 or −90
    category_skip: int = 1  # show every n-th category name
    value_rotation: int = 0  # degrees: 0 or −90
    value_labels: bool = True


def text_mm(text: str, size_pt: float) -> float:
    """Printed width of ``text`` (CJK one em, digits and Latin half an em)."""
    return display_width(text) * size_pt * PT_MM


def plan_labels(
    kind: str,
    categories: list[str],
    series: int,
    value_texts: list[str],
    width_mm: float,
    height_mm: float,
    category_pt: float = 10.5,
    value_pt: float = 9,
    gap: float = 0.8,
) -> LabelPlan:
    """The label plan for a chart of ``kind`` drawn ``width_mm`` × ``height_mm``.

    >>> towns = ["城关街道", "溪东街道", "凤山街道", "青山镇", "白沙镇", "石门镇", "桃源镇", "龙潭镇", "安平镇", "梅岭镇", "金鸡乡", "云岭乡"]
    >>> plan_labels("column", towns, 2, ["45210"], 156, 80)
    LabelPlan(category_rotation=-45, category_skip=1, value_rotation=-90, value_labels=True)
    >>> plan_labels("column", towns[:4], 1, ["452"], 156, 80)
    LabelPlan(category_rotation=0, category_skip=1, value_rotation=0, value_labels=True)
    """
    if kind == "pie" or not categories:
        return LabelPlan()
    count = len(categories)
    line = category_pt * PT_MM * LINE
    value_line = value_pt * PT_MM * LINE
    longest_value = max((text_mm(t, value_pt) for t in value_texts), default=0.0)
    if kind == "bar":  # names down the side: each needs one line of the plot's height
        slot = height_mm * 0.8 / count
        skip = 1 if slot >= line else math.ceil(line / slot)
        bar = slot / (series + gap)
        return LabelPlan(category_skip=skip, value_labels=bar >= value_line)
    slot = width_mm * PLOT_SHARE / count
    longest = max(text_mm(name, category_pt) for name in categories)
    if longest <= slot * 0.9:
        rotation, skip = 0, 1
    elif slot * math.sin(math.pi / 4) >= line:
        rotation, skip = -45, 1
    elif slot >= line:
        rotation, skip = -90, 1
    else:
        rotation, skip = -90, math.ceil(line / slot)
    bar = slot if kind == "line" else slot / (series + gap)
    if longest_value <= bar * 0.95:
        return LabelPlan(rotation, skip)
    if bar >= value_line:
        return LabelPlan(rotation, skip, value_rotation=-90)
    return LabelPlan(rotation, skip, value_labels=False)
