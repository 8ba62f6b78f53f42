"""Several patterns looked for in one scan of a text, each with what its own ``finditer`` finds.

The engine passes quickly over a text only to a pattern that starts by consuming a character
of a set; a pattern that starts with a lookahead (``(?=[万余])…``, as the checker's patterns do)
is tried at every character, and a dozen such scans of a long report took most of the time
of the rules that use them, though their matches are few.
"""

from __future__ import annotations

import re

# What a pattern's leading lookahead says its match starts with: [万余] or 年 (not a [^…]).
_LEADING_CHARACTER = re.compile(r"\(\?=(\[(?!\^)(?:\\.|[^\]\\])*\]|[^\\\[\](){}.^$*+?|])")
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class OneScan:
    """The matches of each of ``patterns`` in a text, found by one scan of it.

    The pattern that scans for all of them is compiled when a text of ``shortest`` characters
    or more first asks for it (some 20 ms: as long as a dozen scans of 100,000 characters);
    a shorter text is scanned by each pattern in turn.

    >>> scan = OneScan(re.compile("(?=[万亿])(?<=[的达])万?亿元"), re.compile("(?=年)(?<=于)年"), shortest=0)
    >>> [[m.span() for m in found] for found in scan.finditer_each("达亿元，于年，达万亿元")]
    [[(1, 3), (8, 11)], [(5, 6)]]
    """

    __slots__ = ("_by_first", "_candidates", "patterns", "shortest")

    def __init__(self, *patterns: re.Pattern, shortest: int = 100_000) -> None:
        for pattern in patterns:  # joined as written, they may have no flags and no numbered group
            if pattern.flags != re.UNICODE or pattern.groups != len(pattern.groupindex):
                raise ValueError(f"OneScan takes no flags and no numbered group: {pattern.pattern[:40]}")
        self.patterns = patterns
        self.shortest = shortest
        self._candidates: re.Pattern | None = None
        self._by_first: dict[str, list[int]] | None = None

    def finditer_each(self, text: str) -> list[list[re.Match]]:
        """What ``pattern.finditer(text)`` yields for each pattern, in the order given.

        One scan finds the places where some pattern matches, and each pattern is tried only
        there; a pattern's matches do not overlap, as finditer's do not.
        """
        if len(text) < self.shortest:
            return [list(pattern.finditer(text)) for pattern in self.patterns]
        if self._candidates is None:
            self._candidates = _any_start(self.patterns)
            self._by_first = _patterns_by_first_character(self.patterns)
        found: list[list[re.Match]] = [[] for _ in self.patterns]
        every = range(len(self.patterns))
        for candidate in self._candidates.finditer(text):
            at = candidate.start()
            for index in self._by_first.get(text[at], every):  # only the patterns that may start here
                matches = found[index]
                if matches and at < matches[-1].end():
                    continue
                match = self.patterns[index].match(text, at)
                if match:
                    matches.append(match)
        return found


def _patterns_by_first_character(patterns: tuple[re.Pattern, ...]) -> dict[str, list[int]]:
    """For each character a pattern's leading lookahead names, the patterns that may start with it, in
    order; an empty map (every pattern tried everywhere) when a pattern names none or a range."""
    by_first: dict[str, list[int]] = {}
    for index, pattern in enumerate(patterns):
        leading = _LEADING_CHARACTER.match(pattern.pattern)
        characters = _characters(leading.group(1)) if leading else None
        if characters is None:
            return {}
        for character in characters:
            by_first.setdefault(character, []).append(index)
    return by_first


_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))")
_ESCAPED = {"n": "\n", "t": "\t"}


def _characters(leading: str) -> set[str] | None:
    """The characters a leading class names as the patterns write them ([亿万%], [ \\u3000\\n], 年); None
    for a range, which this does not expand."""
    body = leading[1:-1] if leading.startswith("[") else leading
    if "-" in body.replace("\\-", ""):
        return None
    characters, at = set(), 0
    for escape in _ESCAPE.finditer(body):
        characters.update(body[at : escape.start()])
        code, other = escape.groups()
        characters.add(chr(int(code, 16)) if code else _ESCAPED.get(other, other))
        at = escape.end()
    characters.update(body[at:])
    return characters


def _any_start(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """One pattern matching the first character of each place where one of ``patterns`` matches.

    Each alternative consumes the character its pattern starts with, so that the engine skips
    at once the alternatives that cannot start there, and looks behind it for the whole
    pattern; a lookahead for all the starting characters leads, so that most of the text is
    passed over by one test per character.
    """
    alternatives, starts = [], []
    for pattern in patterns:
        leading = _LEADING_CHARACTER.match(pattern.pattern)
        first = leading.group(1) if leading else "(?s:.)"  # any character, if it says none
        body = _NAMED_GROUP.sub("(?:", pattern.pattern)  # a name may be used by several patterns
        alternatives.append(f"{first}(?<=(?={body})(?s:.))")
        starts.append(first.removeprefix("[").removesuffix("]") if leading else None)
    union = "" if None in starts else f"(?=[{''.join(starts)}])"
    return re.compile(union + "(?:" + "|".join(alternatives) + ")")
