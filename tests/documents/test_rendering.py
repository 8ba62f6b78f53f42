"""Render through LibreOffice and measure the PDF: pages, 22 lines a page, 28 characters a line.

LibreOffice is the only layout engine available without Word; these tests fail (they do
not skip) when it is missing, unless ZHENWU_SKIP_LIBREOFFICE=1 says so explicitly.
"""

from __future__ import annotations

import io
import os
from collections import defaultdict

import pdfplumber
import pytest

from zhenwu.documents import Document, Paragraph, convert_to_pdf, libreoffice_available, write_docx
from zhenwu.documents.pdf import INSTALL_HINT, LibreOfficeMissing

MM = 72 / 25.4
SAMPLE_PAGES = 7
BODY_TOP, BODY_BOTTOM = 35 * MM, (297 - 33) * MM  # the type area with a little slack


@pytest.fixture(scope="module", autouse=True)
def libreoffice():
    if libreoffice_available():
        return
    if os.environ.get("ZHENWU_SKIP_LIBREOFFICE") == "1":
        pytest.skip("ZHENWU_SKIP_LIBREOFFICE=1: LibreOffice rendering tests skipped on request")
    pytest.fail(
        f"LibreOffice is needed for the rendering tests. Install it: {INSTALL_HINT} (or set ZHENWU_SKIP_LIBREOFFICE=1)"
    )


def body_lines(page) -> list[list[dict]]:
    """Characters of 3号 text inside the type area, grouped into lines by their top."""
    lines: dict[int, list[dict]] = defaultdict(list)
    for char in page.chars:
        if 15.5 <= char["size"] <= 16.5 and BODY_TOP <= char["top"] <= BODY_BOTTOM and char["text"].strip():
            lines[round(char["top"] / 4)].append(char)
    return [sorted(chars, key=lambda c: c["x0"]) for _, chars in sorted(lines.items())]


@pytest.fixture(scope="module")
def sample_pdf(sample):
    pdf = convert_to_pdf(write_docx(sample, fonts="gov"))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        yield document


def test_the_sample_renders_to_its_known_page_count(sample_pdf):
    assert len(sample_pdf.pages) == SAMPLE_PAGES


def test_no_page_holds_more_than_22_body_lines(sample_pdf):
    for number, page in enumerate(sample_pdf.pages, start=1):
        assert len(body_lines(page)) <= 22, f"第 {number} 页"


def test_body_text_starts_at_the_28_mm_margin(sample_pdf):
    starts = [line[0]["x0"] / MM for page in sample_pdf.pages for line in body_lines(page)]
    assert min(starts) == pytest.approx(28, abs=0.6)


def test_page_numbers_alternate_right_and_left(sample_pdf):
    for number, page in enumerate(sample_pdf.pages[:2], start=1):
        footer = [c for c in page.chars if c["top"] > BODY_BOTTOM]
        text = "".join(c["text"] for c in sorted(footer, key=lambda c: c["x0"]))
        assert text.replace(" ", "") == f"—{number}—"
        if number % 2:
            assert max(c["x1"] for c in footer) / MM == pytest.approx(210 - 26 - 5.6, abs=1.5)
        else:
            assert min(c["x0"] for c in footer) / MM == pytest.approx(28 + 5.6, abs=1.5)


def test_a_page_of_plain_text_holds_22_lines_of_28_characters():
    sentence = "乡镇重点项目建设稳步推进，各项工作有序开展，全年目标任务有望圆满完成。"
    doc = Document("测试版心", blocks=[Paragraph(sentence * 4) for _ in range(12)])
    with pdfplumber.open(io.BytesIO(convert_to_pdf(write_docx(doc)))) as pdf:
        lines = body_lines(pdf.pages[1])
    assert len(lines) == 22
    # LibreOffice lets a closing 。 hang past the margin, as Word does; count what is inside.
    inside = [[c for c in line if c["x1"] / MM <= 184.5] for line in lines]
    assert max(len(line) for line in inside) == 28
    assert sum(len(line) == 28 for line in inside) >= 10
    assert max(line[-1]["x1"] for line in inside) / MM == pytest.approx(210 - 26, abs=1)


def test_a_missing_libreoffice_says_what_to_install(monkeypatch):
    monkeypatch.setattr("zhenwu.documents.pdf.find_soffice", lambda: None)
    with pytest.raises(LibreOfficeMissing, match="libreoffice-writer-nogui"):
        convert_to_pdf(b"")
