"""Forms of the assessment pages: an assessor's manual score, the reason for a revised result."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms

from zhenwu.areas.models import Area
from zhenwu.assessment import scoring, units
from zhenwu.assessment.models import MANUAL_RULES, Criterion, RuleType, Scheme, UnitKind
from zhenwu.assessment.schemes import PARAM_CHOICES, PARAM_LABELS
from zhenwu.ledger.models import Indicator


class ManualScoreForm(forms.Form):
    """One manual score: which item, which unit (an area or a department, as the scheme assesses), points, why."""

    criterion = forms.ModelChoiceField(queryset=None, label="考核项目", empty_label=None)
    area = forms.ModelChoiceField(queryset=None, label="考核对象", empty_label=None)
    points = forms.DecimalField(
        label="分数",
        min_value=Decimal(0),
        max_digits=6,
        decimal_places=2,
        initial=Decimal(0),
        help_text="扣分项填写扣除的分数，加分项填写加的分数；一票否决填 0",
    )
    reason = forms.CharField(label="事由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, scheme: Scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = scheme.criteria.filter(rule__in=MANUAL_RULES)
        if scheme.unit_kind == UnitKind.DEPARTMENTS:
            self.fields["area"].queryset = scheme.assessed_departments.order_by("id")
        else:
            self.fields["area"].queryset = scheme.assessed.order_by("code")


class RevisionForm(forms.Form):
    note = forms.CharField(label="修订说明", max_length=300, help_text="如：青山镇9月固定资产投资数据更正")


# --- 设置: schemes and their criteria --------------------------------------------------------------------


def _choice(key: str) -> forms.ChoiceField:
    choices = [("", "（不适用）"), *PARAM_CHOICES[key].items()]
    return forms.ChoiceField(label=PARAM_LABELS[key], choices=choices, required=False)


def _number(key: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=PARAM_LABELS[key],
        max_digits=6,
        decimal_places=2,
        min_value=Decimal(0),
        required=False,
        help_text=help_text,
    )


class GradesField(forms.CharField):
    """等次 as people write them: “优秀 90、良好 80、达标 60、不达标 0” (highest first)."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return "、".join(f"{name} {scoring.show(Decimal(str(floor)))}" for name, floor in value)
        return value

    def clean(self, value):
        text = super().clean(value)
        if not text:  # the defaults, written out so the scheme shows what it grades by
            return [[name, int(floor)] for name, floor in scoring.DEFAULT_GRADES]
        grades = []
        for part in re.split(r"[、，,；;\n]+", text.strip()):
            if not part.strip():
                continue
            match = re.fullmatch(r"\s*(\S+?)\s*[:：≥>= ]\s*(\d+(?:\.\d+)?)\s*分?\s*", part)
            if not match:
                raise forms.ValidationError(f"“{part.strip()}”应写成“等次名称 最低分”，如“优秀 90”")
            grades.append([match[1], float(match[2]) if "." in match[2] else int(match[2])])
        try:
            scoring.check_grades(grades)
        except scoring.ParamError as error:
            raise forms.ValidationError(str(error)) from error
        return grades


class SchemeForm(forms.ModelForm):
    """新建或修改考核方案: its name, period, whom it assesses (下级镇街, 部门 or 村（社区）), grades, signature.

    A form that leaves out the kind keeps the scheme's (a new one: 下级镇街, as before the choice existed).
    """

    grades = GradesField(
        label="等次",
        required=False,
        help_text="从高到低，如：优秀 90、良好 80、达标 60、不达标 0；留空用默认等次",
    )
    unit_kind = forms.ChoiceField(
        label="考核对象类型",
        choices=UnitKind.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="下级镇街、本级部门，或本镇（街道）的村（社区）",
    )
    assessed = forms.ModelMultipleChoiceField(
        label="考核对象", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    assessed_departments = forms.ModelMultipleChoiceField(
        label="考核部门",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="考核对象类型为“部门”时选择",
    )

    class Meta:
        model = Scheme
        fields = ["name", "slug", "period_type", "unit_kind", "assessed", "assessed_departments"]
        fields += ["first_year", "last_year", "grades"]
        fields += ["issuer", "requirements"]
        widgets = {"requirements": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessed"].queryset = units.candidate_areas(area)
        self.fields["assessed_departments"].queryset = units.candidate_departments(area)
        if not self.instance.pk:
            self.initial.setdefault("unit_kind", units.default_kind(area))
        if self.instance.pk:
            del self.fields["slug"]

    def clean_unit_kind(self):
        return self.cleaned_data["unit_kind"] or self.instance.unit_kind or UnitKind.TOWNS


class CriterionForm(forms.Form):
    """一个考核项目: name, weight, rule, and the rule's parameters (only those the rule reads are kept)."""

    name = forms.CharField(label="考核内容", max_length=80)
    weight = forms.DecimalField(
        label="分值", max_digits=5, decimal_places=2, min_value=Decimal(0), help_text="加分项、一票否决项填 0"
    )
    rule = forms.ChoiceField(label="计分规则", choices=RuleType.choices)
    indicator = forms.ModelChoiceField(
        label=PARAM_LABELS["indicator"],
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label="（按指标计分的规则须选择）",
    )
    against = _choice("against")
    per_point = _number("per_point")
    per_item = _number("per_item")
    measure = _choice("measure")
    step = _number("step")
    floor = _number("floor")
    mode = _choice("mode")
    cap = _number("cap", "加分项必填：累计最高加几分；扣分项可填最多扣几分")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(is_active=True)

    def clean(self):
        cleaned = super().clean()
        if "rule" not in cleaned:
            return cleaned
        given = {
            key: (value.code if key == "indicator" else str(value))
            for key in PARAM_LABELS
            if (value := cleaned.get(key)) not in (None, "")
        }
        try:
            cleaned["params"] = scoring.check_params(cleaned["rule"], given)
        except scoring.ParamError as error:
            raise forms.ValidationError(str(error)) from error
        return cleaned

    def criterion_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "weight": data["weight"],
            "rule": data["rule"],
            "params": data["params"],
        }

    @staticmethod
    def initial_for(criterion: Criterion) -> dict:
        return {
            "name": criterion.name,
            "weight": criterion.weight,
            "rule": criterion.rule,
            **criterion.params,
        }


class PreviewForm(forms.Form):
    period = forms.ChoiceField(label="用哪一期的数据预览")

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(period.key, period.label) for period in periods]
