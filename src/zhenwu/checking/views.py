from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from zhenwu.checking.forms import CheckForm
from zhenwu.checking.inputs import UnreadableDocument, annotated_name, review_upload
from zhenwu.checking.marking import listed, segments
from zhenwu.figures import review
from zhenwu.lib.files import safe_filename

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def index(request):
    form = CheckForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        if upload is None:
            context |= result_context(review(form.cleaned_data["text"]), "粘贴的文字")
        else:
            annotate = bool(request.POST.get("annotate"))
            try:
                checked, annotated = review_upload(upload.name, upload.read(), annotate=annotate)
            except UnreadableDocument as error:
                form.add_error("document", f"“{upload.name}”无法读取：{error}")
            else:
                if annotated is not None:
                    return docx_download(annotated, annotated_name(upload.name))
                context |= result_context(checked, upload.name)
    return render(request, "checking/index.html", context)


def docx_download(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    return response


def result_context(checked, source_name: str) -> dict:
    findings = checked.findings
    return {
        "review": checked,
        "source_name": source_name,
        "findings": listed(checked.text, findings),
        "segments": segments(checked.text, findings),
        "error_count": sum(f.severity == "error" for f in findings),
        "warning_count": sum(f.severity == "warning" for f in findings),
    }
