"""Forms of the supervision pages: choices always limited to what the user may act on."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone

from zhenwu.areas.access import grants_of
from zhenwu.areas.forms import AreaChoiceField
from zhenwu.areas.models import ROLE_ACTIONS, Action, Area, Department, Level
from zhenwu.inspections.models import (
    Finding,
    FindingCategory,
    Inspection,
    InspectionKind,
    Severity,
    Source,
    Status,
    Theme,
)
from zhenwu.inspections.rectification import deadline_problem
from zhenwu.photos import PhotosField

FIELD_LEVELS = (Level.TOWN, Level.VILLAGE)


def areas_for(user, actions: set[str], levels=FIELD_LEVELS):
    """Areas of the given levels where one of the user's roles allows one of ``actions``."""
    queryset = Area.objects.filter(level__in=levels)
    if getattr(user, "is_superuser", False) and user.is_active:
        return queryset
    condition = Q(pk__in=[])
    for grant in grants_of(user):
        if ROLE_ACTIONS[grant.role] & actions:
            condition |= Q(path__startswith=grant.path)
    return queryset.filter(condition)


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, department: Department) -> str:
        return f"{department.area.name} · {department.short_name or department.name}"


class FindingForm(forms.Form):
    """The phone form: a photo, a category, where, what; the rest optional."""

    photos = PhotosField(label="现场照片")
    category = forms.ModelChoiceField(
        FindingCategory.objects.filter(active=True), label="问题类别", empty_label="请选择"
    )
    area = AreaChoiceField(Area.objects.none(), label="责任区划", empty_label="请选择镇（街道）或村（社区）")
    location = forms.CharField(
        label="地点", max_length=120, widget=forms.TextInput(attrs={"placeholder": "如：南塘村村口桥头"})
    )
    description = forms.CharField(label="问题描述", widget=forms.Textarea(attrs={"rows": 3}))
    quantity = forms.DecimalField(
        label="数量",
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text="如违建面积（平方米）",
    )
    severity = forms.ChoiceField(label="严重程度", choices=Severity.choices, initial=Severity.GENERAL)
    deadline = forms.DateField(
        label="整改期限",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="留空按类别默认天数",
    )
    department = DepartmentChoiceField(
        Department.objects.none(), label="责任单位", required=False, empty_label="—"
    )
    inspection = forms.ModelChoiceField(
        Inspection.objects.none(), label="所属督查", required=False, empty_label="—"
    )
    latitude = forms.DecimalField(
        required=False, max_digits=9, decimal_places=6, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    longitude = forms.DecimalField(
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, user, source: str, area: Area | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        actions = {Action.INSPECT} if source == Source.INSPECTION else {Action.ENTER, Action.INSPECT}
        self.fields["area"].queryset = areas_for(user, actions)
        if area is not None and area.level in FIELD_LEVELS:
            self.fields["area"].initial = area.pk
        self.fields["department"].queryset = Department.objects.for_user(user).active().select_related("area")
        if source == Source.INSPECTION:
            recent = timezone.localdate() - datetime.timedelta(days=90)
            self.fields["inspection"].queryset = Inspection.objects.for_user(user).filter(date__gte=recent)
        else:
            for name in ("deadline", "department", "inspection", "severity"):
                del self.fields[name]

    @property
    def has_areas(self) -> bool:
        return self.fields["area"].queryset.exists()

    def clean(self):
        cleaned = super().clean()
        area, department = cleaned.get("area"), cleaned.get("department")
        if area and department and not department.area.contains(area):
            self.add_error("department", f"“{department.name}”不负责{area.name}，请重新选择。")
        inspection = cleaned.get("inspection")
        if area and inspection and not inspection.area.contains(area):
            self.add_error("inspection", f"“{inspection.title}”不覆盖{area.name}。")
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            cleaned["latitude"] = cleaned["longitude"] = None
        today = timezone.localdate()  # a finding recorded here is found today
        if problem := deadline_problem(cleaned.get("deadline"), today, today):
            self.add_error("deadline", problem)
        return cleaned


class StepForm(forms.Form):
    """A step on a finding, carrying the finding's version the page was shown."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, finding: Finding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = finding.version


class AssignForm(StepForm):
    deadline = forms.DateField(label="整改期限", widget=forms.DateInput(attrs={"type": "date"}))
    department = DepartmentChoiceField(
        Department.objects.none(), label="责任单位", required=False, empty_label="—"
    )
    note = forms.CharField(label="交办意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, finding: Finding, **kwargs):
        super().__init__(*args, finding=finding, **kwargs)
        self.fields["department"].queryset = (
            Department.objects.for_user(user)
            .offered(finding.department_id)
            .filter(area__path__in=finding.area.lineage_paths)
            .select_related("area")
        )
        today = timezone.localdate()
        self.finding = finding
        self.fields["deadline"].initial = max(finding.found_on, today) + datetime.timedelta(
            days=finding.category.default_days
        )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if problem := deadline_problem(deadline, self.finding.found_on, timezone.localdate()):
            raise forms.ValidationError(problem)
        return deadline


class EvidenceForm(StepForm):
    note = forms.CharField(
        label="整改情况",
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "如：已拆除违建120平方米，场地已清理"}),
    )
    photos = PhotosField(label="整改后照片")


class NoteForm(StepForm):
    note = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(StepForm):
    note = forms.CharField(label="退回理由", widget=forms.Textarea(attrs={"rows": 2}))


class InspectionForm(forms.Form):
    title = forms.CharField(
        label="名称",
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": "如：11月城镇市容环境暗访"}),
    )
    kind = forms.ChoiceField(label="方式", choices=InspectionKind.choices)
    theme = forms.ChoiceField(label="主题", choices=Theme.choices)
    date = forms.DateField(
        label="日期", initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    area = forms.ModelChoiceField(Area.objects.none(), label="组织单位", empty_label=None)
    covered_areas = forms.ModelMultipleChoiceField(
        Area.objects.none(), label="督查范围", required=False, widget=forms.CheckboxSelectMultiple
    )
    checklist = forms.CharField(
        label="检查清单", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="每行一项"
    )
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas_for(user, {Action.INSPECT}, levels=(Level.COUNTY, Level.TOWN))
        self.fields["covered_areas"].queryset = areas_for(user, {Action.INSPECT}, levels=(Level.TOWN,))

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area")
        for covered in cleaned.get("covered_areas") or []:
            if area and not area.contains(covered):
                self.add_error("covered_areas", f"{covered.name}不在{area.name}的范围内。")
        return cleaned


class FindingFilterForm(forms.Form):
    """The desk filters; every value optional, unknown values ignored."""

    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部状态"), *Status.choices])
    category = forms.ModelChoiceField(
        FindingCategory.objects.all(), label="类别", required=False, empty_label="全部类别"
    )
    town = forms.ModelChoiceField(
        Area.objects.none(), label="区划", required=False, empty_label="全部", to_field_name="code"
    )
    source = forms.ChoiceField(label="来源", required=False, choices=[("", "全部来源"), *Source.choices])
    overdue = forms.BooleanField(label="只看逾期", required=False)

    def __init__(self, *args, user, area: Area | None, **kwargs):
        super().__init__(*args, **kwargs)
        towns = Area.objects.for_user(user).filter(level=Level.TOWN)
        if area is not None:
            towns = towns.filter(path__startswith=area.path)
        self.fields["town"].queryset = towns

    def filter(self, findings, today: datetime.date):
        """Apply the valid filters to ``findings`` (an already scoped queryset)."""
        if not self.is_valid():
            return findings
        data = self.cleaned_data
        if data["status"]:
            findings = findings.filter(status=data["status"])
        if data["category"]:
            findings = findings.filter(category=data["category"])
        if data["town"]:
            findings = findings.filter(area__path__startswith=data["town"].path)
        if data["source"]:
            findings = findings.filter(source=data["source"])
        if data["overdue"]:
            findings = findings.overdue(today)
        return findings


class InspectionFilterForm(forms.Form):
    """The rounds list's filters: a year, the way (暗访 or 例行) and words of the title; all optional."""

    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label="方式", required=False, choices=[("", "全部方式"), *InspectionKind.choices]
    )
    q = forms.CharField(label="名称", required=False, max_length=40)

    def filter(self, inspections):
        if not self.is_valid():
            return inspections
        data = self.cleaned_data
        if data["year"]:
            inspections = inspections.filter(date__year=data["year"])
        if data["kind"]:
            inspections = inspections.filter(kind=data["kind"])
        if data["q"]:
            inspections = inspections.filter(title__icontains=data["q"].strip())
        return inspections
