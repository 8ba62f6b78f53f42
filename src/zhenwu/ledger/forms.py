"""Forms of the ledger pages (the grid's cells are checked by ``entry.check_cell``)."""

from __future__ import annotations

from django import forms

from zhenwu.areas.models import Area, Department
from zhenwu.ledger.models import Indicator
from zhenwu.lib.periods import parse_month
from zhenwu.lib.stale import remember_shown


class UnlockForm(forms.Form):
    reason = forms.CharField(label="解锁原因", max_length=200, strip=True)


class UploadForm(forms.Form):
    file = forms.FileField(label="填好的报表（.xlsx）")
    confirm_reason = forms.CharField(
        label="存疑数值确认无误的原因",
        max_length=150,
        required=False,
        help_text="上传时提示存疑的数值，核实无误后填写原因并重新选择文件上传",
    )


def version_field() -> forms.IntegerField:
    """The version of the record the form was shown, sent back so a save from an older page is refused."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)


class RevisionForm(forms.Form):
    """目标调整: the new amount, the month it applies from, and why."""

    value = forms.DecimalField(label="调整后目标", max_digits=20, decimal_places=4)
    effective_month = forms.IntegerField(label="自几月起", min_value=1, max_value=12)
    reason = forms.CharField(label="调整原因", max_length=200)
    version = version_field()


class DeadlineForm(forms.Form):
    """A deadline for one month's figures instead of the usual day (春节顺延)."""

    period = forms.CharField(label="报告期", widget=forms.TextInput(attrs={"type": "month"}))
    due = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label="原因", max_length=100)

    def clean_period(self) -> tuple[int, int]:
        try:
            return parse_month(self.cleaned_data["period"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


def describe_errors(form: forms.Form) -> str:
    """Every error of a posted form on one line, each after its field's label: "分解目标：请输入一个数字。"."""
    lines = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        lines += [f"{label}：{error}" if label else error for error in errors]
    return "；".join(lines)


def _amount(label: str) -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=20, decimal_places=4)


def _person() -> forms.CharField:
    return forms.CharField(label="责任人", max_length=30, required=False)


def _reason(label: str = "变更原因") -> forms.CharField:
    return forms.CharField(label=label, max_length=200, required=False)


class OwnerForm(forms.Form):
    """责任单位 (one of the area's departments) and 责任人 of a target."""

    department = forms.ModelChoiceField(
        label="责任单位", queryset=None, required=False, empty_label="（未指定）"
    )
    person = _person()
    reason = _reason()
    version = version_field()
    changes_a_target = True  # not when it is part of 下达目标, which makes one

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(area=area)
        if self.changes_a_target:
            remember_shown(self)


class TargetForm(OwnerForm):
    """下达目标: an indicator the area has no target for this year, its amount and owners."""

    indicator = forms.ModelChoiceField(label="指标", queryset=None, empty_label="（请选择指标）")
    value = _amount("全年目标")

    field_order = ["indicator", "value", "department", "person"]
    changes_a_target = False

    def __init__(self, *args, area, year, **kwargs):
        super().__init__(*args, area=area, **kwargs)
        del self.fields["reason"], self.fields["version"]
        self.fields["indicator"].queryset = Indicator.objects.filter(is_active=True).exclude(
            targets__area=area, targets__year=year
        )


class PartForm(forms.Form):
    """目标分解: a share for one of the area's departments or one of its direct villages."""

    owner = forms.ChoiceField(label="分解给")
    value = _amount("分解目标")
    person = _person()

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.departments = {f"d{d.pk}": d for d in Department.objects.filter(area=area)}
        self.villages = {
            f"v{v.pk}": v for v in Area.objects.filter(path__startswith=area.path, depth=area.depth + 1)
        }
        self.fields["owner"].choices = [
            ("", "（请选择部门或村）"),
            ("部门", [(key, d.name) for key, d in self.departments.items()]),
            ("下辖村(社区)", [(key, v.name) for key, v in self.villages.items()]),
        ]

    def owner_kwargs(self) -> dict:
        """The chosen owner as ``decompose_target`` takes it: ``department=`` or ``village=``."""
        key = self.cleaned_data["owner"]
        if key in self.departments:
            return {"department": self.departments[key]}
        return {"village": self.villages[key]}


class PartChangeForm(forms.Form):
    value = _amount("分解目标")
    person = _person()
    reason = _reason()
    version = version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        remember_shown(self)


class PartRemoveForm(forms.Form):
    reason = _reason("删除原因")
    version = version_field()


class TargetSheetForm(forms.Form):
    """The filled-in 目标任务分解表, and for changed targets the month and reason of the 目标调整."""

    file = forms.FileField(label="填好的目标任务分解表（.xlsx）")
    effective_month = forms.IntegerField(label="调整自几月起", min_value=1, max_value=12, initial=1)
    reason = _reason("调整原因（已有目标改动时必填）")
