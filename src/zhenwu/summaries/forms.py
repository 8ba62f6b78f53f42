from django import forms
from django.conf import settings
from django.db.models import Q

from zhenwu.documents.packages import size_text
from zhenwu.summaries.models import DraftStatus, Slot
from zhenwu.uploads import too_large


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
    """The towns' reports, each and all within the upload limits (settings ``MAX_COMPILE_FILES``, ``MAX_DOCUMENT_BYTES``)."""

    files = MultipleFileField(label="各单位报送的总结（.docx / .txt / .pdf，可多选）")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["files"]
        field.help_text = (
            f"一次最多 {settings.MAX_COMPILE_FILES} 份，每份不超过 {size_text(settings.MAX_DOCUMENT_BYTES)}"
        )
        field.widget.attrs.update(
            {"data-max-files": settings.MAX_COMPILE_FILES, "data-max-bytes": settings.MAX_DOCUMENT_BYTES}
        )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > settings.MAX_COMPILE_FILES:
            raise forms.ValidationError(
                f"一次最多汇编 {settings.MAX_COMPILE_FILES} 份材料（选了 {len(files)} 份），请分批上传"
            )
        for upload in files:
            if refusal := too_large(upload.name, upload.size, settings.MAX_DOCUMENT_BYTES):
                raise forms.ValidationError(f"{refusal}，请拆分后再上传")
        return files


class DraftFilterForm(forms.Form):
    """已生成的稿件 by words of the title or area, a year and 起草中/已定稿; all optional."""

    q = forms.CharField(label="标题或区划", required=False, max_length=60)
    year = forms.IntegerField(label="年度", required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *DraftStatus.choices])

    def filter(self, drafts):
        if not self.is_valid():
            return drafts
        data = self.cleaned_data
        if words := data["q"].strip():
            drafts = drafts.filter(Q(title__icontains=words) | Q(area__name__icontains=words))
        if data["year"]:
            drafts = drafts.filter(period__startswith=str(data["year"]))
        if data["status"]:
            drafts = drafts.filter(status=data["status"])
        return drafts
