"""The two font sets a document can name: the 公文 fonts, or what plain Windows ships.

Fonts are not embedded; the recipient's PC resolves the names. Government PCs usually
have 方正小标宋简体 and the ``_GB2312`` faces; a plain Windows PC has only 仿宋, 楷体, 黑体
and 宋体 (GB/T 9704 itself names the styles, not the products).
"""

from __future__ import annotations

from dataclasses import dataclass

LATIN = "Times New Roman"


@dataclass(frozen=True)
class FontSet:
    """East Asian font names for each role in a document."""

    name: str
    title: str  # 2号小标宋
    body: str  # 仿宋: body, levels 3–4, captions
    kai: str  # 楷体: level 2
    hei: str  # 黑体: level 1, table header
    song: str  # 宋体: page numbers
    title_bold: bool = False  # the fallback for 小标宋 is 宋体 made bold
    body_fallback: str = "仿宋"  # for characters outside GB2312, which the _GB2312 faces lack


FONT_SETS = {
    "gov": FontSet(
        "gov", title="方正小标宋简体", body="仿宋_GB2312", kai="楷体_GB2312", hei="黑体", song="宋体"
    ),
    "windows": FontSet(
        "windows", title="宋体", body="仿宋", kai="楷体", hei="黑体", song="宋体", title_bold=True
    ),
}


def font_set(name: str | FontSet) -> FontSet:
    """Look a font set up by name; a bad name says which ones exist."""
    if isinstance(name, FontSet):
        return name
    try:
        return FONT_SETS[name]
    except KeyError:
        raise ValueError(f"未知字体方案 {name!r}：可选 {'、'.join(FONT_SETS)}") from None


def fits_gb2312(text: str) -> bool:
    """Whether every character exists in GB2312 (and so in the ``_GB2312`` faces).

    >>> fits_gb2312("镇务"), fits_gb2312("王喆")
    (True, False)
    """
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
