"""Admin for 管理员: schemes with their criteria; results are read-only (published ones are frozen)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from zhenwu.areas.scoped_admin import ScopedAdmin, ScopedInline
from zhenwu.assessment import scoring
from zhenwu.assessment.models import Criterion, Result, Scheme


class CriterionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problem = scoring.weight_problem(
            (data["rule"], data.get("params") or {}, data.get("weight") or 0)
            for data in kept
            if data.get("rule")
        )
        if kept and problem:
            raise ValidationError(problem)


class CriterionInline(ScopedInline, admin.TabularInline):
    model = Criterion
    formset = CriterionFormSet
    fields = ["order", "name", "weight", "rule", "params"]
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(ScopedAdmin):
    list_display = ["name", "slug", "area", "period_type", "first_year", "last_year"]
    list_select_related = ["area"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["assessed"]
    # Whom a scheme assesses (villages, departments) is set on the scheme pages, which check it.
    exclude = ["unit_kind", "assessed_departments"]
    inlines = [CriterionInline]


@admin.register(Result)
class ResultAdmin(ScopedAdmin):
    list_display = ["scheme", "period", "version", "status", "published_at", "published_by"]
    list_filter = ["status"]
    list_select_related = ["scheme", "published_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
