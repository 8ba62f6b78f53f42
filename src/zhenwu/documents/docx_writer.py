"""Write a :class:`~zhenwu.documents.model.Document` as a GB/T 9704 .docx."""

from __future__ import annotations

import copy
import datetime
import io
from pathlib import Path
from typing import IO

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Mm
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from zhenwu.documents import charts, images, ooxml
from zhenwu.documents.fonts import FontSet, fits_gb2312, font_set
from zhenwu.documents.layout import HEADING_STYLES, new_document
from zhenwu.documents.letterhead import colophon_xml, letterhead_xml
from zhenwu.documents.measure import signature_indents
from zhenwu.documents.model import (
    Attachments,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Photo,
    PhotoGrid,
    Placement,
    Run,
    Signature,
    Table,
)
from zhenwu.documents.numbering import number_headings
from zhenwu.documents.tables import GRID_GAP_MM, grid_xml, table_xml

COMMENT_AUTHOR = "镇务"
CHAR_TWIPS = 320  # one 3号 character


def write_docx(
    doc: Document,
    out: str | Path | IO[bytes] | None = None,
    *,
    fonts: str | FontSet = "gov",
    comments: bool = False,
) -> bytes:
    """Lay the document out per GB/T 9704 and return the .docx bytes (also saved to ``out``).

    ``fonts`` picks the font set (``"gov"`` or ``"windows"``); ``comments`` writes each
    run's ``comment`` (a figure's source) as a Word comment.
    """
    writer = _Writer(doc, font_set(fonts), comments)
    writer.write()
    buffer = io.BytesIO()
    writer.document.save(buffer)
    data = buffer.getvalue()
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    elif out is not None:
        out.write(data)
    return data


class _Writer:
    """Appends each block's XML before the final ``w:sectPr``."""

    def __init__(self, doc: Document, fonts: FontSet, comments: bool) -> None:
        self.doc = doc
        self.fonts = fonts
        self.comments = comments
        self.document = new_document(fonts)
        self.body = self.document.element.body
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.labels = number_headings(doc.blocks)
        self.shape_id = 0
        self.break_before = False

    def write(self) -> None:
        self._properties()
        self._title()
        handlers = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            Table: self._table,
            Chart: self._chart,
            Photo: self._photo,
            PhotoGrid: self._photo_grid,
            PageBreak: self._page_break,
            Attachments: self._attachments,
            Signature: self._signature,
        }
        for block in self.doc.blocks:
            handlers[type(block)](block)
        if self.doc.colophon:
            self._reach_colophon_page(self.doc.colophon.placement)
            self.shape_id += 1
            self._append(colophon_xml(self.doc.colophon, self.fonts, self.shape_id))

    def _reach_colophon_page(self, placement: Placement) -> None:
        """Breaks so that the 版记 (appended next) ends the document on an even page."""
        if placement == Placement.EVEN:
            self._even_page_section()
        elif placement == Placement.AFTER_BLANK:
            self._unnumbered_section()  # the blank page starts it
            self._append(
                f'<w:p {ooxml.W}><w:pPr><w:pStyle w:val="Normal"/>'
                '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
            )
            self._page_break(PageBreak())
        elif placement == Placement.NEXT:
            self._page_break(PageBreak())

    def _unnumbered_section(self) -> None:
        """End the body's section on its last page; the blank page and the 版记's page follow in
        a section (starting on the next page) whose footers are empty: GB/T 9704-2012 §7.5
        numbers neither. The footers keep the page number's paragraph, so the type area stays.
        """
        last = self.sect_pr.getprevious()
        if last is None or last.tag != qn("w:p") or last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            last = self._append(
                f'<w:p {ooxml.W}><w:pPr><w:pStyle w:val="Normal"/>'
                '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
            )
        last.get_or_add_pPr().append(copy.deepcopy(self.sect_pr))
        numbered = {
            kind: self.sect_pr.find(f"{qn('w:footerReference')}[@{qn('w:type')}='{kind}']")
            for kind in ("default", "even")
        }
        section = self.document.sections[-1]
        for kind, footer in (("default", section.footer), ("even", section.even_page_footer)):
            reference = numbered[kind]
            source = self.document.part.related_parts[reference.get(qn("r:id"))].element
            self.sect_pr.remove(reference)
            footer.is_linked_to_previous = False
            footer._element[:] = [_without_page_number(p) for p in source.findall(qn("w:p"))]

    def _even_page_section(self) -> None:
        """End the body's section here; the last section (the 版记's) starts on an even page.

        Word and LibreOffice insert a blank page when the body ends on an even page, as
        GB/T 9704 expects: the 版记 is printed on the back of the last sheet.
        """
        ended = self._append(
            f'<w:p {ooxml.NS}><w:pPr><w:pStyle w:val="Normal"/>'
            '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
        )
        ended.get_or_add_pPr().append(copy.deepcopy(self.sect_pr))
        self.sect_pr.find(qn("w:pgSz")).addprevious(ooxml.parse(f'<w:type {ooxml.W} w:val="evenPage"/>'))

    def _properties(self) -> None:
        props = self.document.core_properties
        now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        props.author = props.last_modified_by = self.doc.author
        props.title = self.doc.title.replace("\n", "")
        props.comments = ""
        props.created = props.modified = now
        props.revision = 1

    def _append(self, xml: str):
        element = ooxml.parse(xml)
        self.sect_pr.addprevious(element)
        if self.break_before and element.tag == qn("w:p"):
            element.get_or_add_pPr().pageBreakBefore_val = True
            self.break_before = False
        return element

    def _blank(self) -> None:
        self._append(ooxml.paragraph("Normal"))

    def _title(self) -> None:
        if self.doc.letterhead:
            for xml in letterhead_xml(self.doc.letterhead, self.fonts):
                self._append(xml)
        self._append(ooxml.paragraph("ZwTitle", ooxml.run(self.doc.title)))
        self._blank()
        if self.doc.recipient:
            self._append(ooxml.paragraph("ZwRecipient", ooxml.run(self.doc.recipient.rstrip("：:") + "：")))

    def _runs(self, style: str, runs: list[Run], ppr: str = "") -> None:
        """A paragraph of runs; runs with a source get a Word comment when asked."""
        fallback = self.fonts.body_fallback if style in ("ZwBody", "Heading3", "Heading4") else None
        xml = "".join(ooxml.run(r.text, None if fits_gb2312(r.text) else fallback, bold=r.bold) for r in runs)
        p = self._append(ooxml.paragraph(style, xml, ppr))
        if not self.comments or not any(r.comment for r in runs):
            return
        paragraph = DocxParagraph(p, self.document._body)
        for r_element, run in zip(p.findall(qn("w:r")), runs, strict=True):
            if run.comment:
                self.document.add_comment(
                    DocxRun(r_element, paragraph), text=run.comment, author=COMMENT_AUTHOR, initials="ZW"
                )

    def _heading(self, block: Heading) -> None:
        label = self.labels[id(block)]
        runs = ([Run(label)] if label else []) + block.runs
        self._runs(HEADING_STYLES[block.level], runs)

    def _paragraph(self, block: Paragraph) -> None:
        self._runs("ZwBody", block.runs)

    def _table(self, block: Table) -> None:
        if block.caption:
            self._append(ooxml.paragraph("ZwTableTitle", ooxml.run(block.caption)))
        if block.unit:
            self._append(ooxml.paragraph("ZwTableUnit", ooxml.run(block.unit)))
        if self.break_before:
            self._page_break_paragraph()
        self._append(table_xml(block, self.fonts))

    def _chart(self, block: Chart) -> None:
        parts = charts.add_chart_parts(self.document.part, block, self.fonts)
        self.shape_id += 1
        drawing = (
            f"<w:r><w:drawing>{charts.inline_xml(parts, self.shape_id, block.full_title)}</w:drawing></w:r>"
        )
        self._append(ooxml.paragraph("ZwFigure", drawing, '<w:spacing w:before="120" w:after="120"/>'))

    def _photo(self, block: Photo) -> None:
        prepared = images.prepare(block.read())
        width, height = images.display_size_mm(prepared.width_px, prepared.height_px, block.width_mm)
        rel_id, _ = self.document.part.get_or_add_image(io.BytesIO(prepared.data))
        self.shape_id += 1
        inline = CT_Inline.new_pic_inline(
            self.shape_id, rel_id, f"photo{self.shape_id}", Mm(width), Mm(height)
        )
        keep = "<w:keepNext/>" if block.caption else ""  # the caption stays with its photo
        p = self._append(ooxml.paragraph("ZwFigure", "<w:r><w:drawing/></w:r>", keep))
        p.find(f"{qn('w:r')}/{qn('w:drawing')}").append(inline)
        if block.caption:
            self._append(ooxml.paragraph("ZwCaption", ooxml.run(block.caption)))

    def _inline(self, photo: Photo, max_width_mm: float, max_height_mm: float) -> CT_Inline:
        prepared = images.prepare(photo.read())
        width, height = images.fit_mm(prepared.width_px, prepared.height_px, max_width_mm, max_height_mm)
        rel_id, _ = self.document.part.get_or_add_image(io.BytesIO(prepared.data))
        self.shape_id += 1
        return CT_Inline.new_pic_inline(self.shape_id, rel_id, f"photo{self.shape_id}", Mm(width), Mm(height))

    def _photo_grid(self, block: PhotoGrid) -> None:
        """A borderless table, photos side by side with captions; every row but the last keeps
        with the next and the title with the grid, so the grid is never split from its title."""
        if block.title:
            self._append(ooxml.paragraph("ZwTableTitle", ooxml.run(block.title)))
        photos = list(block.photos)
        rows = [photos[i : i + block.columns] for i in range(0, len(photos), block.columns)]
        table = self._append(grid_xml([len(row) for row in rows], block.columns, [p.caption for p in photos]))
        column_mm = images.TYPE_AREA_MM / block.columns - GRID_GAP_MM
        for drawing, photo in zip(table.iter(qn("w:drawing")), photos, strict=True):
            drawing.append(self._inline(photo, column_mm, column_mm * 3 / 4))

    def _page_break(self, _block: PageBreak) -> None:
        self.break_before = True

    def _page_break_paragraph(self) -> None:
        self.break_before = False
        self._append(ooxml.paragraph("Normal", '<w:r><w:br w:type="page"/></w:r>'))

    def _attachments(self, block: Attachments) -> None:
        """附件：名称, or numbered “附件：1. …” with later items aligned under the first."""
        self._blank()
        items = list(block.items)
        if len(items) == 1:
            self._append(ooxml.paragraph("ZwAttachment", ooxml.run("附件：" + items[0]), _hanging(2, 3)))
            return
        for index, item in enumerate(items, start=1):
            lead = "附件：" if index == 1 else ""
            ppr = _hanging(2, 3) if index == 1 else _hanging(5, 0)
            self._append(ooxml.paragraph("ZwAttachment", ooxml.run(f"{lead}{index}. {item}"), ppr))

    def _signature(self, block: Signature) -> None:
        """署名 and 成文日期 with the right indents of GB/T 9704 §7.3.5."""
        self._blank()
        org_right, date_right = signature_indents(block.org, block.date_text, block.sealed)
        if block.sealed:
            self._blank()  # room for the seal
        for text, right in ((block.org, org_right), (block.date_text, date_right)):
            ind = f'<w:ind w:rightChars="{round(right * 100)}" w:right="{round(right * CHAR_TWIPS)}"/>'
            self._append(ooxml.paragraph("ZwSignature", ooxml.run(text), ind))


def _without_page_number(paragraph):
    """A copy of the footer's page-number paragraph with nothing printed: same font, same height."""
    empty = copy.deepcopy(paragraph)
    runs = empty.findall(qn("w:r"))
    mark = runs[0].find(qn("w:rPr")) if runs else None
    for run in runs:
        empty.remove(run)
    if mark is not None:
        empty.get_or_add_pPr().append(copy.deepcopy(mark))
    return empty


def _hanging(left_chars: float, hanging_chars: float) -> str:
    """Indent a paragraph so its first line starts ``hanging_chars`` left of the rest."""
    left = left_chars + hanging_chars
    return (
        f'<w:ind w:leftChars="{round(left * 100)}" w:left="{round(left * CHAR_TWIPS)}" '
        f'w:hangingChars="{round(hanging_chars * 100)}" w:hanging="{round(hanging_chars * CHAR_TWIPS)}"/>'
    )
