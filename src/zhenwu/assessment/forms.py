"""Forms of the assessment pages: an assessor's manual score, the reason for a revised result."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from zhenwu.assessment.models import MANUAL_RULES, Scheme


class ManualScoreForm(forms.Form):
    """One manual score: which item, which area, how many points, and why."""

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
        self.fields["area"].queryset = scheme.assessed.order_by("code")


class RevisionForm(forms.Form):
    note = forms.CharField(label="修订说明", max_length=300, help_text="如：青山镇9月固定资产投资数据更正")
