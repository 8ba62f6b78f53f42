"""The demo county's quarterly 美丽城镇 assessment (slug ``demo-quarterly``) of its 12 towns.

Criteria from the ledger, the key projects, supervision, 暗访 deductions, a capped bonus item
and a veto; a few manual scores each quarter by the county's 督查员; every quarter of this year
that has ended is computed as of its end and published by the county's 管理员, so the ranking
shows 升降位次 from the second quarter on.

Two schemes rank other units the same way, for the last ended quarter: 青山镇's 村干部百分考核
of its villages (``demo-villages``, by the town's 管理员) and the county's 县直部门服务美丽城镇建设
考核 of eight departments (``demo-departments``). They draw from their own seeded generator, so
adding them leaves the rest of the demo as it was.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from zhenwu.areas.models import Department
from zhenwu.assessment import services
from zhenwu.assessment.models import Criterion, ManualScore, Result, RuleType, Scheme, UnitKind
from zhenwu.assessment.periods import QUARTER, Period, ended_by
from zhenwu.demo.areas import TOWN_A, DemoCounty

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


UNITS_SEED = 20250702  # the villages' and departments' schemes: their own sequence, see the docstring

VILLAGE_CRITERIA = [
    ("基层组织建设", 25, RuleType.MANUAL, {"mode": "deduction"}),
    ("美丽乡村和人居环境", 30, RuleType.MANUAL, {"mode": "deduction"}),
    ("平安法治和信访稳定", 20, RuleType.MANUAL, {"mode": "deduction"}),
    ("镇党委政府中心工作", 25, RuleType.MANUAL, {"mode": "deduction"}),
    ("争先创优（加分项）", 0, RuleType.MANUAL, {"mode": "bonus", "cap": "5"}),
    ("一票否决（安全生产、廉洁履职）", 0, RuleType.VETO, {}),
]
VILLAGE_DEDUCTIONS = [
    ("基层组织建设", "“三会一课”记录不全", Decimal("2")),
    ("基层组织建设", "村务公开未按季度更新", Decimal("1")),
    ("美丽乡村和人居环境", "房前屋后杂物乱堆", Decimal("2")),
    ("美丽乡村和人居环境", "垃圾分类桶点破损未修复", Decimal("1.5")),
    ("美丽乡村和人居环境", "河塘沿岸有漂浮垃圾", Decimal("1")),
    ("平安法治和信访稳定", "矛盾纠纷排查台账未及时更新", Decimal("1")),
    ("镇党委政府中心工作", "农房风貌整治进度滞后", Decimal("3")),
    ("镇党委政府中心工作", "重点项目政策处理未按期完成", Decimal("2")),
]
VILLAGE_BONUSES = [
    ("获评市级美丽乡村特色精品村", Decimal("3")),
    ("村集体经济经营性收入增长30%以上", Decimal("2")),
    ("承办全镇人居环境整治现场会", Decimal("1")),
]
VILLAGE_REQUIREMENTS = """各村（社区）要对照考核结果，查找短板，逐项整改，整改情况于10个工作日内报镇党政办。
考核结果与村干部年度绩效报酬挂钩，并作为评先评优的重要依据。"""

DEPARTMENTS_ASSESSED = [
    "发改局",
    "经信局",
    "资规局",
    "住建局",
    "环境分局",
    "农业农村局",
    "商务局",
    "综合执法局",
]
DEPARTMENT_CRITERIA = [
    ("服务镇街满意度测评", 50, RuleType.MANUAL, {"mode": "score"}),
    ("牵头任务推进情况", 20, RuleType.MANUAL, {"mode": "deduction"}),
    ("督查问题整改销号率", 15, RuleType.INSPECTION_CLOSURE, {}),
    ("逾期未整改问题", 15, RuleType.OVERDUE_DEDUCTION, {"per_item": "1"}),
    ("工作创新（加分项）", 0, RuleType.MANUAL, {"mode": "bonus", "cap": "3"}),
    ("一票否决（廉政、安全生产）", 0, RuleType.VETO, {}),
]
DEPARTMENT_DEDUCTIONS = [
    "牵头的美丽城镇项目审批超时限",
    "镇街反映的问题未在规定时限内答复",
    "未按时报送季度工作进展",
]
DEPARTMENT_BONUSES = [
    ("美丽城镇建设经验获省级部门推广", Decimal("2")),
    ("主动下沉镇街解决难题获县领导批示肯定", Decimal("1.5")),
]


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


def _criteria(scheme: Scheme, items) -> dict[str, Criterion]:
    created = Criterion.objects.bulk_create(
        [
            Criterion(scheme=scheme, name=name, weight=Decimal(weight), rule=rule, params=params, order=order)
            for order, (name, weight, rule, params) in enumerate(items, start=1)
        ]
    )
    return {criterion.name: criterion for criterion in created}


def _publish(scheme: Scheme, period: Period, scores: list[ManualScore], by, entered_by) -> None:
    entered = _at(period.end + datetime.timedelta(days=5))
    for score in scores:
        score.period, score.entered_by, score.entered_at = period.key, entered_by, entered
    ManualScore.objects.bulk_create(scores)
    result = services.publish(services.compute_draft(scheme, period, today=period.end), by)
    published_on = _at(period.end + datetime.timedelta(days=10), 16)
    Result.objects.filter(pk=result.pk).update(computed_at=published_on, published_at=published_on)


def build_units(demo: DemoCounty, rng: random.Random) -> None:
    """青山镇 ranks its villages and the county eight departments, for the last ended quarter.

    ``rng`` is the demo's shared generator and is left untouched: these schemes use their own.
    """
    own = random.Random(UNITS_SEED)
    today = demo.today
    year = today.year if ended_by(QUARTER, today.year, today) else today.year - 1
    period = ended_by(QUARTER, year, today)[-1]
    _villages(demo, own, period)
    _departments(demo, own, period)


def _villages(demo: DemoCounty, rng: random.Random, period: Period) -> None:
    town = demo.town(TOWN_A)
    villages = sorted(demo.villages[town.code], key=lambda village: village.code)
    scheme = Scheme.objects.create(
        area=town,
        name=f"{town.name}村干部百分考核",
        slug="demo-villages",
        period_type=QUARTER,
        unit_kind=UnitKind.VILLAGES,
        first_year=period.year,
        issuer=f"{town.name}村干部考核工作领导小组办公室",
        requirements=VILLAGE_REQUIREMENTS,
    )
    scheme.assessed.set(villages)
    criteria = _criteria(scheme, VILLAGE_CRITERIA)
    scores = []
    for village in villages:
        for criterion, reason, points in rng.sample(VILLAGE_DEDUCTIONS, rng.randint(0, 3)):
            scores.append(
                ManualScore(criterion=criteria[criterion], area=village, points=points, reason=reason)
            )
    for village, (reason, points) in zip(
        rng.sample(villages, 2), rng.sample(VILLAGE_BONUSES, 2), strict=True
    ):
        scores.append(
            ManualScore(criterion=criteria["争先创优（加分项）"], area=village, points=points, reason=reason)
        )
    admin = _user("qs_admin")
    _publish(scheme, period, scores, admin, admin)


def _departments(demo: DemoCounty, rng: random.Random, period: Period) -> None:
    by_short = {d.short_name: d for d in Department.objects.filter(area=demo.county)}
    departments = [by_short[short] for short in DEPARTMENTS_ASSESSED]
    scheme = Scheme.objects.create(
        area=demo.county,
        name="青溪县县直部门服务美丽城镇建设考核",
        slug="demo-departments",
        period_type=QUARTER,
        unit_kind=UnitKind.DEPARTMENTS,
        first_year=period.year,
        issuer="青溪县美丽城镇建设工作领导小组办公室",
    )
    scheme.assessed_departments.set(departments)
    criteria = _criteria(scheme, DEPARTMENT_CRITERIA)
    scores = [
        ManualScore(
            criterion=criteria["服务镇街满意度测评"],
            department=department,
            points=Decimal(rng.randint(76, 99)) / 2,
            reason="12个乡镇（街道）季度测评平均分折算",
        )
        for department in departments
    ]
    for department in rng.sample(departments, 3):
        scores.append(
            ManualScore(
                criterion=criteria["牵头任务推进情况"],
                department=department,
                points=Decimal(rng.choice((1, 2, 3))),
                reason=rng.choice(DEPARTMENT_DEDUCTIONS),
            )
        )
    reason, points = rng.choice(DEPARTMENT_BONUSES)
    scores.append(
        ManualScore(
            criterion=criteria["工作创新（加分项）"],
            department=rng.choice(departments),
            points=points,
            reason=reason,
        )
    )
    _publish(scheme, period, scores, _user("qx_admin"), _user("qx_inspector"))
