"""The page set-up, styles and fonts of GB/T 9704, read back from the .docx."""

from __future__ import annotations

import io
import zipfile

import docx

from tests.documents.conftest import NS, part_xml, w
from zhenwu.documents.fonts import FONT_SETS


def test_it_lays_out_an_a4_page_with_the_standard_margins(opened, package):
    size = part_xml(package, "word/document.xml").find(".//w:sectPr/w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    section = opened.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def test_it_sets_a_grid_of_22_lines(package):
    grid = part_xml(package, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(w("type")) == "lines"
    assert grid.get(w("linePitch")) == "579"  # 225 mm / 22 lines


def test_normal_text_is_3hao_with_exact_leading_and_no_widow_control(package):
    styles = part_xml(package, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:rPr/w:sz", NS).get(w("val")) == "32"
    assert normal.find("w:rPr/w:spacing", NS).get(w("val")) == "-5"
    defaults = styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
    assert defaults.find("w:widowControl", NS).get(w("val")) == "0"
    spacing = defaults.find("w:spacing", NS)
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("579", "exact")


def test_it_writes_east_asian_fonts_for_each_font_set(sample_bytes, fonts):
    expected = FONT_SETS[fonts]
    package = zipfile.ZipFile(io.BytesIO(sample_bytes))
    styles = part_xml(package, "word/styles.xml")

    def east_asia(style_id):
        return styles.find(f"w:style[@w:styleId='{style_id}']/w:rPr/w:rFonts", NS).get(w("eastAsia"))

    assert east_asia("Normal") == expected.body
    assert east_asia("ZwTitle") == expected.title
    assert [east_asia(f"Heading{n}") for n in (1, 2, 3, 4)] == [
        expected.hei,
        expected.kai,
        expected.body,
        expected.body,
    ]
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(w("eastAsia")) == expected.body
    assert not [name for name in defaults.attrib if name.endswith("Theme")]  # theme fonts → MS Mincho
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(w("eastAsia")) == "zh-CN"


def test_the_windows_set_names_only_fonts_plain_windows_ships(sample):
    from zhenwu.documents import write_docx

    xml = b"".join(
        zipfile.ZipFile(io.BytesIO(write_docx(sample, fonts="windows"))).read(name)
        for name in ("word/styles.xml", "word/document.xml")
    ).decode()
    assert "_GB2312" not in xml
    assert "方正" not in xml


def test_headings_use_the_builtin_heading_styles_with_outline_levels(opened):
    headings = [p for p in opened.paragraphs if p.style.name.startswith("Heading")]
    assert [p.text for p in headings[:3]] == [
        "一、主要工作成效",
        "（一）经济运行稳中向好",
        "（二）重点项目加快推进",
    ]
    assert {p.style.name for p in headings} == {"Heading 1", "Heading 2", "Heading 3", "Heading 4"}
    assert "1.工业项目" in [p.text for p in headings]
    assert "（1）污水管网" in [p.text for p in headings]
    for paragraph in headings:
        assert paragraph.style.paragraph_format.keep_with_next


def test_body_paragraphs_indent_their_first_line_two_characters(package):
    styles = part_xml(package, "word/styles.xml")
    indent = styles.find("w:style[@w:styleId='ZwBody']/w:pPr/w:ind", NS)
    assert indent.get(w("firstLineChars")) == "200"


def test_page_numbers_sit_right_on_odd_pages_and_left_on_even_pages(opened, package):
    assert opened.settings.odd_and_even_pages_header_footer
    section = opened.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert (odd.alignment, even.alignment) == (2, 0)  # RIGHT, LEFT
    for footer in (odd, even):
        assert footer.text.startswith("— ") and footer.text.endswith(" —")
        assert " PAGE " in "".join(t.text for t in footer._p.iter(w("instrText")))
        run_fonts = footer.runs[0]._r.find(f"{w('rPr')}/{w('rFonts')}")
        assert run_fonts.get(w("eastAsia")) == "宋体"
        assert footer.runs[0].font.size.pt == 14


def test_core_properties_name_zhenwu_not_python_docx(opened):
    assert opened.core_properties.author == "镇务 Zhenwu"
    assert opened.core_properties.title == "青山镇2025年上半年重点工作情况报告"
    assert "python-docx" not in (opened.core_properties.comments or "")


def test_the_title_comes_first_then_a_blank_line_then_the_recipient(opened):
    first = opened.paragraphs[:3]
    assert first[0].style.name == "公文标题"
    assert first[1].text == ""
    assert first[2].text == "青溪县人民政府："


def test_text_outside_gb2312_falls_back_to_plain_fangsong():
    from zhenwu.documents import Document, Paragraph, write_docx

    data = write_docx(Document("标题", blocks=[Paragraph(["联系人", "王喆"])]), fonts="gov")
    runs = docx.Document(io.BytesIO(data)).paragraphs[-1].runs
    fonts = [r._r.find(f"{w('rPr')}/{w('rFonts')}") for r in runs]
    assert fonts[0] is None  # the style's 仿宋_GB2312
    assert fonts[1].get(w("eastAsia")) == "仿宋"
