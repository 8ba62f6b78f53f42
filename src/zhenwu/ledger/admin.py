"""Admin for 管理员: indicators and catalogues, and targets scoped to the admin's subtree.

Reported figures, targets and their history are read-only here: every change to a figure or a
target goes through ``services`` (the 报表 and 年度目标 pages) so that it is checked and recorded.
"""

from django.contrib import admin

from zhenwu.areas.access import can
from zhenwu.areas.admin import ScopedAdminMixin, is_area_admin
from zhenwu.areas.models import Action, Area
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
    ValueHistory,
)


class AreaAdminOnly:
    """Shared definitions (indicators, catalogues): any 管理员 may maintain them."""

    def has_module_permission(self, request):
        return is_area_admin(request.user)

    has_view_permission = has_add_permission = has_change_permission = has_delete_permission = (
        lambda self, request, obj=None: is_area_admin(request.user)
    )


@admin.register(Indicator)
class IndicatorAdmin(AreaAdminOnly, admin.ModelAdmin):
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


class InlineForAreaAdmins:
    """Inlines follow their parent's rule (管理员 of the area), not Django's per-model permissions."""

    def _allowed(self, request, obj=None) -> bool:
        if not is_area_admin(request.user):
            return False
        area = getattr(obj, "area", None) if obj is not None else None
        return not isinstance(area, Area) or can(request.user, area, Action.ADMINISTER)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if hasattr(related.objects, "for_user"):  # villages and departments of the admin's subtree only
            kwargs["queryset"] = related.objects.for_user(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        return is_area_admin(request.user)

    def has_add_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request, obj)


class CatalogueEntryInline(InlineForAreaAdmins, admin.TabularInline):
    model = CatalogueEntry
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Catalogue)
class CatalogueAdmin(AreaAdminOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "issued_by", "year"]
    inlines = [CatalogueEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(issued_by__in=Area.objects.for_user(request.user))


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TargetVersionInline(ReadOnly, InlineForAreaAdmins, admin.TabularInline):
    model = TargetVersion
    fields = ["number", "value", "effective_month", "reason", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]


class TargetPartInline(ReadOnly, InlineForAreaAdmins, admin.TabularInline):
    model = TargetPart


@admin.register(Target)
class TargetAdmin(ReadOnly, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: targets are issued, revised and decomposed on the 年度目标 page, which keeps the 变更记录."""

    list_display = ["indicator", "area", "year", "department", "responsible_person"]
    list_filter = ["year"]
    search_fields = ["indicator__name", "area__name", "responsible_person"]
    list_select_related = ["indicator", "area", "department"]
    inlines = [TargetVersionInline, TargetPartInline]


@admin.register(ReportedValue)
class ReportedValueAdmin(ReadOnly, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["area", "year", "month", "indicator", "value", "status", "updated_by", "updated_at"]
    list_filter = ["year", "month", "status"]
    search_fields = ["area__name", "indicator__name"]
    list_select_related = ["area", "indicator", "updated_by"]


@admin.register(ValueHistory)
class ValueHistoryAdmin(ReadOnly, ScopedAdminMixin, admin.ModelAdmin):
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
class TargetChangeAdmin(ReadOnly, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["at", "user", "target", "kind", "old_text", "new_text", "reason"]
    list_filter = ["kind"]
    list_select_related = ["user", "target__area", "target__indicator"]


@admin.register(RulesChange)
class RulesChangeAdmin(ReadOnly, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["at", "user", "area", "old_text", "new_text"]
    list_select_related = ["user", "area"]
