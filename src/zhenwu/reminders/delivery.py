"""Sending a recorded reminder through each channel, and trying failed sends again with backoff.

Deliveries are rows, not in-memory jobs: ``deliver_pending(now)`` picks up whatever is due, so a
cron line, the worker's schedule or ``zhenwu remind`` can run it, and a crash loses nothing.
With ``ZHENWU_REMINDER_DELIVERY=record`` (the default, and always in tests and the demo) nothing
leaves the machine: each delivery keeps the payload it would have sent.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from zhenwu.accounts.contacts import mobiles_of
from zhenwu.reminders import channels
from zhenwu.reminders.models import Channel, ChannelKind, Delivery, DeliveryStatus, Reminder

INBOX = "inbox"
MAX_ATTEMPTS = 6
FIRST_RETRY = datetime.timedelta(minutes=1)
BATCH = 200


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failure: 1, 2, 4, 8, 16 minutes.

    >>> [int(backoff(n).total_seconds() // 60) for n in range(1, 6)]
    [1, 2, 4, 8, 16]
    """
    return FIRST_RETRY * 2 ** (attempts - 1)


def channels_for(area, user) -> list[Channel]:
    """The enabled channels that carry reminders about ``area`` to ``user``: those set on the area
    or any area above it (a county's group robot hears about every town); e-mail only when the
    user left an address."""
    found = Channel.objects.filter(area__path__in=area.lineage_paths, enabled=True).select_related("area")
    return [channel for channel in found if channel.kind != ChannelKind.EMAIL or user.email]


def create_deliveries(reminder: Reminder, now: datetime.datetime) -> list[Delivery]:
    """The inbox copy (delivered at once) and one pending delivery per channel of the reminder."""
    inbox = Delivery(
        reminder=reminder, channel=INBOX, status=DeliveryStatus.SENT, attempts=1, delivered_at=now
    )
    others = [
        Delivery(reminder=reminder, channel=channel.kind, target=channel, next_attempt_at=now)
        for channel in channels_for(reminder.area, reminder.recipient)
    ]
    return Delivery.objects.bulk_create([inbox, *others])


def message_of(reminder: Reminder, mobile: str) -> channels.Message:
    user = reminder.recipient
    return channels.Message(
        area_code=reminder.area.code,
        area_name=reminder.area.name,
        username=user.username,
        name=user.get_full_name() or user.username,
        mobile=mobile,
        email=user.email,
        kind=reminder.kind,
        kind_label=reminder.get_kind_display(),
        text=reminder.message,
        created_at=reminder.created_at.isoformat(),
    )


def prepare(
    delivery: Delivery, message: channels.Message, now: datetime.datetime
) -> tuple[str, bytes, dict, bool]:
    """(url, body, headers, robot) for a webhook delivery; for e-mail, (address, text, {}, False)."""
    channel = delivery.target
    if channel.kind == ChannelKind.EMAIL:
        return message.email, message.text.encode("utf-8"), {}, False
    if channel.kind == ChannelKind.WECOM:
        return channel.url, channels.encode(channels.wecom_payload(message, channel.markdown)), {}, True
    if channel.kind == ChannelKind.DINGTALK:
        url = channels.dingtalk_url(channel.url, channel.secret, int(now.timestamp() * 1000))
        return url, channels.encode(channels.dingtalk_payload(message, channel.markdown)), {}, True
    body = channels.encode(channels.generic_payload(message))
    headers = {"X-Zhenwu-Signature": channels.body_signature(channel.secret, body)} if channel.secret else {}
    return channel.url, body, headers, False


def send(delivery: Delivery, address: str, body: bytes, headers: dict, robot: bool) -> None:
    """Hand one prepared delivery to its channel; raises channels.SendError on failure."""
    if delivery.channel == ChannelKind.EMAIL:
        subject = f"【镇务】{delivery.reminder.get_kind_display()}"
        try:
            send_mail(subject, body.decode("utf-8"), None, [address])
        except OSError as error:
            raise channels.SendError(f"邮件发送失败：{error}") from error
        return
    channels.post_json(address, body, headers, robot=robot)


def deliver_pending(now: datetime.datetime, limit: int = BATCH) -> int:
    """Send (or record) every delivery due by ``now``; a failure waits ``backoff`` and is tried again,
    up to MAX_ATTEMPTS, then stays 发送失败 for the admin to see. Returns how many were handled."""
    due = list(
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .select_related("reminder__area", "reminder__recipient", "target")
        .order_by("next_attempt_at", "id")[:limit]
    )
    mobiles = mobiles_of([delivery.reminder.recipient for delivery in due])
    for delivery in due:
        _deliver_one(delivery, mobiles.get(delivery.reminder.recipient_id, ""), now)
    return len(due)


def _deliver_one(delivery: Delivery, mobile: str, now: datetime.datetime) -> None:
    if delivery.target is None or not delivery.target.enabled:
        _finish(delivery, DeliveryStatus.FAILED, "渠道已关闭或已删除", now)
        return
    address, body, headers, robot = prepare(delivery, message_of(delivery.reminder, mobile), now)
    delivery.payload = body.decode("utf-8")
    if settings.REMINDER_DELIVERY != "send":
        _finish(delivery, DeliveryStatus.RECORDED, "", now)
        return
    # Claim the row first so two runners never send it twice.
    with transaction.atomic():
        claimed = Delivery.objects.filter(
            pk=delivery.pk, attempts=delivery.attempts, status=DeliveryStatus.PENDING
        )
        if not claimed.update(attempts=delivery.attempts + 1):
            return
    delivery.attempts += 1
    try:
        send(delivery, address, body, headers, robot)
    except channels.SendError as error:
        if delivery.attempts >= MAX_ATTEMPTS:
            _finish(delivery, DeliveryStatus.FAILED, str(error), now)
        else:
            delivery.last_error = str(error)[:500]
            delivery.next_attempt_at = now + backoff(delivery.attempts)
            delivery.save(update_fields=["payload", "last_error", "next_attempt_at"])
        return
    _finish(delivery, DeliveryStatus.SENT, "", now)


def _finish(delivery: Delivery, status: str, error: str, now: datetime.datetime) -> None:
    delivery.status = status
    if error:
        delivery.last_error = error[:500]
    delivery.delivered_at = now if status in (DeliveryStatus.SENT, DeliveryStatus.RECORDED) else None
    delivery.next_attempt_at = None
    delivery.save(
        update_fields=["status", "last_error", "delivered_at", "next_attempt_at", "payload", "attempts"]
    )


def retry_now(delivery: Delivery, now: datetime.datetime) -> None:
    """An admin sends a failed delivery again at once, with a fresh count of attempts."""
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = now
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
