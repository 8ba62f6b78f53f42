"""The demo's 美丽城镇“七个一”: a newcomer sees items 通过, one 退回 with its reason, one 待审核."""

import random

import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from zhenwu.demo import areas, standards
from zhenwu.ledger.checklists import standard_sentences
from zhenwu.ledger.models import Catalogue, ChecklistMark, MarkStatus


def build():
    county, rng = areas.DemoCounty(), random.Random(1)
    areas.build(county, rng)
    standards.build(county, rng)
    return county


def test_the_towns_stand_differently_on_the_seven_items(db, client):
    county = build()
    catalogue = Catalogue.objects.get(name=standards.NAME)
    assert catalogue.items.count() == 7
    qingshan, baisha = county.town(areas.TOWN_A), county.town(areas.TOWN_B)
    client.force_login(get_user_model().objects.get(username="qs_clerk"))
    page = client.get(reverse("ledger:standards", args=[qingshan.code])).content.decode()
    assert "清单项 6/7 通过" in page
    page = client.get(reverse("ledger:checklist", args=[qingshan.code, catalogue.pk])).content.decode()
    assert f"退回理由：{standards.RETURN_REASON}" in page
    client.force_login(get_user_model().objects.get(username="qx_reviewer"))
    county_page = client.get(reverse("ledger:standards", args=[county.county.code])).content.decode()
    assert "清单项 5/7 通过" in county_page and "清单项 7/7 通过" in county_page
    assert ChecklistMark.objects.filter(area=baisha, status=MarkStatus.SUBMITTED).count() == 1
    page = client.get(reverse("ledger:checklist", args=[baisha.code, catalogue.pk])).content.decode()
    assert "提交审核" in page  # the county reviewer is offered the waiting mark
    assert standard_sentences(qingshan) == ["美丽城镇“七个一”建设完成6项，尚缺1项：一个规范化农贸市场。"]


def test_no_mark_is_dated_after_the_demos_today(db):
    with time_machine.travel("2026-03-02 10:00 +0800", tick=False):
        build()
        now, today = timezone.now(), timezone.localdate()
    assert not ChecklistMark.objects.filter(marked_at__gt=now).exists()
    assert not ChecklistMark.objects.filter(reviewed_at__gt=now).exists()
    assert not ChecklistMark.objects.filter(done_on__gt=today).exists()
    statuses = set(ChecklistMark.objects.values_list("status", flat=True))
    assert statuses == {MarkStatus.ACCEPTED, MarkStatus.RETURNED, MarkStatus.SUBMITTED}
