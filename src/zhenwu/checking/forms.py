from django import forms

ACCEPTED_SUFFIXES = (".docx", ".txt", ".pdf")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class CheckForm(forms.Form):
    """Either pasted text or one uploaded report."""

    text = forms.CharField(label="粘贴文字", required=False, widget=forms.Textarea(attrs={"rows": 10}))
    document = forms.FileField(label="或上传报告（.docx / .txt / .pdf）", required=False)

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        if not upload.name.lower().endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError(f"“{upload.name}”的格式不支持：请上传 .docx、.txt 或 .pdf 文件。")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"“{upload.name}”超过 20 MB，请拆分后再上传。")
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("document") and not self.errors:
            raise forms.ValidationError("请粘贴要核对的文字，或上传一份报告。")
        return cleaned
