"""A ledger figure written the way reports write it: 6.02亿元, 8500万元, 41.3%, 18.6万平方米.

Used wherever the ledger's figure is put into words — the work summary's sentences, and 核稿
when it says what the ledger has. Pure functions over the figures library's formatter.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from zhenwu.figures import format_amount, format_number, format_percent, format_quantity

MAGNITUDES = {"亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
MONEY_UNITS = ("元", "美元")


def split_unit(unit: str) -> tuple[Decimal, str]:
    """The magnitude and base unit of an indicator's unit: 亿元 → (10^8, 元), 万人 → (10^4, 人).

    >>> split_unit("亿元"), split_unit("平方米"), split_unit("万")
    ((Decimal('100000000'), '元'), (Decimal('1'), '平方米'), (Decimal('1'), '万'))
    """
    if len(unit) > 1 and unit[0] in MAGNITUDES:
        return MAGNITUDES[unit[0]], unit[1:]
    return Decimal(1), unit


def _places(text: str) -> int:
    number = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    return len(number.partition(".")[2])


def write_value(value: Decimal, unit: str, decimals: int) -> str:
    """A ledger figure in the indicator's unit written the way reports do, without losing a digit.

    Money goes to 亿元/万元 by size when that needs at most two decimals; otherwise it stays in
    the ledger's own unit (21345.6万元).

    >>> write_value(Decimal("6.0200"), "亿元", 2), write_value(Decimal("0.85"), "亿元", 2)
    ('6.02亿元', '8500万元')
    >>> write_value(Decimal("21345.6"), "万元", 1), write_value(Decimal("186000"), "平方米", 0)
    ('21345.6万元', '18.6万平方米')
    >>> write_value(Decimal("41.25"), "%", 1), write_value(Decimal("5.12"), "万人", 2)
    ('41.3%', '5.12万人')
    """
    places = Decimal(1).scaleb(-decimals)
    shown = value.quantize(places, rounding=ROUND_HALF_UP)
    factor, base = split_unit(unit)
    if base in ("%", "％"):
        return format_percent(shown, decimals)
    if base in MONEY_UNITS:
        text = format_amount(shown * factor, unit=base)
        if _places(text) <= 2:
            return text
        return f"{format_number(shown)}{unit}"
    if factor != 1:
        return f"{format_number(shown)}{unit}"
    return format_quantity(shown, unit)
