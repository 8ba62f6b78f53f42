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


# Two more shapes a table takes when copied out of a web page or a PDF, its cells without any |:
# rows of cells between spaces (`豫海镇 116912 36.44 26.37`), and one cell a line, either a row
# after another (`人民街街道 |⏎14850 |⏎18856 |`) or, as some pages lay them out, a column after
# another (every name, then every figure of the first column, then of the second).
_ONE_CELL = re.compile(r"[ \t\u3000]*(?P<cell>[^\n|]*?)[ \t\u3000]*\|?[ \t\u3000]*$")
_SPACED_ROW = re.compile(
    r"(?P<label>[^\s0-9|][^\n|0-9]{0,15}?)(?P<cells>(?:[ \t\u3000]+-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?){2,12})[ \t\u3000]*$"
)
_SPACED_HINT = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]+-?[0-9][0-9.,]*){2,12}[ \t\u3000]*\n")
_ONE_CELL_HINT = re.compile(r"\n[ \t\u3000]*-?[0-9][0-9.,]*[ \t\u3000]*\|?[ \t\u3000]*\n[ \t\u3000]*-?[0-9]")
_HEADING_WORD = re.compile(r"[^\s0-9|][^\s|]*")
_YEAR_HEADING = re.compile(r"(?:19|20)[0-9]{2}年?(?:末|底)?")
_LABEL_HEADINGS = {"地区", "区域", "乡镇", "镇街", "县区", "单位", "项目", "指标", "名称", "类别", "分组"}


def loose_tables(text: str) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    """Tables whose cells stand between spaces or one a line: (the headings of their figure
    columns, where the table starts, the figures of each row in column order).

    >>> text = "地区 人口数 比重\\n全县 320801 100.00\\n豫海镇 116912 36.44\\n正文"
    >>> [(h, [[c for c, _ in row] for row in rows]) for h, _, rows in loose_tables(text)]
    [(['人口数', '比重'], [['320801', '100.00'], ['116912', '36.44']])]
    >>> text = "地区 常住人口 比重\\n九龙\\n朝阳\\n173807\\n78890\\n23.40\\n10.62\\n"
    >>> [(h, [[c for c, _ in row] for row in rows]) for h, _, rows in loose_tables(text)]
    [(['常住人口', '比重'], [['173807', '23.40'], ['78890', '10.62']])]
    """
    if _SPACED_HINT.search(text):
        yield from _spaced_tables(text)
    if _ONE_CELL_HINT.search(text):
        yield from _column_tables(text)


def _lines(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _LINE.finditer(text)]


def _spaced_tables(text: str) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    lines = _lines(text)
    index = 0
    while index < len(lines):
        rows = []
        while index < len(lines) and (row := _spaced_row(*lines[index])) is not None:
            rows.append(row)
            index += 1
        if len(rows) >= 2 and len({len(row) for row in rows}) == 1:
            first = index - len(rows)
            headings = _headings_above(lines, first, len(rows[0]))
            if headings:
                yield headings, lines[first][1], rows
        index += 1


def _spaced_row(line: str, start: int) -> list[Cell] | None:
    match = _SPACED_ROW.fullmatch(line)
    if match is None or "。" in line or "，" in line or line.count("\t") >= 2:  # tab rows: table_rows
        return None
    at = match.start("cells")
    cells = []
    for number in CELL_NUMBER.finditer(line, at):
        cells.append((number.group(), start + number.start()))
    return cells


def _headings_above(lines: list[tuple[str, int]], first: int, columns: int) -> list[str]:
    """The headings of a table's figure columns, from at most two lines above its first row: a
    heading over years (比重 over 2020年 2010年) covers as many columns as there are years."""
    above = [line for line, _ in lines[max(0, first - 2) : first]]
    if not above:
        return []
    years = above[-1].split() if len(above) == 2 else []
    if years and all(_YEAR_HEADING.fullmatch(y) for y in years):
        words = [w for w in _HEADING_WORD.findall(above[0]) if not _YEAR_HEADING.fullmatch(w)]
    else:
        words, years = [w for w in _HEADING_WORD.findall(above[-1]) if not _YEAR_HEADING.fullmatch(w)], []
    words = _without_label(words)
    if years and len(words) + len(years) - 1 == columns:
        return words[:-1] + [words[-1]] * len(years)
    return words if len(words) == columns else []


def _without_label(words: list[str]) -> list[str]:
    """地 区 人口数 比重: the heading of the names' column, in one word or two, is no figure's heading."""
    if len(words) >= 2 and len(words[0]) == 1 and len(words[1]) == 1:
        return words[2:]
    if words and words[0] in _LABEL_HEADINGS:
        return words[1:]
    return words


def _column_tables(text: str) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    """A heading line, then every name a line, then each column's figures a line each."""
    lines = _lines(text)
    index = 0
    while index < len(lines):
        names = 0
        at = index + 1
        while at < len(lines) and _is_name(lines[at][0]):
            names += 1
            at += 1
        figures = []
        while at < len(lines) and (cell := _one_cell(*lines[at])) is not None:
            figures.append(cell)
            at += 1
        if names >= 2 and figures and len(figures) % names == 0:
            headings = _without_label(_HEADING_WORD.findall(lines[index][0]))
            columns = len(figures) // names
            if len(headings) == columns:
                rows = [[figures[c * names + r] for c in range(columns)] for r in range(names)]
                yield headings, lines[index][1], rows
                index = at
                continue
        index = max(index + 1, at - 1 if names else index + 1)


def _is_name(line: str) -> bool:
    cell = line.strip().rstrip("|").strip()
    return 1 < len(cell) <= 12 and not any(ch.isdigit() for ch in cell) and " " not in cell


def _one_cell(line: str, start: int) -> Cell | None:
    match = _ONE_CELL.fullmatch(line)
    if match is None or not CELL_NUMBER.fullmatch(match["cell"]):
        return None
    return match["cell"], start + match.start("cell")
