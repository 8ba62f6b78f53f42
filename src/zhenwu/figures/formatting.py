"""Write figures the way reports do: 6.02亿元, 增长26.6%, 低于时序进度3.2个百分点.

Amounts keep every digit they are given unless ``places`` rounds them, so that
``parse(format_amount(x)).value == x``; percentages default to one decimal, as the genre
expects (DESIGN: "percentages with one decimal").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from zhenwu.figures.numbers import clean


def format_number(value: Decimal, places: int | None = None) -> str:
    """Digits without exponent; rounded half up when ``places`` is given.

    >>> format_number(Decimal("1.5E+4")), format_number(Decimal("26.64"), 1), format_number(Decimal("50"), 1)
    ('15000', '26.6', '50.0')
    """
    if places is None:
        return format(clean(value), "f")
    return format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")


def _scaled(value: Decimal, threshold: int) -> tuple[Decimal, str]:
    if abs(value) >= 10**8:
        return value / 10**8, "亿"
    if abs(value) >= threshold:
        return value / 10**4, "万"
    return value, ""


def format_amount(value: Decimal, unit: str = "元", places: int | None = None) -> str:
    """Money in 元, 万元 or 亿元 chosen by size.

    >>> format_amount(Decimal("602000000")), format_amount(Decimal("34200000")), format_amount(Decimal("9950"))
    ('6.02亿元', '3420万元', '9950元')
    >>> format_amount(Decimal("602345678"), places=2)
    '6.02亿元'
    """
    scaled, magnitude = _scaled(value, 10**4)
    return f"{format_number(scaled, places)}{magnitude}{unit}"


def format_quantity(value: Decimal, unit: str, places: int | None = None) -> str:
    """Areas, weights and counts; 万 from a hundred thousand up (20万平方米, 42000平方米).

    >>> format_quantity(Decimal("15000"), "亩"), format_quantity(Decimal("200000"), "平方米")
    ('15000亩', '20万平方米')
    """
    scaled, magnitude = _scaled(value, 10**5)
    return f"{format_number(scaled, places)}{magnitude}{unit}"


def format_percent(value: Decimal, places: int | None = 1) -> str:
    """A percentage with one decimal: 48.0%.

    >>> format_percent(Decimal("43.9")), format_percent(Decimal("48"), places=None)
    ('43.9%', '48%')
    """
    return f"{format_number(value, places)}%"


def format_growth(change: Decimal, places: int | None = 1, compared: str = "同比") -> str:
    """A signed change in percent: 同比增长26.6%, 同比下降3.1%, 同比持平.

    >>> format_growth(Decimal("26.6")), format_growth(Decimal("-3.1")), format_growth(Decimal("0"))
    ('同比增长26.6%', '同比下降3.1%', '同比持平')
    """
    if change == 0:
        return f"{compared}持平"
    verb = "增长" if change > 0 else "下降"
    return f"{compared}{verb}{format_percent(abs(change), places)}"


def format_share(percent: Decimal, whole: str, places: int | None = 1) -> str:
    """A share of a named whole: 占全镇投资的89.9%.

    >>> format_share(Decimal("61.4"), "三产总量")
    '占三产总量的61.4%'
    """
    return f"占{whole}的{format_percent(percent, places)}"


def format_completion(percent: Decimal, target: str = "全年目标", places: int | None = 1) -> str:
    """Progress against a target: 占全年目标的50.2%.

    >>> format_completion(Decimal("50.2")), format_completion(Decimal("58.2"), "年计划")
    ('占全年目标的50.2%', '占年计划的58.2%')
    """
    return format_share(percent, target, places)


def format_points_vs_schedule(points: Decimal, places: int | None = 1) -> str:
    """Completion against 时序进度 in percentage points; negative means behind.

    >>> format_points_vs_schedule(Decimal("-3.2")), format_points_vs_schedule(Decimal("1.5"))
    ('低于时序进度3.2个百分点', '超时序进度1.5个百分点')
    >>> format_points_vs_schedule(Decimal("0"))
    '与时序进度持平'
    """
    if points == 0:
        return "与时序进度持平"
    verb = "超" if points > 0 else "低于"
    return f"{verb}时序进度{format_number(abs(points), places)}个百分点"
