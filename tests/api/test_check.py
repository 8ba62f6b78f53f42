"""``POST /api/v1/check``: the JSON of ``zhenwu check --format json``, bounded as the 核稿 page is."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.checking.test_check_page import make_docx
from tests.ledger.factories import all_indicators, make_value
from tests.probes.hostile import docx_bomb
from zhenwu.cli import main

CHECK = "/api/v1/check"
TEXT = "青山镇2025年上半年工作总结\n上半年完成固定资产投资6.5亿元，规上工业产值*亿元。"


def test_a_text_gets_what_the_command_prints(api_as, world, tmp_path, capsys):
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["check", "--format", "json", str(path)]) == 1
    printed = json.loads(capsys.readouterr().out)

    answer = api_as(world.town_a_clerk).post(CHECK, {"text": TEXT})

    assert answer.status_code == 200
    assert answer.json() == printed | {"file": "-"}
    assert [f["code"] for f in answer.json()["findings"]] == ["placeholder"]


def test_an_uploaded_docx_is_read_and_compared_with_the_ledger(api_as, world):
    all_indicators()
    make_value(world, world.town_a, value="6.02")
    document = SimpleUploadedFile("总结.docx", make_docx(*TEXT.splitlines()))

    answer = api_as(world.town_a_clerk).upload(CHECK, {"document": document, "area": world.town_a.code})

    assert answer.status_code == 200, answer.content
    assert answer.json()["file"] == "总结.docx"
    assert answer.json()["ledger_check"]["compared"] >= 1
    assert "ledger-mismatch" in {f["code"] for f in answer.json()["findings"]}


def test_a_text_over_the_pages_limit_is_422(api_as, world, settings):
    settings.MAX_TEXT_CHARS = 200_000
    refused = api_as(world.town_a_clerk).post(CHECK, {"text": "字" * 200_001})
    assert refused.status_code == 422
    assert refused.json()["errors"]["text"].startswith("文字超过 200,000 字的上限（有 200,001 字）")


def test_a_zip_bomb_is_refused_by_name(api_as, world):
    bomb = SimpleUploadedFile("炸弹.docx", docx_bomb())
    refused = api_as(world.town_a_clerk).upload(CHECK, {"document": bomb})
    assert refused.status_code == 422
    assert refused.json()["errors"]["document"].startswith("“炸弹.docx”无法读取")


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "请求"), ({"text": "x", "area": 5}, "请求"), ({"text": "x", "period": "2025-H3"}, "period")],
)
def test_bad_input_is_422_naming_the_field(api_as, world, body, field):
    refused = api_as(world.town_a_clerk).post(CHECK, body)
    assert refused.status_code == 422 and field in refused.json()["errors"]
