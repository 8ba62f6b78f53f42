from django import forms

from zhenwu.accounts.models import mobile_validator


class ContactForm(forms.Form):
    """手机号码 (required: every account can be called about a late month) and an optional e-mail."""

    mobile = forms.CharField(
        label="手机号码",
        max_length=11,
        validators=[mobile_validator],
        error_messages={"required": "请填写手机号码", "max_length": "手机号码应为 11 位数字"},
    )
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        max_length=254,
        error_messages={"invalid": "电子邮箱格式不正确（如 name@example.cn）"},
    )

    def clean_mobile(self):
        return self.cleaned_data["mobile"].strip()
