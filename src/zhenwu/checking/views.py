from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from zhenwu.areas.access import get_visible_or_404, switchable_areas
from zhenwu.areas.models import Area
from zhenwu.checking.forms import CheckForm
from zhenwu.checking.inputs import UnreadableDocument, annotated_name, review_upload
from zhenwu.checking.marking import listed, segments
from zhenwu.figures import review
from zhenwu.ledger.crosscheck import check_review
from zhenwu.lib.files import safe_filename

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def index(request):
    form = CheckForm(
        request.POST or None,
        request.FILES or None,
        areas=_areas(request),
        initial={"area": request.area.code if request.area else ""},
    )
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        ledger = _ledger(request, form.cleaned_data)
        upload, checked = form.cleaned_data["document"], None
        if upload is None:
            checked, source_name = review(form.cleaned_data["text"]), "粘贴的文字"
        else:
            annotate = bool(request.POST.get("annotate"))
            amend = (lambda result: ledger(result)[0]) if ledger and annotate else None
            try:
                checked, annotated = review_upload(upload.name, upload.read(), annotate=annotate, amend=amend)
            except UnreadableDocument as error:
                form.add_error("document", f"“{upload.name}”无法读取：{error}")
            else:
                if annotated is not None:
                    return docx_download(annotated, annotated_name(upload.name))
                source_name = upload.name
        if checked is not None:
            checked, compared = ledger(checked) if ledger else (checked, None)
            context |= result_context(checked, source_name, compared)
    return render(request, "checking/index.html", context)


def _ledger(request, data: dict):
    """``check_review`` for the chosen area and period, or None when no area is chosen.

    An area outside the user's subtree is a 404, as any object a request names.
    """
    if not data["area"]:
        return None
    area = get_visible_or_404(Area.objects, request.user, code=data["area"])
    return partial(check_review, area=area, period=data["period"])


def _areas(request) -> list[Area]:
    """The areas offered for comparing with the ledger: the switcher's, and the current one."""
    areas = list(switchable_areas(request.user).order_by("path"))
    if request.area and request.area not in areas:
        areas.insert(0, request.area)
    return areas


def docx_download(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    return response


def result_context(checked, source_name: str, ledger=None) -> dict:
    findings = checked.findings
    return {
        "review": checked,
        "source_name": source_name,
        "ledger": ledger,
        "findings": listed(checked.text, findings),
        "segments": segments(checked.text, findings),
        "error_count": sum(f.severity == "error" for f in findings),
        "warning_count": sum(f.severity == "warning" for f in findings),
    }
