from django import forms

from zhenwu.reminders.models import MAX_URL_LENGTH, Channel, ChannelKind, ReminderRules


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
