from django import forms
from django.db.models import Q

from zhenwu.issuing.models import DispatchSettings


class DispatchSettingsForm(forms.ModelForm):
    class Meta:
        model = DispatchSettings
        fields = ["mark", "prefix", "signature", "recipient", "copy_to", "printed_by", "year", "next_number"]
        widgets = {
            "recipient": forms.Textarea(attrs={"rows": 2}),
            "copy_to": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_prefix(self) -> str:
        prefix = self.cleaned_data["prefix"].strip()
        if any(ch in prefix for ch in "〔〕[]()（）号"):
            raise forms.ValidationError("机关代字只填代字本身，如“青美城办”，年份和顺序号由系统编排")
        return prefix

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError("编号年度应为四位年份，如 2026")
        return year


class RegisterFilterForm(forms.Form):
    """An office's 文号 register by year and words of the title or 文号; both optional."""

    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label="标题或文号", required=False, max_length=60)

    def filter(self, numbers):
        if not self.is_valid():
            return numbers
        if self.cleaned_data["year"]:
            numbers = numbers.filter(year=self.cleaned_data["year"])
        if words := self.cleaned_data["q"].strip():
            numbers = numbers.filter(Q(title__icontains=words) | Q(code__icontains=words))
        return numbers
