"""The document structure every Zhenwu report is built as: plain data, no layout.

A report builder (work summary, ranking bulletin, monthly project report) fills a
:class:`Document` with blocks; the writers (``write_docx``, ``render_html``) decide how it
looks. Nothing here imports python-docx.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Literal, Union

Number = int | float | Decimal


@dataclass
class Run:
    """A stretch of text; ``comment`` records where a figure came from.

    The comment becomes a Word comment (when the writer is asked for comments) and a
    hover title in the HTML preview.
    """

    text: str
    comment: str | None = None
    bold: bool = False


@dataclass
class Paragraph:
    """A body paragraph (first line indented two characters).

    ``content`` is plain text or a list of runs (strings in the list are plain runs).
    """

    content: str | Sequence[Run | str]

    @property
    def runs(self) -> list[Run]:
        if isinstance(self.content, str):
            return [Run(self.content)]
        return [Run(part) if isinstance(part, str) else part for part in self.content]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Heading:
    """A heading of level 1–4: 一、 / （一） / 1. / （1）.

    ``number`` is ``None`` to let the engine number it (counters restart under each
    higher heading), a string to print literally (e.g. ``"五、"``), or ``""`` for none.
    ``content`` is text or runs like :class:`Paragraph`.
    """

    level: int
    content: str | Sequence[Run | str]
    number: str | None = None

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3, 4):
            raise ValueError(f"标题层级只能是 1–4，收到 {self.level}")

    @property
    def runs(self) -> list[Run]:
        return Paragraph(self.content).runs

    @property
    def text(self) -> str:
        return Paragraph(self.content).text


@dataclass
class Table:
    """A table: header row repeated on every page, rows never split across pages.

    Cells may be text or numbers (numbers are written as given; format them first for
    a fixed number of decimals). ``widths`` are relative column weights; ``unit`` is
    printed right-aligned above the table (e.g. ``"单位：万元"``).
    """

    columns: Sequence[str]
    rows: Sequence[Sequence[str | Number | None]]
    caption: str = ""
    unit: str = ""
    widths: Sequence[float] | None = None
    font_size: float = 12

    def __post_init__(self) -> None:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"表格“{self.caption}”第 {index} 行有 {len(row)} 格，表头有 {len(self.columns)} 列"
                )


@dataclass
class Series:
    """One data series of a chart."""

    name: str
    values: Sequence[Number | None]


ChartKind = Literal["column", "bar", "line", "pie"]


@dataclass
class Chart:
    """A native, editable chart; its data travels with it as an embedded workbook.

    ``number_format`` is an Excel format for the values and data labels (``"0.0"``,
    ``"0.0%"``); ``unit`` is shown after the title, e.g. ``"亿元"`` → “标题（亿元）”.
    A pie chart uses the first series only.
    """

    kind: ChartKind
    title: str
    categories: Sequence[str]
    series: Sequence[Series]
    number_format: str = "General"
    unit: str = ""
    height_mm: float = 80

    def __post_init__(self) -> None:
        if self.kind not in ("column", "bar", "line", "pie"):
            raise ValueError(f"不支持的图表类型 {self.kind!r}：只能是 column、bar、line 或 pie")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"图表“{self.title}”的系列“{series.name}”有 {len(series.values)} 个值，分类有 {len(self.categories)} 个"
                )

    @property
    def full_title(self) -> str:
        return f"{self.title}（{self.unit}）" if self.unit else self.title


@dataclass
class Photo:
    """A photo (JPEG or PNG bytes, or a path) with its caption below.

    It is scaled into the type area keeping its aspect; ``width_mm`` narrows it.
    """

    image: bytes | str | Path
    caption: str = ""
    width_mm: float | None = None

    def read(self) -> bytes:
        if isinstance(self.image, bytes):
            return self.image
        return Path(self.image).read_bytes()


@dataclass
class PhotoGrid:
    """Photos two to a row, each captioned below, under an optional title; the title and the
    whole grid stay together on one page (an illustrated report's 现场照片)."""

    photos: Sequence[Photo]
    title: str = ""
    columns: int = 2


@dataclass
class PageBreak:
    """Start the next block on a new page."""


@dataclass
class Attachments:
    """附件说明: “附件：1. …” below the body, one blank line before it."""

    items: Sequence[str]


@dataclass
class Signature:
    """署名 and 成文日期.

    Unsealed (the default): organisation two characters from the right, the date on the
    next line starting two characters further right. Sealed: the date four characters
    from the right, the organisation centred over it.
    """

    org: str
    date: datetime.date | str
    sealed: bool = False

    @property
    def date_text(self) -> str:
        """成文日期 with the year, month and day in full, no padding zeros."""
        if isinstance(self.date, datetime.date):
            return f"{self.date.year}年{self.date.month}月{self.date.day}日"
        return self.date


@dataclass
class Letterhead:
    """版头 of an issued 公文: the 发文机关标志 in red and the 发文字号 above the red line."""

    mark: str  # 发文机关标志, e.g. “青溪县美丽城镇建设工作领导小组办公室文件”
    number: str = ""  # 发文字号, e.g. “青美城办〔2026〕12号”


class Placement(StrEnum):
    """Where the 版记 goes so that it ends the document on an even page.

    Without a rendering, ``EVEN`` starts it in a section of its own on the next even page
    (the word processor adds a blank page when the body ends on an even page). From a
    rendering (``zhenwu.documents.pdf.fit_colophon``) the exact one is known: on the body's
    last page when that is even and has room, else on the next page, else after a blank one.
    """

    EVEN = "even"
    SAME = "same"
    NEXT = "next"
    AFTER_BLANK = "blank"


@dataclass
class Colophon:
    """版记 at the foot of the last page: 抄送, then 印发机关 and 印发日期, between rules.

    GB/T 9704-2012 §7.4.1 puts its last rule on the bottom edge of the type area of the
    公文's last 面; printed on both sides, that is an even page. ``placement`` says how the
    page is reached: see ``Placement``.
    """

    printed_by: str
    printed_on: datetime.date
    copy_to: str = ""
    placement: Placement = Placement.EVEN

    @property
    def printed_text(self) -> str:
        """“2026年12月7日印发”: year in full, no padding zeros."""
        day = self.printed_on
        return f"{day.year}年{day.month}月{day.day}日印发"


Block = Union[Heading, Paragraph, Table, Chart, Photo, PhotoGrid, PageBreak, Attachments, Signature]  # noqa: UP007


@dataclass
class Document:
    """A whole 公文: title, 主送机关 and the blocks of the body in order."""

    title: str
    recipient: str = ""
    blocks: list[Block] = field(default_factory=list)
    author: str = "镇务 Zhenwu"
    letterhead: Letterhead | None = None  # none: a plain draft without 版头
    colophon: Colophon | None = None  # none: no 版记

    def add(self, *blocks: Block) -> Document:
        """Append blocks and return the document, so building reads top to bottom."""
        self.blocks.extend(blocks)
        return self
