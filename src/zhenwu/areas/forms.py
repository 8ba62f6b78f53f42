"""Forms of the area pages: a department's name."""

from __future__ import annotations

from django import forms


class DepartmentForm(forms.Form):
    name = forms.CharField(label="部门名称", max_length=80)
    short_name = forms.CharField(label="简称", max_length=20, required=False)
