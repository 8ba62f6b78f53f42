"""Forms of the account pages: a new account and another role (管理员), contact details (anyone, for themself)."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

from zhenwu.accounts.models import mobile_validator
from zhenwu.areas.models import Area, Role

username_validator = RegexValidator(r"^[A-Za-z0-9_.@+-]+$", "用户名只能用英文字母、数字和 _ . @ + -")


class AccountForm(forms.Form):
    """新建账号: who (username, name), where (an area the admin administers) and with what role.

    Contact details (手机、邮箱) belong here too, as fields after ``name``, once accounts carry them.
    """

    username = forms.CharField(label="用户名", max_length=150, validators=[username_validator])
    name = forms.CharField(label="姓名", max_length=150)
    # 联系方式 (mobile, e-mail) go here.
    area = forms.ModelChoiceField(label="所在区划", queryset=None, empty_label="（请选择区划）")
    role = forms.ChoiceField(label="角色", choices=Role.choices)

    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.subtree(area)
        self.fields["area"].error_messages["invalid_choice"] = f"“所在区划”只能选{area.name}及其下级"


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="角色", choices=Role.choices)


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
