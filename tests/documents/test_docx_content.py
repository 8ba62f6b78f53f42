"""Charts, tables, photos, comments, attachments and signature, read back from the .docx."""

from __future__ import annotations

import io
import posixpath

import docx
import openpyxl
import pytest
from lxml import etree

from tests.documents.conftest import NS, part_xml, w
from zhenwu.documents import Chart, Document, Photo, Series, Table, write_docx
from zhenwu.documents.sample import sample_photo

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels(package, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    tree = part_xml(package, f"{folder}/_rels/{name}.rels")
    return {r.get("Id"): posixpath.normpath(posixpath.join(folder, r.get("Target"))) for r in tree}


def test_each_chart_is_a_native_chart_part_with_an_embedded_workbook(package):
    names = package.namelist()
    charts = sorted(n for n in names if n.startswith("word/charts/chart"))
    workbooks = sorted(n for n in names if n.startswith("word/embeddings/Microsoft_Excel_Sheet"))
    assert len(charts) == len(workbooks) == 4
    content_types = package.read("[Content_Types].xml").decode()
    assert "application/vnd.openxmlformats-officedocument.drawingml.chart+xml" in content_types
    for chart in charts:
        external = part_xml(package, chart).find(f"{{{C_NS}}}externalData")
        rel_id = external.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        assert rels(package, chart)[rel_id] in workbooks


def test_the_embedded_workbook_holds_the_categories_and_values(package):
    chart = next(
        n
        for n in package.namelist()
        if n.startswith("word/charts/") and b'<c:barDir val="col"/>' in package.read(n)
    )
    workbook_name = next(iter(rels(package, chart).values()))
    sheet = openpyxl.load_workbook(io.BytesIO(package.read(workbook_name))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1:] == ("目标进度", "实际完成")
    assert [r[0] for r in rows[1:]] == ["1月", "2月", "3月", "4月", "5月", "6月"]
    assert [r[2] for r in rows[1:]] == [0.82, 1.65, 2.91, 3.96, 5.08, 6.02]


def test_charts_name_an_east_asian_font_and_chinese_language(package):
    for name in (n for n in package.namelist() if n.startswith("word/charts/chart")):
        tree = part_xml(package, name)
        assert tree.find(f"{{{C_NS}}}lang").get("val") == "zh-CN"
        latins = tree.findall(f".//{{{A_NS}}}latin")
        assert latins
        assert all(latin.getnext().tag == f"{{{A_NS}}}ea" for latin in latins)


def test_chart_kinds_are_column_bar_line_and_pie(package):
    xml = b"".join(package.read(n) for n in package.namelist() if n.startswith("word/charts/chart"))
    for tag in (
        b"<c:barChart>",
        b"<c:lineChart>",
        b"<c:pieChart>",
        b'<c:barDir val="bar"/>',
        b'<c:barDir val="col"/>',
    ):
        assert tag in xml


def test_drawings_have_unique_ids(package):
    document = part_xml(package, "word/document.xml")
    ids = [
        e.get("id")
        for e in document.iter(
            "{http://schemas.openxmlformats.org/drawingmlDrawing/2006/wordprocessingDrawing}docPr"
        )
    ]
    ids = ids or [e.get("id") for e in document.iter() if etree.QName(e).localname == "docPr"]
    assert len(ids) == 10  # 4 charts + 6 photos
    assert len(set(ids)) == len(ids)


def test_photos_are_embedded_within_the_type_area_with_captions_below(opened):
    shapes = opened.inline_shapes
    pictures = [s for s in shapes if s._inline.graphic.graphicData.uri.endswith("/picture")]
    assert len(pictures) == 6
    for picture in pictures:
        assert picture.width.mm <= 156.01
        assert abs(picture.width / picture.height - 4 / 3) < 0.01  # aspect kept
    paragraphs = opened.paragraphs
    captions = [p for p in paragraphs if p.style.name == "题注"]
    assert captions[0].text.startswith("图1 ")
    before = paragraphs[paragraphs.index(captions[0]) - 1] if captions[0] in paragraphs else None
    assert before is not None and before._p.xpath(".//pic:pic")


def test_big_photos_are_downscaled_and_small_ones_kept_byte_for_byte():
    small, big = sample_photo(1, (800, 600)), sample_photo(2, (4000, 3000))
    data = write_docx(Document("照片", blocks=[Photo(small, "小"), Photo(big, "大")]))
    blobs = sorted(
        (
            p.blob
            for p in docx.Document(io.BytesIO(data)).part.package.iter_parts()
            if p.partname.startswith("/word/media/")
        ),
        key=len,
    )
    assert small in blobs
    from PIL import Image

    assert max(Image.open(io.BytesIO(blobs[-1])).size) == 1600


def test_tables_repeat_their_header_and_never_split_rows(package):
    tables = part_xml(package, "word/document.xml").findall(".//w:tbl", NS)
    assert len(tables) == 2
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
        assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows)
        widths = [int(col.get(w("w"))) for col in table.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(widths) == 8844  # 156 mm


def test_table_text_is_in_cells_with_the_header_in_heiti(opened):
    table = opened.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "项目名称", "年度计划投资"]
    assert table.rows[1].cells[1].text == "智能装备产业园一期"
    header_font = table.rows[0].cells[0].paragraphs[0].runs[0]._r.find(f"{w('rPr')}/{w('rFonts')}")
    assert header_font.get(w("eastAsia")) == "黑体"


def test_sources_become_word_comments_when_asked(opened, sample):
    comments = list(opened.comments)
    assert len(comments) == 4
    assert comments[0].author == "镇务"
    assert "固定资产投资" in comments[0].text
    assert write_docx(sample, fonts="gov").count(b"word/comments.xml") == 0


def test_attachments_and_signature_close_the_document(opened):
    texts = [p.text for p in opened.paragraphs]
    assert "附件：1. 2025年上半年重点项目推进情况表" in texts
    assert "2. 暗访督查问题清单" in texts
    assert texts[-2:] == ["青溪县青山镇人民政府", "2025年7月10日"]
    org, date = opened.paragraphs[-2:]
    assert org.paragraph_format.right_indent.pt == pytest.approx(2 * 16, abs=1)
    # the date starts two characters right of the 署名: 2 + 10 − 2 − 6.5 (digits are half width)
    assert date.paragraph_format.right_indent.pt == pytest.approx(3.5 * 16, abs=1)


def test_a_page_break_starts_the_next_block_on_a_new_page():
    from zhenwu.documents import PageBreak, Paragraph

    data = write_docx(Document("分页", blocks=[Paragraph("甲"), PageBreak(), Paragraph("乙")]))
    last = docx.Document(io.BytesIO(data)).paragraphs[-1]
    assert last.text == "乙" and last.paragraph_format.page_break_before


def test_bad_input_is_refused_with_a_chinese_message():
    with pytest.raises(ValueError, match="系列"):
        Chart("column", "图", ["甲", "乙"], [Series("s", [1])])
    with pytest.raises(ValueError, match="不支持的图表类型"):
        Chart("radar", "图", ["甲"], [Series("s", [1])])
    with pytest.raises(ValueError, match="第 1 行"):
        Table(["甲", "乙"], [[1]])
    with pytest.raises(ValueError, match="未知字体方案"):
        write_docx(Document("标题"), fonts="mac")
