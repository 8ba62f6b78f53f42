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
        closed = row.rstrip(" \t\u3000").endswith("|") and row.count("|") >= 2  # 粮食 | 143972 |
        if row.count("|") >= 3 or closed or ("|" in row and len(row.strip(" \t\u3000|")) <= 12):
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
        if cells and all(_RULE.fullmatch(cell) for cell, _ in cells):
            yield []  # |---|---|: a Markdown table's rule under its headings
        elif separator == "|" and row.count("|") < 3 and len(cells) > 1 and not closed:
            yield None  # 发布时间：2023 | 来源：县政府: no table
        else:
            yield cells  # []: a line of empty cells; one cell: a section's label (分产业 |) — the table goes on


_RULE = re.compile(r":?-{3,}:?")


def is_heading(cells: list[Cell]) -> bool:
    """A row with no number past its first cell heads the columns below it; so does a row of years
    (| 项目 | 2000 | 2005 | 2010 |)."""
    numbers = [cell for cell, _ in cells[1:] if CELL_NUMBER.fullmatch(cell)]
    return not numbers or (
        len(numbers) >= 2 and len(numbers) == len(cells) - 1 and all(map(_A_YEAR.fullmatch, numbers))
    )


_A_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


# Two more shapes a table takes when copied out of a web page or a PDF, its cells without any |:
# rows of cells between spaces (`豫海镇 116912 36.44 26.37`), and one cell a line, either a row
# after another (`人民街街道 |⏎14850 |⏎18856 |`) or, as some pages lay them out, a column after
# another (every name, then every figure of the first column, then of the second).
_SPACED_ROW = re.compile(
    r"(?P<label>[^\s0-9|][^\n|0-9]{0,15}?)(?P<cells>(?:[ \t\u3000]+-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?){2,12})[ \t\u3000]*$"
)
_SPACED_HINT = re.compile(  # it opens at a space, so that the engine skips to one in C
    r"(?=[ \t\u3000])(?<=[\u4e00-\u9fff])[ \t\u3000]+-?[0-9][0-9.,]*(?:[ \t\u3000]+-?[0-9][0-9.,]*){1,11}[ \t\u3000]*(?=\n|\Z)"
)
_NUMBER_LINE = re.compile(  # blank lines between the cells, as some pages space them, are passed over
    r"\n(?:[ \t\u3000]*\n){0,3}[ \t\u3000]*(?P<cell>-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)[ \t\u3000]*\|?[ \t\u3000]*(?=\n|$)"
)
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
    yield from _spaced_tables(text)
    runs = _number_runs(text)
    yield from _column_tables(text, runs)
    yield from _row_tables(text, runs)


def _line_at(text: str, position: int) -> tuple[str, int]:
    """The line holding ``position``, and where it starts."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)], start


def _lines_before(text: str, start: int, count: int) -> list[tuple[str, int]]:
    """Up to ``count`` lines before the line starting at ``start``, nearest last."""
    lines = []
    while start > 0 and len(lines) < count:
        previous = text.rfind("\n", 0, start - 1) + 1
        lines.append((text[previous : start - 1], previous))
        start = previous
    return lines[::-1]


def _spaced_tables(text: str) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    """Only the lines the hint finds are read (a pasted report holds few or none)."""
    rows: list[list[Cell]] = []
    first = next_start = -1
    for hint in _SPACED_HINT.finditer(text):
        line, start = _line_at(text, hint.start())
        if start < next_start:
            continue  # a second hint on the same line
        row = _spaced_row(line, start)
        if rows and (row is None or start != next_start):
            yield from _spaced_table(text, first, rows)
            rows = []
        if row is not None:
            if not rows:
                first = start
            rows.append(row)
        next_start = start + len(line) + 1
    yield from _spaced_table(text, first, rows)


def _spaced_table(
    text: str, first: int, rows: list[list[Cell]]
) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    if len(rows) >= 2 and len({len(row) for row in rows}) == 1:
        headings = _headings_above([line for line, _ in _lines_before(text, first, 2)], len(rows[0]))
        if headings:
            yield headings, first, rows


def _spaced_row(line: str, start: int) -> list[Cell] | None:
    match = _SPACED_ROW.fullmatch(line)
    if match is None or "。" in line or "，" in line or line.count("\t") >= 2:  # tab rows: table_rows
        return None
    at = match.start("cells")
    cells = []
    for number in CELL_NUMBER.finditer(line, at):
        cells.append((number.group(), start + number.start()))
    return cells


def _headings_above(above: list[str], columns: int) -> list[str]:
    """The headings of a table's figure columns, from at most two lines above its first row: a
    heading over years (比重 over 2020年 2010年) covers as many columns as there are years."""
    if not above:
        return []
    above = [_FOOTNOTE.sub("", line) for line in above]
    years = above[-1].split() if len(above) == 2 else []
    if years and all(_YEAR_HEADING.fullmatch(y) for y in years):
        words = [w for w in _HEADING_WORD.findall(above[0]) if not _YEAR_HEADING.fullmatch(w)]
    else:
        words, years = [w for w in _HEADING_WORD.findall(above[-1]) if not _YEAR_HEADING.fullmatch(w)], []
    return _spread(_without_label(words), len(years), columns)


def _spread(words: list[str], years: int, columns: int) -> list[str]:
    """The headings of ``columns`` columns, from the words of a heading row and the count of years
    in a second row below it: the one word over the years covers that many columns — the first
    word after the row's own years (2020年 2010年 比重 年均增速 / 2020年 2010年), else the last."""
    if not years:
        return words if len(words) == columns else []
    if not words or len(words) + years - 1 != columns:
        return []
    own_years = [i for i, word in enumerate(words) if _YEAR_HEADING.fullmatch(word)]
    over = (
        next((i for i in range(len(words)) if i not in own_years), len(words))
        if own_years
        else len(words) - 1
    )
    if over == len(words):
        return []
    return words[:over] + [words[over]] * years + words[over + 1 :]


def _without_label(words: list[str]) -> list[str]:
    """地 区 人口数 比重: the heading of the names' column, in one word or two, is no figure's heading."""
    if len(words) >= 2 and len(words[0]) == 1 and len(words[1]) == 1:
        return words[2:]
    if words and words[0] in _LABEL_HEADINGS:
        return words[1:]
    return words


Run = tuple[int, list[Cell], int]  # where its first line starts, its numbers, where the line after starts


def _number_runs(text: str) -> list[Run]:
    """The runs of lines that hold a number alone (`14850 |`), the cells of the tables laid out one
    cell a line; a pasted report holds few."""
    runs: list[Run] = []
    run: list[Cell] = []
    run_start = next_start = -1
    for match in _NUMBER_LINE.finditer(text):
        start = match.start() + 1
        if run and start != next_start:
            runs.append((run_start, run, next_start))
            run = []
        if not run:
            run_start = start
        run.append((match["cell"], match.start("cell")))
        next_start = match.end() + 1
    if run:
        runs.append((run_start, run, next_start))
    return runs


def _column_tables(text: str, runs: list[Run]) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    """A heading line, then every name a line, then each column's figures a line each."""
    for start, figures, _ in runs:
        yield from _column_table(text, start, figures)


def _column_table(
    text: str, start: int, figures: list[Cell]
) -> Iterator[tuple[list[str], int, list[list[Cell]]]]:
    names, heading = 0, None
    while start > 0:
        line, start = _line_at(text, start - 1)
        if not _is_name(line):
            heading = (line, start)
            break
        names += 1
    if heading is None or names < 2 or len(figures) % names:
        return
    headings = _without_label(_HEADING_WORD.findall(heading[0]))
    columns = len(figures) // names
    if len(headings) == columns:
        yield headings, heading[1], [[figures[c * names + r] for c in range(columns)] for r in range(names)]


_GLOSS = re.compile(r"\([a-zà-ǜ]{1,6}\)")  # 总寨镇(zhèn): a mirror page's pinyin after a character


def _is_name(line: str) -> bool:
    cell = line.strip().rstrip("|").strip()
    if "(" in cell:
        cell = _GLOSS.sub("", cell)
    if " " in cell and len(cell) <= 6:
        cell = cell.replace(" ", "")  # 工 业: a name spaced out to the column's width
    digits = any(ch.isdigit() for ch in cell)
    return 1 < len(cell) <= 12 and (not digits or _AGE_CLASS.fullmatch(cell) is not None) and " " not in cell


_AGE_CLASS = re.compile(r"(?:其中[:：])?[0-9]{1,3}(?:[-—~～至][0-9]{1,3})?岁(?:及以上|以上|以下)?")


Row = tuple[int, str | None, Run]  # where its name's line starts, the unit in a cell of its own, its figures


def _row_tables(text: str, runs: list[Run]) -> Iterator[tuple[list[str], int, list[list[Cell | None]]]]:
    """Headings a line each, then each row a name and its figures a line each (`人民街街道 |⏎14850 |⏎
    18856 |`), perhaps its unit in a cell between (`粮食 |⏎万吨 |⏎14.03 |⏎2.8 |`): three or more runs
    of as many numbers, each after one name, make the table."""
    group: list[Row] = []
    for run in runs:
        row = _row_of(text, run)
        if (
            group
            and row is not None
            and _follows(text, group[-1][2][2], row[0])
            and len(run[1]) == len(group[-1][2][1])
            and (row[1] is None) == (group[-1][1] is None)
        ):
            group.append(row)
            continue
        yield from _row_table(text, group)
        group = [row] if row is not None else []
    yield from _row_table(text, group)


def _row_of(text: str, run: Run) -> Row | None:
    if len(run[1]) < 2 or run[0] <= 0:
        return None
    name, name_start = _line_at(text, run[0] - 1)
    cell = name.strip().rstrip("|").strip()
    if _UNIT_CELL.fullmatch(cell) and name_start > 0:  # 万吨 |: the row's unit, its name on the line before
        label, label_start = _line_at(text, name_start - 1)
        if _is_name(label):
            return label_start, cell, run
    return (name_start, None, run) if _is_name(name) else None


_UNIT_CELL = re.compile(r"[\u4e00-\u9fff%‰]{1,3}")


def _follows(text: str, end: int, start: int) -> bool:
    """The next row starts where the last one ended, past blank lines at most."""
    return end == start or (0 < start - end <= 12 and not text[end:start].strip())


def _row_table(text: str, group: list[Row]) -> Iterator[tuple[list[str], int, list[list[Cell | None]]]]:
    if len(group) < 3:
        return
    columns = len(group[0][2][1])
    first = group[0][0]
    words: list[str] = []
    top = first
    for line, start in reversed(_lines_before(text, first, 4 * columns + 6)):
        cell = _FOOTNOTE.sub(
            "", _GLOSS.sub("", line.strip().rstrip("|").strip())
        )  # 常住人口数(shù), 2010年[4]
        if not cell:
            continue  # a blank line between the headings
        if not _is_heading_cell(cell):
            break
        words.insert(0, cell)
        top = start
        if cell.replace(" ", "") in _LABEL_HEADINGS:
            break
    words = [word for word in words if word.replace(" ", "") != "单位"] if group[0][1] else words
    if words and words[0].replace(" ", "") in _LABEL_HEADINGS:
        words = words[1:]
    headings = _fitted(words, columns)
    if not headings and len(words) == columns + 1 and not _MEASURE_HEADING.search(words[0]):
        headings = _fitted(words[1:], columns)  # 年龄 人口数 比重: a heading over the names' column too
    if not headings:
        return
    if group[0][1] is not None:  # each row in the unit of its own cell
        for _, unit, run in group:
            yield [f"({unit})", *headings[1:]], top, [list(run[1])]
        return
    rows: list[list[Cell | None]] = [list(run[1]) for _, _, run in group]
    yield headings, top, rows + _rows_with_blanks(text, group[-1][2][2], columns)


_FOOTNOTE = re.compile(r"\[[0-9]{1,2}\]|［[0-9]{1,2}］")
_MEASURE_HEADING = re.compile(r"(?:人口|数|率|重|量|额|值|[)）])$")


def _fitted(words: list[str], columns: int) -> list[str]:
    years = 0
    while years < len(words) and _YEAR_HEADING.fullmatch(words[-1 - years]):
        years += 1
    return _spread(words, 0, columns) or _spread(words[: len(words) - years], years, columns)


def _is_heading_cell(cell: str) -> bool:
    return (
        0 < len(cell) <= 12
        and not CELL_NUMBER.fullmatch(cell)
        and not any(mark in cell for mark in "。，；:：")
    )


_BLANK_OR_NUMBER = re.compile(
    r"[ \t\u3000]*(?P<cell>-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)?[ \t\u3000]*\|?[ \t\u3000]*"
)


def _rows_with_blanks(text: str, start: int, columns: int) -> list[list[Cell | None]]:
    """Rows after a table's full ones that leave cells empty (`南川工业园区 |⏎7241 |⏎|⏎2.22 |`)."""
    rows: list[list[Cell | None]] = []
    while start < len(text):
        name, _ = _line_at(text, start)
        if not _is_name(name):
            break
        at, row = start + len(name) + 1, []
        for _ in range(columns):
            line = _line_at(text, at)[0] if at < len(text) else "-"
            match = _BLANK_OR_NUMBER.fullmatch(line)
            if match is None:
                return rows
            row.append((match["cell"], at + match.start("cell")) if match["cell"] else None)
            at += len(line) + 1
        if not any(row):
            break
        rows.append(row)
        start = at
    return rows
