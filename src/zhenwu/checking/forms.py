from django import forms
from django.conf import settings

from zhenwu.documents.reading import UnreadableDocument, within_limit
from zhenwu.lib.periods import PeriodError, parse_period
from zhenwu.uploads import read_limits, too_large

ACCEPTED_SUFFIXES = (".docx", ".txt", ".pdf")


class CheckForm(forms.Form):
    """Either pasted text or one uploaded report, each within the upload limits (settings ``MAX_*``),
    and optionally the area whose ledger the figures are compared with, and the period.

    ``areas`` are offered in the picker; the view resolves the code it gets within the user's
    subtree (404 outside it), so the field itself takes any code.
    """

    text = forms.CharField(label="粘贴文字", required=False, widget=forms.Textarea(attrs={"rows": 10}))
    document = forms.FileField(label="或上传报告（.docx / .txt / .pdf）", required=False)
    area = forms.CharField(label="与台账比对", required=False, widget=forms.Select)
    period = forms.CharField(
        label="报告期",
        required=False,
        help_text="不填时取文中开头写明的报告期（如“2026年上半年”）；"
        "也可填 2026-H1（上半年）、2026-Q3（前三季度）、2026-09（1-9月）、2026（全年）",
        widget=forms.TextInput(attrs={"placeholder": "如 2026-H1", "size": 12}),
    )

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].widget.choices = [("", "不比对台账"), *((a.code, a.name) for a in areas)]
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

    def clean_period(self):
        key = self.cleaned_data.get("period", "").strip()
        if not key:
            return None
        try:
            return parse_period(key)
        except PeriodError as error:
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
