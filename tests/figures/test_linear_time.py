"""核稿 takes time in proportion to the text, however long and unpunctuated its paragraph.

A pasted report can be one paragraph of a million characters. Each shape below once made
the checker quadratic or worse (a 19 MB paste held the server for over 13 minutes; fifty
figures after 其中 in one sentence took 18 s). Each is checked at two lengths, four times
apart, in a fresh process with a time limit, so that a return of the old behaviour fails
here instead of hanging: linear work takes about four times as long, quadratic sixteen.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Runs in the child: the best of three CPU timings of review() on the text read from stdin.
_TIMER = """
import json, sys, time
from zhenwu.figures import review
text = sys.stdin.read()
best = float("inf")
for _ in range(3):
    started = time.process_time()
    result = review(text)
    best = min(best, time.process_time() - started)
print(json.dumps({"seconds": best, "figures": len(result.figures)}))
"""


def _report_without_line_breaks() -> str:
    return "".join(
        path.read_text(encoding="utf-8").replace("\n", "") for path in sorted(CORPUS.glob("*.txt"))
    )


SHAPES = {
    "real report, one paragraph": _report_without_line_breaks(),
    "amounts, rates and 其中 with no full stop": "完成投资12亿元同比增长5%其中",
    "shares of a target, comma after comma": "完成投资6.02亿元，占全年目标的50.2%，",
    "growth between two stated values": "由3.2亿元增长到4.5亿元，增长40.6%，",
    "counts and amounts with their parts": "项目22个，投资3.97亿元，其中工业项目17个，投资2亿元，",
    "parts that never add up": "总数12亿元，其中5亿元、5亿元、5亿元、5亿元、5亿元、5亿元、",
    "slogans in quotes": "“一个",
    "bare numbers": "1 ",
    "masked counts that could be names": "张北县 xx家，",
    "totals with nothing added before them": "收入总计3万元，",
    "blanks of every kind": "办学机构()个，从年的，4653人,%,面积万亩，队员人,月日,",
    "parts said twice and halves": "共有党支部18个,其中村党支部14个,14个村党支部,总人口1200人，男650人，女550人，",
    "budget sums with no full stop": "收入1万元，加上补助2万元，收入总计3万元，财力3万元，由收入1万元，加上2万元构成，",
    "years of a duration and numbers alone on a line": "租期10年\n7\n家，新增户，",
    "rows of a flattened table and respective shares": "| 甲 | 3 | 1.5 | 4 |\n分别为3.2、5.1和4.0亿元，分别占60%、36.7%和3.3%，",
    "counts, names and a line break in a number": "辖东村、西村、南村3个行政村，户户人，总人口1\n0485人，182户159人，",
    "halves of a named whole, sex ratios and a units line": (
        "总人口中，男性18826人，占48.7%，女性19863人，占51.3%；出生男婴164人，女婴131人，性别比125.2，"
        "为-3.9%，单位：人、%\n乡镇\t人口\t比重\n甲\t3\t1.5\n面积8.1平方公里，总人口5749人，人口密度709.8人/平方公里，"
    ),
    "tables between spaces and a cell a line": "地区 人口 比重\n甲镇 3 1.5\n乙镇 4 2.5\n九龙\n朝阳\n17\n78\n2.3\n1.6\n",
    "a cell a line with no names": "人口\n17 |\n",
    "yearly averages over the years": "预计2011年总产值473.8万元,比2006年增长42%,年均增长18.4%,",
}


def _timed(text: str) -> dict:
    completed = subprocess.run(
        [sys.executable, "-c", _TIMER], input=text, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(completed.stdout)


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_checking_time_grows_in_proportion_to_the_paragraph(shape):
    unit = SHAPES[shape]
    short = (unit * (40_000 // len(unit) + 1))[:40_000]
    long = (unit * (160_000 // len(unit) + 1))[:160_000]
    small, large = _timed(short), _timed(long)
    # Below a few milliseconds the timer's resolution decides the ratio: nothing to measure.
    ratio = large["seconds"] / max(small["seconds"], 0.005)
    assert ratio < 7, f"{shape}: 4× the text took {ratio:.1f}× the time ({small} → {large})"
