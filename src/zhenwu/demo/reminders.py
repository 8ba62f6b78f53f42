"""Demo contacts and reminder settings: a 填报员 in every town, numbers and e-mail for every account,
the county's reminder rules, and group robots that only record (the demo never sends)."""

from __future__ import annotations

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from zhenwu.accounts.models import Contact
from zhenwu.areas.models import Membership, Role
from zhenwu.demo.areas import DEMO_PASSWORD, DemoAccount, DemoCounty
from zhenwu.reminders.models import Channel, ChannelKind, ReminderRules

# Mobile prefixes of the three carriers; the eight digits after them come from the seeded generator.
MOBILE_PREFIXES = ("138", "139", "135", "150", "151", "158", "187", "188", "133", "153", "180", "189")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
GIVEN = ("晓燕", "建华", "丽萍", "志刚", "海燕", "国庆", "秀英", "文杰", "红梅", "永强", "春兰", "德明")
DEMO_MAIL_DOMAIN = "qingxi.example"  # a reserved top-level domain: no mail can ever reach it
DEMO_ROBOT = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-0000-0000-000000000000"


def build(demo: DemoCounty, rng: random.Random) -> None:
    _town_clerks(demo, rng)
    users = list(get_user_model().objects.order_by("username"))
    Contact.objects.bulk_create([Contact(user=user, mobile=mobile(rng)) for user in users])
    for user in users:
        user.email = f"{user.username}@{DEMO_MAIL_DOMAIN}"
    get_user_model().objects.bulk_update(users, ["email"])
    admin = get_user_model().objects.get(username="qx_admin")
    ReminderRules.objects.create(area=demo.county, changed_by=admin)
    Channel.objects.bulk_create(
        [
            Channel(area=demo.county, kind=ChannelKind.WECOM, url=DEMO_ROBOT, enabled=True, changed_by=admin),
            Channel(area=demo.county, kind=ChannelKind.EMAIL, enabled=True, changed_by=admin),
        ]
    )


def mobile(rng: random.Random) -> str:
    """A made-up mobile number of the usual shape (11 digits, 1[3-9]…)."""
    return rng.choice(MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


def _town_clerks(demo: DemoCounty, rng: random.Random) -> None:
    """One 填报员 for each town that has none, so a late town always has someone to remind."""
    staffed = set(Membership.objects.filter(role=Role.CLERK).values_list("area_id", flat=True))
    password = make_password(DEMO_PASSWORD)
    for town in demo.towns:
        if town.pk in staffed:
            continue
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        username = f"clerk_{town.code[6:9]}"
        user = get_user_model().objects.create(username=username, first_name=name, password=password)
        department = town.departments.filter(short_name="党政办").first()
        Membership.objects.create(user=user, area=town, role=Role.CLERK, department=department)
        demo.accounts.append(DemoAccount(username, name, town.name, Role.CLERK.label))
