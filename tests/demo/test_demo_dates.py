"""The demo dates nothing after its today, and each project's 形象进度 only moves forward."""

import re

import pytest
import time_machine
from django.db.models import F, Max
from django.utils import timezone

from zhenwu import demo
from zhenwu.assessment.models import ManualScore, Result
from zhenwu.demo.projects import KINDS
from zhenwu.inspections.models import Finding, Transition
from zhenwu.ledger.models import ChecklistMark, ReportedValue
from zhenwu.ledger.reporting import reporting_month
from zhenwu.projects.models import MonthlyUpdate, StatusChange, UpdatePhoto

PERCENT = re.compile(r"形象进度(\d+)%")


@pytest.mark.parametrize("day", ["2026-12-07 10:00 +0800", "2026-10-01 09:00 +0800"], ids=["dec-7", "oct-1"])
def test_nothing_in_the_demo_is_dated_after_its_today(db, day):
    with time_machine.travel(day, tick=False):
        county = demo.load()
        now, today = timezone.now(), timezone.localdate()
        reported = reporting_month(county.county, today).current
    latest = {
        "月度进展填报时间": MonthlyUpdate.objects.aggregate(at=Max("entered_at"))["at"],
        "照片拍摄日期": UpdatePhoto.objects.aggregate(at=Max("taken_on"))["at"],
        "状态变更日期": StatusChange.objects.aggregate(at=Max("date"))["at"],
        "指标填报时间": ReportedValue.objects.aggregate(at=Max("updated_at"))["at"],
        "问题发现日期": Finding.objects.aggregate(at=Max("found_on"))["at"],
        "整改流转时间": Transition.objects.aggregate(at=Max("at"))["at"],
        "考核加减分时间": ManualScore.objects.aggregate(at=Max("entered_at"))["at"],
        "考核发布时间": Result.objects.aggregate(at=Max("published_at"))["at"],
        "清单项标记时间": ChecklistMark.objects.aggregate(at=Max("marked_at"))["at"],
        "清单项审核时间": ChecklistMark.objects.aggregate(at=Max("reviewed_at"))["at"],
        "清单项完成日期": ChecklistMark.objects.aggregate(at=Max("done_on"))["at"],
    }
    future = [
        name
        for name, at in latest.items()
        if at is not None and (at > now if hasattr(at, "hour") else at > today)
    ]
    assert future == []
    months = set(MonthlyUpdate.objects.values_list("year", "month").distinct())
    assert max(months) == (
        reported.year,
        reported.month,
    )  # updates run to the month being reported, no further
    assert not Finding.objects.filter(deadline__lte=F("found_on")).exists()


def test_each_projects_image_progress_only_moves_forward(db):
    with time_machine.travel("2026-12-07 10:00 +0800", tick=False):
        demo.load()
    stages = {stage: index for *_, kind_stages in KINDS for index, stage in enumerate(kind_stages)}
    backwards = []
    by_project: dict[int, list[MonthlyUpdate]] = {}
    for update in MonthlyUpdate.objects.order_by("project_id", "year", "month"):
        by_project.setdefault(update.project_id, []).append(update)
    for updates in by_project.values():
        percents = [int(PERCENT.search(update.progress)[1]) for update in updates]
        positions = [stages[update.progress.split("，")[0].split("至")[0]] for update in updates]
        if percents != sorted(percents) or positions != sorted(positions):
            backwards.append(f"{updates[0].project.name}：{' → '.join(u.progress for u in updates)}")
    assert backwards == []
    assert len(by_project) > 100
