"""Forms of the project pages: choices always limited to what the user may see or act on."""

from __future__ import annotations

from django import forms
from django.core.exceptions import BadRequest
from django.db.models import Q
from django.utils import timezone

from zhenwu.areas.access import subtree_filter
from zhenwu.areas.models import Action, Area, Department, Level
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.stale import remember_shown
from zhenwu.photos import PhotosField
from zhenwu.projects.models import Category, Project, Status, Tier
from zhenwu.projects.rates import Behind, Month

LEDGER_LEVELS = (Level.COUNTY, Level.TOWN, Level.VILLAGE)


def areas_where(user, action: str, levels=LEDGER_LEVELS):
    """Areas of the given levels where one of the user's roles allows ``action``."""
    return Area.objects.filter(subtree_filter(user, "path", action), level__in=levels)


class MonthField(forms.CharField):
    """A reporting month typed or picked as YYYY-MM; the cleaned value is a ``Month``."""

    widget = forms.TextInput(attrs={"type": "month", "pattern": r"\d{4}-\d{2}"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return Month.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def prepare_value(self, value):
        return f"{value.year}-{value.month:02d}" if isinstance(value, Month) else value


BEHIND_CHOICES = [
    ("", "全部"),
    ("any", "全部滞后"),
    *[
        (label, label)
        for label in (
            Behind.START_OVERDUE,
            Behind.COMPLETION_OVERDUE,
            Behind.INVESTMENT_LAGGING,
            Behind.NO_UPDATE,
        )
    ],
]


class ProjectFilterForm(forms.Form):
    q = forms.CharField(
        label="搜索", required=False, widget=forms.TextInput(attrs={"placeholder": "项目名称、业主、责任人"})
    )
    area = forms.ModelChoiceField(Area.objects.none(), label="镇（街道）", required=False, empty_label="全部")
    category = forms.ChoiceField(label="类别", required=False, choices=[("", "全部"), *Category.choices])
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *Status.choices])
    behind = forms.ChoiceField(label="滞后", required=False, choices=BEHIND_CHOICES)
    month = MonthField(label="月份", required=False)

    def __init__(self, *args, user, area: Area | None, **kwargs):
        super().__init__(*args, **kwargs)
        towns = Area.objects.for_user(user).filter(level=Level.TOWN)
        if area is not None:
            towns = towns.filter(path__startswith=area.path)
        self.fields["area"].queryset = towns
        self.reporting = reporting_month(area, timezone.localdate())

    def selected_month(self) -> Month:
        """The month of ``?month=2025-06``, else the month being reported; a malformed one is a 400."""
        if "month" in self.errors:  # validates a bound form; an unbound one has none
            raise BadRequest(f"月份 month 无效：{self.errors['month'][0]}")
        value = self.cleaned_data.get("month") if self.is_bound else None
        return value or self.reporting.current

    def month_due(self) -> bool:
        """Whether the selected month's deadline has passed: only then is a missing update 本月未报."""
        return self.reporting.is_due(self.selected_month())

    def filter(self, projects):
        """Narrow a scoped queryset by the chosen town, category, status and search words."""
        if not self.is_valid():
            return projects
        data = self.cleaned_data
        if data["area"] is not None:
            projects = projects.in_subtree(data["area"])
        if data["category"]:
            projects = projects.filter(category=data["category"])
        if data["status"]:
            projects = projects.filter(status=data["status"])
        for word in data["q"].split():
            projects = projects.filter(
                Q(name__icontains=word)
                | Q(owner_company__icontains=word)
                | Q(responsible_person__icontains=word)
            )
        return projects

    def behind_reason(self) -> str:
        return self.cleaned_data.get("behind", "") if self.is_valid() else ""


class ProjectForm(forms.ModelForm):
    """The ledger entry of a project, with this year's planned investment (管理员)."""

    plan = forms.DecimalField(
        label="本年度计划投资（万元）", required=False, min_value=0, max_digits=14, decimal_places=2
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        model = Project
        fields = [
            "area",
            "name",
            "category",
            "tier",
            "content",
            "owner_company",
            "department",
            "responsible_person",
            "total_investment",
            "planned_start",
            "planned_completion",
            "highlighted",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "planned_start": forms.DateInput(attrs={"type": "date"}),
            "planned_completion": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas_where(user, Action.ADMINISTER)
        self.fields["department"].queryset = (
            Department.objects.for_user(user).offered(self.instance.department_id).select_related("area")
        )
        self.fields["tier"].initial = Tier.COUNTY
        if self.instance.pk:
            del self.fields["area"]  # a project stays in its area
            plan = self.instance.year_plans.filter(year=timezone.localdate().year).first()
            self.fields["plan"].initial = plan.planned_investment if plan else None
            self.fields["version"].initial = self.instance.version
            remember_shown(self)
        else:
            del self.fields["version"]

    @property
    def has_areas(self) -> bool:
        return "area" not in self.fields or self.fields["area"].queryset.exists()

    def validate_unique(self):
        pass  # the service names the clash in Chinese


class UpdateForm(forms.Form):
    """The phone form of the month's update: money, one line of 形象进度, photos; the rest optional."""

    month = MonthField(label="月份")
    investment_month = forms.DecimalField(
        label="当月完成投资（万元）",
        min_value=0,
        max_digits=14,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
    )
    progress = forms.CharField(
        label="形象进度",
        max_length=300,
        widget=forms.TextInput(attrs={"placeholder": "如：主体结构施工至第5层"}),
    )
    photos = PhotosField(label="现场照片", required_photo=False)
    caption = forms.CharField(label="照片说明", max_length=120, required=False)
    milestone = forms.CharField(label="本月达到的节点", max_length=120, required=False)
    problems = forms.CharField(label="存在问题", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    help_needed = forms.CharField(
        label="需协调事项", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    version_of = MonthField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        remember_shown(self)

    def clean(self):
        """The version the form was shown holds for the month it was shown for; another month is new (0)."""
        data = super().clean()
        shown_for = data.pop("version_of", None)
        if data.get("version") is not None and shown_for != data.get("month"):
            data["version"] = 0
        return data


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label="推进到", choices=Status.choices)
    date = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["to_status"].choices = [(status.value, status.label) for status in choices]
        self.fields["date"].initial = timezone.localdate()


class ImportForm(forms.Form):
    file = forms.FileField(
        label="台账文件（.xlsx）",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        help_text="用“导出台账”下载的表格填写；第 2 行写明区划代码和报告期",
    )
