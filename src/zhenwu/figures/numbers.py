"""Numbers as written in reports → exact ``Decimal``: Arabic, full-width and Chinese numerals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from zhenwu.figures._data import CAPITALS, DIGITS, FULL_WIDTH, LARGE_MAGNITUDES, MAGNITUDES, SMALL_MAGNITUDES


class ParseError(ValueError):
    """The text is not a number or figure this library understands; the message says why."""


def clean(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponents so that equal values print alike.

    >>> clean(Decimal("1.5") * 10000), clean(Decimal("26.60"))
    (Decimal('15000'), Decimal('26.6'))
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def parse_arabic(text: str) -> Decimal:
    """Read Arabic digits, with thousands separators or full-width forms.

    >>> parse_arabic("1,234.5"), parse_arabic("１２．５")
    (Decimal('1234.5'), Decimal('12.5'))
    """
    try:
        return Decimal(text.translate(FULL_WIDTH).replace(",", "").replace(" ", ""))
    except InvalidOperation:
        raise ParseError(f"不是阿拉伯数字：{text!r}") from None


def parse_chinese(text: str) -> Decimal:
    """Read a Chinese numeral; digits run together (六一四) are a name, not a number.

    >>> [parse_chinese(t) for t in ("三千五百", "两万", "一亿二千万", "十二", "零点五", "一千零五")]
    [Decimal('3500'), Decimal('20000'), Decimal('120000000'), Decimal('12'), Decimal('0.5'), Decimal('1005')]
    >>> parse_chinese("两万五"), parse_chinese("壹拾贰万叁仟"), parse_chinese("廿二")
    (Decimal('25000'), Decimal('123000'), Decimal('22'))
    >>> parse_chinese("六一四")
    Traceback (most recent call last):
    ...
    zhenwu.figures.numbers.ParseError: 数字连写，不是数值：'六一四'
    """
    whole, _, fraction = text.translate(CAPITALS).replace("廿", "二十").replace("卅", "三十").partition("点")
    value = Decimal(_chinese_integer(whole, text)) if whole else Decimal(0)
    if fraction:
        if any(ch not in DIGITS for ch in fraction):
            raise ParseError(f"小数部分只能是数字：{text!r}")
        value += Decimal("0." + "".join(str(DIGITS[ch]) for ch in fraction))
    return value


def _chinese_integer(text: str, original: str) -> int:
    total = section = number = 0
    previous = ""
    last_magnitude = 0
    right_after_magnitude = False
    for ch in text:
        if ch in DIGITS:
            if previous in DIGITS and previous not in "零〇" and ch not in "零〇":
                raise ParseError(f"数字连写，不是数值：{original!r}")
            number = DIGITS[ch]
            right_after_magnitude = previous in SMALL_MAGNITUDES or previous in LARGE_MAGNITUDES
        elif ch in SMALL_MAGNITUDES:
            magnitude = SMALL_MAGNITUDES[ch]
            section += (number or (1 if ch == "十" else 0) or _missing(original)) * magnitude
            number, last_magnitude = 0, magnitude
        elif ch in LARGE_MAGNITUDES:
            magnitude = LARGE_MAGNITUDES[ch]
            if magnitude == 10**8:
                total = (total + section + number) * magnitude
            else:
                total += (section + number) * magnitude
            section = number = 0
            last_magnitude = magnitude
        else:
            raise ParseError(f"不是中文数字：{original!r}")
        previous = ch
    if number and right_after_magnitude and previous in DIGITS and last_magnitude >= 100:
        number *= last_magnitude // 10  # 两万五 = 25000, 三千五 = 3500
    return total + section + number


def _missing(original: str) -> int:
    raise ParseError(f"数位前缺少数字：{original!r}")


def parse_number(text: str) -> Decimal:
    """Read a number with any magnitude suffix, in Arabic or Chinese numerals.

    >>> [parse_number(t) for t in ("3.5万", "1.2亿", "3千万", "16", "一亿二千万", "0.9亿")]
    [Decimal('35000'), Decimal('120000000'), Decimal('30000000'), Decimal('16'), Decimal('120000000'), Decimal('90000000')]
    """
    text = text.strip()
    if not text:
        raise ParseError("没有数字")
    if text[0].isdigit() or text[0] in "０１２３４５６７８９":
        for suffix, factor in MAGNITUDES.items():
            if text.endswith(suffix):
                return clean(parse_arabic(text[: -len(suffix)]) * factor)
        return clean(parse_arabic(text))
    return clean(parse_chinese(text))
