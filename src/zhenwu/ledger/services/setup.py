"""指标与目录: a county's 管理员 defines indicators and issues each year's catalogue (考核指标, 创建标准).

Indicators are shared by every area, so only a 管理员 at county level or above keeps them; an
indicator that has figures or targets is never deleted, only retired (停用). A catalogue
belongs to the area that issues it. Every change is kept in the setting's history.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from zhenwu.areas.changes import record, require_admin, subject_of, validation_text
from zhenwu.areas.models import Area
from zhenwu.ledger.models import Aggregation, Catalogue, CatalogueEntry, Indicator
from zhenwu.ledger.services.values import LedgerError

# What a 管理员 sets on an indicator, in the order the form and the history show it.
INDICATOR_FIELDS = {
    "name": "指标名称",
    "unit": "计量单位",
    "decimals": "小数位数",
    "direction": "方向",
    "kind": "类型",
    "aggregation": "汇总方式",
    "theme": "领域",
    "frequency": "报送频率",
    "aliases": "别名",
}


def require_keeper(user, area: Area) -> None:
    """Indicators are read by every town: only the 管理员 of a county (or above) changes them."""
    require_admin(user, area)
    if not area.is_county_or_above:
        raise PermissionDenied("指标由县级及以上管理员统一设置")


def indicator_words(indicator: Indicator) -> dict[str, object]:
    """The indicator as its history shows it, choices in words (“越高越好”, not “higher”)."""
    words: dict[str, object] = {"指标代码": indicator.code}
    for name, label in INDICATOR_FIELDS.items():
        display = getattr(indicator, f"get_{name}_display", None)
        words[label] = display() if display else getattr(indicator, name)
    words["状态"] = "启用" if indicator.is_active else "停用"
    return words


def _check_indicator(indicator: Indicator) -> None:
    if indicator.aggregation == Aggregation.RATIO and not (
        indicator.numerator_id and indicator.denominator_id
    ):
        raise LedgerError("“按分子分母重算”需要先设定分子、分母指标；请选“求和”或“不汇总”")
    try:
        indicator.full_clean()
    except ValidationError as error:
        raise LedgerError(validation_text(error, Indicator)) from error


@transaction.atomic
def create_indicator(user, area: Area, code: str, **fields) -> Indicator:
    """Define a new indicator; it is offered for targets and catalogues at once."""
    require_keeper(user, area)
    code = code.strip().upper()
    if Indicator.objects.filter(code=code).exists():
        raise LedgerError(f"指标代码“{code}”已被使用，请换一个")
    last = Indicator.objects.aggregate(last=Max("sort_order"))["last"] or 0
    indicator = Indicator(code=code, sort_order=last + 1, **_indicator_values(fields))
    _check_indicator(indicator)
    indicator.save()
    record(user, area, subject_of(indicator), f"指标“{indicator.name}”", None, indicator_words(indicator))
    return indicator


@transaction.atomic
def change_indicator(user, area: Area, indicator: Indicator, **fields) -> Indicator:
    """Change how an indicator is named, counted and summed up; its figures are kept as they are."""
    require_keeper(user, area)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    before = indicator_words(indicator)
    for name, value in _indicator_values(fields).items():
        setattr(indicator, name, value)
    _check_indicator(indicator)
    indicator.save()
    record(user, area, subject_of(indicator), f"指标“{indicator.name}”", before, indicator_words(indicator))
    return indicator


@transaction.atomic
def set_indicator_active(user, area: Area, indicator: Indicator, active: bool) -> Indicator:
    """Retire an indicator (停用: no new targets or figures; its history stays) or bring it back."""
    require_keeper(user, area)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    before = indicator_words(indicator)
    indicator.is_active = active
    indicator.save(update_fields=["is_active"])
    record(user, area, subject_of(indicator), f"指标“{indicator.name}”", before, indicator_words(indicator))
    return indicator


def _indicator_values(fields: dict) -> dict:
    values = {name: fields[name] for name in INDICATOR_FIELDS if name in fields}
    for name in ("name", "unit", "aliases"):
        if name in values:
            values[name] = values[name].strip()
    return values


# --- catalogues -----------------------------------------------------------------------------------------


def entry_words(entry: CatalogueEntry) -> dict[str, object]:
    words: dict[str, object] = {"指标": entry.indicator.name}
    if entry.weight is not None:
        words["权重分"] = _plain(entry.weight)
    if entry.threshold is not None:
        words["达标要求"] = entry.requirement
    return words


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _issuer_check(user, catalogue: Catalogue) -> None:
    require_admin(user, catalogue.issued_by)


@transaction.atomic
def create_catalogue(user, area: Area, name: str, kind: str, year: int | None) -> Catalogue:
    """Issue a new, empty catalogue from the area: it binds the area and everything below it."""
    require_admin(user, area)
    name = name.strip()
    if not name:
        raise LedgerError("请填写目录名称")
    if Catalogue.objects.filter(issued_by=area, name=name, year=year).exists():
        raise LedgerError(f"{area.name}已有名为“{name}”的目录")
    catalogue = Catalogue.objects.create(name=name, kind=kind, issued_by=area, year=year)
    record(
        user,
        area,
        subject_of(catalogue),
        f"目录“{name}”",
        None,
        {"名称": name, "类别": catalogue.get_kind_display(), "年度": year or "长期"},
    )
    return catalogue


@transaction.atomic
def copy_catalogue(user, source: Catalogue, year: int) -> Catalogue:
    """Start ``year``'s catalogue from another year's: the same indicators, weights and thresholds, in order."""
    _issuer_check(user, source)
    if source.year == year:
        raise LedgerError(f"“{source.name}”已是{year}年的目录")
    name = (
        source.name.replace(str(source.year), str(year))
        if source.year and str(source.year) in source.name
        else f"{source.name}（{year}年）"
    )
    copy = create_catalogue(user, source.issued_by, name, source.kind, year)
    entries = list(source.entries.select_related("indicator").filter(indicator__is_active=True))
    CatalogueEntry.objects.bulk_create(
        CatalogueEntry(
            catalogue=copy,
            indicator=entry.indicator,
            weight=entry.weight,
            threshold=entry.threshold,
            order=number,
        )
        for number, entry in enumerate(entries, start=1)
    )
    record(
        user,
        copy.issued_by,
        subject_of(copy),
        f"目录“{copy.name}”",
        None,
        {"复制自": source.name, "指标": "、".join(entry.indicator.name for entry in entries) or "无"},
    )
    return copy


@transaction.atomic
def add_entry(
    user, catalogue: Catalogue, indicator: Indicator, *, weight: Decimal | None = None, threshold=None
) -> CatalogueEntry:
    """Put an indicator at the end of a catalogue, with its 权重分 or, for a standard, its 达标要求."""
    _issuer_check(user, catalogue)
    if not indicator.is_active:
        raise LedgerError(f"指标“{indicator.name}”已停用，不能加入目录")
    if catalogue.entries.filter(indicator=indicator).exists():
        raise LedgerError(f"“{indicator.name}”已在目录“{catalogue.name}”中")
    last = catalogue.entries.aggregate(last=Max("order"))["last"] or catalogue.entries.count()
    entry = CatalogueEntry.objects.create(
        catalogue=catalogue, indicator=indicator, weight=weight, threshold=threshold, order=last + 1
    )
    record(
        user, catalogue.issued_by, subject_of(catalogue), f"目录“{catalogue.name}”", None, entry_words(entry)
    )
    return entry


@transaction.atomic
def change_entry(user, entry: CatalogueEntry, *, weight: Decimal | None, threshold) -> CatalogueEntry:
    """Change an indicator's 权重分 or 达标要求 in a catalogue."""
    _issuer_check(user, entry.catalogue)
    before = entry_words(entry)
    entry.weight, entry.threshold = weight, threshold
    entry.save(update_fields=["weight", "threshold"])
    catalogue = entry.catalogue
    record(
        user,
        catalogue.issued_by,
        subject_of(catalogue),
        f"目录“{catalogue.name}”",
        before,
        entry_words(entry),
    )
    return entry


@transaction.atomic
def remove_entry(user, entry: CatalogueEntry) -> None:
    """Take an indicator out of a catalogue; its targets and figures are not touched."""
    catalogue = entry.catalogue
    _issuer_check(user, catalogue)
    before = entry_words(entry)
    entry.delete()
    record(user, catalogue.issued_by, subject_of(catalogue), f"目录“{catalogue.name}”", before, None)


@transaction.atomic
def move_entry(user, entry: CatalogueEntry, up: bool) -> None:
    """Swap an indicator with the one above (or below) it; the catalogue is numbered 1…n afterwards."""
    catalogue = entry.catalogue
    _issuer_check(user, catalogue)
    entries = list(catalogue.entries.select_for_update().select_related("indicator"))
    before = "、".join(item.indicator.name for item in entries)
    index = next(n for n, item in enumerate(entries) if item.pk == entry.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(entries):
        entries[index], entries[other] = entries[other], entries[index]
    for number, item in enumerate(entries, start=1):
        item.order = number
    CatalogueEntry.objects.bulk_update(entries, ["order"])
    after = "、".join(item.indicator.name for item in entries)
    record(
        user,
        catalogue.issued_by,
        subject_of(catalogue),
        f"目录“{catalogue.name}”",
        {"顺序": before},
        {"顺序": after},
    )
