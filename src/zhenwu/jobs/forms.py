"""The 我的任务 list's filters."""

from __future__ import annotations

from django import forms

from zhenwu.jobs.models import JobStatus


class JobFilterForm(forms.Form):
    """A state and words of the title; both optional."""

    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态"), *JobStatus.choices])
    q = forms.CharField(label="任务", required=False, max_length=60)

    def filter(self, jobs):
        if not self.is_valid():
            return jobs
        if self.cleaned_data["status"]:
            jobs = jobs.filter(status=self.cleaned_data["status"])
        if self.cleaned_data["q"].strip():
            jobs = jobs.filter(title__icontains=self.cleaned_data["q"].strip())
        return jobs
