"""Every list that can grow past 50 rows shows 50 a page, with a pager that keeps its filters.

Each case makes 60 rows named “第N项…” for the county's 管理员, then asks for page 1 and page 2,
and a filter that finds row 7 alone (and not row 17 or 57).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import add, make_user
from zhenwu.areas.models import Level, Role, SettingChange
from zhenwu.issuing.models import DispatchSettings, IssuedNumber
from zhenwu.jobs.models import Job
from zhenwu.ledger.models import Indicator
from zhenwu.reminders.models import Kind, Reminder
from zhenwu.summaries.models import Draft

ROWS = 60


def word(number: int) -> str:
    return f"第{number}项"


@dataclass(frozen=True)
class ListCase:
    name: str
    url: Callable  # (world, made) -> url
    make: Callable  # (world) -> whatever the url needs
    search: dict  # the filter that keeps row 7 alone

    def __str__(self) -> str:
        return self.name


def _jobs(world):
    Job.objects.bulk_create(
        # every other one made by the schedule, for no one
        Job(
            area=world.county,
            user=world.county_admin if n % 2 else None,
            function="x.y",
            title=f"{word(n)}导出",
        )
        for n in range(ROWS)
    )


def _register(world):
    settings = DispatchSettings.objects.create(
        department=world.department_a, mark="青山镇人民政府文件", prefix="青山政", year=2026
    )
    IssuedNumber.objects.bulk_create(
        IssuedNumber(
            department=settings.department,
            year=2026,
            number=n + 1,
            code=f"青山政〔2026〕{n + 1}号",
            title=f"关于{word(n)}的通报",
            kind="inspections",
            source="x",
            issued_by=world.county_admin if n % 2 else None,  # None: issued with `zhenwu issue`
        )
        for n in range(ROWS)
    )
    return settings.department


def _accounts(world):
    for n in range(ROWS):
        make_user(f"clerk{n:02d}", world.village_a1, Role.CLERK, first_name=f"{word(n)}员")


def _reminders(world):
    """Sixty reminders to the county's admin; all read but the seventh."""
    read = timezone.now()
    Reminder.objects.bulk_create(
        Reminder(
            area=world.town_a,
            recipient=world.county_admin,
            kind=Kind.CHASE,
            message=f"{word(n)}未报",
            key=str(n),
            read_at=None if n == 7 else read,
        )
        for n in range(ROWS)
    )


def _indicators(world):
    Indicator.objects.bulk_create(
        Indicator(code=f"X{n:02d}", name=f"{word(n)}指标", unit="个") for n in range(ROWS)
    )


def _history(world):
    SettingChange.objects.bulk_create(
        SettingChange(
            area=world.county, subject=f"department:{n}", label=f"部门“{word(n)}办”", after="名称：x"
        )
        for n in range(ROWS)
    )


def _drafts(world):
    Draft.objects.bulk_create(
        Draft(
            area=world.town_a, period=str(1990 + n), title=f"{word(n)}工作总结", generated_at=timezone.now()
        )
        for n in range(ROWS)
    )


def _villages(world):
    for n in range(ROWS):
        add(world.town_a, code=f"390123101{300 + n}", name=f"{word(n)}村", level=Level.VILLAGE)


CASES = [
    ListCase("summary drafts", lambda world, made: reverse("summaries:index"), _drafts, {"q": "第7项"}),
    ListCase(
        "areas below",
        lambda world, made: reverse("areas:detail", args=[world.town_a.code]),
        _villages,
        {"q": "第7项"},
    ),
    ListCase("jobs", lambda world, made: reverse("jobs:index"), _jobs, {"q": "第7项"}),
    ListCase(
        "issued register",
        lambda world, made: reverse("issuing:office", args=[made.pk]),
        _register,
        {"q": "第7项", "year": "2026"},
    ),
    ListCase("accounts", lambda world, made: reverse("accounts:index"), _accounts, {"q": "第7项"}),
    ListCase(
        "accounts of an area",
        lambda world, made: reverse("accounts:setup", args=[world.town_a.code]),
        _accounts,
        {"q": "第7项", "role": Role.CLERK},
    ),
    ListCase(
        "inbox",
        lambda world, made: reverse("reminders:inbox"),
        _reminders,
        {"kind": Kind.CHASE, "unread": "on"},
    ),
    ListCase(
        "reminders of an area",
        lambda world, made: reverse("reminders:area", args=[world.town_a.code]),
        _reminders,
        {"q": "第7项"},
    ),
    ListCase(
        "indicators",
        lambda world, made: reverse("ledger:setup_indicators", args=[world.county.code]),
        _indicators,
        {"q": "第7项"},
    ),
    ListCase(
        "setting history",
        lambda world, made: reverse("areas:history", args=[world.county.code]),
        _history,
        {"q": "第7项", "kind": "department"},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_long_list_comes_50_a_page_and_its_filter_finds_one_row(client, world, case):
    url = case.url(world, case.make(world))
    client.force_login(world.county_admin)
    first = client.get(url).content.decode()
    assert "第 1 / 2 页" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "第 2 / 2 页" in second
    on_first = {n for n in range(ROWS) if word(n) in first}
    on_second = {n for n in range(ROWS) if word(n) in second}
    assert 40 < len(on_first) <= 50 and not on_first & on_second and on_first | on_second == set(range(ROWS))
    found = client.get(url, case.search).content.decode()
    assert word(7) in found and word(17) not in found and word(57) not in found
    assert "第 1 / 2 页" not in found


def test_the_pager_keeps_the_filters(client, world):
    _jobs(world)
    client.force_login(world.county_admin)
    page = client.get(reverse("jobs:index"), {"q": "导出"}).content.decode()
    assert "q=%E5%AF%BC%E5%87%BA&amp;page=2" in page


def test_rows_made_by_no_one_name_their_maker_instead_of_failing(client, world):
    """A 文号 issued from the command line, a scheduled job, a draft from a batch: no account behind them."""
    department = _register(world)
    _jobs(world)
    _drafts(world)
    client.force_login(world.county_admin)
    assert "命令行" in client.get(reverse("issuing:office", args=[department.pk])).content.decode()
    assert "命令行" in client.get(reverse("issuing:index")).content.decode()
    assert "定时任务" in client.get(reverse("jobs:index")).content.decode()
    assert client.get(reverse("summaries:index")).status_code == 200
