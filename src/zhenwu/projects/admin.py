"""Django admin for 管理员: the project ledger, limited to the admin's subtree."""

from django.contrib import admin

from zhenwu.areas.scoped_admin import ScopedAdmin, ScopedInline
from zhenwu.projects.models import MonthlyUpdate, Project, StatusChange, YearPlan


class YearPlanInline(ScopedInline, admin.TabularInline):
    model = YearPlan
    extra = 0


class StatusChangeInline(ScopedInline, admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ["from_status", "to_status", "date", "note", "actor", "at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # the lifecycle moves only through the project page, which logs who did it


@admin.register(Project)
class ProjectAdmin(ScopedAdmin):
    list_display = ["name", "area", "category", "tier", "status", "total_investment", "responsible_person"]
    list_filter = ["category", "tier", "status", "highlighted"]
    search_fields = ["name", "owner_company", "responsible_person"]
    readonly_fields = ["status", "started_on", "completed_on"]
    inlines = [YearPlanInline, StatusChangeInline]
    list_select_related = ["area"]


@admin.register(MonthlyUpdate)
class MonthlyUpdateAdmin(ScopedAdmin):
    """Read-only here: updates and their corrections go through the update form, which keeps the history."""

    list_display = [
        "project",
        "year",
        "month",
        "investment_month",
        "investment_ytd",
        "entered_by",
        "revision",
    ]
    list_filter = ["year", "month"]
    search_fields = ["project__name"]
    list_select_related = ["project", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("project__area")
