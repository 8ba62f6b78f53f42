"""Admin: findings and inspections scoped to the admin's subtree; categories kept by county-level admins."""

from django.contrib import admin

from zhenwu.areas.admin import ScopedAdminMixin, is_area_admin
from zhenwu.areas.models import LEVEL_DEPTH, Level
from zhenwu.inspections.models import Finding, FindingCategory, FindingPhoto, Inspection, Transition


def keeps_categories(user) -> bool:
    """Categories are shared by every town: only superusers and 管理员 at county level or above edit them."""
    return user.is_active and (
        user.is_superuser
        or user.memberships.filter(role="admin", area__depth__lte=LEVEL_DEPTH[Level.COUNTY]).exists()
    )


@admin.register(FindingCategory)
class FindingCategoryAdmin(admin.ModelAdmin):
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

    def has_module_permission(self, request):
        return is_area_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_area_admin(request.user)

    def has_add_permission(self, request):
        return keeps_categories(request.user)

    def has_change_permission(self, request, obj=None):
        return keeps_categories(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # retire a category (启用 off): findings keep pointing at it


@admin.register(Inspection)
class InspectionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["date", "title", "kind", "theme", "area"]
    list_filter = ["kind", "theme"]
    search_fields = ["title"]
    list_select_related = ["area"]
    readonly_fields = ["created_by", "created_at"]
    filter_horizontal = ["inspectors", "covered_areas"]


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    fields = ["at", "step", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Finding)
class FindingAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Read and correct descriptive fields; status changes only through the pages (they keep the log)."""

    list_display = ["id", "category", "location", "area", "status", "deadline", "found_on"]
    list_filter = ["status", "source", "category"]
    search_fields = ["location", "description"]
    list_select_related = ["category", "area"]
    readonly_fields = ["status", "closed_on", "repeat_of", "reported_by", "created_at", "source"]
    inlines = [TransitionInline]


@admin.register(FindingPhoto)
class FindingPhotoAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["id", "finding", "kind", "uploaded_at"]
    list_select_related = ["finding"]
    readonly_fields = ["finding", "transition", "kind", "image", "thumbnail", "uploaded_by", "uploaded_at"]

    def _may_administer(self, request, obj) -> bool:
        return super()._may_administer(request, obj.finding if obj else None)
