"""A table split over pages keeps at least two rows with the repeated header on each page."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from zhenwu.documents import Document, Paragraph, Table, convert_to_pdf, write_docx

ROWS = [[rank, f"青山镇{rank:02d}", "95.5", "优秀", "上升1位"] for rank in range(1, 13)]


# Paragraphs before the table: 4 left the 12th row alone on page 2, 8 the 1st alone on page 1.
@pytest.mark.parametrize("paragraphs", [4, 8])
def test_no_table_row_stands_alone_on_a_page(paragraphs):
    text = "乡镇重点项目建设稳步推进，各项工作有序开展。" * 2
    doc = Document(
        "测试表格分页",
        blocks=[Paragraph(text) for _ in range(paragraphs)]
        + [Table(["名次", "单位", "得分", "等次", "较上期"], ROWS, caption="考核排名")],
    )
    with pdfplumber.open(io.BytesIO(convert_to_pdf(write_docx(doc)))) as pdf:
        per_page = [(page.extract_text() or "").count("青山镇") for page in pdf.pages]
    assert sum(per_page) == len(ROWS)
    assert 1 not in per_page, per_page
