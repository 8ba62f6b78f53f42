"""The summary pages: thin views that fetch, call one function of the app, and render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404
from zhenwu.areas.models import Action, Area
from zhenwu.documents import render_html, write_docx
from zhenwu.issuing.dispatch import issuing_office
from zhenwu.ledger.models import Indicator
from zhenwu.ledger.reporting import reporting_month
from zhenwu.lib.periods import PeriodError, parse_period, summary_periods
from zhenwu.paging import paginate
from zhenwu.summaries import finalizing, proofing, services
from zhenwu.summaries import jobs as batch_jobs
from zhenwu.summaries.drafting import SECTION_HEADINGS, build_document
from zhenwu.summaries.facts import gather
from zhenwu.summaries.forms import DraftFilterForm, NarrativeForm, UploadForm
from zhenwu.summaries.models import (
    CompileBatch,
    CompiledDocument,
    Draft,
    ExtractedFigure,
    FigureStatus,
    NarrativeBlock,
    Slot,
    section_slot,
)
from zhenwu.web.downloads import document_response, pdf_of

FIGURES_PER_PAGE = 200  # rows of the compile table on one page, each with the indicator list


def _area(request, code: str) -> Area:
    return get_visible_or_404(Area.objects, request.user, code=code)


def _period(key: str):
    try:
        return parse_period(key)
    except PeriodError as error:
        raise Http404(str(error)) from error


def _slots(area: Area, period) -> list[dict]:
    """The editable paragraphs of the draft with what was written so far."""
    kept = dict(NarrativeBlock.objects.filter(area=area, period=period.key).values_list("slot", "text"))
    slots = [(Slot.OPENING, Slot.OPENING.label)]
    slots += [(section_slot(theme), f"工作成效 · {heading}") for theme, heading in SECTION_HEADINGS.items()]
    slots += [
        (Slot.PROJECTS, "重点项目"),
        (Slot.SUPERVISION, "督查整改"),
        (Slot.PROBLEMS, "存在问题"),
        (Slot.PLANS, "下步工作计划"),
    ]
    return [{"slot": slot, "label": label, "text": kept.get(slot, "")} for slot, label in slots]


@login_required
def index(request):
    area = request.area
    if not area:
        raise Http404("您还没有所属区划")
    current = reporting_month(area, timezone.localdate()).current
    year, month = current.year, current.month
    filters = DraftFilterForm(request.GET or None)
    drafts = Draft.objects.for_user(request.user).in_subtree(area).select_related("area", "generated_by")
    page, query = paginate(request, filters.filter(drafts))
    context = {
        "area": area,
        "periods": summary_periods(year, month) + (summary_periods(year - 1, 12) if month < 12 else []),
        "drafts": page.object_list,
        "page": page,
        "query": query,
        "filters": filters,
        "has_children": area.numchild > 0,
        "batches": CompileBatch.objects.for_user(request.user).in_subtree(area)[:20],
    }
    return render(request, "summaries/index.html", context)


def _draft_context(request, area: Area, period) -> dict:
    facts = gather(area, period, user=request.user, today=timezone.localdate())
    narratives = services.narratives_of(area, period)
    built = build_document(facts, narratives)
    may_write, frozen = can(request.user, area, Action.ENTER), services.frozen_version(area, period)
    return {
        "area": area,
        "period": period,
        "preview": render_html(built.document),
        "problems": proofing.proofread(built.document, narratives, facts),
        "figure_count": len(built.sources),
        "saved": Draft.objects.for_user(request.user).filter(area=area, period=period.key).first(),
        "slots": _slots(area, period),
        "may_write": may_write,
        "may_edit": may_write and frozen is None,  # a 定稿 is not edited: 另起新稿 first
        "frozen": frozen,
        "versions": finalizing.versions(area, period),
        "issuing_office": issuing_office(request.user, area) if may_write else None,
    }


@login_required
def draft(request, code, period):
    area, period = _area(request, code), _period(period)
    return render(request, "summaries/draft.html", _draft_context(request, area, period))


@login_required
@require_POST
def narrative(request, code, period):
    area, period = _area(request, code), _period(period)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        return HttpResponse("；".join(m for errors in form.errors.values() for m in errors), status=400)
    services.save_narrative(request.user, area, period, form.cleaned_data["slot"], form.cleaned_data["text"])
    if request.htmx:
        return render(request, "summaries/_saved.html", {"at": timezone.localtime()})
    return redirect("summaries:draft", code=area.code, period=period.key)


@login_required
@require_POST
def regenerate(request, code, period):
    area, period = _area(request, code), _period(period)
    services.regenerate(request.user, area, period, today=timezone.localdate())
    messages.success(request, "已按台账最新数据重新生成，已填写的段落均已保留。")
    return redirect("summaries:draft", code=area.code, period=period.key)


@login_required
def export(request, code, period, as_pdf=False):
    """The draft as it stands, built afresh: .docx (optionally with sources as comments) or PDF."""
    area, period = _area(request, code), _period(period)
    built = services.document_for(area, period, user=request.user, today=timezone.localdate())
    data = write_docx(built.document, comments=request.GET.get("comments") == "1" and not as_pdf)
    return document_response(request, data, built.document.title, as_pdf=as_pdf)


@login_required
@require_POST
def finalize(request, code, period):
    """定稿: issue the summary under the office's next 文号, keep its .docx (and PDF), freeze the draft."""
    area, period = _area(request, code), _period(period)
    try:
        version = finalizing.finalize(request.user, area, period, today=timezone.localdate())
    except finalizing.FinalizeError as error:
        messages.error(request, str(error))
    else:
        finalizing.keep_pdf(version, pdf_of)  # without LibreOffice the PDF is made on first download, if ever
        messages.success(request, f"已定稿：{version.number.code}。定稿文件已留存，可随时下载。")
    return redirect("summaries:draft", code=area.code, period=period.key)


@login_required
@require_POST
def new_draft(request, code, period):
    """另起新稿 after a 定稿: the draft may be edited again, the 定稿 stays downloadable."""
    area, period = _area(request, code), _period(period)
    try:
        finalizing.start_new_draft(request.user, area, period)
    except finalizing.FinalizeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "已另起新稿：可以修改段落、重新生成；此前的定稿不变。")
    return redirect("summaries:draft", code=area.code, period=period.key)


# --- every town at once --------------------------------------------------------------------------------


@login_required
def batch(request, code, period):
    """Each town's draft for the period, and the latest drafting job of this area and period."""
    area, period = _area(request, code), _period(period)
    rows = services.batch_rows(request.user, area, period)
    context = {
        "area": area,
        "period": period,
        "rows": rows,
        "job": batch_jobs.latest(request.user, area, period),
        "may_draft": can(request.user, area, Action.ENTER),
    }
    return render(request, "summaries/batch.html", context)


@login_required
@require_POST
def batch_start(request, code, period):
    """Queue the drafting of every town and go to the job's page (it goes on with the page closed)."""
    area, period = _area(request, code), _period(period)
    job = batch_jobs.start_batch(request.user, area, period, timezone.localdate())
    return redirect("jobs:detail", pk=job.pk)


# --- compiling from the towns' reports ----------------------------------------------------------------


@login_required
def compile_new(request, code, period):
    area, period = _area(request, code), _period(period)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if not can(request.user, area, Action.ENTER):
            raise PermissionDenied("您的角色无权汇编")
        files = (
            (upload.name, upload.read()) for upload in form.cleaned_data["files"]
        )  # one in memory at a time
        try:
            created = services.create_batch(request.user, area, period, files)
        except services.CompileError as error:
            form.add_error("files", str(error))
        else:
            return redirect("summaries:compile_batch", pk=created.pk)
    return render(request, "summaries/compile_new.html", {"area": area, "period": period, "form": form})


def _compile_context(request, batch: CompileBatch) -> dict:
    """One page of the batch's figures, grouped by report: a page stays small however much was uploaded."""
    figures = (
        ExtractedFigure.objects.filter(document__batch=batch)
        .select_related("document__town", "indicator", "proposed")
        .order_by("document_id", "start", "pk")
    )
    return {
        "batch": batch,
        "period": parse_period(batch.period),
        "page": Paginator(figures, FIGURES_PER_PAGE).get_page(request.GET.get("page")),
        "without_figures": batch.documents.filter(figures__isnull=True),
        "towns": Area.objects.for_user(request.user).filter(
            path__startswith=batch.area.path, depth=batch.area.depth + 1
        ),
        "indicators": Indicator.objects.filter(is_active=True),
        "confirmed": ExtractedFigure.objects.for_user(request.user)
        .filter(document__batch=batch, status=FigureStatus.CONFIRMED)
        .count(),
    }


@login_required
def compile_batch(request, pk):
    batch = get_visible_or_404(CompileBatch.objects, request.user, pk=pk)
    return render(request, "summaries/compile_batch.html", _compile_context(request, batch))


@login_required
@require_POST
def compile_document(request, pk):
    document = get_visible_or_404(CompiledDocument.objects, request.user, pk=pk)
    code = request.POST.get("town", "")
    town = get_visible_or_404(Area.objects, request.user, code=code) if code else None
    try:
        services.set_town(request.user, document, town)
    except services.CompileError as error:
        messages.error(request, str(error))
    page = request.POST.get("page", "")
    url = reverse("summaries:compile_batch", kwargs={"pk": document.batch_id})
    return redirect(f"{url}?page={page}" if page.isdigit() else url)


@login_required
@require_POST
def compile_figure(request, pk):
    figure = get_visible_or_404(ExtractedFigure.objects, request.user, pk=pk)
    code = request.POST.get("indicator", "")
    indicator = Indicator.objects.filter(code=code).first() if code else None
    status = request.POST.get("status", FigureStatus.CONFIRMED)
    if status not in FigureStatus.values:
        return HttpResponse("未知的状态", status=400)
    error = ""
    try:
        services.decide_figure(request.user, figure, indicator, status)
    except services.CompileError as refused:
        error = str(refused)
    if request.htmx:
        context = {"figure": figure, "indicators": Indicator.objects.filter(is_active=True), "error": error}
        return render(request, "summaries/_figure_row.html", context)
    if error:
        messages.error(request, error)
    return redirect("summaries:compile_batch", pk=figure.document.batch_id)


@login_required
@require_POST
def compile_load(request, pk):
    batch = get_visible_or_404(CompileBatch.objects, request.user, pk=pk)
    try:
        changed = services.load_batch(request.user, batch)
    except services.CompileError as error:
        messages.error(request, str(error))
        return redirect("summaries:compile_batch", pk=batch.pk)
    messages.success(
        request, f"已将 {changed} 个数字导入各单位台账，来源记为报送材料。下面是据此起草的汇总稿。"
    )
    return redirect(reverse("summaries:draft", kwargs={"code": batch.area.code, "period": batch.period}))
