"""Widths in characters, the unit GB/T 9704 measures indents in."""

from __future__ import annotations


def display_width(text: str) -> float:
    """Width in Chinese characters: CJK counts 1, ASCII ½.

    >>> display_width("2025年"), display_width("完成率%")
    (3.0, 3.5)
    """
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def signature_indents(org: str, date: str, sealed: bool) -> tuple[float, float]:
    """Right indents (in characters) of the 署名 and the 成文日期 lines.

    Unsealed: 署名右空二字, the date starts two characters right of the 署名; a longer
    date keeps 右空二字 and pushes the 署名 left. Sealed: date 右空四字, 署名 centred over it.

    >>> signature_indents("青山镇人民政府", "2025年7月10日", sealed=False)
    (3.5, 2.0)
    >>> signature_indents("青山镇人民政府办公室", "2025年7月10日", sealed=False)
    (2.0, 3.5)
    >>> signature_indents("青山镇人民政府", "2025年7月10日", sealed=True)
    (3.75, 4.0)
    """
    org_width, date_width = display_width(org), display_width(date)
    if sealed:
        date_right = 4.0
        return max(date_right + (date_width - org_width) / 2, 0.0), date_right
    org_right = 2.0
    date_right = org_right + org_width - 2 - date_width
    if date_right < 2:
        date_right = 2.0
        org_right = date_right + date_width + 2 - org_width
    return org_right, date_right
