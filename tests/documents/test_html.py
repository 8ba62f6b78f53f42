"""The HTML preview: same structure as the .docx, every text escaped, sources on hover."""

from __future__ import annotations

import re

from zhenwu.documents import Chart, Document, Heading, Paragraph, Run, Series, Table, render_html


def test_it_renders_the_title_recipient_headings_and_tables(sample):
    html = render_html(sample)
    assert '<h1 class="zw-title">青山镇2025年上半年重点工作情况报告</h1>' in html
    assert "青溪县人民政府：" in html
    for heading in (
        "一、主要工作成效",
        "（一）经济运行稳中向好",
        "1.工业项目",
        "（1）污水管网",
        "三、下步计划",
    ):
        assert heading in re.sub(r"<[^>]+>", "", html)
    assert html.count("<table>") == 2
    assert "<caption>表1 青山镇2025年重点项目推进情况</caption>" in html
    assert "<th>项目名称</th>" in html


def test_charts_are_inline_svg_and_photos_data_uris(sample):
    html = render_html(sample)
    assert html.count("<svg") == 4
    assert html.count('src="data:image/jpeg;base64,') == 6
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert "<script" not in html


def test_it_escapes_text_everywhere():
    evil = '<script>alert("x")</script>&'
    doc = Document(
        evil,
        recipient=evil,
        blocks=[
            Heading(1, evil),
            Paragraph([Run(evil, comment=evil)]),
            Table([evil], [[evil]], caption=evil, unit=evil),
            Chart("column", evil, [evil], [Series(evil, [1])]),
        ],
    )
    html = render_html(doc, standalone=True)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_sources_show_on_hover(sample):
    html = render_html(sample)
    assert 'title="台账：固定资产投资 1-6月累计 60200万元（县统计局反馈）"' in html
    assert 'data-source="60200 ÷ 年度目标 120000 万元"' in html


def test_standalone_is_a_whole_page_and_the_fragment_is_not(sample):
    assert render_html(sample, standalone=True).startswith("<!DOCTYPE html>")
    fragment = render_html(sample)
    assert fragment.startswith('<div class="zw-doc"><style>')
    assert "<html" not in fragment
