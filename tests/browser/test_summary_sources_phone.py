"""On a phone there is no hover: tapping a figure of a summary shows where it came from."""

import pytest

from zhenwu.documents import Document, Paragraph, Run, render_html

pytestmark = pytest.mark.browser


def test_a_tap_on_a_figure_shows_its_source(phone):
    doc = Document(
        "上半年工作总结",
        blocks=[
            Paragraph(["完成固定资产投资", Run("6.02亿元", comment="台账：固定资产投资 1-6月累计"), "。"])
        ],
    )
    phone.set_content(render_html(doc, standalone=True))
    figure = phone.locator(".zw-source")
    shown = "el => getComputedStyle(el, '::after').content"
    assert figure.evaluate(shown) in ("none", "normal", "")
    figure.tap()
    assert "台账：固定资产投资 1-6月累计" in figure.evaluate(shown)
