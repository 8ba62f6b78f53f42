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


class UploadForm(forms.Form):
    files = forms.FileField(
        label="各单位报送的总结（.docx / .txt / .pdf，可多选）",
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".docx,.txt,.pdf"}),
    )

    def clean_files(self):
        files = self.files.getlist("files")
        if not files:
            raise forms.ValidationError("请选择文件")
        return files
