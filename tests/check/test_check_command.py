"""``zhenwu check`` on real files: exit codes, the JSON contract, text output, --annotate."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from zhenwu.cli import check as check_command
from zhenwu.cli import main

REPORT = (
    "上半年完成固定资产投资6.02亿元，占全年目标的50.2%；总投资16亿元的项目已并网发电，"
    "产业园面积4.5平方公里，种植面积1.5万亩，工业纳税销售同比增长26.6%，每户补助3-5万元。\n"
    "规模以上工业总产值达*亿元，完成投资额亿元。"
)
CLEAN = "上半年完成固定资产投资6.02亿元，占全年目标的50.2%。"


def run_check(*args, capsys):
    code = main(["check", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def report_txt(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_it_exits_1_and_points_at_each_error(report_txt, capsys):
    code, out, _ = run_check(report_txt, capsys=capsys)
    assert code == 1
    assert f"{report_txt}:2:11: 错误 [placeholder]" in out
    assert "规模以上工业总产值达【*亿元】，完成投资额亿元。" in out
    assert "[missing-number]" in out


def test_it_exits_0_for_a_clean_report(tmp_path, capsys):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run_check(path, capsys=capsys)
    assert code == 0
    assert "未发现问题" in out


def test_the_json_contract(report_txt, capsys):
    code, out, _ = run_check(report_txt, "--format", "json", capsys=capsys)
    payload = json.loads(out)
    assert code == 1
    assert set(payload) >= {"file", "text", "figures", "findings"}
    assert payload["file"] == str(report_txt)
    assert payload["text"] == REPORT
    figures = {f["span"]: f for f in payload["figures"]}
    for figure in payload["figures"]:
        assert {"start", "end", "span", "value", "unit", "kind", "subject", "approx"} <= set(figure)
        assert payload["text"][figure["start"] : figure["end"]] == figure["span"]
    assert (figures["16亿元"]["value"], figures["16亿元"]["unit"]) == ("1600000000", "元")
    assert (figures["1.5万亩"]["value"], figures["1.5万亩"]["unit"]) == ("15000", "亩")
    assert (figures["4.5平方公里"]["value"], figures["4.5平方公里"]["unit"]) == ("4.5", "平方公里")
    assert (figures["26.6%"]["value"], figures["26.6%"]["unit"], figures["26.6%"]["kind"]) == (
        "26.6",
        "%",
        "growth",
    )
    assert (figures["6.02亿元"]["subject"], figures["50.2%"]["kind"]) == ("固定资产投资", "completion")
    assert (figures["3-5万元"]["value"], figures["3-5万元"]["value_max"]) == ("30000", "50000")
    for finding in payload["findings"]:
        assert set(finding) == {"code", "severity", "start", "end", "span", "message"}
        assert payload["text"][finding["start"] : finding["end"]] == finding["span"]
    assert [(f["code"], f["severity"], f["span"]) for f in payload["findings"]] == [
        ("placeholder", "error", "*亿元"),
        ("missing-number", "error", "亿元"),
    ]


@pytest.mark.parametrize(
    "items",
    [
        [{"span": '}, {"start": 1', "n": 1}, {"span": "x"}],  # the boundary written inside a string
        [{"ledger": [{"a": 1}, {"b": 2}]}, {"c": 3}],  # an item holding a list of objects
        [{"a": 1}, "x", {}, [{"b": 2}, {"c": 3}], None],  # items that are not objects
        [{"a": {"b": 1}}, {"c": 2}],
    ],
)
def test_the_items_of_a_list_are_encoded_one_per_line_as_each_alone(items):
    separator = ",\n    "
    assert check_command._joined(items, separator) == separator.join(
        json.dumps(item, ensure_ascii=False) for item in items
    )


def test_several_files_give_a_json_array(report_txt, tmp_path, capsys):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    code, out, _ = run_check(report_txt, clean, "--format", "json", capsys=capsys)
    payload = json.loads(out)
    assert code == 1
    assert [item["file"] for item in payload] == [str(report_txt), str(clean)]


def test_it_reads_gbk_text(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes(REPORT.encode("gbk"))
    code, out, _ = run_check(path, "--format", "json", capsys=capsys)
    assert code == 1
    assert json.loads(out)["text"] == REPORT


def test_it_reads_pasted_text_from_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("同比增长%".encode())))
    code, out, _ = run_check("-", capsys=capsys)
    assert code == 1
    assert "[missing-number]" in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "文件不存在"),
        ("old.doc", b"\xd0\xcf\x11\xe0", ".doc"),
        ("broken.docx", b"not a zip", "无法打开 .docx"),
        ("binary.txt", b"\x00\x01\x02\x03", "不是文本文件"),
        ("image.png", b"\x89PNG", "不支持的文件类型"),
    ],
)
def test_it_exits_2_for_input_it_cannot_read(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, _, err = run_check(path, capsys=capsys)
    assert code == 2
    assert message in err


def _report_docx(path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("上半年完成固定资产投资")
    paragraph.add_run("6.02亿元").bold = True
    paragraph.add_run("，规模以上工业总产值达*亿元，")
    paragraph.add_run("同比增长%。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "完成投资", "完成投资额亿元"
    document.add_paragraph("全年目标12亿元。")
    document.save(path)


def test_it_reads_docx_paragraphs_and_tables_in_order(tmp_path, capsys):
    path = tmp_path / "report.docx"
    _report_docx(path)
    code, out, _ = run_check(path, "--format", "json", capsys=capsys)
    payload = json.loads(out)
    assert code == 1
    assert payload["text"] == (
        "上半年完成固定资产投资6.02亿元，规模以上工业总产值达*亿元，同比增长%。\n指标\t数值\n完成投资\t完成投资额亿元\n全年目标12亿元。"
    )


def test_annotate_puts_a_comment_exactly_on_each_finding(tmp_path, capsys):
    source, out = tmp_path / "report.docx", tmp_path / "checked.docx"
    _report_docx(source)
    code, _, _ = run_check(source, "--annotate", out, capsys=capsys)
    assert code == 1
    commented = docx.Document(out)
    comments = list(commented.comments)
    assert len(comments) == 3
    assert all(c.author == "镇务核稿" for c in comments)
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode()
    anchored = _commented_texts(body)
    assert sorted(anchored) == sorted(["*亿元", "%", "亿元"])
    # the copy still reads as the same text, so the same findings come back
    code, again, _ = run_check(out, "--format", "json", capsys=capsys)
    assert [f["span"] for f in json.loads(again)["findings"]] == ["*亿元", "%", "亿元"]


def _commented_texts(xml: str) -> list[str]:
    import re

    texts = []
    for match in re.finditer(
        r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', xml, re.S
    ):
        texts.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", match.group(2))))
    return texts


def test_annotate_refuses_input_that_is_not_docx(report_txt, tmp_path, capsys):
    code, _, err = run_check(report_txt, "--annotate", tmp_path / "out.docx", capsys=capsys)
    assert code == 2
    assert "--annotate" in err


def test_it_reads_a_pdf_text_layer(tmp_path, capsys):
    source = tmp_path / "report.docx"
    document = docx.Document()
    document.add_paragraph("一、工作成效")
    document.add_paragraph(
        "上半年完成固定资产投资6.02亿元，占全年目标的50.2%；规模以上工业总产值达*亿元，完成投资额亿元，"
        "这一段文字足够长，会在页面宽度处折行，读取时要把折行接回去。农业产值2.55亿元，同比增长6.89%。"
    )
    document.save(source)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    code, out, _ = run_check(tmp_path / "report.pdf", "--format", "json", capsys=capsys)
    payload = json.loads(out)
    assert code == 1
    assert payload["text"].split("\n")[0] == "一、工作成效"
    assert "达*亿元，完成投资额亿元，这一段文字" in payload["text"]
    assert [f["code"] for f in payload["findings"]] == ["placeholder", "missing-number"]
    assert "2.55亿元" in {f["span"] for f in payload["figures"]}


def test_check_starts_fast_without_django(report_txt):
    script = (
        "import sys; from zhenwu.cli import main; code = main(['check', sys.argv[1]]); "
        "heavy = [m for m in ('django', 'docx', 'pdfplumber', 'charset_normalizer') if m in sys.modules]; "
        "print(code, heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(report_txt)], capture_output=True, text=True, check=True
    )
    # What keeps it fast is what it leaves unimported; a clock here only measured the shared CI core.
    assert result.stdout.strip().splitlines()[-1] == "1 []"


def test_the_installed_command_gives_the_same_exit_status(report_txt):
    executable = Path(sys.executable).with_name("zhenwu")
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "zhenwu"]
    result = subprocess.run([*command, "check", str(report_txt)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "[placeholder]" in result.stdout


def test_a_web_page_gets_the_review_and_the_commented_copy_in_one_call(tmp_path):
    from zhenwu.documents.comments import review_docx

    source = tmp_path / "report.docx"
    _report_docx(source)
    result, annotated = review_docx(source.read_bytes())
    assert [f.code for f in result.findings] == ["placeholder", "missing-number", "missing-number"]
    assert result.to_dict()["text"].startswith("上半年完成固定资产投资6.02亿元")
    assert len(list(docx.Document(__import__("io").BytesIO(annotated)).comments)) == 3


def test_a_folder_is_checked_file_by_file(tmp_path, capsys):
    folder = tmp_path / "reports"
    (folder / "town").mkdir(parents=True)
    (folder / "a.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "town" / "b.txt").write_text("同比增长%", encoding="utf-8")
    (folder / "notes.png").write_bytes(b"\x89PNG")
    code, out, _ = run_check(folder, "--format", "json", capsys=capsys)
    assert code == 1
    assert [Path(item["file"]).name for item in json.loads(out)] == ["a.txt", "b.txt"]


def test_the_command_checks_a_report_longer_than_the_web_pages_cap(tmp_path, capsys):
    """The web's 200,000-character cap guards a shared server; the command reads one's own files."""
    path = tmp_path / "long.txt"
    path.write_text("完成投资额亿元。" * 40_000, encoding="utf-8")  # 320,000 characters, one line
    code, out, err = run_check(path, "--format", "json", capsys=capsys)
    assert code == 1, err
    assert len(json.loads(out)["findings"]) == 40_000


def test_a_docx_table_reads_a_row_a_line_and_its_total_row_is_checked(tmp_path, capsys):
    path = tmp_path / "table.docx"
    document = docx.Document()
    document.add_paragraph("各村人口统计如下：")
    rows = [
        ("村名", "户数(户)", "耕地(亩)", "人口(人)"),
        ("灵泉", "1279", "3200", "5110"),
        ("石桥", "980", "2800", "4021"),
        ("合计", "2259", "6000", "9231"),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(path)
    code, out, _ = run_check(path, "--format", "json", capsys=capsys)
    payload = json.loads(out)
    assert payload["text"].splitlines()[1:] == ["\t".join(row) for row in rows]
    assert code == 1
    assert [(f["code"], f["span"]) for f in payload["findings"]] == [("parts-sum-mismatch", "9231")]
