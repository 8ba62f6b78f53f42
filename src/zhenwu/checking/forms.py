from django import forms
from django.conf import settings

from zhenwu.documents.reading import UnreadableDocument, within_limit
from zhenwu.uploads import read_limits, too_large

ACCEPTED_SUFFIXES = (".docx", ".txt", ".pdf")


class CheckForm(forms.Form):
    """Either pasted text or one uploaded report, each within the upload limits (settings ``MAX_*``)."""

    text = forms.CharField(label="粘贴文字", required=False, widget=forms.Textarea(attrs={"rows": 10}))
    document = forms.FileField(label="或上传报告（.docx / .txt / .pdf）", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser refuses first (web's limits.js), so an over-long paste is never sent to be lost.
        self.fields["text"].widget.attrs["data-max-chars"] = settings.MAX_TEXT_CHARS
        self.fields["document"].widget.attrs.update(
            {"accept": ",".join(ACCEPTED_SUFFIXES), "data-max-bytes": settings.MAX_DOCUMENT_BYTES}
        )

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        try:
            return within_limit(text, read_limits())
        except UnreadableDocument as error:
            raise forms.ValidationError(str(error)) from None

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        if not upload.name.lower().endswith(ACCEPTED_SUFFIXES):
            raise forms.ValidationError(f"“{upload.name}”的格式不支持：请上传 .docx、.txt 或 .pdf 文件。")
        if refusal := too_large(upload.name, upload.size, settings.MAX_DOCUMENT_BYTES):
            raise forms.ValidationError(f"{refusal}，请拆分后再上传。")
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("document") and not self.errors:
            raise forms.ValidationError("请粘贴要核对的文字，或上传一份报告。")
        return cleaned
