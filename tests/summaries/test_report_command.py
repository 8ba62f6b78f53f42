"""``zhenwu report summary``: the .docx it writes, checked by ``zhenwu check``, finds nothing."""

from __future__ import annotations

import contextlib
import json

from zhenwu.cli import main


def test_the_command_writes_a_summary_the_checker_finds_nothing_in(ledger, tmp_path, capsys):
    path = tmp_path / "qs.docx"
    html = tmp_path / "qs.html"
    args = ["report", "summary", "--area", ledger.town_a.code, "--period", "2025-H1", "-o", str(path)]
    assert main([*args, "--html", str(html)]) == 0
    assert "6.02亿元" in html.read_text(encoding="utf-8")
    capsys.readouterr()
    main(["check", "--format", "json", str(path)])
    result = json.loads(capsys.readouterr().out)
    result = result[0] if isinstance(result, list) else result
    assert result["findings"] == []
    assert any(figure["span"] == "6.02亿元" for figure in result["figures"])


def test_a_wrong_period_says_what_is_expected(ledger, tmp_path, capsys):
    with contextlib.suppress(SystemExit):
        main(
            [
                "report",
                "summary",
                "--area",
                ledger.town_a.code,
                "--period",
                "2025-H3",
                "-o",
                str(tmp_path / "x.docx"),
            ]
        )
    assert "2025-H1" in capsys.readouterr().err
