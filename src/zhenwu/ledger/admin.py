"""Admin for 管理员: indicators and catalogues, and targets scoped to the admin's subtree.

Reported figures, targets and their history are read-only here: every change to a figure or a
target goes through ``services`` (the 报表 and 年度目标 pages) so that it is checked and recorded.
"""

from django.contrib import admin

from zhenwu.areas.scoped_admin import SHARED, ScopedAdmin, ScopedInline
from zhenwu.ledger.models import (
    Catalogue,
    CatalogueEntry,
    Indicator,
    ReportedValue,
    RulesChange,
    Target,
    TargetChange,
    TargetPart,
    TargetVersion,
    ValidationRule,
    ValueHistory,
)


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdmin):
    """Indicators are shared by every town: kept by 管理员 at county level or above, read by the others."""

    owner_lookup = SHARED
    list_display = [
        "code",
        "name",
        "unit",
        "theme",
        "kind",
        "direction",
        "aggregation",
        "frequency",
        "is_active",
    ]
    list_filter = ["theme", "kind", "direction", "is_active"]
    search_fields = ["code", "name", "aliases"]


class CatalogueEntryInline(ScopedInline, admin.TabularInline):
    model = CatalogueEntry
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Catalogue)
class CatalogueAdmin(ScopedAdmin):
    """A catalogue binds the areas below its issuer: only the issuer's 管理员 (or one above) changes it."""

    owner_lookup = "issued_by"
    list_display = ["name", "kind", "issued_by", "year"]
    inlines = [CatalogueEntryInline]


@admin.register(ValidationRule)
class ValidationRuleAdmin(ScopedAdmin):
    """校验规则: a 管理员 sets them for its subtree; they run on entry, upload, the county page and 审核."""

    list_display = ["wording", "area", "severity", "is_active"]
    list_filter = ["severity", "kind", "is_active"]
    autocomplete_fields = ["left", "right"]
    fields = ["area", "left", "kind", "right", "limit", "severity", "note", "is_active"]

    @admin.display(description="规则")
    def wording(self, rule: ValidationRule) -> str:
        return rule.wording


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TargetVersionInline(ReadOnly, ScopedInline, admin.TabularInline):
    model = TargetVersion
    fields = ["number", "value", "effective_month", "reason", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]


class TargetPartInline(ReadOnly, ScopedInline, admin.TabularInline):
    model = TargetPart


@admin.register(Target)
class TargetAdmin(ReadOnly, ScopedAdmin):
    """Read-only: targets are issued, revised and decomposed on the 年度目标 page, which keeps the 变更记录."""

    list_display = ["indicator", "area", "year", "department", "responsible_person"]
    list_filter = ["year"]
    search_fields = ["indicator__name", "area__name", "responsible_person"]
    list_select_related = ["indicator", "area", "department"]
    inlines = [TargetVersionInline, TargetPartInline]


@admin.register(ReportedValue)
class ReportedValueAdmin(ReadOnly, ScopedAdmin):
    list_display = ["area", "year", "month", "indicator", "value", "status", "updated_by", "updated_at"]
    list_filter = ["year", "month", "status"]
    search_fields = ["area__name", "indicator__name"]
    list_select_related = ["area", "indicator", "updated_by"]


@admin.register(ValueHistory)
class ValueHistoryAdmin(ReadOnly, ScopedAdmin):
    list_display = [
        "at",
        "user",
        "area",
        "year",
        "month",
        "indicator",
        "action",
        "old_value",
        "new_value",
        "reason",
    ]
    list_filter = ["action", "year"]
    list_select_related = ["user", "area", "indicator"]


@admin.register(TargetChange)
class TargetChangeAdmin(ReadOnly, ScopedAdmin):
    list_display = ["at", "user", "target", "kind", "old_text", "new_text", "reason"]
    list_filter = ["kind"]
    list_select_related = ["user", "target__area", "target__indicator"]


@admin.register(RulesChange)
class RulesChangeAdmin(ReadOnly, ScopedAdmin):
    list_display = ["at", "user", "area", "old_text", "new_text"]
    list_select_related = ["user", "area"]
