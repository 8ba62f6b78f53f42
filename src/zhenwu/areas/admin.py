"""Django admin for 管理员: every list and every choice is limited to the admin's subtree."""

from django import forms
from django.contrib import admin

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area, Department, Membership


def is_area_admin(user) -> bool:
    """Superusers, and anyone holding a 管理员 membership somewhere."""
    return user.is_active and (user.is_superuser or user.memberships.filter(role="admin").exists())


class ScopedAdminMixin:
    """Restrict a ModelAdmin to the user's subtree and to users holding the 管理员 role."""

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if hasattr(related.objects, "for_user"):
            kwargs["queryset"] = related.objects.for_user(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return is_area_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_area_admin(request.user)

    def _may_administer(self, request, obj) -> bool:
        if not is_area_admin(request.user):
            return False
        return obj is None or can(request.user, obj.area, Action.ADMINISTER)

    def has_add_permission(self, request):
        return is_area_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return self._may_administer(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_administer(request, obj)


class AreaForm(forms.ModelForm):
    """New areas are placed under a parent inside the admin's subtree; existing ones keep their place."""

    parent = forms.ModelChoiceField(queryset=Area.objects.none(), label="上级区划", required=True)

    class Meta:
        model = Area
        fields = ["code", "name", "level"]


@admin.register(Area)
class AreaAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["indented_name", "code", "level"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    ordering = ["path"]
    list_per_page = 200

    @admin.display(description="名称", ordering="path")
    def indented_name(self, area):
        return "\u3000" * (area.depth - 1) + area.name

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            user = request.user

            class ScopedAreaForm(AreaForm):
                def __init__(self, *args, **form_kwargs):
                    super().__init__(*args, **form_kwargs)
                    self.fields["parent"].queryset = Area.objects.for_user(user)

            kwargs["form"] = ScopedAreaForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["code", "name", "level"] if obj else ["parent", "code", "name", "level"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            Area.objects.add_child(form.cleaned_data["parent"], instance=obj)


@admin.register(Department)
class DepartmentAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "area"]
    search_fields = ["name", "area__name"]
    list_select_related = ["area"]


@admin.register(Membership)
class MembershipAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "area", "role", "department"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "area__name"]
    list_select_related = ["user", "area", "department"]
    autocomplete_fields = ["area"]
