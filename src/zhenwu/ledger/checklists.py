"""创建标准 checklist items: where each area stands, 达标 over numeric and checklist items, the sentence.

An item counts as done for an area only when the area's latest mark of it was accepted (通过)
by the county; a mark waiting for review (待审核) or returned (退回) does not count. A standard
is 达标 for an area only when every numeric 达标要求 is met and every checklist item is 通过.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from zhenwu.areas.models import Area, Level
from zhenwu.ledger.models import Catalogue, CatalogueKind, ChecklistItem, ChecklistMark, MarkStatus

# How a mark's status is coloured on the pages (the ledger's own status classes).
STATUS_CLASSES = {
    MarkStatus.ACCEPTED: "ahead",
    MarkStatus.SUBMITTED: "on-track",
    MarkStatus.RETURNED: "severe",
}
UNMARKED = "未标记"
LISTED_UNITS = 5


def standard_units(area: Area) -> list[Area]:
    """Whom a standard is checked for on the area's page: a town itself, a county's towns."""
    if area.level in (Level.TOWN, Level.VILLAGE):
        return [area]
    return list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1)) or [area]


def latest_marks(
    items: Iterable[ChecklistItem], areas: Iterable[Area]
) -> dict[tuple[int, int], ChecklistMark]:
    """The latest mark of each (item, area): the one that decides whether the item is done."""
    marks = ChecklistMark.objects.filter(
        item__in=[item.pk for item in items], area__in=[area.pk for area in areas]
    ).order_by("marked_at", "id")
    return {(mark.item_id, mark.area_id): mark for mark in marks}


@dataclass(frozen=True)
class ItemCell:
    """One checklist item for one area, as the standards page shows it."""

    item: ChecklistItem
    mark: ChecklistMark | None

    @property
    def passed(self) -> bool:
        return self.mark is not None and self.mark.status == MarkStatus.ACCEPTED

    @property
    def label(self) -> str:
        return self.mark.get_status_display() if self.mark else UNMARKED

    @property
    def css(self) -> str:
        return STATUS_CLASSES.get(self.mark.status, "unknown") if self.mark else "unknown"


@dataclass(frozen=True)
class Standing:
    """How far an area meets a standard over both kinds of item."""

    numeric_met: int
    numeric_total: int
    passed: int
    items_total: int

    @property
    def met(self) -> bool:
        """达标: every numeric requirement met and every checklist item 通过 (and something to meet)."""
        if not (self.numeric_total or self.items_total):
            return False
        return self.numeric_met == self.numeric_total and self.passed == self.items_total

    @property
    def verdict(self) -> str:
        return "达标" if self.met else "未达标"

    @property
    def css(self) -> str:
        return "ahead" if self.met else "severe"

    @property
    def text(self) -> str:
        """“数值指标 5/6 达标，清单项 6/7 通过” (a kind the standard lacks is left out)."""
        parts = []
        if self.numeric_total:
            parts.append(f"数值指标 {self.numeric_met}/{self.numeric_total} 达标")
        if self.items_total:
            parts.append(f"清单项 {self.passed}/{self.items_total} 通过")
        return "，".join(parts)


def standing(numeric_met: int, numeric_total: int, cells: Sequence[ItemCell]) -> Standing:
    return Standing(numeric_met, numeric_total, sum(1 for cell in cells if cell.passed), len(cells))


def _lead(name: str) -> str:
    if name.endswith("标准"):
        return f"{name}清单项"
    return name if name.endswith("建设") else f"{name}建设"


def checklist_sentence(name: str, done: Sequence[str], missing: Sequence[str]) -> str:
    """The sentence a summary or a 通报 quotes about one area's checklist.

    >>> checklist_sentence("“七个一”", ["一条美丽街道", "一个镇级公园"], ["一个商贸综合体"])
    '“七个一”建设完成2项，尚缺1项：一个商贸综合体。'
    >>> checklist_sentence("“六通一平”", ["通水", "通电"], [])
    '“六通一平”建设2项已全部完成。'
    >>> checklist_sentence("中心镇创建标准", [], ["通水"])
    '中心镇创建标准清单项1项均未完成：通水。'
    """
    lead = _lead(name)
    if not missing:
        return f"{lead}{len(done)}项已全部完成。"
    if not done:
        return f"{lead}{len(missing)}项均未完成：{'、'.join(missing)}。"
    return f"{lead}完成{len(done)}项，尚缺{len(missing)}项：{'、'.join(missing)}。"


def units_sentence(name: str, scope: str, missing_by_unit: Sequence[tuple[str, int]]) -> str:
    """The sentence for a county: which towns have done every item, which lack how many.

    >>> units_sentence("“七个一”", "全县", [("青山镇", 0), ("白沙镇", 1), ("云溪镇", 3)])
    '“七个一”建设，全县已全部完成的有青山镇1个；尚未全部完成的有白沙镇（缺1项）、云溪镇（缺3项）2个，共缺4项。'
    """
    complete = [unit for unit, missing in missing_by_unit if not missing]
    behind = [(unit, missing) for unit, missing in missing_by_unit if missing]
    parts = []
    if complete:
        parts.append(f"{scope}已全部完成的有{'、'.join(complete)}{len(complete)}个")
    if behind:
        listed = "、".join(f"{unit}（缺{missing}项）" for unit, missing in behind[:LISTED_UNITS])
        more = "等" if len(behind) > LISTED_UNITS else ""
        total = sum(missing for _, missing in behind)
        lead = "" if complete else scope
        parts.append(f"{lead}尚未全部完成的有{listed}{more}{len(behind)}个，共缺{total}项")
    return f"{_lead(name)}，{'；'.join(parts)}。"


def applicable_checklists(area: Area) -> list[tuple[Catalogue, list[ChecklistItem]]]:
    """The standards binding the area that have checklist items, each with its active items in order."""
    catalogues = (
        Catalogue.objects.applicable_to(area)
        .filter(kind=CatalogueKind.STANDARD, items__is_active=True)
        .distinct()
        .order_by("name")
    )
    return [(catalogue, list(catalogue.items.filter(is_active=True))) for catalogue in catalogues]


def standard_sentences(area: Area, scope: str = "全县") -> list[str]:
    """What a summary of ``area`` says about its standards' checklists (only 通过 items count done).

    A town: one sentence per standard naming what it still lacks; a county: which towns are done.
    """
    sentences = []
    units = standard_units(area)
    for catalogue, items in applicable_checklists(area):
        marks = latest_marks(items, units)
        if units == [area]:
            done = [i.text for i in items if ItemCell(i, marks.get((i.pk, area.pk))).passed]
            missing = [i.text for i in items if not ItemCell(i, marks.get((i.pk, area.pk))).passed]
            sentences.append(checklist_sentence(catalogue.name, done, missing))
            continue
        tally = [
            (unit.name, sum(1 for i in items if not ItemCell(i, marks.get((i.pk, unit.pk))).passed))
            for unit in units
        ]
        sentences.append(units_sentence(catalogue.name, scope, tally))
    return sentences


@dataclass(frozen=True)
class ItemHistory:
    """One checklist item of one area: where it stands now and every mark made of it, newest first."""

    cell: ItemCell
    marks: list[ChecklistMark]

    @property
    def item(self) -> ChecklistItem:
        return self.cell.item

    @property
    def may_mark(self) -> bool:
        """The town may (re)mark an item not yet marked, returned, or still waiting."""
        return not self.cell.passed

    @property
    def waiting(self) -> ChecklistMark | None:
        """The mark the county has still to review."""
        mark = self.cell.mark
        return mark if mark is not None and mark.status == MarkStatus.SUBMITTED else None


def area_checklist(catalogue: Catalogue, area: Area) -> list[ItemHistory]:
    """Every active item of the standard for ``area`` with its marks (and their photos), in order."""
    items = list(catalogue.items.filter(is_active=True))
    marks = (
        ChecklistMark.objects.filter(item__in=items, area=area)
        .select_related("marked_by", "reviewed_by")
        .prefetch_related("photos")
        .order_by("-marked_at", "-id")
    )
    by_item: dict[int, list[ChecklistMark]] = {}
    for mark in marks:
        by_item.setdefault(mark.item_id, []).append(mark)
    return [
        ItemHistory(ItemCell(item, (by_item.get(item.pk) or [None])[0]), by_item.get(item.pk, []))
        for item in items
    ]
