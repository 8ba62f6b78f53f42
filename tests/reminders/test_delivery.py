"""Deliveries: recorded, not sent, by default; when sending, failures wait longer each time, then stop."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from zhenwu.reminders import channels, delivery
from zhenwu.reminders.models import Channel, ChannelKind, Delivery, DeliveryStatus, Kind
from zhenwu.reminders.services import Planned, record

NOW = datetime.datetime(2025, 7, 6, 8, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def hook(world):
    return Channel.objects.create(
        area=world.county, kind=ChannelKind.WEBHOOK, url="https://sms.example.invalid/send", enabled=True
    )


def remind(world):
    planned = Planned(world.town_a, world.town_a_clerk, Kind.LATE, "【逾期提醒】请尽快上报。", "late:t")
    return record([planned], NOW)[0]


def outbound(reminder):
    return reminder.deliveries.exclude(channel="inbox").get()


def test_by_default_a_webhook_is_recorded_with_what_it_would_have_sent(world, hook, monkeypatch):
    monkeypatch.setattr(channels, "post_json", lambda *a, **k: pytest.fail("nothing may be sent"))
    reminder = remind(world)
    assert delivery.deliver_pending(NOW) == 1
    item = outbound(reminder)
    assert item.status == DeliveryStatus.RECORDED and item.delivered_at == NOW
    assert '"message":"【逾期提醒】请尽快上报。"' in item.payload and '"user":"town_a_clerk"' in item.payload


def test_the_inbox_copy_is_delivered_at_once(world, hook):
    reminder = remind(world)
    inbox = reminder.deliveries.get(channel="inbox")
    assert inbox.status == DeliveryStatus.SENT and inbox.delivered_at == NOW


def test_a_failing_webhook_is_retried_with_backoff_then_given_up(world, hook, settings, monkeypatch):
    settings.REMINDER_DELIVERY = "send"
    calls = []

    def refuse(url, body, headers=None, robot=False):
        calls.append(url)
        raise channels.SendError("对方返回 HTTP 502")

    monkeypatch.setattr(channels, "post_json", refuse)
    item = outbound(remind(world))
    now = NOW
    waits = []
    for attempt in range(1, delivery.MAX_ATTEMPTS + 1):
        assert delivery.deliver_pending(now) == 1
        item.refresh_from_db()
        assert item.attempts == attempt and item.last_error == "对方返回 HTTP 502"
        if attempt < delivery.MAX_ATTEMPTS:
            assert item.status == DeliveryStatus.PENDING
            waits.append(item.next_attempt_at - now)
            assert (
                delivery.deliver_pending(item.next_attempt_at - datetime.timedelta(seconds=1)) == 0
            )  # not yet
            now = item.next_attempt_at
    assert waits == [MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE]
    assert item.status == DeliveryStatus.FAILED and item.next_attempt_at is None
    assert len(calls) == delivery.MAX_ATTEMPTS
    assert delivery.deliver_pending(now + datetime.timedelta(days=1)) == 0  # given up


def test_a_retry_that_succeeds_is_delivered(world, hook, settings, monkeypatch):
    settings.REMINDER_DELIVERY = "send"
    outcomes = [channels.SendError("无法连接：timed out"), None]

    def flaky(url, body, headers=None, robot=False):
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    monkeypatch.setattr(channels, "post_json", flaky)
    item = outbound(remind(world))
    delivery.deliver_pending(NOW)
    delivery.deliver_pending(NOW + MINUTE)
    item.refresh_from_db()
    assert item.status == DeliveryStatus.SENT and item.attempts == 2 and item.delivered_at == NOW + MINUTE


def test_failures_are_shown_to_the_admin_who_can_send_again(client, world, hook, settings, monkeypatch):
    settings.REMINDER_DELIVERY = "send"
    monkeypatch.setattr(
        channels, "post_json", lambda *a, **k: (_ for _ in ()).throw(channels.SendError("对方返回 HTTP 502"))
    )
    item = outbound(remind(world))
    Delivery.objects.filter(pk=item.pk).update(attempts=delivery.MAX_ATTEMPTS - 1)
    delivery.deliver_pending(NOW)
    client.force_login(world.county_admin)
    page = client.get(reverse("reminders:area", kwargs={"code": world.county.code})).content.decode()
    assert "发送失败或正在重试" in page and "对方返回 HTTP 502" in page and "立即重发" in page
    monkeypatch.setattr(channels, "post_json", lambda *a, **k: None)
    response = client.post(reverse("reminders:retry", kwargs={"pk": item.pk}))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == DeliveryStatus.SENT


def test_email_goes_through_djangos_mail_settings_when_sending(world, settings):
    settings.REMINDER_DELIVERY = "send"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Channel.objects.create(area=world.county, kind=ChannelKind.EMAIL, enabled=True)
    world.town_a_clerk.email = "lijuan@qingxi.example"
    world.town_a_clerk.save()
    remind(world)
    delivery.deliver_pending(NOW)
    assert [m.to for m in mail.outbox] == [["lijuan@qingxi.example"]]
    assert mail.outbox[0].subject == "【镇务】逾期未报提醒" and "请尽快上报" in mail.outbox[0].body


def test_no_email_is_queued_for_someone_without_an_address(world):
    Channel.objects.create(area=world.county, kind=ChannelKind.EMAIL, enabled=True)
    assert list(remind(world).deliveries.values_list("channel", flat=True)) == ["inbox"]


def test_a_town_hears_through_its_countys_robot_but_not_through_another_towns(world):
    Channel.objects.create(
        area=world.town_b, kind=ChannelKind.WECOM, url="https://qyapi.example/x", enabled=True
    )
    Channel.objects.create(
        area=world.county, kind=ChannelKind.DINGTALK, url="https://oapi.example/x", enabled=True
    )
    Channel.objects.create(
        area=world.county, kind=ChannelKind.WEBHOOK, url="https://x.example/", enabled=False
    )
    assert sorted(remind(world).deliveries.values_list("channel", flat=True)) == ["dingtalk", "inbox"]
