"""``zhenwu check --area``: a report's figures compared with the area's ledger.

The ledger is 青山镇's at the end of June 2025 (tests/summaries/conftest.py): 固定资产投资 6.02亿元
(approved, 5.57 a year before, target 12), 规上工业产值 20.5亿元, 绿化覆盖率 41.2%.
"""

from __future__ import annotations

import json
import subprocess
import sys

import docx
import pytest

from tests.summaries.conftest import ledger  # noqa: F401  (the fixture)
from zhenwu.cli import main


def run_check(*args, capsys):
    code = main(["check", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def check_json(*args, capsys):
    code, out, _ = run_check("--format", "json", *args, capsys=capsys)
    return code, json.loads(out)


def drafted_summary(town, tmp_path, capsys):
    """The half-year summary ``zhenwu report summary`` drafts for ``town`` from its ledger."""
    path = tmp_path / "青山镇2025年上半年工作总结.docx"
    assert main(["report", "summary", "--area", town.code, "--period", "2025-H1", "-o", str(path)]) == 0
    capsys.readouterr()
    return path


def change_by_hand(path, old: str, new: str) -> None:
    """What a writer does in Word: type over one figure of the draft (it must be there once)."""
    document = docx.Document(path)
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if old in run.text]
    assert len(runs) == 1 and runs[0].text.count(old) == 1
    runs[0].text = runs[0].text.replace(old, new)
    document.save(path)


def write(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_drafted_summary_agrees_with_the_ledger_it_was_drafted_from(ledger, tmp_path, capsys):  # noqa: F811
    draft = drafted_summary(ledger.town_a, tmp_path, capsys)
    code, result = check_json(draft, "--area", ledger.town_a.code, capsys=capsys)
    assert code == 0
    assert result["findings"] == []
    # 6.02亿元 8.1% 50.2%, 20.5亿元 3.5% 45.6%, 41.2% in 成效 and 45.6% again in 存在问题
    assert result["ledger_check"]["compared"] == 8
    assert result["ledger_check"]["period"] == "2025-H1" and result["ledger_check"]["period_from"] == "text"


def test_a_figure_changed_by_hand_is_the_one_ledger_mismatch(ledger, tmp_path, capsys):  # noqa: F811
    draft = drafted_summary(ledger.town_a, tmp_path, capsys)
    change_by_hand(draft, "6.02亿元", "6.5亿元")
    code, result = check_json(draft, "--area", ledger.town_a.code, capsys=capsys)
    assert code == 1
    [finding] = result["findings"]
    assert (finding["code"], finding["severity"], finding["span"]) == ("ledger-mismatch", "error", "6.5亿元")
    assert result["text"][finding["start"] : finding["end"]] == "6.5亿元"
    assert result["text"][finding["start"] - 10 : finding["start"]] == "全镇完成固定资产投资"
    assert finding["message"] == (
        "与台账不符：文中写的是“6.5亿元”；台账：青山镇 固定资产投资 2025年1-6月 为6.02亿元（已审核）"
    )


def test_the_text_output_says_what_was_compared(ledger, tmp_path, capsys):  # noqa: F811
    draft = drafted_summary(ledger.town_a, tmp_path, capsys)
    change_by_hand(draft, "6.02亿元", "6.5亿元")
    code, out, _ = run_check(draft, "--area", ledger.town_a.code, capsys=capsys)
    assert code == 1
    assert "错误 [ledger-mismatch] 与台账不符：文中写的是“6.5亿元”" in out
    assert "全镇完成固定资产投资【6.5亿元】" in out
    assert "与台账比对：青山镇 2025年1-6月（报告期取自文中），比对 " in out and "1 个不符" in out


def test_the_json_contract_of_a_ledger_mismatch(ledger, tmp_path, capsys):  # noqa: F811
    report = write(
        tmp_path,
        "青山镇2025年上半年工作总结\n上半年，全镇完成固定资产投资6.5亿元，同比增长9.1%，占全年目标的40.2%。",
    )
    code, result = check_json(report, "--area", ledger.town_a.code, capsys=capsys)
    assert code == 1
    plain = {"code", "severity", "start", "end", "span", "message"}
    assert [set(finding) for finding in result["findings"]] == [plain | {"ledger"}] * 3
    value, growth, completion = (finding["ledger"] for finding in result["findings"])
    assert value == {
        "area": "青山镇",
        "area_code": ledger.town_a.code,
        "indicator": "固定资产投资",
        "indicator_code": "GDTZ",
        "period": "2025年1-6月",
        "measure": "value",
        "value": value["value"],
        "unit": "亿元",
        "status": "approved",
    }
    assert float(value["value"]) == 6.02
    assert (growth["measure"], growth["unit"], round(float(growth["value"]), 1)) == ("growth", "%", 8.1)
    assert (completion["measure"], round(float(completion["value"]), 1)) == ("completion", 50.2)
    assert "同比增长8.1%（已审核）" in result["findings"][1]["message"]
    assert "占全年目标的50.2%（已审核）" in result["findings"][2]["message"]
    assert result["ledger_check"] == {
        "area": "青山镇",
        "area_code": ledger.town_a.code,
        "period": "2025-H1",
        "period_from": "text",
        "compared": 3,
        "mismatches": 3,
        "note": "与台账比对：青山镇 2025年1-6月（报告期取自文中），比对 3 个数字，3 个不符",
    }


def test_without_a_period_in_the_text_nothing_is_compared_until_one_is_given(ledger, tmp_path, capsys):  # noqa: F811
    report = write(tmp_path, "上半年，全镇完成固定资产投资6.5亿元。")
    code, out, _ = run_check(report, "--area", ledger.town_a.code, capsys=capsys)
    assert code == 0
    assert "未与青山镇台账比对：文中开头看不出报告期" in out
    code, out, _ = run_check(report, "--area", ledger.town_a.code, "--period", "2025-H1", capsys=capsys)
    assert code == 1
    assert "[ledger-mismatch]" in out and "（报告期按指定），比对 1 个数字，1 个不符" in out


def test_the_period_given_wins_over_the_one_in_the_text(ledger, tmp_path, capsys):  # noqa: F811
    report = write(tmp_path, "青山镇2025年上半年工作总结\n全镇完成固定资产投资6.5亿元。")
    assert run_check(report, "--area", ledger.town_a.code, capsys=capsys)[0] == 1
    code, result = check_json(report, "--area", ledger.town_a.code, "--period", "2025-05", capsys=capsys)
    assert code == 0  # the ledger has no 1-5月 figure: nothing to compare
    assert result["ledger_check"]["period"] == "2025-01..2025-05" and result["ledger_check"]["compared"] == 0


def test_a_figure_of_another_period_or_a_target_is_not_compared(ledger, tmp_path, capsys):  # noqa: F811
    report = write(
        tmp_path,
        "青山镇2025年上半年工作总结\n1-5月，全镇完成固定资产投资5.1亿元。固定资产投资全年目标15亿元，"
        "上年同期5亿元。新建村道固投项目3个。",
    )
    code, result = check_json(report, "--area", ledger.town_a.code, capsys=capsys)
    assert (code, result["findings"], result["ledger_check"]["compared"]) == (0, [], 0)


def test_an_unknown_area_or_a_period_without_an_area_is_refused(ledger, tmp_path, capsys):  # noqa: F811
    report = write(tmp_path, "上半年，全镇完成固定资产投资6.5亿元。")
    code, _, err = run_check(report, "--area", "390123999000", capsys=capsys)
    assert code == 2 and "找不到区划代码 390123999000" in err
    code, _, err = run_check(report, "--period", "2025-H1", capsys=capsys)
    assert code == 2 and "--period 只能与 --area 一起使用" in err


def test_a_bad_period_says_what_is_expected(ledger, tmp_path, capsys):  # noqa: F811
    report = write(tmp_path, "上半年，全镇完成固定资产投资6.5亿元。")
    with pytest.raises(SystemExit):
        main(["check", str(report), "--area", ledger.town_a.code, "--period", "2025-H3"])
    assert "2025-H1（上半年）" in capsys.readouterr().err


def test_without_area_the_command_still_starts_no_django(tmp_path):
    report = write(tmp_path, "上半年完成固定资产投资6.02亿元，规模以上工业总产值达*亿元。")
    script = (
        "import sys; from zhenwu.cli import main; code = main(['check', sys.argv[1]]); "
        "code2 = main(['check', '--period', '2025-H1', sys.argv[1]]); "
        "print(code, code2, [m for m in sys.modules if m == 'django' or m.startswith('django.')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(report)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "1 2 []"
