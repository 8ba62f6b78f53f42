"""Every summary drafted from the demo county's ledger agrees with that ledger when checked against it.

The counts of the ledger (新增规上工业企业 2家, 老旧小区改造 126户, 刑事案件发案数 33起) are written in
full and exact: a draft that writes them as the ledger has them must not be told it disagrees.
"""

from __future__ import annotations

import json

from zhenwu import demo
from zhenwu.areas.models import Area
from zhenwu.cli import main


def test_every_drafted_summary_of_the_demo_county_agrees_with_its_ledger(db, tmp_path, capsys):
    county = demo.load()
    towns = [county.county, *Area.objects.get_children(county.county)[:3]]
    for area in towns:
        for period in (f"{county.today.year}-H1", str(county.today.year)):
            path = tmp_path / f"{area.code}-{period}.docx"
            assert main(["report", "summary", "--area", area.code, "--period", period, "-o", str(path)]) == 0
            capsys.readouterr()
            code = main(["check", "--format", "json", "--area", area.code, str(path)])
            result = json.loads(capsys.readouterr().out)
            assert result["findings"] == [], (area.name, period, result["findings"][:3])
            assert code == 0 and result["ledger_check"]["compared"] >= 5
