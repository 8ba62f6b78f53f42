"""The same document as an HTML fragment that looks like the printed page.

Self-contained: styles scoped under ``.zw-doc``, charts as inline SVG, photos as data
URIs, every text escaped. A run's ``comment`` (a figure's source) shows on hover.
"""

from __future__ import annotations

import base64
from html import escape

from zhenwu.documents import images
from zhenwu.documents.measure import display_width, signature_indents
from zhenwu.documents.model import (
    Attachments,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Photo,
    PhotoGrid,
    Run,
    Signature,
    Table,
)
from zhenwu.documents.numbering import number_headings
from zhenwu.documents.svg import chart_svg
from zhenwu.documents.tables import LONG_TEXT, cell_text

FANGSONG = '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif'
CSS = f"""
.zw-doc {{ background: #e8e8e8; padding: 16px 0; }}
.zw-page {{ box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto;
  padding: 37mm 26mm 35mm 28mm; background: #fff; color: #000; box-shadow: 0 1px 4px rgba(0,0,0,.25);
  font: 16pt/28.95pt {FANGSONG}; }}
.zw-page p {{ margin: 0; text-align: justify; }}
.zw-page .zw-body, .zw-page .zw-h {{ text-indent: 2em; }}
.zw-page h1.zw-title {{ margin: 0 0 28.95pt; font: 22pt/35pt "方正小标宋简体", "华文中宋", "Noto Serif CJK SC", serif;
  font-weight: bold; text-align: center; }}
.zw-page .zw-h {{ margin: 0; font-size: 16pt; font-weight: normal; }}
.zw-page h2.zw-h {{ font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }}
.zw-page h3.zw-h {{ font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, serif; }}
.zw-page h4.zw-h, .zw-page h5.zw-h {{ font-family: inherit; }}
.zw-page .zw-source {{ border-bottom: 1px dotted #2f5597; cursor: help; }}
.zw-page .zw-source:focus {{ outline: none; background: #e8eef8; }}
.zw-page .zw-source:focus::after {{ content: "（来源：" attr(data-source) "）"; color: #2f5597; font-size: 0.8em; }}
.zw-page table {{ width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.4; margin: 4pt 0 8pt; }}
.zw-page caption {{ font-family: "黑体", SimHei, sans-serif; font-size: 16pt; line-height: 28.95pt; }}
.zw-page .zw-unit {{ text-align: right; font-size: 14pt; }}
.zw-page th, .zw-page td {{ border: 1px solid #000; padding: 2pt 3pt; text-align: center; }}
.zw-page th {{ font-family: "黑体", SimHei, sans-serif; font-weight: normal; }}
.zw-page td.zw-long {{ text-align: left; }}
.zw-page figure {{ margin: 6pt 0; text-align: center; }}
.zw-page figure img {{ max-width: 100%; height: auto; }}
.zw-page figcaption {{ text-align: center; }}
.zw-page .zw-photo-grid {{ display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; break-inside: avoid; }}
.zw-page .zw-photo-grid figure {{ margin: 0; }}
.zw-page .zw-photo-grid img {{ max-width: 100%; }}
.zw-page .zw-photo-grid figcaption {{ font-size: 12pt; line-height: 1.4; }}
.zw-page .zw-table-title {{ text-align: center; font-family: "黑体", SimHei, sans-serif; text-indent: 0; }}
.zw-page .zw-chart {{ width: 100%; height: auto; font-family: "黑体", SimHei, sans-serif; }}
.zw-page .zw-chart-title {{ font-size: 15px; }}
.zw-page .zw-chart-label {{ font-size: 12px; fill: #333; }}
.zw-page .zw-chart-value {{ font-size: 11px; fill: #000; }}
.zw-page .zw-grid {{ stroke: #ddd; }}
.zw-page .zw-attachments {{ margin-top: 28.95pt; padding-left: 2em; }}
.zw-page .zw-signature {{ margin-top: 28.95pt; text-align: right; }}
.zw-page .zw-break {{ border: 0; border-top: 1px dashed #bbb; margin: 12pt -26mm 12pt -28mm; }}
""".strip()


def render_html(doc: Document, *, standalone: bool = False) -> str:
    """Render the document; ``standalone`` wraps it in a whole HTML page."""
    renderer = _Html(doc)
    fragment = f'<div class="zw-doc"><style>{CSS}</style><article class="zw-page">{renderer.render()}</article></div>'
    if not standalone:
        return fragment
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(doc.title)}</title></head><body style="margin:0">{fragment}</body></html>\n'
    )


def runs_html(runs: list[Run]) -> str:
    """Escaped runs; a run with a source becomes a span whose title shows it."""
    parts = []
    for run in runs:
        text = escape(run.text).replace("\n", "<br>")
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.comment:
            source = escape(run.comment)
            # tabindex: a tap on a phone focuses the figure and shows its source (no hover there)
            text = (
                f'<span class="zw-source" tabindex="0" title="{source}" data-source="{source}">{text}</span>'
            )
        parts.append(text)
    return "".join(parts)


class _Html:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.labels = number_headings(doc.blocks)

    def render(self) -> str:
        parts = [f'<h1 class="zw-title">{escape(self.doc.title).replace(chr(10), "<br>")}</h1>']
        if self.doc.recipient:
            parts.append(f'<p class="zw-recipient">{escape(self.doc.recipient.rstrip("：:"))}：</p>')
        handlers = {
            Heading: self._heading,
            Paragraph: lambda b: f'<p class="zw-body">{runs_html(b.runs)}</p>',
            Table: self._table,
            Chart: lambda b: f'<figure class="zw-figure">{chart_svg(b)}</figure>',
            Photo: self._photo,
            PhotoGrid: self._photo_grid,
            PageBreak: lambda b: '<hr class="zw-break">',
            Attachments: self._attachments,
            Signature: self._signature,
        }
        parts.extend(handlers[type(block)](block) for block in self.doc.blocks)
        return "\n".join(parts)

    def _heading(self, block: Heading) -> str:
        tag = f"h{block.level + 1}"
        label = escape(self.labels[id(block)])
        return f'<{tag} class="zw-h zw-h{block.level}">{label}{runs_html(block.runs)}</{tag}>'

    def _table(self, block: Table) -> str:
        head = "".join(f"<th>{escape(c)}</th>" for c in block.columns)
        rows = "".join(f"<tr>{''.join(_cell(value) for value in row)}</tr>" for row in block.rows)
        caption = f"<caption>{escape(block.caption)}</caption>" if block.caption else ""
        return (
            f"<table>{caption}<thead>{_unit_row(block)}<tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        )

    def _photo(self, block: Photo) -> str:
        prepared = images.prepare(block.read())
        mime = "image/png" if prepared.data[:4] == b"\x89PNG" else "image/jpeg"
        src = f"data:{mime};base64,{base64.b64encode(prepared.data).decode()}"
        width, _ = images.display_size_mm(prepared.width_px, prepared.height_px, block.width_mm)
        caption = f"<figcaption>{escape(block.caption)}</figcaption>" if block.caption else ""
        return f'<figure class="zw-photo"><img src="{src}" alt="{escape(block.caption)}" style="width:{width}mm">{caption}</figure>'

    def _photo_grid(self, block: PhotoGrid) -> str:
        title = f'<p class="zw-table-title">{escape(block.title)}</p>' if block.title else ""
        figures = "".join(
            self._photo(Photo(photo.image, photo.caption, width_mm=74)) for photo in block.photos
        )
        return f'{title}<div class="zw-photo-grid">{figures}</div>'

    def _attachments(self, block: Attachments) -> str:
        items = list(block.items)
        if len(items) == 1:
            return f'<p class="zw-attachments">附件：{escape(items[0])}</p>'
        hidden = '<span style="visibility:hidden">附件：</span>'
        lines = [f"{'附件：' if i == 1 else hidden}{i}. {escape(item)}" for i, item in enumerate(items, 1)]
        return f'<p class="zw-attachments">{"<br>".join(lines)}</p>'

    def _signature(self, block: Signature) -> str:
        org_right, date_right = signature_indents(block.org, block.date_text, block.sealed)
        return (
            f'<div class="zw-signature"><p style="padding-right:{org_right}em">{escape(block.org)}</p>'
            f'<p style="padding-right:{date_right}em">{escape(block.date_text)}</p></div>'
        )


def _cell(value) -> str:
    text = cell_text(value)
    css = ' class="zw-long"' if display_width(text) > LONG_TEXT else ""
    return f"<td{css}>{escape(text)}</td>"


def _unit_row(block: Table) -> str:
    """The unit line (单位：万元) sits inside the table head, under the caption."""
    if not block.unit:
        return ""
    return f'<tr><td colspan="{len(block.columns)}" class="zw-unit" style="border:0">{escape(block.unit)}</td></tr>'
