"""台账规则: a county sets the deadline, thresholds and 时序进度 basis once; its towns follow."""

from datetime import date
from decimal import Decimal as D

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Role
from zhenwu.ledger import tables
from zhenwu.ledger.models import ReportingDeadline, ReportingRules, RulesChange, ScheduleBasis


def rules_for(world, area, **fields):
    return ReportingRules.objects.create(area=area, **fields)


def test_a_town_follows_its_countys_rules_until_it_sets_its_own(world):
    assert ReportingRules.objects.for_area(world.town_a).due_day == 5  # the default
    rules_for(world, world.county, due_day=10)
    assert ReportingRules.objects.for_area(world.town_a).due_day == 10
    rules_for(world, world.town_a, due_day=8)
    assert ReportingRules.objects.for_area(world.town_a).due_day == 8
    assert ReportingRules.objects.for_area(world.town_b).due_day == 10


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June 2025
def test_looser_thresholds_turn_a_small_lag_into_on_track(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="5.7")  # 47.5% against 50%: 2.5 points behind
    client.force_login(world.town_a_clerk)
    assert "滞后" in client.get(reverse("ledger:index")).content.decode()
    rules_for(world, world.county, lagging_below=D("-3"), severe_below=D("-10"))
    page = client.get(reverse("ledger:index")).content.decode()
    assert '<span class="st on-track">正常</span>' in page and '<span class="st lagging">' not in page


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June 2025
def test_time_progress_counted_in_days_is_shown_and_used(client, world):
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="5.97")  # 49.75%: behind N/12 (50%), ahead of 181/365 (49.6%)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:index")).content.decode()
    assert "时序进度 50.0%（按月：6 ÷ 12）" in page and "滞后" in page
    rules_for(world, world.county, schedule_basis=ScheduleBasis.DAYS)
    page = client.get(reverse("ledger:index")).content.decode()
    assert "时序进度 49.6%（按天：截至6月末已过天数 ÷ 全年天数）" in page
    assert '<span class="st on-track">正常</span>' in page


def test_the_deadline_day_decides_who_is_late(world):
    f.all_indicators()
    in_time = date(2025, 7, 8)
    assert tables.county_table(world.county, 2025, 6, today=in_time).not_reported[0].late
    rules_for(world, world.county, due_day=10)
    table = tables.county_table(world.county, 2025, 6, today=in_time)
    assert table.due == date(2025, 7, 10)
    assert not any(child.late for child in table.not_reported)
    assert tables.entry_grid(world.town_a, 2025, 6).due == date(2025, 7, 10)


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June 2025
def test_a_towns_share_of_the_county_total(client, world):
    f.make_value(world, world.town_a, value="6")
    f.make_value(world, world.town_b, value="2")
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:index")).content.decode()
    assert "占青溪县" in page and "75.0%" in page


def test_the_county_admin_sets_rules_on_the_page(client, world):
    client.force_login(world.county_admin)
    url = reverse("ledger:rules", args=[world.county.code])
    form = {
        "due_day": "8",
        "schedule_basis": "days",
        "ahead_from": "3",
        "lagging_below": "-2",
        "severe_below": "-8",
    }
    response = client.post(url, form, follow=True)
    assert "已保存青溪县台账规则" in response.content.decode()
    saved = ReportingRules.objects.get(area=world.county)
    assert (saved.due_day, saved.schedule_basis, saved.updated_by) == (8, "days", world.county_admin)
    page = client.get(reverse("ledger:rules", args=[world.town_a.code])).content.decode()
    assert (
        f'沿用<a href="{url}">青溪县</a>的设置' in page
        and "次月 8 日前报送" in page
        and "低于 -8 个百分点为“严重滞后”" in page
    )


def test_thresholds_out_of_order_are_refused_in_chinese(client, world):
    client.force_login(world.county_admin)
    url = reverse("ledger:rules", args=[world.county.code])
    form = {"due_day": "5", "schedule_basis": "months", "ahead_from": "5", "lagging_below": "-12"}
    page = client.post(url, form | {"severe_below": "-10"}).content.decode()
    assert "严重滞后线 ≤ 滞后线 ≤ 超序时线" in page
    assert not ReportingRules.objects.exists()
    page = client.post(url, form | {"severe_below": "-20", "due_day": "31"}).content.decode()
    assert "28" in page and not ReportingRules.objects.exists()


def test_a_town_goes_back_to_the_countys_rules(client, world):
    rules_for(world, world.county, due_day=10)
    rules_for(world, world.town_a, due_day=3)
    town_admin = make_user("town_a_admin", world.town_a, Role.ADMIN)
    client.force_login(town_admin)
    client.post(reverse("ledger:rules", args=[world.town_a.code]), {"inherit": "1"})
    assert ReportingRules.objects.for_area(world.town_a).due_day == 10
    assert ReportingRules.objects.filter(area=world.county).exists()


@pytest.mark.parametrize("user", ["town_a_clerk", "town_a_reviewer"])
def test_only_an_administrator_changes_rules(client, world, user):
    client.force_login(getattr(world, user))
    url = reverse("ledger:rules", args=[world.town_a.code])
    page = client.get(url).content.decode()
    assert "现行规则" in page and "保存规则" not in page
    form = {"due_day": "9", "schedule_basis": "months", "ahead_from": "5", "lagging_below": "0"}
    assert client.post(url, form | {"severe_below": "-10"}).status_code == 403
    assert not ReportingRules.objects.exists()


def test_every_change_of_the_rules_is_recorded_with_what_held_before(client, world):
    town_admin = make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="刘洋")
    form = {"due_day": "5", "schedule_basis": "months", "ahead_from": "5", "lagging_below": "-3"}
    client.force_login(world.county_admin)
    client.post(reverse("ledger:rules", args=[world.county.code]), form | {"severe_below": "-10"})
    client.post(
        reverse("ledger:rules", args=[world.county.code]), form | {"severe_below": "-10"}
    )  # the same again
    client.force_login(town_admin)
    town_url = reverse("ledger:rules", args=[world.town_a.code])
    client.post(town_url, form | {"due_day": "3", "severe_below": "-10"})
    client.post(town_url, {"inherit": "1"})

    county_changes = RulesChange.objects.filter(area=world.county)
    assert [(c.old_text, c.new_text) for c in county_changes] == [
        (
            "系统默认：次月5日前报送；时序进度按月；超序时 ≥ 5，滞后 < 0，严重滞后 < -10（百分点）",
            "本级设置：次月5日前报送；时序进度按月；超序时 ≥ 5，滞后 < -3，严重滞后 < -10（百分点）",
        )
    ]
    town_changes = list(RulesChange.objects.filter(area=world.town_a))  # newest first
    assert [c.new_text.split("：")[0] for c in town_changes] == ["沿用青溪县", "本级设置"]
    assert (
        town_changes[1].old_text.startswith("沿用青溪县：次月5日前报送")
        and "次月3日" in town_changes[1].new_text
    )
    page = client.get(town_url).content.decode()
    assert (
        page.count('<td data-label="操作人">刘洋</td>') == 2
        and "修改记录" in page
        and "次月3日前报送" in page
    )
    client.force_login(world.town_b_clerk)  # 白沙镇 reads its own record, not 青山镇's
    page = client.get(reverse("ledger:rules", args=[world.town_b.code])).content.decode()
    assert "白沙镇还没有改过台账规则" in page and "次月3日" not in page


def test_a_deadline_set_for_one_month_moves_who_is_late_for_that_month_only(client, world):
    f.all_indicators()
    client.force_login(world.county_admin)
    url = reverse("ledger:deadline_set", args=[world.county.code])
    page = client.post(url, {"period": "2025-06", "due": "2025-07-12", "reason": "防汛顺延"}, follow=True)
    assert "已设定2025年6月数据的截止日期" in page.content.decode()

    on_the_9th = date(2025, 7, 9)
    table = tables.county_table(world.county, 2025, 6, today=on_the_9th)
    assert table.deadline.text == "2025年7月12日（防汛顺延）" and not any(c.late for c in table.not_reported)
    assert (
        tables.county_table(world.county, 2025, 5, today=date(2025, 6, 9)).not_reported[0].late
    )  # May: the 5th
    assert tables.entry_grid(world.town_a, 2025, 6).deadline.text == "2025年7月12日（防汛顺延）"
    page = client.get(reverse("ledger:county", args=[world.county.code]) + "?period=2025-06").content.decode()
    assert "本期截止报送日期 2025年7月12日（防汛顺延）" in page

    change = RulesChange.objects.get(area=world.county)
    assert (change.old_text, change.new_text) == (
        "2025年6月数据：2025年7月5日前报送",
        "2025年6月数据：2025年7月12日前报送（防汛顺延）",
    )
    special = ReportingDeadline.objects.get()
    client.post(reverse("ledger:deadline_remove", args=[special.pk]))
    assert tables.entry_grid(world.town_a, 2025, 6).due == date(2025, 7, 5)
    assert RulesChange.objects.count() == 2


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"period": "2025-06", "due": "2025-06-30", "reason": "顺延"}, "应在2025年7月1日至2025年8月31日之间"),
        ({"period": "2025-12", "due": "2026-03-01", "reason": "顺延"}, "应在2026年1月1日至2026年2月28日之间"),
        ({"period": "2025-06", "due": "2025-07-12", "reason": " "}, "原因"),
        ({"period": "六月", "due": "2025-07-12", "reason": "顺延"}, "报告期：应为年月"),
    ],
)
def test_a_deadline_out_of_range_or_without_a_reason_is_refused_in_chinese(client, world, form, message):
    client.force_login(world.county_admin)
    page = client.post(reverse("ledger:deadline_set", args=[world.county.code]), form, follow=True)
    assert message in page.content.decode() and "截止日期未保存" in page.content.decode()
    assert not ReportingDeadline.objects.exists() and not RulesChange.objects.exists()


def test_a_town_cannot_move_the_countys_deadline_but_reads_it(client, world):
    ReportingDeadline.objects.create(
        area=world.county, year=2025, month=6, due=date(2025, 7, 12), reason="防汛顺延"
    )
    town_admin = make_user("town_a_admin", world.town_a, Role.ADMIN)
    client.force_login(town_admin)
    form = {"period": "2025-06", "due": "2025-07-20", "reason": "再顺延"}
    assert client.post(reverse("ledger:deadline_set", args=[world.county.code]), form).status_code == 404
    assert tables.entry_grid(world.town_a, 2025, 6).due == date(
        2025, 7, 12
    )  # the county's holds for the town
    client.post(
        reverse("ledger:deadline_set", args=[world.town_a.code]), form
    )  # its own, for its villages too
    assert tables.entry_grid(world.town_a, 2025, 6).due == date(2025, 7, 20)
    assert tables.entry_grid(world.town_b, 2025, 6).due == date(2025, 7, 12)
