"""OneScan finds what each pattern's own finditer finds, on the texts most full of blanks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zhenwu.figures import checker
from zhenwu.figures._scan import OneScan

TESTS = Path(__file__).resolve().parents[1]
BLANKS = (
    "办学机构()个，从年的12.25%，4653人,%,%，面积万亩，队员人,月日,到万余亩，征地余亩，"
    "下辖个行政村，新增户；国民生产总值.万元，群众万人。海拔米，年月日在镇第十二届人代会上。 年政府工作回顾；"
    "基金 万元，来访群众 人次，服务基\n层，人均元，新批协会个，完成投资额亿元，同比增长%，征地宗万平方米，回顾 年，"
)


def _spans(found: list[list[re.Match]]) -> list[list[tuple[int, int]]]:
    return [[match.span() for match in matches] for matches in found]


@pytest.mark.parametrize(
    "text",
    [
        BLANKS,
        BLANKS * 3,
        "".join(
            path.read_text(encoding="utf-8") for path in sorted((TESTS / "corpus_dev" / "dev").glob("*.txt"))
        ),
        (TESTS / "figures" / "test_checker.py").read_text(encoding="utf-8"),
    ],
    ids=["blanks", "blanks repeated", "dev corpus", "checker tests"],
)
def test_the_blanks_are_found_as_each_pattern_finds_them(text):
    patterns = checker._BLANKS.patterns
    scan = OneScan(*patterns, shortest=0)  # the one scan, whatever the text's length
    assert _spans(scan.finditer_each(text)) == _spans([list(p.finditer(text)) for p in patterns])


def test_a_pattern_without_a_leading_lookahead_is_tried_everywhere():
    scan = OneScan(re.compile("ab"), re.compile("(?=b)b+"), re.compile("\n"), shortest=0)
    assert _spans(scan.finditer_each("abbb\nab")) == [[(0, 2), (5, 7)], [(1, 4), (6, 7)], [(4, 5)]]


@pytest.mark.parametrize("pattern", [re.compile("a", re.IGNORECASE), re.compile("(a)b")])
def test_a_pattern_with_flags_or_numbered_groups_is_refused(pattern):
    with pytest.raises(ValueError):
        OneScan(pattern)
