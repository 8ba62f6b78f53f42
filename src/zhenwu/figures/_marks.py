"""Where the punctuation of a text stands, so that "is there a full stop between these two
figures?" costs a binary search instead of a slice of the text.

Relations are looked for between figures that may be far apart in a pasted paragraph with
no full stop in it; slicing the text between them for every pair made the checker
quadratic in the paragraph (a 19 MB paste held the server for minutes).
"""

from __future__ import annotations

import re
from bisect import bisect_left

SENTENCE_BREAKS = "。；;\n"
CLAUSE_BREAKS = "，,；;。"


class Marks:
    """The sorted positions of some characters in one text.

    >>> marks = Marks("增长5%，其中一产3%。二产", "。")
    >>> marks.between(0, 11), marks.between(0, 12)
    (False, True)
    """

    __slots__ = ("_positions",)

    def __init__(self, text: str, characters: str = "", *, pattern: re.Pattern | None = None) -> None:
        """The places of ``characters``, or of the matches of ``pattern`` (a word or a phrase)."""
        if pattern is None:
            self._positions = _places(text, characters)
        else:
            self._positions = [match.start() for match in pattern.finditer(text)]

    def between(self, start: int, end: int) -> bool:
        """True when one of the characters stands in ``text[start:end]``."""
        index = bisect_left(self._positions, start)
        return index < len(self._positions) and self._positions[index] < end

    def last_before(self, offset: int) -> int:
        """Where the last of the characters before ``offset`` stands, or -1 (as ``str.rfind``)."""
        index = bisect_left(self._positions, offset)
        return self._positions[index - 1] if index else -1

    def first_from(self, offset: int) -> int:
        """Where the first of the characters at or after ``offset`` stands, or -1 (as ``str.find``)."""
        index = bisect_left(self._positions, offset)
        return self._positions[index] if index < len(self._positions) else -1

    def count(self, start: int, end: int) -> int:
        """How many of the characters stand in ``text[start:end]``."""
        if end <= start:
            return 0
        return bisect_left(self._positions, end) - bisect_left(self._positions, start)


def _places(text: str, characters: str) -> list[int]:
    """Where each of ``characters`` stands in ``text``, in order.

    ``str.find`` passes over a text several times faster than a regular expression's scan
    for a class of characters, so one search per character and a sort cost less.
    """
    places = []
    for character in set(characters):  # each once, as in a class
        at = text.find(character)
        while at >= 0:
            places.append(at)
            at = text.find(character, at + 1)
    places.sort()
    return places


class Lines(Marks):
    """Line numbers of offsets in one text, each found by binary search.

    >>> lines = Lines("第一行\\n第二行有错")
    >>> lines.position(6), lines.bounds(6, 7)
    ((2, 3), (4, 9))
    """

    __slots__ = ("_length",)

    def __init__(self, text: str) -> None:
        super().__init__(text, "\n")
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``, as editors and compilers report them."""
        return self.count(0, offset) + 1, offset - self.last_before(offset)

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Where the line holding ``text[start:end]`` begins and ends (without its line break)."""
        line_end = self.first_from(end)
        return self.last_before(start) + 1, self._length if line_end < 0 else line_end
