"""Heading numbers as literal text: 一、 / （一） / 1. / （1）.

Word's automatic numbering (chineseCounting) is lost by most readers and by copy and
paste, so the engine writes the numbers into the text itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from zhenwu.documents.model import Block, Heading

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """Write 1–99 the way headings count.

    >>> [chinese_number(n) for n in (1, 10, 11, 20, 23)]
    ['一', '十', '十一', '二十', '二十三']
    """
    if not 1 <= n <= 99:
        raise ValueError(f"标题序号只支持 1–99，收到 {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def heading_label(level: int, n: int) -> str:
    """The ordinal for the n-th heading of a level.

    >>> [heading_label(level, 2) for level in (1, 2, 3, 4)]
    ['二、', '（二）', '2.', '（2）']
    """
    if level == 1:
        return chinese_number(n) + "、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def number_headings(blocks: Iterable[Block]) -> dict[int, str]:
    """Map ``id(heading)`` to its label; counters restart below each higher heading.

    A heading with a literal ``number`` keeps it and still counts, so a caller can
    start a list at “五、” and the engine continues with “六、”.
    """
    counters = [0, 0, 0, 0]
    labels: dict[int, str] = {}
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        index = block.level - 1
        counters[index] += 1
        counters[index + 1 :] = [0] * (3 - index)
        labels[id(block)] = (
            heading_label(block.level, counters[index]) if block.number is None else block.number
        )
    return labels
