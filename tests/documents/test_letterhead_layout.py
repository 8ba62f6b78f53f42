"""版头 and 版记 measured on LibreOffice's rendering against GB/T 9704-2012, within 1 mm.

§7.2.2 发文机关标志 top edge 35 mm below the type area's top (37 + 35 = 72 mm from the page
top), red, centred; §7.2.3 发文字号 centred; §7.2.4 red rule as wide as the type area, 4 mm
below the 发文字号; §7.4 版记: 抄送 and 印发机关 one 4号 character in from the left, 印发日期
one character in from the right, the last rule on the bottom edge of the type area of the
last page (297 − 35 = 262 mm), its last line (印发机关 and 印发日期) the last line of the type
area. Printed on both sides (§8.2 双面印刷), the last 面 is an even page, as §7.5 assumes
when it speaks of a blank page before the 版记 page: the 版记 shares the body's last page when
that is even and has room, else takes the next page, else follows a blank one.
"""

from __future__ import annotations

import datetime
import io
import re

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from zhenwu.documents import (
    Colophon,
    Document,
    Letterhead,
    Paragraph,
    Placement,
    Signature,
    convert_to_pdf,
    write_docx,
)
from zhenwu.documents.placing import fit_colophon

MM = 72 / 25.4
TOLERANCE = 1.0  # mm
LEFT, RIGHT = 28.0, 184.0
CHAR_4 = 14 / MM  # one 4号 character in mm
RED = (1.0, 0.0, 0.0)
OFFICE = "青溪县美丽城镇建设工作领导小组办公室"
TEXT = "乡镇重点项目建设稳步推进，各项工作有序开展，全年目标任务有望圆满完成。" * 3


def issued(paragraphs: int) -> Document:
    today = datetime.date(2026, 12, 7)
    return Document(
        "关于2026年三季度美丽城镇建设考核结果的通报",
        recipient="各乡镇人民政府、街道办事处",
        blocks=[Paragraph(TEXT) for _ in range(paragraphs)] + [Signature(OFFICE, today)],
        letterhead=Letterhead(f"{OFFICE}文件", "青美城办〔2026〕12号"),
        colophon=Colophon(OFFICE, today, "县委办公室，县政府办公室，县人大常委会办公室，县政协办公室"),
    )


# paragraphs of body → where the 版记 goes (measured on LibreOffice's layout)
CASES = {
    1: Placement.SAME,  # short: signature on page 1, the 版记 alone on page 2
    8: Placement.NEXT,  # the body ends on page 3 with room: the 版记 still goes to page 4
    6: Placement.AFTER_BLANK,  # the 版记 would stand alone on page 3: page 3 blank, 版记 on 4
    14: Placement.SAME,  # long: the body ends on page 4 with room for it
}


@pytest.fixture(scope="module", params=list(CASES), ids=["short", "ends-odd", "fills-even", "long"])
def placed(request):
    document = fit_colophon(issued(request.param))
    with pdfplumber.open(io.BytesIO(convert_to_pdf(write_docx(document)))) as rendered:
        yield request.param, document.colophon.placement, rendered


@pytest.fixture(scope="module")
def pdf(placed):
    return placed[2]


def mm(value: float) -> float:
    return value / MM


def red_ink_box(page) -> tuple[float, float, float, float]:
    """Left, top, right, bottom (mm) of the red glyph ink above the rule, from a 300 dpi raster."""
    image = page.to_image(resolution=300).original.convert("RGB")
    pixels = image.load()
    rule_top = min(line["top"] for line in page.lines if line["stroking_color"] == RED) / MM
    found = [
        (x, y)
        for y in range(0, round((rule_top - 2) / 25.4 * 300))
        for x in range(0, image.width, 2)
        if (lambda r, g, b: r > 180 and g < 90 and b < 90)(*pixels[x, y])
    ]
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return tuple(v / 300 * 25.4 for v in (min(xs), min(ys), max(xs), max(ys)))


def line_of(page, text: str) -> list[dict]:
    """The characters of the last place ``text`` is printed on the page."""
    chars = sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))
    joined = "".join(c["text"] for c in chars)
    start = joined.rindex(text)
    return chars[start : start + len(text)]


def test_the_mark_is_red_with_its_top_edge_35_mm_below_the_type_area(pdf):
    page = pdf.pages[0]
    mark = line_of(page, f"{OFFICE}文件")
    assert {c["non_stroking_color"] for c in mark} == {RED}
    left, top, right, _ = red_ink_box(page)
    assert top == pytest.approx(37 + 35, abs=TOLERANCE)
    assert (left + right) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=TOLERANCE)
    assert right - left <= RIGHT - LEFT


def test_the_number_is_centred_and_the_red_rule_4_mm_below_it_spans_the_type_area(pdf):
    page = pdf.pages[0]
    number = line_of(page, "青美城办〔2026〕12号")
    assert (mm(number[0]["x0"]) + mm(number[-1]["x1"])) / 2 == pytest.approx(106, abs=TOLERANCE)
    rules = [line for line in page.lines if line["stroking_color"] == RED]
    assert rules, "no red rule"
    rule = rules[0]
    assert mm(rule["top"]) - mm(max(c["bottom"] for c in number)) == pytest.approx(4, abs=TOLERANCE)
    assert (mm(rule["x0"]), mm(rule["x1"])) == (
        pytest.approx(LEFT, abs=TOLERANCE),
        pytest.approx(RIGHT, abs=TOLERANCE),
    )


def test_the_title_follows_the_rule_after_two_blank_lines(pdf):
    page = pdf.pages[0]
    rule = min(line["top"] for line in page.lines if line["stroking_color"] == RED)
    title = line_of(page, "关于2026年")
    # two 3号 lines (2 × 28.95 pt = 20.4 mm) of white, then the title's first line
    assert mm(title[0]["top"] - rule) == pytest.approx(20.4 + 4, abs=6)


def test_the_colophon_stands_on_the_bottom_of_the_last_pages_type_area(pdf):
    page = pdf.pages[-1]
    rules = sorted(
        (line for line in page.lines if line["stroking_color"] != RED), key=lambda line: line["top"]
    )
    assert len(rules) == 3
    first, middle, last = rules
    assert mm(last["top"]) == pytest.approx(297 - 35, abs=TOLERANCE)
    for rule in rules:
        assert (mm(rule["x0"]), mm(rule["x1"])) == (
            pytest.approx(LEFT, abs=TOLERANCE),
            pytest.approx(RIGHT, abs=TOLERANCE),
        )
    assert first["linewidth"] > middle["linewidth"]  # thick, thin, thick
    copy_to = line_of(page, "抄送：")
    printed_by = line_of(page, OFFICE + "2026")[: len(OFFICE)]
    printed_on = line_of(page, "2026年12月7日印发")
    assert (
        mm(first["top"])
        < mm(copy_to[0]["top"])
        < mm(middle["top"])
        < mm(printed_by[0]["top"])
        < mm(last["top"])
    )
    assert mm(copy_to[0]["x0"]) == pytest.approx(LEFT + CHAR_4, abs=TOLERANCE)
    assert mm(printed_by[0]["x0"]) == pytest.approx(LEFT + CHAR_4, abs=TOLERANCE)
    assert mm(printed_on[-1]["x1"]) == pytest.approx(RIGHT - CHAR_4, abs=TOLERANCE)
    assert all(c["size"] == pytest.approx(14) for c in copy_to + printed_on)


def test_the_colophon_is_placed_from_the_layout(placed):
    paragraphs, placement, _ = placed
    assert placement == CASES[paragraphs]


def test_the_colophon_ends_the_document_on_an_even_page(pdf):
    assert len(pdf.pages) % 2 == 0
    assert "2026年12月7日印发" in "".join(c["text"] for c in pdf.pages[-1].chars)
    assert not any("印发" in "".join(c["text"] for c in page.chars) for page in pdf.pages[:-1])


def test_the_colophons_last_line_is_the_last_line_of_the_type_area(pdf):
    page = pdf.pages[-1]
    printed = line_of(page, "2026年12月7日印发")
    line = 225 / 22  # mm: 22 lines fill the 225 mm type area
    centre = (mm(printed[0]["top"]) + mm(printed[0]["bottom"])) / 2
    assert centre == pytest.approx(297 - 35 - line / 2, abs=TOLERANCE)
    below = [c for c in page.chars if mm(c["top"]) > mm(printed[0]["bottom"]) and mm(c["top"]) < 297 - 35]
    assert not below  # nothing between it and the bottom edge of the type area


def test_only_a_page_before_a_lone_colophon_is_left_blank(placed):
    _, placement, pdf = placed
    before = "".join(c["text"] for c in pdf.pages[-2].chars).replace(" ", "")
    if placement == Placement.AFTER_BLANK:
        assert before == ""  # not even a page number (§7.5)
    else:
        assert len(before) > 10  # the body goes on up to the 版记's page


def page_numbers(page) -> list[str]:
    """The “— N —” printed below the type area of the page."""
    foot = "".join(c["text"] for c in page.chars if mm(c["top"]) > 297 - 35).replace(" ", "")
    return re.findall(r"—\d+—", foot)


def test_a_blank_page_before_the_colophon_and_the_colophons_page_carry_no_number(placed):
    """§7.5: 版记页前有空白页的，空白页和版记页均不编排页码; every other page is numbered."""
    _, placement, pdf = placed
    unnumbered = 2 if placement == Placement.AFTER_BLANK else 0
    numbered = pdf.pages[: len(pdf.pages) - unnumbered]
    assert [page_numbers(page) for page in numbered] == [[f"—{n}—"] for n in range(1, len(numbered) + 1)]
    for page in pdf.pages[len(numbered) :]:
        assert page_numbers(page) == [] and not re.search(r"—\d+—", "".join(c["text"] for c in page.chars))


def test_without_a_rendering_the_colophon_starts_an_even_page():
    """The writer's default, for a word processor that lays it out itself: a section on an even page."""
    document = issued(3)
    assert document.colophon.placement == Placement.EVEN
    data = write_docx(document)
    body = docx.Document(io.BytesIO(data)).element.body
    sections = body.findall(".//{*}sectPr")
    assert len(sections) == 2
    assert sections[-1].find("{*}type").get(qn("w:val")) == "evenPage"
    with pdfplumber.open(io.BytesIO(convert_to_pdf(data))) as rendered:
        assert len(rendered.pages) % 2 == 0
        assert "2026年12月7日印发" in "".join(c["text"] for c in rendered.pages[-1].chars)


def test_a_document_without_letterhead_has_no_red_and_no_colophon():
    plain = issued(3)
    plain.letterhead = plain.colophon = None
    with pdfplumber.open(io.BytesIO(convert_to_pdf(write_docx(plain)))) as document:
        assert not [c for page in document.pages for c in page.chars if c["non_stroking_color"] == RED]
        assert "抄送" not in "".join(c["text"] for c in document.pages[-1].chars)
