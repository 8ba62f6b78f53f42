from django import forms

from zhenwu.summaries.models import Slot


class NarrativeForm(forms.Form):
    slot = forms.CharField(max_length=40)
    text = forms.CharField(required=False, widget=forms.Textarea)

    def clean_slot(self):
        slot = self.cleaned_data["slot"]
        if slot not in Slot.values and not slot.startswith("section:"):
            raise forms.ValidationError("未知的段落位置")
        return slot


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe): cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".docx,.txt,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(label="各单位报送的总结（.docx / .txt / .pdf，可多选）")
