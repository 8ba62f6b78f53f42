"""Forms of the area pages: a department's name, the filters of the settings' 修改记录; the site's area picker."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from zhenwu.areas.changes import SETTING_KINDS
from zhenwu.areas.models import Area, Level


class AreaChoiceField(forms.ModelChoiceField):
    """Towns and villages labelled “青山镇 · 东山村”, so a county list reads at a glance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._towns: dict[str, str] | None = None

    def label_from_instance(self, area: Area) -> str:
        if area.level != Level.VILLAGE:
            return area.name
        if self._towns is None:
            self._towns = dict(Area.objects.filter(level=Level.TOWN).values_list("path", "name"))
        town = self._towns.get(area.path[: -Area.steplen], "")
        return f"{town} · {area.name}" if town else area.name


class DepartmentForm(forms.Form):
    name = forms.CharField(label="部门名称", max_length=80)
    short_name = forms.CharField(label="简称", max_length=20, required=False)


class HistoryFilterForm(forms.Form):
    """修改记录 by kind of setting, one setting (``subject``, from a setting's own page) and words; all optional."""

    kind = forms.ChoiceField(label="设置", required=False, choices=[("", "全部设置"), *SETTING_KINDS.items()])
    q = forms.CharField(label="名称或内容", required=False, max_length=60)
    subject = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def filter(self, changes):
        if not self.is_valid():
            return changes
        data = self.cleaned_data
        if data["kind"]:
            changes = changes.filter(subject__startswith=f"{data['kind']}:")
        if data["subject"]:
            changes = changes.filter(subject=data["subject"])
        if words := data["q"].strip():
            changes = changes.filter(
                Q(label__icontains=words) | Q(before__icontains=words) | Q(after__icontains=words)
            )
        return changes
