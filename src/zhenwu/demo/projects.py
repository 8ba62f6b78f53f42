"""The demo county's key projects: about 150 across the twelve towns, a year of monthly updates, photos.

Names follow the way county ledgers name projects (“年产5万吨新型建材生产线项目”,
“溪东片区老旧小区改造工程”, “S274青山段改建工程”); investments run from a few 百万 to
over 十亿 (万元 in the ledger). Most projects keep pace, about one in five lags, a few have
not started on time, and a third have not yet reported this month. Photos are drawn with
Pillow — a site with a building going up, a crane and a board with the project's name —
for the two latest months of the forty largest projects. Rows go in with ``bulk_create``.
"""

from __future__ import annotations

import datetime
import io
import math
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from zhenwu.areas.models import Department, Membership, Role
from zhenwu.demo.areas import DemoCounty
from zhenwu.ledger.reporting import reporting_month
from zhenwu.projects.models import (
    MonthlyUpdate,
    Project,
    Status,
    StatusChange,
    UpdatePhoto,
    YearPlan,
)

PROJECTS_PER_TOWN = (11, 15)  # so about 150 in twelve towns
PHOTO_PROJECTS = 40
PHOTO_MONTHS = 2
PHOTO_SIZE = (640, 480)
FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
]

# (category, owner, templates, log10 of the investment range in 万元, stages of 形象进度)
KINDS = [
    (
        "industry",
        "{town}工业投资发展有限公司",
        [
            "年产{n}万吨新型建材生产线项目",
            "年产{n}万套智能家居部件项目",
            "{town}智能装备产业园（{phase}期）",
            "年产{n}万台新能源汽车电机项目",
            "高端阀门精密铸造技改项目",
            "{town}小微企业创业园标准厂房建设项目",
        ],
        (3.3, 5.2),
        [
            "场地平整",
            "桩基施工",
            "基础施工",
            "主体结构施工",
            "主体结构封顶",
            "设备基础及钢结构安装",
            "设备安装调试",
            "试生产",
        ],
    ),
    (
        "infrastructure",
        "青溪县交通投资集团有限公司",
        [
            "S274{short}段改建工程",
            "{town}集镇污水管网改造工程",
            "{village}至{village2}公路提升改造工程",
            "{town}供水管网延伸工程",
            "{short}溪大桥新建工程",
        ],
        (2.8, 5.0),
        [
            "征迁及管线迁改",
            "路基土方施工",
            "涵洞及排水施工",
            "路面基层施工",
            "沥青路面摊铺",
            "交通安全设施",
            "附属工程及绿化",
        ],
    ),
    (
        "livelihood",
        "{town}人民政府",
        [
            "{area}片区老旧小区改造工程",
            "{town}中心卫生院迁建工程",
            "{town}中心小学扩建工程",
            "{town}居家养老服务中心建设项目",
            "{town}农贸市场改造提升工程",
        ],
        (2.5, 4.3),
        [
            "方案设计及招标",
            "基础施工",
            "主体施工",
            "屋面及外立面施工",
            "室内装修",
            "室外配套工程",
            "竣工验收准备",
        ],
    ),
    (
        "tourism",
        "青溪文化旅游发展有限公司",
        [
            "{village}古村落保护利用项目",
            "{town}溪滨绿道建设工程",
            "{short}山景区提升工程",
            "{town}游客服务中心建设项目",
            "{village}民宿集聚区建设项目",
        ],
        (2.6, 4.6),
        ["规划设计", "游步道施工", "景观节点建设", "配套建筑主体施工", "装饰及标识系统", "绿化及亮化"],
    ),
    (
        "services",
        "青溪{short}置业有限公司",
        [
            "{town}商贸综合体项目",
            "{town}冷链物流中心项目",
            "{area}商业街改造提升项目",
            "{town}电商产业园建设项目",
        ],
        (3.5, 5.3),
        ["地下室施工", "主体结构施工", "主体结构封顶", "幕墙及机电安装", "室内装修", "招商及开业准备"],
    ),
    (
        "agriculture",
        "{town}农业开发有限公司",
        [
            "{village}高标准农田建设项目",
            "{town}现代农业产业园项目",
            "{village}茶叶精深加工项目",
            "{town}粮食烘干中心建设项目",
        ],
        (2.5, 4.0),
        ["土地平整", "沟渠及田间道路", "灌溉设施安装", "加工厂房施工", "设备安装", "试运行"],
    ),
    (
        "ecology",
        "{town}人民政府",
        [
            "{village}小流域综合治理工程",
            "{town}美丽河湖建设工程",
            "{town}垃圾中转站提升改造工程",
        ],
        (2.4, 3.9),
        ["清淤疏浚", "护岸施工", "生态修复", "配套设施建设", "绿化提升"],
    ),
    (
        "urban",
        "{town}城镇建设发展有限公司",
        [
            "{town}美丽城镇建设“一镇一街”改造工程",
            "{area}立面整治工程",
            "{town}停车场及公厕建设工程",
        ],
        (2.6, 4.3),
        ["管线下地", "立面改造", "道路铺装", "景观小品", "亮化工程"],
    ),
]
KIND_WEIGHTS = [26, 18, 20, 12, 9, 8, 4, 3]
STATUS_WEIGHTS = [
    (Status.PLANNING, 8),
    (Status.SIGNED, 7),
    (Status.STARTED, 10),
    (Status.BUILDING, 55),
    (Status.COMPLETED, 12),
    (Status.OPERATING, 8),
]
PROBLEMS = [
    ("政策处理进度偏慢，部分农户未签约", "请县自然资源和规划局协助加快征迁政策处理"),
    ("建设用地指标尚未落实", "请县自然资源和规划局协调用地指标"),
    ("项目资金到位不足", "请县财政局协调专项债资金拨付"),
    ("连续降雨影响室外施工", ""),
    ("高压线路迁改未完成", "请供电公司协调线路迁改"),
    ("设计变更审批时间较长", "请县住房和城乡建设局加快变更审批"),
]
PERSON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
PERSON_GIVEN = "建国 志强 海峰 立新 国华 晓东 卫东 春明 红梅 丽华 永军 建平 文斌 俊杰 晓燕 明辉 小军 伟 敏 静 磊 涛 勇 杰".split()
D = Decimal


def build(demo: DemoCounty, rng: random.Random) -> None:
    """About 150 projects, their plans, status logs, a year of monthly updates and some photos."""
    today = demo.today
    reported = reporting_month(demo.county, today).current
    months = _months_since(
        datetime.date(reported.year - 1 if reported.month < 6 else reported.year, 1, 1), reported.last_day
    )
    entered_by = _clerks(demo)
    projects, plans, stories = [], [], []
    for town in demo.towns:
        departments = list(Department.objects.filter(area__in=[town, demo.county]))
        villages = demo.villages.get(town.code, [])
        used: set[str] = set()
        for _ in range(rng.randint(*PROJECTS_PER_TOWN)):
            story = _story(rng, town, villages, departments, used, today)
            story.town = town
            projects.append(story.project)
            stories.append(story)
    Project.objects.bulk_create(projects)
    changes, updates = [], []
    for story in stories:
        plans += [
            YearPlan(project=story.project, year=y, planned_investment=p) for y, p in story.plans.items()
        ]
        changes += _status_log(story, entered_by[story.town.pk], today)
        updates += _updates(story, months, reported, rng, entered_by[story.town.pk])
    YearPlan.objects.bulk_create(plans)
    StatusChange.objects.bulk_create(changes)
    MonthlyUpdate.objects.bulk_create(updates, batch_size=500)
    _photos(stories, updates, rng, today)


class _Story:
    """One project and how its year goes: the plan per year, the pace, when it started and finished."""

    def __init__(self, project: Project, stages: list[str], pace: float, plans: dict[int, Decimal]):
        self.project = project
        self.stages = stages
        self.pace = pace
        self.plans = plans
        self.town = project.area


def _months_since(first: datetime.date, today: datetime.date) -> list[tuple[int, int]]:
    """Every month from ``first`` to this one: at least half a year, always whole years of 1-N月."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (today.year, today.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _clerks(demo: DemoCounty) -> dict[int, object]:
    """Who enters each town's updates: its own 填报员, else the county's."""
    clerks = {m.area_id: m.user for m in Membership.objects.filter(role=Role.CLERK).select_related("user")}
    county_clerk = clerks[demo.county.pk]
    return {town.pk: clerks.get(town.pk, county_clerk) for town in demo.towns}


def _amount(rng: random.Random, low: float, high: float) -> Decimal:
    """A round-looking investment in 万元 between 10**low and 10**high."""
    value = 10 ** rng.uniform(low, high)
    step = 10 if value < 2000 else 100 if value < 20000 else 1000
    return D(max(step, round(value / step) * step))


def _name(rng, templates, town, villages, used):
    """A project name not used yet in the town, and the village it names (if any)."""
    short = town.name[:2]
    villages = [village for village in villages if village.name.endswith("村")]  # 社区 keep no 古村落
    for _ in range(20):
        first, second = rng.sample(villages, 2) if len(villages) > 1 else (None, None)
        template = rng.choice(templates)
        if first is None and "{village" in template:
            continue
        name = template.format(
            town=town.name,
            short=short,
            n=rng.choice([2, 3, 5, 8, 10, 12, 20, 30, 50]),
            phase=rng.choice("一二三"),
            village=first.name if first else "",
            village2=second.name if second else "",
            area=(first.name[:2] if first and rng.random() < 0.5 else short)
            + rng.choice(["东", "西", "南", "北", ""]),
        )
        if name not in used:
            used.add(name)
            return name, first if "{village}" in template else None
    name = f"{town.name}{templates[0].format(town='', short=short, n=len(used), phase='二', village='', village2='', area=short)}"
    used.add(name)
    return name, None


def _story(rng, town, villages, departments, used, today) -> _Story:
    category, owner, templates, (low, high), stages = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
    status = rng.choices([s for s, _ in STATUS_WEIGHTS], weights=[w for _, w in STATUS_WEIGHTS])[0]
    total = _amount(rng, low, high)
    months_built = min(36, max(8, int(math.log10(total) * 6)))  # bigger projects take longer
    if status in (Status.PLANNING, Status.SIGNED):
        # Half of them should have started by now: 逾期未开工.
        start = today + datetime.timedelta(
            days=rng.randint(-150, 240) if rng.random() < 0.5 else rng.randint(30, 300)
        )
        started_on = None
    else:
        done = status in (Status.COMPLETED, Status.OPERATING)
        back = rng.randint(months_built * 30 + 20, months_built * 30 + 300) if done else rng.randint(20, 600)
        started_on = today - datetime.timedelta(days=back)
        start = started_on - datetime.timedelta(days=rng.choice([0, 0, 0, 15, 30, -20]))
    completion = start + datetime.timedelta(days=months_built * 30)
    completed_on = None
    if status in (Status.COMPLETED, Status.OPERATING):
        completed_on = min(
            today - datetime.timedelta(days=rng.randint(10, 60)),
            completion + datetime.timedelta(days=rng.randint(-30, 60)),
        )
        completed_on = max(completed_on, started_on + datetime.timedelta(days=90))
    elif status in (Status.STARTED, Status.BUILDING) and completion < today and rng.random() < 0.6:
        completion = today + datetime.timedelta(days=rng.randint(60, 400))  # most keep a date still ahead
    name, village = _name(rng, templates, town, villages, used)
    department = rng.choice(departments) if departments else None
    project = Project(
        area=village or town,
        name=name,
        category=category,
        tier=rng.choices(["province", "city", "county"], weights=[1, 3, 8])[0]
        if total < 100000
        else "province",
        content=_content(category, total, rng),
        owner_company=owner.format(town=town.name, short=town.name[:2]),
        department=department,
        responsible_person=rng.choice(PERSON_SURNAMES) + rng.choice(PERSON_GIVEN),
        total_investment=total,
        planned_start=start,
        planned_completion=completion,
        status=status,
        started_on=started_on if status not in (Status.PLANNING, Status.SIGNED) else None,
        completed_on=completed_on,
        highlighted=rng.random() < 0.07,
    )
    pace = rng.uniform(0.4, 0.8) if rng.random() < 0.18 else rng.uniform(1.0, 1.3)
    share = Decimal(str(round(min(0.9, max(0.2, 12 / months_built * rng.uniform(0.6, 1.0))), 2)))
    plans = {}
    for year in (today.year - 1, today.year):
        plan = (total * share).quantize(D(10), ROUND_HALF_UP) if status != Status.PLANNING else D(0)
        if status == Status.SIGNED:  # money is planned once it has started
            plan = D(0)
        if completed_on is not None and completed_on.year < year:  # finished: nothing more planned
            plan = D(0)
        if started_on is not None and started_on.year > year:  # not yet started that year
            plan = D(0)
        if plan:
            plans[year] = max(plan, D(10))
    return _Story(project, stages, pace, plans)


def _content(category: str, total: Decimal, rng: random.Random) -> str:
    area = rng.randrange(8, 120) * 1000
    return {
        "industry": f"新建标准厂房{area}平方米，购置生产设备{rng.randrange(40, 300)}台（套）",
        "infrastructure": f"改建道路及管网{rng.randrange(2, 25)}.{rng.randrange(10)}公里及附属设施",
        "livelihood": f"总建筑面积{area // 2}平方米，含配套设施改造",
        "tourism": f"建设游步道{rng.randrange(2, 15)}公里、景观节点{rng.randrange(3, 12)}处及配套服务设施",
        "services": f"总建筑面积{area}平方米，含商业、仓储及配套停车位",
        "agriculture": f"建设面积{rng.randrange(500, 5000)}亩，配套灌溉、道路及加工设施",
        "ecology": f"治理河道{rng.randrange(2, 12)}.{rng.randrange(10)}公里，建设生态护岸及配套设施",
        "urban": f"改造沿街立面{area // 4}平方米，铺装道路、增设停车泊位{rng.randrange(50, 400)}个",
    }[category]


def _status_log(story: _Story, user, today: datetime.date) -> list[StatusChange]:
    project = story.project
    steps = [(Status.PLANNING, Status.SIGNED, project.planned_start - datetime.timedelta(days=60))]
    if project.started_on:
        first = Status.STARTED
        steps.append((Status.SIGNED, first, project.started_on))
        steps.append((first, Status.BUILDING, project.started_on + datetime.timedelta(days=20)))
    if project.completed_on:
        steps.append((Status.BUILDING, Status.COMPLETED, project.completed_on))
    if project.status == Status.OPERATING:
        steps.append((Status.COMPLETED, Status.OPERATING, project.completed_on + datetime.timedelta(days=5)))
    order = [s for s, _ in STATUS_WEIGHTS]
    reached = order.index(Status(project.status))
    return [
        StatusChange(project=project, from_status=a, to_status=b, date=min(when, today), actor=user, note="")
        for a, b, when in steps
        if order.index(b) <= reached and not (b == Status.BUILDING and project.status == Status.STARTED)
    ]


def _updates(story: _Story, months, reported, rng: random.Random, user) -> list[MonthlyUpdate]:
    """The project's monthly updates up to the month being reported; money and 形象进度 only move on.

    Each is entered in the last days of its month (all before the demo's today, as the month
    being reported has ended); a quarter of the projects have not yet reported that month.
    """
    project = story.project
    if project.started_on is None:
        return []
    updates, ytd, stage, in_stage, shown = [], D(0), 0, 0, 0
    current = (reported.year, reported.month)
    reports_now = rng.random() < 0.75  # the rest report by the 5th of next month
    for year, month in months:
        month_end = datetime.date(year, month, 28)
        if month_end < project.started_on or (
            project.completed_on and datetime.date(year, month, 1) > project.completed_on
        ):
            continue
        if month == 1:
            ytd = D(0)
        if (year, month) == current and not reports_now:
            continue
        plan = story.plans.get(year, D(0))
        active = _active_months(project, year)
        amount = (plan / active * D(str(story.pace * rng.uniform(0.8, 1.2)))).quantize(D(1), ROUND_HALF_UP)
        ytd += amount
        moved = stage < len(story.stages) - 1 and (rng.random() < 0.45 or in_stage >= 3)
        stage, in_stage = (stage + 1, 1) if moved else (stage, in_stage + 1)
        shown = max(shown + 1, overall_progress(stage, in_stage, len(story.stages)))
        lagging = story.pace < 0.85
        problem = rng.choice(PROBLEMS) if lagging and rng.random() < 0.7 else ("", "")
        updates.append(
            MonthlyUpdate(
                project=project,
                year=year,
                month=month,
                investment_month=amount,
                investment_ytd=ytd,
                progress=_progress(story.stages[stage], in_stage, min(shown, 99), rng),
                milestone=story.stages[stage] + "完成" if rng.random() < 0.15 else "",
                problems=problem[0],
                help_needed=problem[1],
                entered_by=user,
                entered_at=timezone.make_aware(datetime.datetime(year, month, rng.randint(20, 28), 16)),
            )
        )
    return updates


def _active_months(project: Project, year: int) -> int:
    """How many months of ``year`` the project is planned to be building (its year plan is spread over them)."""
    first = max(project.started_on, datetime.date(year, 1, 1))
    end = project.completed_on or project.planned_completion or datetime.date(year, 12, 31)
    last = min(end, datetime.date(year, 12, 31))
    return max(1, (last.year - first.year) * 12 + last.month - first.month + 1)


def overall_progress(stage: int, months_in_stage: int, stages: int) -> int:
    """The project's 形象进度 in per cent: the stages done, and part of the one under way.

    A stage's share is filled a fifth a month up to four fifths, so the figure never goes back
    when the next stage begins (主体结构封顶70% is followed by 钢结构安装 at 72%, not 20%).

    >>> [overall_progress(s, m, 5) for s, m in ((0, 1), (0, 4), (0, 6), (1, 1), (4, 4))]
    [4, 16, 16, 24, 96]
    """
    return round((stage + min(months_in_stage, 4) / 5) * 100 / stages)


def _progress(stage: str, months_in_stage: int, percent: int, rng: random.Random) -> str:
    """One line of 形象进度: the stage under way and the project's overall progress, which only moves on."""
    if stage == "主体结构施工":
        return f"主体结构施工至第{2 * months_in_stage + rng.randint(0, 1)}层，形象进度{percent}%"
    return f"{stage}，形象进度{percent}%"


def _font(size: int):
    from PIL import ImageFont

    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return None


def site_photo(seed: int, title: str, caption: str, font) -> tuple[bytes, bytes]:
    """A construction-site JPEG (sky, hills, a building going up, a crane, a name board) and its thumbnail."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, (140 + rng.randrange(70), 180 + rng.randrange(50), 230))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.45, 0.6))
    hills = [(0, horizon)] + [
        (x, horizon - rng.randrange(height // 6)) for x in range(0, width + 1, width // 8)
    ]
    draw.polygon(
        [*hills, (width, horizon), (width, height), (0, height)], fill=(70, 110 + rng.randrange(60), 70)
    )
    ground = horizon + height // 10
    draw.rectangle((0, ground, width, height), fill=(150 + rng.randrange(30), 135, 110))
    left, floors = rng.randrange(40, width // 2), rng.randint(3, 9)
    top = ground - floors * 26
    draw.rectangle(
        (left, top, left + width // 3, ground), fill=(205, 200, 190), outline=(90, 90, 90), width=3
    )
    for row in range(top + 8, ground - 14, 26):
        for col in range(left + 12, left + width // 3 - 20, 34):
            draw.rectangle((col, row, col + 18, row + 12), fill=(80, 105, 135))
    for x in range(left - 6, left + width // 3 + 8, 12):  # scaffolding
        draw.line((x, top - 10, x, ground), fill=(60, 60, 60), width=1)
    crane = left + width // 3 + rng.randrange(30, 90)
    draw.line((crane, ground, crane, top - 70), fill=(235, 175, 30), width=6)
    draw.line((crane - 170, top - 70, crane + 90, top - 70), fill=(235, 175, 30), width=5)
    draw.line((crane - 120, top - 70, crane - 120, top - 10), fill=(40, 40, 40), width=1)
    board = (16, height - 92, width - 16, height - 16)
    draw.rectangle(board, fill=(25, 80, 160), outline=(255, 255, 255), width=2)
    if font is not None:
        draw.text((28, height - 86), title[:26], fill="white", font=font)
        draw.text((28, height - 50), caption[:30], fill=(255, 230, 150), font=font)
    out, thumb = io.BytesIO(), io.BytesIO()
    image.save(out, "JPEG", quality=70)
    image.thumbnail((240, 180))
    image.save(thumb, "JPEG", quality=70)
    return out.getvalue(), thumb.getvalue()


def _photos(stories, updates, rng: random.Random, today) -> None:
    """Two photos for each of the two latest updates of the forty largest projects under way."""
    latest: dict[int, list[MonthlyUpdate]] = {}
    for update in updates:
        latest.setdefault(update.project_id, []).append(update)
    largest = sorted(
        (s.project for s in stories if s.project.pk in latest),
        key=lambda project: project.total_investment,
        reverse=True,
    )[:PHOTO_PROJECTS]
    font = _font(24)
    photos = []
    for project in largest:
        for update in sorted(latest[project.pk], key=lambda u: (u.year, u.month))[-PHOTO_MONTHS:]:
            for number in (1, 2):
                taken = min(
                    datetime.date(update.year, update.month, 10 + number * 7), update.entered_at.date()
                )
                caption = update.progress.split("，")[0]
                image, thumb = site_photo(rng.randrange(10**9), project.name, caption, font)
                stem = f"projects/demo/{project.pk}-{update.year}{update.month:02d}-{number}"
                photos.append(
                    UpdatePhoto(
                        update=update,
                        image=default_storage.save(f"{stem}.jpg", ContentFile(image)),
                        thumbnail=default_storage.save(f"{stem}-t.jpg", ContentFile(thumb)),
                        width=PHOTO_SIZE[0],
                        height=PHOTO_SIZE[1],
                        caption=f"{project.name}：{caption}",
                        taken_on=min(taken, today),
                        original_name=f"IMG_{rng.randrange(1000, 9999)}.jpg",
                        uploaded_by=update.entered_by,
                    )
                )
    UpdatePhoto.objects.bulk_create(photos)
