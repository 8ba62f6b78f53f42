"""Read a figure's role and subject from the words before it.

"完成固定资产投资6.02亿元，占全年目标的50.2%" — the amount's subject is 固定资产投资; the
percent is a target completion whose base is 全年目标 and whose subject is inherited from
the amount it follows in the same clause group.
"""

from __future__ import annotations

import re

from zhenwu.figures import _data
from zhenwu.figures._marks import CLAUSE_BREAKS, SENTENCE_BREAKS, Marks
from zhenwu.figures.model import Figure

_CLAUSE = re.compile(r"[^，,。；;：:、！？!?\n（）()“”\"「」]*$")
_SHARE = re.compile(r"占(?P<base>[^，,。；;、]{0,18}?)的?(?:比重|比例)?(?:为|达到?|约)?$")
_COMPLETION = re.compile(
    r"(?:完成|达到|为)(?P<base>[^，,。；;、]{0,12}?(?:目标|计划|任务)[^，,。；;、的]{0,4}?)的?$|完成率(?:为|达到?)?$"
)
_GROWTH = re.compile(
    r"(?<!自然)(?P<verb>{})(?:比例|幅度|率)?(?:了|为|是|达到?了?|到达了?|约)?(?P<minus>[-－负])?$".format(
        "|".join(_data.GROWTH_UP + _data.GROWTH_DOWN)
    )
)
_GROWTH_OF_AMOUNT = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|比年初|较年初|与上年相比)(?P<verb>增长|增加|减少|下降)了?$"
)  # 存款余额334973万元，比年初增加60574万元: the change since the year began
_POINTS = re.compile(
    r"(?P<verb>高于|超过|超出|快于|领先|提高|上升|增加|低于|慢于|落后|下降|降低|回落|减少|超)"
)
_DOWN_WORDS = ("低于", "慢于", "落后", "下降", "降低", "回落", "减少", "降幅", "减幅")
_VERB_SPLIT = re.compile(
    r"完成了?|实现了?|达到了?|累计|共计|共有|合计|总计|预计|新增|引进|落实|争取|开工建设|建成(?!区)|建设了?|启动了?"
    r"|推进了?|铺设|加快|涉及|出动|送出|举办|由|从|增长到|增加到|提高到|下降到|减少到|扩大到|提升到|上升到|降至|增至|分别为|分别是|分别达到?|分别"
    r"|[0-9xX×*＊]{2,4}年度?|\d{1,2}月份?"
)
_PREFIX = re.compile("^(?:{})+".format("|".join(sorted(_data.SUBJECT_PREFIXES, key=len, reverse=True))))
_SUFFIX = re.compile("(?:{})+$".format("|".join(sorted(_data.SUBJECT_SUFFIXES, key=len, reverse=True))))
_RELATION_TAIL = re.compile(
    r"(?:同比|比上年|较上年|比去年|较去年|比年初|较年初)?(?:{})(?:了|为|达到?|约)?$|(?:{})[^，,。；;]*$|占.*$|完成[^完成]*$".format(
        "|".join(_data.GROWTH_UP + _data.GROWTH_DOWN), "高于|低于|超过|快于|慢于|落后|领先"
    )
)
_KIND_OF_DIMENSION = {"money": "amount", "count": "count", "number": "amount", "multiple": "multiple"}
_RELATIVE = {"growth", "share", "completion", "points"}
_LIST_JOINS = ("、", "和", "及", "与", ",、")


def classify(text: str, figures: list[Figure]) -> list[Figure]:
    """Give each figure its kind, subject, base and direction from its left context.

    The figures are fresh from the scanner and are completed in place, which keeps the
    scanner at millions of characters a second.
    """
    clauses, sentences = Marks(text, CLAUSE_BREAKS), Marks(text, SENTENCE_BREAKS)
    anchor: Figure | None = None  # the last level figure of the clause group
    previous: Figure | None = None
    for figure in figures:
        left = _left(text, figure.start, previous.end if previous else 0)
        if figure.kind in ("date", "ratio"):
            figure.subject = _subject(left)
            previous = figure
            continue
        _assign_role(figure, left)
        if (
            figure.kind == "percent"
            and previous is not None
            and previous.kind in ("growth", "share", "completion")
            and text[previous.end : figure.start] in _LIST_JOINS
        ):  # 分别增长7.9%和4.8%, 比重分别为13.76%和5.69%: the list's rates are all of the first one's kind
            figure.kind, figure.direction = previous.kind, previous.direction
            figure.base = figure.base or previous.base
        # A rate belongs to the figure just before it, at most one clause back
        # (完成X亿元，同比增长Y%); a clause in between without a figure breaks the chain.
        near = previous is not None and clauses.count(previous.end, figure.start) <= 1
        if not near or (anchor is not None and sentences.between(anchor.end, figure.start)):
            anchor = None
        if figure.kind in _RELATIVE:
            if anchor is not None:
                figure.subject = anchor.subject
            else:
                figure.subject = _subject(_RELATION_TAIL.sub("", left))
                if not figure.subject and near and not sentences.between(previous.end, figure.start):
                    figure.subject = previous.subject  # 增速7.5%，高于全县平均1.2个百分点
        else:
            figure.subject = _subject(left)
            if not figure.subject and previous is not None and clauses.count(previous.end, figure.start) == 0:
                figure.subject = previous.subject  # 由3.2平方公里扩大到4.5平方公里
            anchor = figure
        previous = figure
    return figures


_PDF_GAPS = frozenset(" \u3000\t\n")


def _is_han(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff"


def _left(text: str, start: int, previous_end: int) -> str:
    """The clause before ``start``, stopping at the previous figure. Spaces and a line break a PDF
    put between a word and its figure (同比增长 11.1%, 同比增长⏎4.58%) stand for nothing."""
    if start and text[start - 1] not in _PDF_GAPS:
        left = _CLAUSE.search(text, max(previous_end, start - 24), start).group()
        opens = start - len(left)
        if opens - 2 >= previous_end and text[opens - 1] == "\n" and _is_han(text[opens - 2]):
            # 同比增⏎长46.6%: a word a PDF's line cut in two
            left = _CLAUSE.search(text, max(previous_end, opens - 1 - 24), opens - 1).group() + left
        return left
    end = start
    while end > previous_end and text[end - 1] in " \u3000\t":
        end -= 1
    if end - 1 > previous_end and text[end - 1] == "\n" and "\u4e00" <= text[end - 2] <= "\u9fff":
        end -= 1
    return _CLAUSE.search(text, max(previous_end, end - 24), end).group()


def _assign_role(figure: Figure, left: str) -> None:
    dimension = figure.dimension
    if figure.direction == "flat" or figure.kind == "growth":
        return
    if dimension == "percent":
        if match := _SHARE.search(left):
            base = match["base"]
            figure.kind = "completion" if any(word in base for word in _data.TARGET_WORDS) else "share"
            figure.base = base.removeprefix("比") or None  # 占比61.1%: no whole named
        elif match := _COMPLETION.search(left):
            figure.kind, figure.base = "completion", match["base"]
        elif match := _GROWTH.search(left):
            direction = _direction(match["verb"])
            if match["minus"]:  # 增长-3.1%: a fall written as negative growth
                direction = "up" if direction == "down" else "down"
            figure.kind, figure.direction = "growth", direction
        else:
            figure.kind = "percent"
    elif dimension == "points":
        figure.kind = "points"
        matches = list(_POINTS.finditer(left))
        if matches:
            figure.direction = _direction(matches[-1]["verb"])
            figure.base = left[matches[-1].end() :] or None
    elif match := _GROWTH_OF_AMOUNT.search(left):
        figure.kind, figure.direction = "growth", _direction(match["verb"])
    else:
        figure.kind = _KIND_OF_DIMENSION.get(dimension, "measure")


def _direction(verb: str) -> str:
    return "down" if verb in _DOWN_WORDS else "up"


def _subject(left: str) -> str:
    """The indicator phrase in a clause: the words after its last verb, trimmed."""
    for part in reversed(_VERB_SPLIT.split(left)):
        part = _SUFFIX.sub("", _PREFIX.sub("", part.strip()))
        if part:
            return part
    return ""
