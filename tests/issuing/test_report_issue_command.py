"""``zhenwu report … --issue``: the 通报 issued under the office's next 文号, which is printed."""

from __future__ import annotations

import io

import docx
import pytest

from tests.issuing.factories import make_settings
from zhenwu.cli import main
from zhenwu.issuing.models import IssuedNumber


def paragraphs(path) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_issue_prints_the_number_and_registers_it(world, tmp_path, capsys):
    make_settings(world, world.town_a, copy_to="县委办公室")
    out = tmp_path / "通报.docx"
    args = [
        "report",
        "inspections",
        "--area",
        world.town_a.code,
        "--month",
        "2026-03",
        "-o",
        str(out),
        "--issue",
    ]
    assert main(args) == 0
    assert "文号：青山政〔2026〕12号" in capsys.readouterr().out
    text = paragraphs(out)
    assert "青山镇人民政府文件" in text and "青山政〔2026〕12号" in text
    assert IssuedNumber.objects.get().source == f"{world.town_a.code} 2026-03"
    assert main(args) == 0
    assert "文号：青山政〔2026〕13号" in capsys.readouterr().out


def test_issue_with_several_offices_asks_which(world, tmp_path, capsys):
    make_settings(world, world.town_a)
    make_settings(world, world.town_b, prefix="白政")
    out = tmp_path / "通报.docx"
    code = world.town_a.code
    with pytest.raises(SystemExit) as stopped:
        main(["report", "inspections", "--area", code, "--month", "2026-03", "-o", str(out), "--issue"])
    assert stopped.value.code == 2
    assert "请用 --office 指定印发单位" in capsys.readouterr().err
    assert not IssuedNumber.objects.exists()
    args = [
        "report",
        "inspections",
        "--area",
        code,
        "--month",
        "2026-03",
        "-o",
        str(out),
        "--issue",
        "--office",
        "白政",
    ]
    assert main(args) == 0
    assert "文号：白政〔2026〕12号" in capsys.readouterr().out


def test_without_issue_the_report_stays_a_plain_draft(world, tmp_path):
    make_settings(world, world.town_a)
    out = tmp_path / "通报.docx"
    assert (
        main(["report", "inspections", "--area", world.town_a.code, "--month", "2026-03", "-o", str(out)])
        == 0
    )
    assert "青山政〔" not in paragraphs(out)
    assert not IssuedNumber.objects.exists()
