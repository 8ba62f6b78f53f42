"""The demo county's quarterly 美丽城镇 assessment (slug ``demo-quarterly``) of its 12 towns.

Criteria from the ledger, the key projects, supervision, 暗访 deductions, a capped bonus item
and a veto; a few manual scores each quarter by the county's 督查员; every quarter of this year
that has ended is computed as of its end and published by the county's 管理员, so the ranking
shows 升降位次 from the second quarter on.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from zhenwu.assessment import services
from zhenwu.assessment.models import Criterion, ManualScore, Result, RuleType, Scheme
from zhenwu.assessment.periods import QUARTER, ended_by
from zhenwu.demo.areas import DemoCounty

SLUG = "demo-quarterly"

# name, weight, rule, params
CRITERIA = [
    (
        "固定资产投资（对照时序进度）",
        15,
        RuleType.INDICATOR_SCHEDULE,
        {"indicator": "GDTZ", "per_point": "0.5"},
    ),
    ("规上工业总产值完成率", 10, RuleType.INDICATOR_COMPLETION, {"indicator": "GSCZ", "against": "schedule"}),
    ("重点项目开工率", 10, RuleType.PROJECT_START_RATE, {}),
    ("重点项目投资完成率", 15, RuleType.PROJECT_INVESTMENT_RATE, {"against": "schedule"}),
    (
        "项目投资完成率排名",
        10,
        RuleType.RANK_POINTS,
        {"measure": "investment_rate", "step": "0.5", "floor": "4"},
    ),
    ("督查问题整改销号率", 15, RuleType.INSPECTION_CLOSURE, {}),
    ("逾期未整改问题", 10, RuleType.OVERDUE_DEDUCTION, {"per_item": "1"}),
    ("暗访检查", 15, RuleType.MANUAL, {"mode": "deduction"}),
    ("创建工作亮点（加分项）", 0, RuleType.MANUAL, {"mode": "bonus", "cap": "3"}),
    ("安全生产和信访稳定", 0, RuleType.VETO, {}),
]
GRADES = [["优秀", 92], ["良好", 85], ["达标", 70], ["不达标", 0]]  # a spread like real county 通报
UNANNOUNCED = [
    ("集镇主干道两侧垃圾乱堆、清运不及时", Decimal("1")),
    ("农贸市场周边出店经营、占道摆摊", Decimal("1")),
    ("背街小巷“蜘蛛网”线缆未整治", Decimal("0.5")),
    ("河道沿岸有生活垃圾漂浮物", Decimal("1")),
    ("公厕保洁不到位、无人管理", Decimal("0.5")),
    ("建筑工地围挡破损、渣土未覆盖", Decimal("1.5")),
    ("沿街立面广告牌破损未修复", Decimal("0.5")),
]
BONUSES = [
    ("美丽城镇建设经验在省级媒体刊发", Decimal("1")),
    ("获评市级美丽城镇建设工作先进集体", Decimal("2")),
    ("承办全县美丽城镇现场推进会", Decimal("1.5")),
]
REQUIREMENTS = """各乡镇（街道）要对照考核细则，逐项分析失分原因，列出问题清单、责任清单和整改时限，确保问题动态清零。
排名后三位的乡镇（街道）主要负责同志要向县美丽城镇建设工作领导小组作书面说明，并于通报印发后10个工作日内报送整改情况。
县美丽城镇办将持续开展“三不两直”暗访，考核结果纳入年度综合考核。"""


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """That hour of ``day``, or now when it is later: the demo dates nothing after its today."""
    return min(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), timezone.now())


def build(demo: DemoCounty, rng: random.Random) -> None:
    """Create the scheme, the quarters' manual scores, and publish every ended quarter of the year."""
    today = demo.today
    year = today.year if ended_by(QUARTER, today.year, today) else today.year - 1
    scheme = Scheme.objects.create(
        area=demo.county,
        name="青溪县美丽城镇建设季度考核",
        slug=SLUG,
        period_type=QUARTER,
        grades=GRADES,
        first_year=year,
        issuer="青溪县美丽城镇建设工作领导小组办公室",
        requirements=REQUIREMENTS,
    )
    scheme.assessed.set(demo.towns)
    criteria = Criterion.objects.bulk_create(
        [
            Criterion(scheme=scheme, name=name, weight=Decimal(weight), rule=rule, params=params, order=order)
            for order, (name, weight, rule, params) in enumerate(CRITERIA, start=1)
        ]
    )
    deduction, bonus, veto = criteria[7], criteria[8], criteria[9]
    inspector, admin = _user("qx_inspector"), _user("qx_admin")
    towns = sorted(demo.towns, key=lambda town: town.code)
    for number, period in enumerate(ended_by(QUARTER, year, today), start=1):
        entered = _at(period.end + datetime.timedelta(days=3))
        scores = []
        for town in rng.sample(towns, 4):
            for reason, points in rng.sample(UNANNOUNCED, rng.randint(1, 3)):
                scores.append(
                    ManualScore(criterion=deduction, area=town, points=points, reason=f"暗访发现{reason}")
                )
        reason, points = rng.choice(BONUSES)
        scores.append(ManualScore(criterion=bonus, area=rng.choice(towns), points=points, reason=reason))
        if number == 2:  # one veto in the year, so the page and the 通报 show how it reads
            scores.append(
                ManualScore(
                    criterion=veto, area=towns[-1], points=Decimal(0), reason="辖区发生一起较大安全生产事故"
                )
            )
        for score in scores:
            score.period, score.entered_by, score.entered_at = period.key, inspector, entered
        ManualScore.objects.bulk_create(scores)
        result = services.compute_draft(scheme, period, today=period.end)
        services.publish(result, admin)
        published_on = _at(period.end + datetime.timedelta(days=8), 16)
        Result.objects.filter(pk=result.pk).update(computed_at=published_on, published_at=published_on)
