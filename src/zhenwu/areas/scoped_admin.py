"""The Django admin held to the same subtree as every page: one base for every ModelAdmin and inline.

- Rows: what ``Model.objects.for_user`` shows; outside it the admin says the row does not exist.
- Writes: only where the user is 管理员 of the row's owning area (``owner_lookup``, by default the
  model's ``area_lookup``); other visible rows are read-only.
- Choice lists: the areas, people and rows of the subtree the user administers.
- Shared definitions with no area (指标, 问题类别; ``owner_lookup = SHARED``) are read by every 管理员
  and kept by 管理员 at county level or above.
"""

from __future__ import annotations

from operator import attrgetter

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from zhenwu.areas.access import can, grants_of, subtree_filter, top_areas
from zhenwu.areas.models import LEVEL_DEPTH, ROLE_ACTIONS, Action, Area, Level, Membership

SHARED = None  # ``owner_lookup`` of rows every area shares (no owning area)


def _is_superuser(user) -> bool:
    return bool(user.is_active and user.is_superuser)


def _admin_grants(user):
    return [grant for grant in grants_of(user) if Action.ADMINISTER in ROLE_ACTIONS[grant.role]]


def is_area_admin(user) -> bool:
    """Superusers, and anyone holding a 管理员 membership somewhere: who may use the admin at all."""
    return _is_superuser(user) or (user.is_active and bool(_admin_grants(user)))


def keeps_shared_definitions(user) -> bool:
    """Indicators and categories are read by every town: only 管理员 at county level or above change them."""
    county_depth = LEVEL_DEPTH[Level.COUNTY]
    return _is_superuser(user) or (
        user.is_active
        and any(len(grant.path) // Area.steplen <= county_depth for grant in _admin_grants(user))
    )


def administered_areas(user):
    """The areas the user is 管理员 of: the only ones a row may be saved to."""
    return Area.objects.filter(subtree_filter(user, "path", Action.ADMINISTER))


def administered_users(user):
    """The people holding a role somewhere in the subtree the user administers."""
    members = Membership.objects.filter(subtree_filter(user, "area__path", Action.ADMINISTER))
    return get_user_model().objects.filter(pk__in=members.values("user")).order_by("username")


def administered_rows(user, model):
    """Rows of an area-owned model inside the subtree the user administers (``None``: not area-owned)."""
    lookup = getattr(model, "area_lookup", None)
    if lookup is None:
        return None
    return model._default_manager.filter(subtree_filter(user, f"{lookup}__path", Action.ADMINISTER))


def scope_text(user) -> str:
    """The subtree the user administers in words, for a refusal: “青山镇及其下级”."""
    return "、".join(area.name for area in top_areas(user, Action.ADMINISTER)) + "及其下级"


def outside_choice(user, label: str, noun: str) -> str:
    """The refusal of a choice outside the subtree, naming the field and the limit."""
    limit = scope_text(user).replace("%", "%%")  # the message is %-formatted with the value
    return f"“{label}”只能选您管辖范围（{limit}）内的{noun}"


def keep_current_choices(form) -> None:
    """A row keeps the people and records it already names from outside the subtree (a finding of the
    county's inspection, a county inspector): they stay selectable, but no new one can be picked.
    Areas are never kept: a row is saved only to areas the user administers."""
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        current = form.initial.get(name)
        if queryset is None or queryset.model is Area or current in (None, "", []):
            continue
        pks = [getattr(item, "pk", item) for item in (current if isinstance(current, list) else [current])]
        field.queryset = queryset | queryset.model._default_manager.filter(pk__in=pks)


class ScopedChoices:
    """Foreign-key and many-to-many choices limited to the subtree the user administers."""

    def scoped_choices(self, db_field, request):
        related, user = db_field.related_model, request.user
        if related is Area:
            return administered_areas(user), "区划"
        if related is get_user_model():
            return administered_users(user), "人员"
        rows = administered_rows(user, related)
        return (None, "") if rows is None else (rows, related._meta.verbose_name)

    def _scope(self, db_field, request, kwargs):
        queryset, noun = self.scoped_choices(db_field, request)
        if queryset is not None and "queryset" not in kwargs:
            kwargs["queryset"] = queryset
            kwargs.setdefault("error_messages", {})["invalid_choice"] = outside_choice(
                request.user, db_field.verbose_name, noun
            )
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(db_field, request, **self._scope(db_field, request, kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(db_field, request, **self._scope(db_field, request, kwargs))


class ScopedAdmin(ScopedChoices, admin.ModelAdmin):
    """Base of every ModelAdmin: rows of the user's subtree, written only where the user is 管理员."""

    owner_lookup: str | None = ""  # "" means the model's ``area_lookup``; ``SHARED`` for shared rows

    @property
    def _owner_lookup(self) -> str | None:
        return getattr(self.model, "area_lookup", SHARED) if self.owner_lookup == "" else self.owner_lookup

    def owner_of(self, obj) -> Area | None:
        lookup = self._owner_lookup
        return None if lookup is SHARED else attrgetter(lookup.replace("__", "."))(obj)

    def may_write(self, user, obj) -> bool:
        """True when ``user`` may change or delete ``obj`` (saved or about to be)."""
        if not is_area_admin(user):
            return False
        if self._owner_lookup is SHARED:
            return keeps_shared_definitions(user)
        return can(user, self.owner_of(obj), Action.ADMINISTER)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self._owner_lookup is SHARED:
            return queryset
        if hasattr(queryset, "for_user"):
            return queryset.for_user(request.user)
        return queryset.filter(subtree_filter(request.user, f"{self._owner_lookup}__path"))

    def has_module_permission(self, request):
        return is_area_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_area_admin(request.user)

    def _may_write_some(self, request) -> bool:
        if self._owner_lookup is SHARED:
            return keeps_shared_definitions(request.user)
        return is_area_admin(request.user)

    def has_add_permission(self, request):
        return self._may_write_some(request)

    def has_change_permission(self, request, obj=None):
        return self._may_write_some(request) if obj is None else self.may_write(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_write_some(request) if obj is None else self.may_write(request.user, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        model_admin = self

        class OwnerCheckedForm(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                if self.instance.pk is not None:
                    keep_current_choices(self)

            def clean(self):
                cleaned = super().clean()
                model_admin.check_owner(request, self)
                return cleaned

        return OwnerCheckedForm

    def check_owner(self, request, form) -> None:
        """Refuse, on the form, a row whose owning area would lie outside the user's subtree."""
        lookup = self._owner_lookup
        if lookup is SHARED or _is_superuser(request.user):
            return
        field, _, rest = lookup.partition("__")
        if field not in form.cleaned_data:
            return  # not on this form: the row keeps the owner it had (checked by has_change_permission)
        value = form.cleaned_data[field]
        owner = attrgetter(rest.replace("__", "."))(value) if rest and value is not None else value
        if isinstance(owner, Area) and not can(request.user, owner, Action.ADMINISTER):
            form.add_error(
                field if field in form.fields else None,
                f"{owner.name}不在您的管辖范围（{scope_text(request.user)}）内，不能保存到这里",
            )

    def save_model(self, request, obj, form, change):
        if not self.may_write(request.user, obj):
            raise PermissionDenied("不在您的管辖范围内，不能保存")
        if change and _versioned(obj):
            obj.version += 1  # a page shown before this change is now stale, as after a change on a page
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied("不在您的管辖范围内，不能删除")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if not all(self.has_delete_permission(request, obj) for obj in queryset):
            raise PermissionDenied("所选记录中有不在您管辖范围内的，不能删除")
        super().delete_queryset(request, queryset)


class ScopedInline(ScopedChoices):
    """Inlines follow their parent's rule (管理员 of the parent's area), not Django's per-model permissions."""

    def _parent_admin(self) -> ScopedAdmin:
        return self.admin_site.get_model_admin(self.parent_model)

    def _may_write_parent(self, request, obj) -> bool:
        parent = self._parent_admin()
        return (
            parent.has_add_permission(request) if obj is None else parent.has_change_permission(request, obj)
        )

    def has_view_permission(self, request, obj=None):
        return is_area_admin(request.user)

    def has_add_permission(self, request, obj=None):
        return self._may_write_parent(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may_write_parent(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may_write_parent(request, obj)


def _versioned(obj) -> bool:
    """Rows that carry an optimistic-concurrency version (an integer no form may edit)."""
    field = next((f for f in obj._meta.concrete_fields if f.name == "version"), None)
    return field is not None and not field.editable
