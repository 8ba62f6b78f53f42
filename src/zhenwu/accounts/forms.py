"""Forms of the account pages: a new account and another role (管理员), contact details (anyone, for themself)."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q

from zhenwu.accounts.models import mobile_validator
from zhenwu.areas.forms import AreaChoiceField
from zhenwu.areas.models import Area, Role

username_validator = RegexValidator(r"^[A-Za-z0-9_.@+-]+$", "用户名只能用英文字母、数字和 _ . @ + -")


class ContactFields(forms.Form):
    """手机号码 and an optional e-mail, with the messages every contact form gives."""

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


class AccountForm(ContactFields):
    """新建账号: who (username, name, 手机、邮箱), where (an area the admin administers), with one or two roles.

    The number may be left for its owner to fill in at the first sign-in; what is typed is checked
    as on the 联系方式 page.
    """

    field_order = ["username", "name", "mobile", "email", "area", "role", "second_role"]

    username = forms.CharField(label="用户名", max_length=150, validators=[username_validator])
    name = forms.CharField(label="姓名", max_length=150)
    area = AreaChoiceField(label="所在区划", queryset=None, empty_label="（请选择区划）")
    role = forms.ChoiceField(label="角色", choices=Role.choices)
    second_role = forms.ChoiceField(
        label="兼任角色",
        choices=[("", "（无）"), *Role.choices],
        required=False,
        help_text="同一区划的第二个角色，如乡镇管理员兼填报员、县督查员兼审核员",
    )

    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mobile"].required = False
        self.fields["mobile"].help_text = "可留空，由本人登录后在“联系方式”中填写"
        self.fields["area"].queryset = Area.objects.subtree(area)
        self.fields["area"].error_messages["invalid_choice"] = f"“所在区划”只能选{area.name}及其下级"

    def clean(self):
        data = super().clean()
        if data.get("second_role") and data.get("second_role") == data.get("role"):
            self.add_error("second_role", "兼任角色不能与角色相同")
        return data


class NameForm(forms.Form):
    name = forms.CharField(label="姓名", max_length=150, error_messages={"required": "请填写姓名"})


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="角色", choices=Role.choices)


class AddRoleForm(forms.Form):
    """增加角色: another role for an account, in an area the admin administers."""

    area = AreaChoiceField(label="区划", queryset=None, empty_label="（请选择区划）")
    role = forms.ChoiceField(label="角色", choices=Role.choices)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        self.fields["area"].error_messages["invalid_choice"] = "只能在您管理的区划内增加角色"


class ContactForm(ContactFields):
    """手机号码 (required: every account can be called about a late month) and an optional e-mail."""


class AccountFilterForm(forms.Form):
    """The account lists' filters: words of the username or name, a role, in use or 停用; all optional."""

    q = forms.CharField(label="用户名或姓名", required=False, max_length=60)
    role = forms.ChoiceField(label="角色", required=False, choices=[("", "全部角色"), *Role.choices])
    state = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), ("active", "在用"), ("inactive", "已停用")]
    )

    def filter(self, users):
        if not self.is_valid():
            return users
        data = self.cleaned_data
        if words := data["q"].strip():
            users = users.filter(Q(username__icontains=words) | Q(first_name__icontains=words))
        if data["role"]:
            users = users.filter(memberships__role=data["role"]).distinct()
        if data["state"]:
            users = users.filter(is_active=data["state"] == "active")
        return users
