"""考核排名 pages: schemes, a period's score table with explanations, manual scores, publishing, revisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from zhenwu.areas.access import can, get_visible_or_404, get_writable_or_403
from zhenwu.areas.models import Action
from zhenwu.assessment import services
from zhenwu.assessment.forms import ManualScoreForm, RevisionForm
from zhenwu.assessment.models import Scheme, ScoreDetail
from zhenwu.assessment.units import units_of
from zhenwu.issuing.dispatch import issuing_office, signer
from zhenwu.web.downloads import document_response


def _period(scheme: Scheme, text: str):
    try:
        return scheme.parse_period(text)
    except ValueError as error:
        raise Http404(str(error)) from error


def _roles(user, scheme: Scheme) -> dict:
    return {
        "issuer_side": can(user, scheme.area, Action.VIEW),
        "may_assess": can(user, scheme.area, Action.INSPECT),
        "may_administer": can(user, scheme.area, Action.ADMINISTER),
    }


@login_required
def index(request):
    schemes = Scheme.objects.for_user(request.user).select_related("area")
    return render(request, "assessment/index.html", {"schemes": schemes})


@login_required
def scheme_detail(request, slug):
    scheme = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=slug)
    return render(
        request,
        "assessment/scheme.html",
        {
            "scheme": scheme,
            "criteria": scheme.criteria.all(),
            "weight_problem": scheme.weight_problem(),
            "assessed": units_of(scheme),
            "lines": services.period_lines(scheme, request.user),
            **_roles(request.user, scheme),
        },
    )


@login_required
def history(request, slug):
    scheme = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=slug)
    return render(
        request,
        "assessment/history.html",
        {"scheme": scheme, "history": services.ranking_history(scheme, request.user)},
    )


@login_required
def result(request, slug, period):
    scheme = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=slug)
    period = _period(scheme, period)
    shown = services.shown_result(scheme, period, request.user)
    return render(
        request,
        "assessment/result.html",
        {
            "scheme": scheme,
            "period": period,
            "result": shown,
            "table": services.score_table(shown, request.user) if shown else None,
            "issuing_office": issuing_office(request.user, scheme.area),
            **_roles(request.user, scheme),
        },
    )


@login_required
def score_detail(request, pk):
    """One score's explanation: a fragment for htmx, or a page of its own."""
    detail = get_visible_or_404(
        ScoreDetail.objects.select_related(
            "row__area", "row__department", "row__result__scheme", "criterion"
        ),
        request.user,
        pk=pk,
    )
    template = "assessment/_explanation.html" if request.htmx else "assessment/score_detail.html"
    return render(request, template, {"detail": detail, "score": detail.score})


@login_required
@require_POST
def compute(request, slug, period):
    scheme = get_writable_or_403(Scheme.objects, request.user, Action.ADMINISTER, slug=slug)
    period = _period(scheme, period)
    try:
        services.compute_draft(scheme, period)
        messages.success(request, f"已按当前数据计算{period.label}草稿")
    except services.AssessmentError as error:
        messages.error(request, str(error))
    return redirect("assessment:result", slug=scheme.slug, period=period.key)


@login_required
@require_POST
def publish(request, slug, period):
    scheme = get_writable_or_403(Scheme.objects, request.user, Action.ADMINISTER, slug=slug)
    period = _period(scheme, period)
    draft = services.draft(scheme, period)
    try:
        if draft is None:
            raise services.AssessmentError("没有待发布的草稿")
        services.publish(draft, request.user)
        messages.success(request, f"{period.label}排名已发布")
    except services.AssessmentError as error:
        messages.error(request, str(error))
    return redirect("assessment:result", slug=scheme.slug, period=period.key)


@login_required
def manual(request, slug, period):
    """An assessor (管理员/督查员 of the issuing area) enters 暗访 deductions, bonuses and vetoes with reasons."""
    scheme = get_writable_or_403(Scheme.objects, request.user, Action.INSPECT, slug=slug)
    period = _period(scheme, period)
    form = ManualScoreForm(request.POST or None, scheme=scheme)
    if request.method == "POST" and form.is_valid():
        try:
            services.enter_manual_score(
                form.cleaned_data["criterion"],
                form.cleaned_data["area"],
                period,
                form.cleaned_data["points"],
                form.cleaned_data["reason"],
                request.user,
            )
            messages.success(request, "已记录；重新计算草稿后计入得分")
            return redirect("assessment:manual", slug=scheme.slug, period=period.key)
        except services.AssessmentError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "assessment/manual.html",
        {
            "scheme": scheme,
            "period": period,
            "form": form,
            "entries": services.manual_scores(scheme, period, request.user),
            "published": services.published(scheme, period),
        },
    )


@login_required
def recompute(request, slug, period):
    """What a recompute from today's data would change in the published result; a 管理员 may publish it."""
    action = Action.ADMINISTER if request.method == "POST" else Action.VIEW
    scheme = get_writable_or_403(Scheme.objects, request.user, action, slug=slug)
    period = _period(scheme, period)
    current = services.published(scheme, period)
    form = RevisionForm(request.POST or None)
    if current is None:
        messages.info(request, f"{period.label}尚无已发布的结果，草稿可直接重新计算")
        return redirect("assessment:result", slug=scheme.slug, period=period.key)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.publish_revision(scheme, period, request.user, form.cleaned_data["note"])
            messages.success(request, f"已发布第{new.version}版，第{current.version}版保留备查")
            return redirect("assessment:result", slug=scheme.slug, period=period.key)
        except services.AssessmentError as error:
            form.add_error(None, str(error))
    try:
        changes = services.differences(current, services.compute(scheme, period))
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect("assessment:result", slug=scheme.slug, period=period.key)
    return render(
        request,
        "assessment/recompute.html",
        {
            "scheme": scheme,
            "period": period,
            "result": current,
            "changes": changes,
            "changed": [change for change in changes if change.changed],
            "form": form,
            **_roles(request.user, scheme),
        },
    )


@login_required
def bulletin(request, slug, period, as_pdf=False):
    """The ranking 通报 of the shown result as .docx or PDF (a draft is marked so in its title)."""
    from zhenwu.assessment.bulletin import build_bulletin
    from zhenwu.documents import write_docx

    scheme = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=slug)
    period = _period(scheme, period)
    shown = services.shown_result(scheme, period, request.user)
    if shown is None:
        raise Http404("该考核期尚无结果")
    document = build_bulletin(shown, issuer=signer(request.user, scheme.area))  # the maker's own office
    stem = f"{scheme.name}{period.label}考核排名通报"
    return document_response(request, write_docx(document), stem, as_pdf=as_pdf)


@login_required
@require_POST
def bulletin_job(request, slug, period):
    """The same 通报 made by the worker, for a scheme too large to wait for: downloaded from 我的任务."""
    from zhenwu.assessment.jobs import start_bulletin

    scheme = get_visible_or_404(Scheme.objects.select_related("area"), request.user, slug=slug)
    period = _period(scheme, period)
    shown = services.shown_result(scheme, period, request.user)
    if shown is None:
        raise Http404("该考核期尚无结果")
    job = start_bulletin(request.user, shown, f"{scheme.name}{period.label}考核排名通报")
    return redirect("jobs:detail", pk=job.pk)
