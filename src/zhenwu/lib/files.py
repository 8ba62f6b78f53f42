"""Names for files the system writes from names people typed (an area, a catalogue, a scheme)."""

from __future__ import annotations

import re

# Not allowed in a file name on Windows or in a path anywhere, plus control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
MAX_STEM = 150  # well under the 255 bytes file systems allow, in UTF-8 at three bytes a character


def safe_filename(name: str, fallback: str = "导出") -> str:
    """``name`` with every character a file system refuses replaced by “_”, the extension kept.

    >>> safe_filename("青山镇/经济开发区创建标准.xlsx")
    '青山镇_经济开发区创建标准.xlsx'
    >>> safe_filename('..\\\\a:b*"c".docx'), safe_filename("/.xlsx")
    ('_a_b__c_.docx', '_.xlsx')
    """
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = _UNSAFE.sub("_", stem).strip(" .")[:MAX_STEM] or fallback
    extension = _UNSAFE.sub("", extension)
    return f"{stem}.{extension}" if extension else stem
