"""Tables flattened into lines of cells: `| 灵泉 | 3 | 21 | 1279 |`, as mirror pages and PDF text give
them, and cells between tabs, as a table copied from Word or Excel (or read from a .docx) gives them.

One reading of the rows for the scanner (each cell a figure in its column's unit) and for the
checker (a 合计 row against the rows above it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\n]+")
CELL_NUMBER = re.compile(r"-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")

Cell = tuple[str, int]  # the cell's text, stripped, and where it starts in the text


def table_rows(text: str) -> Iterator[list[Cell] | None]:
    """Each line of ``text`` with three or more | (or two or more tabs) as its non-empty cells; None for
    any other line, where a table ends. Linear in the text: one pass over its lines.

    >>> list(table_rows("| 乡镇 | 户数 | 人口 |\\n| 灵泉 | 1279 | 5110 |\\n正文"))
    [[('乡镇', 2), ('户数', 7), ('人口', 12)], [('灵泉', 19), ('1279', 24), ('5110', 31)], None]
    >>> list(table_rows("乡镇\\t户数\\t人口\\n灵泉\\t1279\\t5110"))
    [[('乡镇', 0), ('户数', 3), ('人口', 6)], [('灵泉', 9), ('1279', 12), ('5110', 17)]]
    """
    if "|" not in text and "\t" not in text:
        return
    for line in _LINE.finditer(text):
        row = line.group()
        if row.count("|") >= 3:
            separator = "|"
        elif row.count("\t") >= 2:
            separator = "\t"
        else:
            yield None
            continue
        cells, at = [], line.start()
        for raw in row.split(separator):
            if cell := raw.strip():
                cells.append((cell, at + raw.index(cell)))
            at += len(raw) + 1
        yield cells or None  # | | |: a line of empty cells holds no row


def is_heading(cells: list[Cell]) -> bool:
    """A row with no number past its first cell heads the columns below it."""
    return not any(CELL_NUMBER.fullmatch(cell) for cell, _ in cells[1:])
