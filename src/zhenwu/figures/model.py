"""The value objects: a figure found in a text, and a finding of the checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal[
    "amount",
    "count",
    "measure",
    "percent",
    "growth",
    "share",
    "completion",
    "points",
    "ratio",
    "multiple",
    "date",
]
Severity = Literal["error", "warning"]


@dataclass(slots=True)
class Figure:
    """One figure as written: ``span`` is ``text[start:end]``, ``value`` has 万/亿 expanded.

    ``unit`` is the unit as written without its magnitude (16亿元 → 元); ``dimension`` says
    what it measures (money, area, count, percent …) and ``kind`` what role the figure plays
    (amount, growth, share …). ``subject`` is the indicator phrase it measures, ``base`` the
    whole or target a share or completion is taken of. For growth and points ``direction``
    is ``"up"``, ``"down"`` or ``"flat"``; ``value`` stays as written, ``signed`` applies it.
    """

    start: int
    end: int
    span: str
    value: Decimal | None
    unit: str
    kind: Kind
    dimension: str
    subject: str = ""
    approx: bool = False
    qualifier: str | None = None
    value_max: Decimal | None = None
    base: str | None = None
    direction: str | None = None
    implicit_unit: bool = False
    parts: tuple[Decimal, ...] = field(default=())
    _tolerance: Decimal | None = field(default=None, repr=False, compare=False)

    @property
    def signed(self) -> Decimal | None:
        """The value with the direction applied: 同比下降3.1% → -3.1."""
        if self.value is None or self.direction != "down":
            return self.value
        return -self.value

    @property
    def places(self) -> int:
        """Decimal places as written, before any 万/亿: 6.02亿元 → 2, 3420万元 → 0."""
        number = self.span.lstrip("约近超过逾大将接不足到少于低")
        digits = ""
        for ch in number:
            if ch.isdigit() or ch in ".．" or (ch == " " and digits.endswith((".", "．"))):
                digits += ch
            elif digits:
                break
        _, dot, fraction = digits.replace("．", ".").replace(" ", "").partition(".")
        return len(fraction) if dot else 0

    @property
    def scale(self) -> Decimal:
        """The magnitude the number was written in: 6.02亿元 → 10^8, 3420万元 → 1."""
        if self.value is None:
            return Decimal(1)
        for mark, factor in (
            ("万亿", 10**12), ("亿", 10**8), ("千万", 10**7), ("百万", 10**6), ("十万", 10**5), ("万", 10**4)
        ):  # fmt: skip
            if mark in self.span:
                return Decimal(factor)
        if "千" in self.span and "千" not in self.unit and self.value % 1000 == 0:
            return Decimal(1000)  # 22602千公顷: thousands of hectares (3千米 keeps its 千 in the unit)
        return Decimal(1)

    @property
    def counted(self) -> bool:
        """212件, 7174户: things counted one by one and written in full are exact, not rounded
        (a round 32000人 may be rounded, and 3.2万人 is)."""
        return (
            self.kind == "count"
            and not self.approx
            and self.value is not None
            and self.scale == 1
            and self.places == 0
            and self.value % 100 != 0
        )

    @property
    def tolerance(self) -> Decimal:
        """Half a unit in the last place written: the rounding error the writer allowed."""
        if self._tolerance is None:  # kept: relations ask for it once per candidate pairing
            self._tolerance = (
                Decimal(0) if self.counted else self.scale * Decimal(5) / Decimal(10) ** (self.places + 1)
            )
        return self._tolerance

    def to_dict(self) -> dict:
        """The JSON contract of ``zhenwu check``: Decimals as strings."""
        data = {
            "start": self.start,
            "end": self.end,
            "span": self.span,
            "value": _string(self.value),
            "unit": self.unit,
            "kind": self.kind,
            "subject": self.subject,
            "approx": self.approx,
        }
        if self.value_max is not None:
            data["value_max"] = _string(self.value_max)
        if self.qualifier:
            data["qualifier"] = self.qualifier
        if self.base:
            data["base"] = self.base
        if self.direction:
            data["direction"] = self.direction
        if self.parts:
            data["parts"] = [_string(part) for part in self.parts]
        data["dimension"] = self.dimension
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in the text: ``code`` for tools, ``message`` in Chinese for the writer."""

    code: str
    severity: Severity
    start: int
    end: int
    span: str
    message: str

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "span": self.span,
            "message": self.message,
        }


def _string(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
