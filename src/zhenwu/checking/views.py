from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zhenwu.checking.forms import CheckForm
from zhenwu.checking.marking import listed, segments
from zhenwu.figures import review


@login_required
def index(request):
    form = CheckForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        context |= result_context(review(text), "粘贴的文字")
    template = "checking/_result.html" if request.htmx and "review" in context else "checking/index.html"
    return render(request, template, context)


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
