"""Forms of the account pages a 管理员 uses: a new account, another role."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

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
