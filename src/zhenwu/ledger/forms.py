"""Forms of the ledger pages (the grid's cells are checked by ``entry.check_cell``)."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from zhenwu.areas.models import Area, Department
from zhenwu.ledger.evidence import check_document
from zhenwu.ledger.models import Catalogue, CatalogueKind, Indicator
from zhenwu.lib.periods import parse_month
from zhenwu.lib.stale import remember_shown
from zhenwu.photos import PhotosField


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
        current = self.initial.get("department")  # kept on a target even after its department retired
        self.fields["department"].queryset = Department.objects.filter(area=area).offered(current)
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
        self.departments = {f"d{d.pk}": d for d in Department.objects.filter(area=area).active()}
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


# --- 设置: indicators and catalogues ---------------------------------------------------------------------


class IndicatorForm(forms.ModelForm):
    """新增或修改指标: what it is called, how it is counted over time and summed up the tree."""

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "unit",
            "decimals",
            "direction",
            "kind",
            "aggregation",
            "theme",
            "frequency",
        ]
        fields += ["aliases"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"code": "大写字母或数字，如 GDTZ；保存后不能修改"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decimals"].max_value = 4
        self.fields["decimals"].widget.attrs["max"] = 4
        if self.instance.pk:
            del self.fields["code"]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper()
        if not code.replace("_", "").isalnum() or not code.isascii():
            raise forms.ValidationError("指标代码只能用英文字母、数字和下划线")
        return code


class IndicatorFilterForm(forms.Form):
    """设置 · 指标 by words of the code, name or 别名, a 领域 and 启用/停用; all optional.

    The labels differ from the new-indicator form's on the same page (“指标分类”, not “领域”).
    """

    q = forms.CharField(label="查找", required=False, max_length=60, help_text="代码、名称或别名")
    theme = forms.ChoiceField(label="指标分类", required=False, choices=[("", "全部")])
    state = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), ("active", "启用"), ("retired", "已停用")]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "全部"), *Indicator._meta.get_field("theme").choices]

    def filter(self, indicators):
        if not self.is_valid():
            return indicators
        data = self.cleaned_data
        if words := data["q"].strip():
            indicators = indicators.filter(
                Q(code__icontains=words) | Q(name__icontains=words) | Q(aliases__icontains=words)
            )
        if data["theme"]:
            indicators = indicators.filter(theme=data["theme"])
        if data["state"]:
            indicators = indicators.filter(is_active=data["state"] == "active")
        return indicators


class CatalogueForm(forms.Form):
    """新建目录: 年度目标考核指标 for one year, or a 创建标准 (any year when left blank)."""

    name = forms.CharField(label="目录名称", max_length=80)
    kind = forms.ChoiceField(label="类别", choices=CatalogueKind.choices)
    year = forms.IntegerField(
        label="年度", min_value=2000, max_value=2100, required=False, help_text="创建标准可留空"
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == CatalogueKind.ASSESSMENT and not cleaned.get("year"):
            self.add_error("year", "年度目标考核指标须填写年度")
        return cleaned


class CatalogueCopyForm(forms.Form):
    """复制上年目录: start a year's list from another year's."""

    source = forms.ModelChoiceField(label="复制哪个目录", queryset=None, empty_label="（请选择目录）")
    year = forms.IntegerField(label="新目录年度", min_value=2000, max_value=2100)

    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = Catalogue.objects.filter(issued_by=area)


def _weight() -> forms.DecimalField:
    return forms.DecimalField(label="权重分", max_digits=6, decimal_places=2, min_value=0, required=False)


def _threshold() -> forms.DecimalField:
    return forms.DecimalField(
        label="达标要求",
        max_digits=20,
        decimal_places=4,
        required=False,
        help_text="创建标准的最低（越低越好的指标为最高）值",
    )


class EntryForm(forms.Form):
    """把指标加入目录, with its weight (考核指标) or threshold (创建标准)."""

    indicator = forms.ModelChoiceField(label="指标", queryset=None, empty_label="（请选择指标）")
    weight = _weight()
    threshold = _threshold()

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(is_active=True).exclude(
            pk__in=catalogue.entries.values("indicator")
        )
        _keep_kind_fields(self, catalogue)


class EntryChangeForm(forms.Form):
    weight = _weight()
    threshold = _threshold()

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        _keep_kind_fields(self, catalogue)


def _keep_kind_fields(form: forms.Form, catalogue: Catalogue) -> None:
    """A 考核指标 list carries weights, a 创建标准 thresholds: the other field is not shown."""
    drop = "threshold" if catalogue.kind == CatalogueKind.ASSESSMENT else "weight"
    del form.fields[drop]
    if drop == "weight":
        form.fields["threshold"].required = True


class ChecklistItemForm(forms.Form):
    """A checklist item of a creation standard and the evidence a town must bring for it."""

    text = forms.CharField(label="清单项", max_length=120, help_text="如：一个规范化农贸市场")
    needs_photos = forms.BooleanField(label="需上传照片", required=False, initial=True)
    needs_document = forms.BooleanField(label="需上传文件", required=False)
    needs_date = forms.BooleanField(label="需填写完成日期", required=False)


class MarkForm(forms.Form):
    """已完成: the evidence of one checklist item, checked before anything is written."""

    photos = PhotosField(label="照片", required_photo=False)
    document = forms.FileField(
        label="佐证文件", required=False, help_text="PDF、Word(.docx)、Excel(.xlsx) 或 JPG，不超过 20 MB"
    )
    done_on = forms.DateField(
        label="完成日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label="说明", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        return check_document(upload) if upload else None


class ReviewForm(forms.Form):
    """The county's verdict on a mark: 通过, or 退回 with the reason the town will read."""

    verdict = forms.ChoiceField(label="审核", choices=[("accept", "通过"), ("return", "退回")])
    reason = forms.CharField(label="退回理由", max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("verdict") == "return" and not (data.get("reason") or "").strip():
            self.add_error("reason", "退回须填写理由")
        return data
