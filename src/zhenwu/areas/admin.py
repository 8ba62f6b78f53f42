"""Django admin for 管理员: every list and every choice is limited to the admin's subtree."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied

from zhenwu.areas.access import can
from zhenwu.areas.departments import references
from zhenwu.areas.models import Action, Area, Department, Membership
from zhenwu.areas.scoped_admin import ScopedAdmin, administered_areas, outside_choice


def governs(user, area: Area) -> bool:
    """True when ``user`` is 管理员 of the area above ``area``: who may fix its code and level, or delete it."""
    parent = Area.objects.get_parent(area)
    return (user.is_active and user.is_superuser) or (
        parent is not None and can(user, parent, Action.ADMINISTER)
    )


class AreaForm(forms.ModelForm):
    """New areas are placed under a parent inside the admin's subtree; existing ones keep their place."""

    parent = forms.ModelChoiceField(queryset=Area.objects.none(), label="上级区划", required=True)

    class Meta:
        model = Area
        fields = ["code", "name", "level"]


@admin.register(Area)
class AreaAdmin(ScopedAdmin):
    """An area's name is its own 管理员's; its code and level, and its removal, belong to the area above."""

    owner_lookup = "area"  # an area belongs to itself
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
                    parent = self.fields["parent"]
                    parent.queryset = administered_areas(user)
                    parent.error_messages["invalid_choice"] = outside_choice(user, parent.label, "区划")

            kwargs["form"] = ScopedAreaForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["code", "name", "level"] if obj else ["parent", "code", "name", "level"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None or governs(request.user, obj) else ["code", "level"]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or governs(request.user, obj))

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        parent = form.cleaned_data["parent"]
        if not can(request.user, parent, Action.ADMINISTER):
            raise PermissionDenied("上级区划不在您的管辖范围内")
        Area.objects.add_child(parent, instance=obj)


@admin.register(Department)
class DepartmentAdmin(ScopedAdmin):
    """Departments are retired (停用) on 设置 · 部门; here one is deleted only while nothing names it."""

    list_display = ["name", "short_name", "area", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "area__name"]
    list_select_related = ["area"]

    def has_delete_permission(self, request, obj=None):
        # None: the bulk "delete selected" action, which would not look at each department's references
        return obj is not None and not references(obj) and super().has_delete_permission(request, obj)


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    """Roles in the admin's subtree, for people of that subtree; nobody changes their own roles here."""

    list_display = ["user", "area", "role", "department"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__first_name", "area__name"]
    list_select_related = ["user", "area", "department"]
    autocomplete_fields = ["area"]

    def may_write(self, user, obj) -> bool:
        own = obj.user_id == user.pk and not user.is_superuser
        return not own and super().may_write(user, obj)

    def check_owner(self, request, form) -> None:
        super().check_owner(request, form)
        if form.cleaned_data.get("user") == request.user and not request.user.is_superuser:
            form.add_error("user", "不能给自己授予或修改角色，请由上级管理员办理")
