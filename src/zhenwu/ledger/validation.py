"""校验规则 at work: which of an area's rules its figures of a month break, in words a 审核员 reads.

A rule is one of a small fixed set of comparisons (``CheckKind``) over two indicators or one
indicator against the same month last year; nothing a user types is evaluated. A rule whose
figures are not all reported yet is not judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from zhenwu.areas.models import Area
from zhenwu.figures import format_number
from zhenwu.ledger.models import CheckKind, CheckSeverity, ReportedValue, ValidationRule


@dataclass(frozen=True)
class Violation:
    """A rule an area's figures of a month break; an error blocks 审核通过 until the figures are fixed."""

    rule: ValidationRule
    area: Area
    message: str

    @property
    def blocking(self) -> bool:
        return self.rule.severity == CheckSeverity.ERROR

    @property
    def text(self) -> str:
        """ "规上工业增加值 ≤ 规上工业总产值：增加值 30 大于总产值 20（错误）"."""
        return f"{self.rule.wording}：{self.message}（{self.rule.get_severity_display()[:2]}）"


def broken(rule: ValidationRule, figures: Mapping[int, Decimal], last_year: Mapping[int, Decimal]) -> str:
    """Why the figures break ``rule`` ("" when they keep it or are not all there); keyed by indicator pk."""
    left = figures.get(rule.left_id)
    if left is None:
        return ""
    unit = rule.left.unit
    if rule.kind == CheckKind.YOY_WITHIN:
        before = last_year.get(rule.left_id)
        if not before or before <= 0 or rule.limit is None:
            return ""
        change = (left - before) / before * 100
        if abs(change) <= rule.limit:
            return ""
        word = "增长" if change > 0 else "下降"
        return (
            f"本期 {format_number(left)}{unit}，上年同期 {format_number(before)}{unit}，"
            f"同比{word} {format_number(round(abs(change), 1))}%，超出 ±{format_number(rule.limit)}%"
        )
    right = figures.get(rule.right_id)
    if right is None:
        return ""
    above = rule.kind in (CheckKind.NOT_ABOVE, CheckKind.PART_OF)
    if (left <= right) if above else (left >= right):
        return ""
    return (
        f"{rule.left.name} {format_number(left)}{unit}{'大于' if above else '小于'}"
        f"{rule.right.name} {format_number(right)}{unit}"
    )


def check_figures(
    area: Area,
    rules: Iterable[ValidationRule],
    figures: Mapping[int, Decimal],
    last_year: Mapping[int, Decimal],
) -> list[Violation]:
    """The rules the figures break, errors first."""
    found = [
        Violation(rule, area, message) for rule in rules if (message := broken(rule, figures, last_year))
    ]
    return sorted(found, key=lambda violation: not violation.blocking)


def period_violations(area: Area, year: int, month: int) -> list[Violation]:
    """The rules in force for ``area`` that its stored figures of the month break."""
    rules = list(ValidationRule.objects.applicable_to(area))
    if not rules:
        return []
    return check_figures(area, rules, *_figures(area, year, month, rules))


def areas_violations(areas: Iterable[Area], year: int, month: int) -> dict[int, list[Violation]]:
    """Each area's broken rules of the month (area pk → violations), for a county's table of towns."""
    return {area.pk: found for area in areas if (found := period_violations(area, year, month))}


def _figures(
    area: Area, year: int, month: int, rules: list[ValidationRule]
) -> tuple[dict[int, Decimal], dict[int, Decimal]]:
    wanted = {rule.left_id for rule in rules} | {rule.right_id for rule in rules if rule.right_id}
    figures, last_year = {}, {}
    rows = ReportedValue.objects.filter(
        area=area, indicator__in=wanted, year__in=(year, year - 1), month=month
    )
    for indicator_id, row_year, value in rows.values_list("indicator_id", "year", "value"):
        (figures if row_year == year else last_year)[indicator_id] = value
    return figures, last_year
