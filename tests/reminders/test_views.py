"""催报 from the county page, the inbox and its badge, the settings page and the record of an area."""

from __future__ import annotations

from django.urls import reverse

from tests.conftest import make_user
from tests.ledger.factories import indicator
from zhenwu.areas.models import Role
from zhenwu.reminders.models import Channel, ChannelKind, Kind, Reminder, ReminderRules


def chase(client, world, **data):
    return client.post(
        reverse("reminders:chase", kwargs={"code": world.county.code}), {"period": "2025-06", **data}
    )


def test_chasing_all_late_towns_puts_one_reminder_in_each_clerks_inbox(client, world):
    indicator()
    second = make_user("town_a_clerk2", world.town_a, Role.CLERK, first_name="钱多")
    client.force_login(world.county_admin)
    response = chase(client, world)
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("ledger:county", kwargs={"code": world.county.code}) + "?period=2025-06"
    )
    reminders = Reminder.objects.order_by("recipient__username")
    assert [(r.recipient.username, r.area.name, r.kind) for r in reminders] == [
        ("town_a_clerk", "青山镇", Kind.CHASE),
        ("town_a_clerk2", "青山镇", Kind.CHASE),
        ("town_b_clerk", "白沙镇", Kind.CHASE),
    ]
    assert all(r.sent_by == world.county_admin for r in reminders)
    for clerk in (world.town_a_clerk, second, world.town_b_clerk):
        client.force_login(clerk)
        page = client.get(reverse("reminders:inbox")).content.decode()
        assert page.count("【催报】青溪县催报") == 1 and "2025年6月指标台账尚未完成报送" in page
        assert 'aria-label="1 条未读"' in page  # the badge in the header


def test_chasing_one_town_reminds_only_its_clerk(client, world):
    indicator()
    client.force_login(world.county_admin)
    chase(client, world, town=world.town_b.code)
    assert list(Reminder.objects.values_list("recipient__username", flat=True)) == ["town_b_clerk"]


def test_a_town_that_has_submitted_is_not_chased(client, world):
    from tests.ledger.factories import make_value
    from zhenwu.ledger.models import ValueStatus

    make_value(world, world.town_a, year=2025, month=6, status=ValueStatus.SUBMITTED)
    client.force_login(world.county_admin)
    chase(client, world)
    assert list(Reminder.objects.values_list("recipient__username", flat=True)) == ["town_b_clerk"]


def test_only_the_countys_reviewers_and_admins_may_chase(client, world):
    county_clerk = make_user("county_clerk", world.county, Role.CLERK)
    client.force_login(county_clerk)
    assert chase(client, world).status_code == 403
    client.force_login(world.town_a_reviewer)  # a town's reviewer does not see the county
    assert chase(client, world).status_code == 404
    assert chase(client, world).status_code == 404
    assert not Reminder.objects.exists()
    reviewer = make_user("county_reviewer", world.county, Role.REVIEWER)
    client.force_login(reviewer)
    assert chase(client, world).status_code == 302


def test_a_bad_period_is_refused(client, world):
    client.force_login(world.county_admin)
    assert chase(client, world, period="2025-13").status_code == 400


def test_the_county_page_offers_chasing_and_shows_numbers_to_whom_it_may(client, world):
    from zhenwu.accounts.models import Contact

    indicator()
    Contact.objects.create(user=world.town_a_clerk, mobile="13812345678")
    url = reverse("ledger:county", kwargs={"code": world.county.code}) + "?period=2025-06"
    client.force_login(world.county_admin)
    page = client.get(url).content.decode()
    assert "李娟 13812345678" in page and "催报全部逾期单位" in page
    client.force_login(make_user("county_clerk", world.county, Role.CLERK))
    page = client.get(url).content.decode()
    assert "13812345678" not in page and "李娟" in page and "催报全部逾期单位" not in page


def test_marking_read_clears_the_badge_and_never_touches_anothers(client, world):
    mine = Reminder.objects.create(
        area=world.town_a, recipient=world.town_a_clerk, kind=Kind.CHASE, message="甲", key="a"
    )
    Reminder.objects.create(
        area=world.town_a, recipient=world.town_a_clerk, kind=Kind.CHASE, message="乙", key="b"
    )
    theirs = Reminder.objects.create(
        area=world.town_b, recipient=world.town_b_clerk, kind=Kind.CHASE, message="丙", key="c"
    )
    client.force_login(world.town_a_clerk)
    assert 'aria-label="2 条未读"' in client.get(reverse("home")).content.decode()
    assert client.post(reverse("reminders:read", kwargs={"pk": mine.pk})).status_code == 302
    assert 'aria-label="1 条未读"' in client.get(reverse("reminders:inbox")).content.decode()
    assert client.post(reverse("reminders:read", kwargs={"pk": theirs.pk})).status_code == 404
    client.post(reverse("reminders:inbox"))  # 全部标为已读
    assert not Reminder.objects.filter(recipient=world.town_a_clerk, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def settings_data(**changes):
    data = {
        "rules-enabled": "on",
        "rules-days_before_deadline": "3",
        "rules-remind_late": "on",
        "rules-repeat_days": "2",
        "rules-rectification_days_before": "3",
        "rules-remind_overdue_rectifications": "on",
        "rules-remind_project_updates": "on",
        "dingtalk-enabled": "on",
        "dingtalk-url": "https://oapi.dingtalk.com/robot/send?access_token=abc",
        "dingtalk-secret": "SEC123",
    }
    return data | changes


def test_the_admin_sets_rules_and_each_change_is_kept(client, world):
    client.force_login(world.county_admin)
    url = reverse("reminders:settings", kwargs={"code": world.county.code})
    assert client.post(url, settings_data()).status_code == 302
    assert client.post(url, settings_data(**{"rules-days_before_deadline": "1"})).status_code == 302
    versions = list(
        ReminderRules.objects.filter(area=world.county).values_list("days_before_deadline", flat=True)
    )
    assert versions == [1, 3]  # newest first; the old one stays
    channel = Channel.objects.get(area=world.county, kind=ChannelKind.DINGTALK)
    assert channel.enabled and channel.secret == "SEC123" and channel.changed_by == world.county_admin
    page = client.get(url).content.decode()
    assert "规则修改记录" in page and page.count("王建国") >= 2


def test_a_webhook_url_must_be_http_and_bounded(client, world):
    client.force_login(world.county_admin)
    url = reverse("reminders:settings", kwargs={"code": world.county.code})
    for bad, error in [
        ("ftp://robot.example/x", "请填写以 http:// 或 https:// 开头的网址"),
        ("javascript:alert(1)", "请填写以 http:// 或 https:// 开头的网址"),
        ("https://robot.example/" + "x" * 600, "网址不能超过 500 个字符"),
    ]:
        response = client.post(url, settings_data(**{"dingtalk-url": bad}))
        assert response.status_code == 200 and error in response.content.decode()
    response = client.post(url, settings_data(**{"dingtalk-url": ""}))
    assert "开启钉钉群机器人须填写 Webhook 地址" in response.content.decode()
    assert not ReminderRules.objects.exists() and not Channel.objects.exists()  # nothing half-saved


def test_a_town_admin_sees_the_countys_rules_until_setting_its_own(client, world, town_a_admin):
    ReminderRules.objects.create(area=world.county, days_before_deadline=5)
    client.force_login(town_a_admin)
    url = reverse("reminders:settings", kwargs={"code": world.town_a.code})
    page = client.get(url).content.decode()
    assert "现行规则由青溪县设定" in page and 'value="5"' in page
    assert client.get(reverse("reminders:settings", kwargs={"code": world.county.code})).status_code == 404


def test_the_area_page_lists_reminders_with_channel_and_delivery(client, world):
    from django.utils import timezone

    from zhenwu.reminders.services import Planned, record

    Channel.objects.create(
        area=world.county, kind=ChannelKind.WECOM, url="https://qyapi.example/x", enabled=True
    )
    record(
        [Planned(world.town_a, world.town_a_clerk, Kind.LATE, "【逾期提醒】青山镇请上报", "k")],
        timezone.now(),
    )
    from zhenwu.reminders.delivery import deliver_pending

    deliver_pending(timezone.now())
    client.force_login(world.town_a_reviewer)
    page = client.get(reverse("reminders:area", kwargs={"code": world.town_a.code})).content.decode()
    assert "【逾期提醒】青山镇请上报" in page and "站内消息：已送达" in page
    assert (
        "企业微信群机器人：已记录（未实际发送）" in page and "mentioned_mobile_list" not in page
    )  # no number known
    client.force_login(world.town_b_clerk)
    page = client.get(reverse("reminders:area", kwargs={"code": world.town_b.code})).content.decode()
    assert "青山镇请上报" not in page
