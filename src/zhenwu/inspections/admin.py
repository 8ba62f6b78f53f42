"""Admin: findings and inspections scoped to the admin's subtree; categories kept by county-level admins."""

from django.contrib import admin

from zhenwu.areas.scoped_admin import SHARED, ScopedAdmin, ScopedInline
from zhenwu.inspections.models import Finding, FindingCategory, FindingPhoto, Inspection, Transition


@admin.register(FindingCategory)
class FindingCategoryAdmin(ScopedAdmin):
    """Categories are shared by every town: kept by 管理员 at county level or above, read by the others."""

    owner_lookup = SHARED
    list_display = [
        "name",
        "short_name",
        "theme",
        "count_unit",
        "quantity_unit",
        "default_days",
        "order",
        "active",
    ]
    list_editable = ["order", "active"]
    list_filter = ["theme", "active"]

    def has_delete_permission(self, request, obj=None):
        return False  # retire a category (启用 off): findings keep pointing at it


@admin.register(Inspection)
class InspectionAdmin(ScopedAdmin):
    list_display = ["date", "title", "kind", "theme", "area"]
    list_filter = ["kind", "theme"]
    search_fields = ["title"]
    list_select_related = ["area"]
    readonly_fields = ["created_by", "created_at"]
    filter_horizontal = ["inspectors", "covered_areas"]


class TransitionInline(ScopedInline, admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    fields = ["at", "step", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Finding)
class FindingAdmin(ScopedAdmin):
    """Read and correct descriptive fields; status changes only through the pages (they keep the log)."""

    list_display = ["id", "category", "location", "area", "status", "deadline", "found_on"]
    list_filter = ["status", "source", "category"]
    search_fields = ["location", "description"]
    list_select_related = ["category", "area"]
    readonly_fields = ["status", "closed_on", "repeat_of", "reported_by", "created_at", "source"]
    inlines = [TransitionInline]


@admin.register(FindingPhoto)
class FindingPhotoAdmin(ScopedAdmin):
    """Photos are taken on the finding's page (checked, with a thumbnail); here they are only looked at or removed."""

    list_display = ["id", "finding", "kind", "uploaded_at"]
    list_select_related = ["finding"]
    readonly_fields = ["finding", "transition", "kind", "image", "thumbnail", "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request):
        return False
