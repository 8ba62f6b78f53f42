"""我的任务: the user's background jobs, each with its progress, result and error."""

from __future__ import annotations

from pathlib import Path, PurePath

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from zhenwu.jobs.forms import JobFilterForm
from zhenwu.jobs.models import Job
from zhenwu.paging import paginate
from zhenwu.web.downloads import pdf_download, pdf_of


def _job(request, pk: int) -> Job:
    """A job the user may see (own, or in an area the user administers); 404 otherwise."""
    return get_object_or_404(Job.objects.visible_to(request.user).select_related("user", "area"), pk=pk)


@login_required
def index(request):
    """The jobs the user sees, newest first, 50 a page, by state and title."""
    filters = JobFilterForm(request.GET or None)
    jobs = filters.filter(Job.objects.visible_to(request.user).select_related("user", "area"))
    page, query = paginate(request, jobs)
    running = any(not job.finished for job in page)
    context = {"jobs": page.object_list, "page": page, "query": query, "filters": filters, "running": running}
    return render(request, "jobs/index.html", context)


@login_required
def detail(request, pk):
    return render(request, "jobs/detail.html", {"job": _job(request, pk)})


@login_required
def status(request, pk):
    """The progress block alone: the page polls it until the job has finished."""
    return render(request, "jobs/_status.html", {"job": _job(request, pk)})


def _result(job: Job) -> Path:
    """The job's result file; 404 when there is none or it has been cleared away."""
    path = Path(job.result_path) if job.result_path else None
    # The path is ours, but check it stays in the results folder before opening it.
    root = Path(settings.JOBS_RESULT_DIR).resolve()
    if path is None or root not in path.resolve().parents or not path.is_file():
        raise Http404("该任务没有可下载的结果，或结果已过保存期（30 天）")
    return path


@login_required
def download(request, pk):
    job = _job(request, pk)
    return FileResponse(_result(job).open("rb"), as_attachment=True, filename=job.result_name)


@login_required
def download_pdf(request, pk):
    """The PDF of a 通报 or report the job made, converted by LibreOffice (a page saying why when it cannot)."""
    job = _job(request, pk)
    if not job.result_is_docx:
        raise Http404("该任务的结果不是文稿，没有PDF")
    path = _result(job)
    return pdf_download(request, lambda: pdf_of(path.read_bytes()), PurePath(job.result_name).stem)
