"""``zhenwu report sample``: the sample a user opens in their own Word or WPS."""

from __future__ import annotations

import zipfile

from zhenwu.cli import main


def test_report_sample_writes_a_docx_and_an_html_preview(tmp_path, capsys):
    out, html = tmp_path / "示例.docx", tmp_path / "示例.html"
    assert main(["report", "sample", "-o", str(out), "--fonts", "windows", "--html", str(html)]) == 0
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:eastAsia="仿宋"' in styles
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "已生成" in capsys.readouterr().out


def test_the_fonts_default_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENWU_DOCUMENT_FONTS", "gov")
    out = tmp_path / "gov.docx"
    assert main(["report", "sample", "-o", str(out)]) == 0
    assert "仿宋_GB2312" in zipfile.ZipFile(out).read("word/styles.xml").decode()


def test_report_without_a_kind_explains_itself(capsys):
    assert main(["report"]) == 2
    assert "zhenwu report sample" in capsys.readouterr().err
