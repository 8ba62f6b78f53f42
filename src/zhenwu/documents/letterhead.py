"""版头 and 版记 of an issued 公文, laid out as GB/T 9704-2012 §7.2 and §7.4 place them.

版头: the 发文机关标志 (red, 小标宋, centred) with its top edge 35 mm below the top of the
type area; the 发文字号 centred two lines below it; a red rule as wide as the type area 4 mm
below the 发文字号; the title two lines below the rule. 版记: 抄送 (4号仿宋, one character in
from both sides) over 印发机关 (one character in from the left) and 印发日期 (one character in
from the right), between a thick rule (0.35 mm) above, a thin one (0.25 mm) between and a
thick one below that lies on the bottom edge of the type area of the last page.

The paragraph spacings below were measured on LibreOffice's rendering
(``tests/documents/test_letterhead_layout.py`` checks them within 1 mm).
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from zhenwu.documents.fonts import FontSet
from zhenwu.documents.measure import display_width
from zhenwu.documents.model import Colophon, Letterhead
from zhenwu.documents.ooxml import LINE_PITCH, MM_TWIPS, NS, TYPE_AREA_TWIPS, rfonts, rpr

RED = "FF0000"
MARK_MAX_SIZE = 42.0  # 初号: a character no wider than 15 mm, the long-standing rule for the 标志
MARK_MIN_SIZE = 30.0  # below this a long name is narrowed (character scale) rather than shrunk
TYPE_AREA_PT = TYPE_AREA_TWIPS / 20
TYPE_AREA_HEIGHT_TWIPS = 22 * LINE_PITCH  # 225 mm
EMU_PER_TWIP = 635
MARK_TOP_MM = 35.0  # 发文机关标志上边缘至版心上边缘
RULE_BELOW_NUMBER_MM = 4.0  # 发文字号之下 4 mm 处的红色分隔线
COLOPHON_SIZE = 14  # 4号
CHAR_4 = COLOPHON_SIZE * 20  # one 4号 character in twips
THICK, THIN = 8, 6  # rule widths in eighths of a point: 0.35 mm and 0.26 mm
# Where LibreOffice puts a glyph's top inside an exact line: (line height − size) / 2 + the
# face's ascent above the em box; measured, see the module docstring.
ASCENT_GAP = 0.06


def mark_size(mark: str) -> tuple[float, int]:
    """Font size (pt) and character scale (%) so the 标志 fills at most the type area's width.

    >>> mark_size("青溪县人民政府文件")
    (42.0, 100)
    >>> mark_size("青溪县美丽城镇建设工作领导小组办公室文件")
    (30.0, 73)
    """
    width = display_width(mark) or 1
    size = min(MARK_MAX_SIZE, TYPE_AREA_PT / width)
    size = max(MARK_MIN_SIZE, int(size * 2) / 2)
    scale = min(100, int(TYPE_AREA_PT / (width * size) * 100))
    return size, scale


def _twips(mm: float) -> int:
    return round(mm * MM_TWIPS)


def _glyph_top_twips(line: int, size: float) -> int:
    """Distance from the top of an exact line of ``line`` twips to the top of its glyphs."""
    return round((line - size * 20) / 2 + ASCENT_GAP * size * 20)


def letterhead_xml(head: Letterhead, fonts: FontSet) -> list[str]:
    """The paragraphs of the 版头, ending with the red rule; the title follows after two lines."""
    size, scale = mark_size(head.mark)
    mark_line = round(size * 20 * 1.2)
    before = _twips(MARK_TOP_MM) - _glyph_top_twips(mark_line, size)
    scale_xml = f'<w:w w:val="{scale}"/>' if scale < 100 else ""
    bold = "<w:b/><w:bCs/>" if fonts.title_bold else ""
    mark_rpr = (
        f'<w:rPr>{rfonts(fonts.title)}{bold}<w:color w:val="{RED}"/><w:spacing w:val="0"/>{scale_xml}'
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr>'
    )
    free = '<w:snapToGrid w:val="0"/>'
    mark = (
        f'<w:p {NS}><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/>{free}'
        f'<w:spacing w:before="{before}" w:after="0" w:line="{mark_line}" w:lineRule="exact"/>'
        f'<w:jc w:val="center"/></w:pPr><w:r>{mark_rpr}<w:t>{escape(head.mark)}</w:t></w:r></w:p>'
    )
    # The 发文字号 two 3号 lines below the 标志; the rule hangs 4 mm under its glyphs' bottom.
    glyph_bottom = _glyph_top_twips(LINE_PITCH, 16) + 16 * 20
    space_pt = max(0, round((_twips(RULE_BELOW_NUMBER_MM) - (LINE_PITCH - glyph_bottom)) / 20))
    border = f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="{space_pt}" w:color="{RED}"/></w:pBdr>'
    number = (
        f'<w:p {NS}><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/>{border}{free}'
        f'<w:spacing w:before="{2 * LINE_PITCH}" w:after="{2 * LINE_PITCH}" w:line="{LINE_PITCH}" '
        f'w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>'
        f"<w:r>{rpr(fonts.body, 16, spacing=0)}<w:t>{escape(head.number)}</w:t></w:r></w:p>"
    )
    return [mark, number]


WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def colophon_xml(colophon: Colophon, fonts: FontSet, shape_id: int) -> str:
    """The 版记 as a text box standing on the bottom edge of the type area of the page it ends
    on (an anchored shape: LibreOffice lays full-width floating tables and frames inline)."""
    thick = f'w:val="single" w:sz="{THICK}" w:space="0" w:color="000000"'
    thin = f'w:val="single" w:sz="{THIN}" w:space="0" w:color="000000"'
    paragraphs = []
    lines = 1
    above = thick
    if colophon.copy_to:
        text = "抄送：" + colophon.copy_to.rstrip("。.") + "。"
        lines += copy_to_lines(text)
        hang = 3 * CHAR_4
        # The rules span the type area, so the one above 抄送 (which is indented) has its own line.
        paragraphs.append(_colophon_paragraph("", f"<w:pBdr><w:bottom {thick}/></w:pBdr>", "", line=20))
        paragraphs.append(
            _colophon_paragraph(
                _colophon_run(text, fonts),
                "",
                f'<w:ind w:left="{CHAR_4 + hang}" w:right="{CHAR_4}" w:hanging="{hang}"/>',
            )
        )
        above = thin
    printed = (
        "<w:r><w:tab/></w:r>"
        + _colophon_run(colophon.printed_by, fonts)
        + "<w:r><w:tab/></w:r>"
        + _colophon_run(colophon.printed_text, fonts)
    )
    tabs = f'<w:tab w:val="left" w:pos="{CHAR_4}"/><w:tab w:val="right" w:pos="{TYPE_AREA_TWIPS - CHAR_4}"/>'
    paragraphs.append(
        _colophon_paragraph(
            printed, f"<w:pBdr><w:top {above}/><w:bottom {thick}/></w:pBdr><w:tabs>{tabs}</w:tabs>", ""
        )
    )
    width = round(TYPE_AREA_TWIPS * EMU_PER_TWIP)
    height = round((lines * LINE_PITCH + 80) * EMU_PER_TWIP)
    return (
        f'<w:p {NS} xmlns:wps="{WPS}"><w:pPr><w:pStyle w:val="Normal"/>'
        '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:r><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="0"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape_id}" name="版记"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{''.join(paragraphs)}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" '
        'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        "</w:drawing></w:r></w:p>"
    )


def copy_to_lines(text: str) -> int:
    """Lines the 抄送 takes in 4号, one character in from both sides, later lines under the colon.

    >>> copy_to_lines("抄送：县委办公室。"), copy_to_lines("抄送：" + "县委办公室，" * 8)
    (1, 2)
    """
    first = (TYPE_AREA_TWIPS - 2 * CHAR_4) // CHAR_4
    later = first - 3
    rest = max(0.0, display_width(text) - first)
    return 1 + math.ceil(rest / later)


def _colophon_run(text: str, fonts: FontSet) -> str:
    return f'<w:r>{rpr(fonts.body, COLOPHON_SIZE, spacing=0)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _colophon_paragraph(runs: str, borders_and_tabs: str, ind: str, line: int = LINE_PITCH) -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="Normal"/>{borders_and_tabs}<w:snapToGrid w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>{ind}<w:jc w:val="left"/>'
        f"</w:pPr>{runs}</w:p>"
    )
