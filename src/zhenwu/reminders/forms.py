from django import forms
from django.db.models import Q

from zhenwu.reminders.models import MAX_URL_LENGTH, Channel, ChannelKind, DeliveryStatus, Kind, ReminderRules


class RulesForm(forms.ModelForm):
    class Meta:
        model = ReminderRules
        fields = [
            "enabled",
            "days_before_deadline",
            "remind_late",
            "repeat_days",
            "rectification_days_before",
            "remind_overdue_rectifications",
            "remind_project_updates",
        ]


class ChannelForm(forms.ModelForm):
    """One channel's settings; each kind is its own form on the page, prefixed by the kind."""

    class Meta:
        model = Channel
        fields = ["enabled", "url", "secret", "markdown"]
        widgets = {"secret": forms.PasswordInput(render_value=True), "url": forms.URLInput()}
        error_messages = {"url": {"max_length": f"网址不能超过 {MAX_URL_LENGTH} 个字符"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.kind == ChannelKind.EMAIL:
            for name in ("url", "secret", "markdown"):
                del self.fields[name]
        elif self.instance.kind == ChannelKind.WEBHOOK:
            del self.fields["markdown"]
        elif self.instance.kind == ChannelKind.WECOM:
            del self.fields["secret"]  # 企业微信's robot key is part of its URL

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("enabled") and "url" in self.fields and not cleaned.get("url"):
            self.add_error("url", f"开启{self.instance.get_kind_display()}须填写 Webhook 地址")
        return cleaned


class ReminderFilterForm(forms.Form):
    """The reminder lists' filters: a kind, how it was delivered, words of the recipient or message."""

    kind = forms.ChoiceField(label="类别", required=False, choices=[("", "全部类别"), *Kind.choices])
    status = forms.ChoiceField(label="送达", required=False, choices=[("", "全部"), *DeliveryStatus.choices])
    q = forms.CharField(label="收件人或内容", required=False, max_length=60)

    def filter(self, reminders):
        if not self.is_valid():
            return reminders
        data = self.cleaned_data
        if data["kind"]:
            reminders = reminders.filter(kind=data["kind"])
        if data["status"]:
            reminders = reminders.filter(deliveries__status=data["status"]).distinct()
        if words := data["q"].strip():
            reminders = reminders.filter(
                Q(recipient__first_name__icontains=words)
                | Q(recipient__username__icontains=words)
                | Q(message__icontains=words)
            )
        return reminders


class InboxFilterForm(forms.Form):
    kind = forms.ChoiceField(label="类别", required=False, choices=[("", "全部类别"), *Kind.choices])
    unread = forms.BooleanField(label="只看未读", required=False)

    def filter(self, reminders):
        if not self.is_valid():
            return reminders
        if self.cleaned_data["kind"]:
            reminders = reminders.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data["unread"]:
            reminders = reminders.unread()
        return reminders
