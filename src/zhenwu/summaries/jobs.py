"""Drafting every town's summary at once, as a background job (``zhenwu worker`` runs it)."""

from __future__ import annotations

import datetime

from django.urls import reverse

from zhenwu.areas.models import Area
from zhenwu.jobs.models import Job
from zhenwu.jobs.queue import JobError, submit
from zhenwu.lib.periods import Period, parse_period
from zhenwu.summaries import services

DRAFT_BATCH = "zhenwu.summaries.jobs.draft_batch"


def latest(user, area: Area, period: Period) -> Job | None:
    """The most recent drafting job of ``area`` and ``period`` the user may see."""
    return (
        Job.objects.visible_to(user)
        .filter(function=DRAFT_BATCH, area=area, params__period=period.key)
        .first()
    )


def start_batch(user, area: Area, period: Period, today: datetime.date):
    """Queue the drafting of every town under ``area``; the browser may close at once."""
    services.require(user, area)
    return submit(
        DRAFT_BATCH,
        title=f"起草{area.name}下辖单位{period.title_name}工作总结",
        user=user,
        area=area,
        params={"area": area.code, "period": period.key, "today": today.isoformat()},
    )


def draft_batch(job) -> None:
    """Regenerate each town's draft once: a town done by an earlier (killed) attempt is not drafted again."""
    user = job.job.user
    area = Area.objects.filter(code=job.params["area"]).first()
    if area is None:
        raise JobError("该区划已不存在")
    period = parse_period(job.params["period"])
    today = datetime.date.fromisoformat(job.params["today"])
    towns = services.batch_towns(user, area)
    # A 定稿 stands as issued: only a person starts a new draft after it (另起新稿).
    frozen = [town.name for town in towns if services.frozen_version(town, period) is not None]
    job.progress(total=len(towns))
    for town in towns:
        job.progress(note=f"正在起草{town.name}")
        job.step(
            town.code,
            lambda town=town: town.name in frozen or services.regenerate(user, town, period, today=today),
        )
    kept = f"{'、'.join(frozen)}已定稿，未改动。" if frozen else ""
    job.finish(
        f"已起草 {len(towns) - len(frozen)} 个单位的{period.title_name}工作总结。{kept}",
        link=reverse("summaries:batch", kwargs={"code": area.code, "period": period.key}),
    )
