"""GB/T 9704-2012 page set-up and styles, prepared once per font set.

A4; margins 37/35/28/26 mm; 22 lines of 28 characters (exact 28.95 pt leading, 3号 with
−0.25 pt character spacing); page numbers “— 1 —” in 4号宋体, odd pages right and even
pages left, one character in. The measurements behind these numbers are in
``/work/shared/DOCX.md``. The prepared template is cached as bytes, so each document only
re-opens it instead of rebuilding styles.
"""

from __future__ import annotations

import functools
import io

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from zhenwu.documents.fonts import LATIN, FontSet
from zhenwu.documents.ooxml import LINE_PITCH, NS, W, parse, rfonts, rpr

BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
PAGE_NUMBER_SIZE = 14  # 4号
INDENT_2 = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
EXACT = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
FREE = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'

# Word's built-in heading styles, so the navigation pane and outline view work.
HEADING_STYLES = {1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"}


def _style(
    style_id: str, name: str, ppr: str = "", run_pr: str = "", based_on: str = "Normal", extra: str = ""
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style {W} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr>{run_pr}</w:style>"
    )


def _styles(fonts: FontSet) -> list[str]:
    """Paragraph styles in the order they are defined; ids are ASCII, names Chinese."""
    heading_fonts = {1: fonts.hei, 2: fonts.kai, 3: fonts.body, 4: fonts.body}
    headings = [
        _style(
            HEADING_STYLES[level],
            f"heading {level}",
            ppr=f'<w:keepNext/>{INDENT_2}<w:outlineLvl w:val="{level - 1}"/>',
            run_pr=rpr(heading_fonts[level], BODY_SIZE),
            based_on="ZwBody",
            extra='<w:next w:val="ZwBody"/><w:uiPriority w:val="9"/>',
        )
        for level in (1, 2, 3, 4)
    ]
    # −0.25 pt per character fits 28 characters of 3号 into the 156 mm line.
    normal_rpr = rpr(fonts.body, BODY_SIZE, spacing=-5)
    title_rpr = rpr(fonts.title, TITLE_SIZE, bold=fonts.title_bold, spacing=0)
    return [
        _style("Normal", "Normal", based_on="", run_pr=normal_rpr),
        _style("ZwBody", "公文正文", ppr=INDENT_2),
        *headings,
        _style(
            "ZwTitle",
            "公文标题",
            ppr='<w:spacing w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>',
            run_pr=title_rpr,
        ),
        _style("ZwRecipient", "主送机关"),
        _style("ZwAttachment", "附件说明", ppr='<w:ind w:leftChars="200" w:left="640"/>'),
        _style("ZwSignature", "署名", ppr='<w:jc w:val="right"/>'),
        _style("ZwCaption", "题注", ppr='<w:jc w:val="center"/>'),
        _style("ZwGridCaption", "照片说明", ppr=FREE + '<w:jc w:val="center"/>', run_pr=rpr(size=12)),
        _style("ZwTableTitle", "表题", ppr='<w:keepNext/><w:jc w:val="center"/>', run_pr=rpr(fonts.hei)),
        _style("ZwTableUnit", "表格单位", ppr='<w:keepNext/><w:jc w:val="right"/>', run_pr=rpr(size=14)),
        _style("ZwTableText", "表格文字", ppr=FREE + '<w:jc w:val="center"/>', run_pr=rpr(size=12)),
        _style("ZwFigure", "图", ppr=FREE + '<w:jc w:val="center"/>'),
    ]


def _set_defaults(document, fonts: FontSet) -> None:
    """Clear theme fonts (they resolve CJK to a Japanese face) and set grid-friendly defaults."""
    styles = document.styles.element
    defaults_rpr = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr")[0]
    defaults_rpr[:] = list(
        parse(
            f'<w:rPr {W}>{rfonts(fonts.body)}<w:sz w:val="{BODY_SIZE * 2}"/><w:szCs w:val="{BODY_SIZE * 2}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
        )
    )
    styles.xpath("w:docDefaults/w:pPrDefault/w:pPr")[0][:] = [
        parse(f"<w:{tag} {W} {attrs}/>")
        for tag, attrs in (
            ("widowControl", 'w:val="0"'),  # otherwise LibreOffice ends pages at 21 lines
            ("autoSpaceDE", 'w:val="0"'),
            ("autoSpaceDN", 'w:val="0"'),
            ("spacing", f'w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"'),
            ("jc", 'w:val="both"'),
        )
    ]
    ours = {"Normal", "ZwBody", *HEADING_STYLES.values()}
    for style in styles.xpath("w:style"):
        if style.get(qn("w:styleId")) in ours:
            styles.remove(style)
    for xml in _styles(fonts):
        styles.append(parse(xml))
    settings = document.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")


def _set_page(document, fonts: FontSet) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    sect_pr.append(parse(f'<w:docGrid {W} w:type="lines" w:linePitch="{LINE_PITCH}"/>'))
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], fonts.song, odd=True)
    _page_number(section.even_page_footer.paragraphs[0], fonts.song, odd=False)


def _page_number(paragraph, fonts_song: str, odd: bool) -> None:
    """“— PAGE —”: odd pages right, even pages left, one character (4号) in."""
    side = 'w:right="280"' if odd else 'w:left="280"'
    ppr = f'<w:pPr {W}><w:snapToGrid w:val="0"/><w:ind {side}/><w:jc w:val="{"right" if odd else "left"}"/></w:pPr>'
    run_pr = rpr(fonts_song, PAGE_NUMBER_SIZE, latin=fonts_song)
    pieces = (
        '<w:t xml:space="preserve">— </w:t>',
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
        '<w:t xml:space="preserve"> —</w:t>',
    )
    paragraph._p[:] = [parse(ppr)] + [parse(f"<w:r {NS}>{run_pr}{piece}</w:r>") for piece in pieces]


@functools.cache
def template_blob(fonts: FontSet) -> bytes:
    """The default python-docx template turned into an empty GB/T 9704 document."""
    document = docx.Document()
    _set_defaults(document, fonts)
    _set_page(document, fonts)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def new_document(fonts: FontSet):
    """A fresh python-docx Document on the prepared template."""
    return docx.Document(io.BytesIO(template_blob(fonts)))


__all__ = ["BODY_SIZE", "HEADING_STYLES", "LATIN", "new_document", "template_blob"]
