"""A year of supervision in the demo county: inspections, grid reports, photos, rectification.

Everything goes through the inspections services (so the transition log and repeat
detection are the real ones), back-dated over the twelve months before today: most
findings closed, some returned once, some still open and overdue. Photos are drawn with
Pillow — a coloured scene with a label — nothing is downloaded.
"""

from __future__ import annotations

import datetime
import io
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from zhenwu.areas.models import Department, Membership, Role
from zhenwu.demo.areas import DemoAccount, DemoCounty
from zhenwu.inspections import services
from zhenwu.inspections.models import FindingCategory, InspectionKind, Source, Theme
from zhenwu.photos import check_photo

DAYS = 365

# category name → (weight, quantity range or None)
CATEGORY_MIX = {
    "乱占道经营": (20, None),
    "乱堆乱放": (18, (Decimal("0.5"), Decimal("6"))),
    "乱搭乱建": (12, (Decimal("6"), Decimal("80"))),
    "违法建设": (10, (Decimal("20"), Decimal("360"))),
    "乱贴乱画": (10, None),
    "乱停乱放": (8, None),
    "垃圾分类不到位": (8, None),
    "安全隐患": (6, None),
    "排污不达标": (3, None),
    "项目进度滞后": (2, None),
}
DESCRIPTIONS = {
    "乱占道经营": ["沿街摊贩占用人行道经营水果", "店铺出店经营，货架摆至道路", "早市摊位超出划定区域"],
    "乱堆乱放": ["建筑垃圾堆放于路边未清运", "房前屋后杂物乱堆", "废旧家具堆放在绿化带"],
    "乱搭乱建": ["屋顶搭建彩钢棚", "沿河违规搭建简易棚", "院墙外私自搭建披屋"],
    "违法建设": ["未经审批新建两层砖混房屋", "农田内违法建设厂房", "擅自加层扩建"],
    "乱贴乱画": ["电线杆张贴小广告", "墙面喷涂办证广告", "公交站牌乱贴"],
    "乱停乱放": ["电动车停放占用盲道", "货车停放阻塞消防通道"],
    "垃圾分类不到位": ["垃圾分类亭混投严重", "分类桶破损未更换"],
    "安全隐患": ["电线私拉乱接", "沿街店铺灭火器过期", "河道护栏破损"],
    "排污不达标": ["企业雨污管网混接，污水直排", "养殖场废水未经处理排放"],
    "项目进度滞后": ["项目未按计划节点开工", "工地停工两周以上"],
}
PLACES = [
    "村口",
    "文化礼堂旁",
    "菜市场东侧",
    "老街",
    "溪边绿道",
    "学校门口",
    "省道沿线",
    "工业园区南门",
    "桥头",
    "公交站旁",
    "卫生院对面",
    "集镇中心路口",
]
THEMES = [Theme.CITYSCAPE, Theme.ENVIRONMENT, Theme.CITYSCAPE, Theme.SAFETY, Theme.CITYSCAPE, Theme.PROJECT]
TOWN_CLERKS = {
    "城关街道": ("cg_clerk", "蒋丽"),
    "溪东街道": ("xd_clerk", "沈洁"),
    "凤山街道": ("fs_clerk", "韩冬"),
    "石门镇": ("sm_clerk", "杨帆"),
    "桃源镇": ("ty_clerk", "朱琳"),
    "龙潭镇": ("lt_clerk", "秦峰"),
    "安平镇": ("ap_clerk", "尤佳"),
    "梅岭镇": ("ml_clerk", "许诺"),
    "金鸡乡": ("jj_clerk", "何平"),
    "云岭乡": ("yl_clerk", "吕梅"),
}
# theme → the town offices usually made responsible
RESPONSIBLE = {
    Theme.CITYSCAPE: {"执法队", "村建办"},
    Theme.ENVIRONMENT: {"农业办", "执法队"},
    Theme.SAFETY: {"平安办"},
    Theme.PROJECT: {"经发办"},
    Theme.OTHER: {"党政办"},
}
GRID_WORKERS = {"青山镇": ("qs_grid", "钱小燕"), "白沙镇": ("bs_grid", "孔德明")}
SCENE_COLOURS = [
    (176, 96, 60),
    (120, 120, 128),
    (90, 130, 70),
    (200, 160, 60),
    (150, 70, 110),
    (70, 110, 160),
]


def camera_stamp(day: datetime.date, hour: int) -> str:
    """The date and time a camera prints on a photo: digits only, no English words in a 通报.

    >>> camera_stamp(datetime.date(2026, 3, 5), 9)
    '2026-03-05 09:30'
    """
    return f"{day:%Y-%m-%d} {hour:02d}:30"


def scene(label: str, colour: tuple[int, int, int], after: bool, rng: random.Random) -> bytes:
    """A small JPEG: sky, ground, the problem (blocks in the category's colour) or the cleared place."""
    image = Image.new("RGB", (320, 240), (170, 200, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 150, 320, 240), fill=(150, 150, 140) if not after else (160, 175, 150))
    draw.rectangle((210, 60, 300, 150), fill=(225, 220, 205), outline=(120, 110, 100))
    if not after:
        for _ in range(rng.randint(3, 6)):
            x, y = rng.randint(10, 220), rng.randint(120, 190)
            draw.rectangle(
                (x, y, x + rng.randint(20, 60), y + rng.randint(15, 40)), fill=colour, outline=(40, 40, 40)
            )
    else:
        draw.line((0, 200, 320, 200), fill=(240, 240, 240), width=3)
    draw.rectangle((0, 0, 320, 22), fill=(0, 0, 0))
    draw.text((6, 5), label, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def _photo(label: str, colour, after: bool, rng: random.Random):
    return check_photo(ContentFile(scene(label, colour, after, rng), name="IMG.jpg"))


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _accounts(demo: DemoCounty) -> dict[str, object]:
    """The demo's supervision accounts, adding a 填报员 per town that has none and two village 网格员."""
    user_model = get_user_model()
    users = {user.username: user for user in user_model.objects.all()}
    template = users["qs_clerk"]
    for town_name, (username, full_name) in TOWN_CLERKS.items():
        town = demo.town(town_name)
        users[username] = _add_account(username, full_name, town, template.password, "党政办")
        demo.accounts.append(DemoAccount(username, full_name, town.name, Role.CLERK.label))
    for town_name, (username, full_name) in GRID_WORKERS.items():
        village = demo.villages[demo.town(town_name).code][0]
        users[username] = _add_account(username, full_name, village, template.password, None)
        demo.accounts.append(DemoAccount(username, full_name, village.name, "填报员（网格员）"))
    return users


def _add_account(username, full_name, area, password_hash, department_short):
    user = get_user_model().objects.create(username=username, first_name=full_name, password=password_hash)
    department = Department.objects.filter(area=area, short_name=department_short).first()
    Membership.objects.create(user=user, area=area, role=Role.CLERK, department=department)
    return user


def build(demo: DemoCounty, rng: random.Random) -> None:
    """Twelve months of inspections and grid reports across the county, each carried as far as it got."""
    users = _accounts(demo)
    categories = {category.name: category for category in FindingCategory.objects.all()}
    names = [name for name in CATEGORY_MIX if name in categories]
    weights = [CATEGORY_MIX[name][0] for name in names]
    colours = {name: SCENE_COLOURS[index % len(SCENE_COLOURS)] for index, name in enumerate(names)}
    today = demo.today
    start = today - datetime.timedelta(days=DAYS)
    county_inspector, county_admin = users["qx_inspector"], users["qx_admin"]
    town_inspectors = {"青山镇": users["qs_inspector"], "白沙镇": users["bs_inspector"]}
    clerks = {"青山镇": users["qs_clerk"], "白沙镇": users["bs_clerk"]} | {
        town: users[username] for town, (username, _name) in TOWN_CLERKS.items()
    }
    places: dict[int, list[str]] = {}  # village id → the few places problems recur at

    def place_in(village) -> str:
        pool = places.setdefault(village.pk, rng.sample(PLACES, 4))
        return f"{village.name}{rng.choice(pool)}"

    def carry(finding, town, inspector, found_on):
        """Rectify the finding as far as the calendar allows."""
        clerk = clerks[town.name]
        day = found_on + datetime.timedelta(days=rng.randint(0, 2))
        if day >= today:
            return
        if rng.random() < 0.7:
            services.start(finding, clerk, note="已安排人员整改", at=_at(day, 15))
        if rng.random() < 0.06:
            return  # stuck: stays open, soon overdue
        days = (finding.deadline - found_on).days if finding.deadline else 7
        submit_day = found_on + datetime.timedelta(days=rng.randint(1, days + 4))
        rounds = 2 if rng.random() < 0.12 else 1
        for round_number in range(rounds):
            if submit_day >= today:
                return
            label = camera_stamp(submit_day, 15 + round_number)
            services.submit(
                finding,
                clerk,
                note=_evidence_note(finding, round_number),
                photos=[_photo(label, colours[finding.category.name], True, rng)],
                at=_at(submit_day, 16, rng.randint(0, 59)),
            )
            check_day = submit_day + datetime.timedelta(days=rng.randint(1, 3))
            if check_day >= today:
                return
            if round_number < rounds - 1:
                services.return_for_rework(
                    finding,
                    inspector,
                    note="复查发现整改不彻底，请彻底清理后重新提交。",
                    at=_at(check_day, 10),
                )
                submit_day = check_day + datetime.timedelta(days=rng.randint(2, 5))
            else:
                services.close(finding, inspector, at=_at(check_day, 10, rng.randint(0, 59)))

    departments = {town.pk: list(town.departments.all()) for town in demo.towns}

    def record(inspector, town, village, found_on, source=Source.INSPECTION, inspection=None, reporter=None):
        name = rng.choices(names, weights)[0]
        category = categories[name]
        quantity_range = CATEGORY_MIX[name][1]
        quantity = None
        if quantity_range:
            low, high = quantity_range
            quantity = (low + (high - low) * Decimal(rng.random())).quantize(
                Decimal("1" if high > 50 else "0.1")
            )
        coordinates = {}
        if rng.random() < 0.4:
            base_lat, base_lng = (
                Decimal("29.10") + Decimal(village.pk % 97) / 1000,
                Decimal("119.60") + Decimal(village.pk % 89) / 1000,
            )
            coordinates = {
                "latitude": (base_lat + Decimal(rng.randint(0, 3)) / 10000).quantize(Decimal("0.000001")),
                "longitude": (base_lng + Decimal(rng.randint(0, 3)) / 10000).quantize(Decimal("0.000001")),
            }
        town_departments = [d for d in departments[town.pk] if d.short_name in RESPONSIBLE[category.theme]]
        label = camera_stamp(found_on, 9 + category.pk % 6)
        finding = services.record_finding(
            reporter or inspector,
            source=source,
            area=village,
            category=category,
            location=place_in(village),
            description=rng.choice(DESCRIPTIONS[name]),
            photos=[_photo(label, colours[name], False, rng)],
            inspection=inspection,
            quantity=quantity,
            severity=rng.choices(["general", "serious", "major"], [70, 25, 5])[0],
            department=rng.choice(town_departments)
            if town_departments and source == Source.INSPECTION
            else None,
            found_on=found_on,
            at=_at(found_on, rng.randint(8, 11), rng.randint(0, 59)),
            **coordinates,
        )
        return finding

    towns = demo.towns
    grid_villages = {name: demo.villages[demo.town(name).code][0] for name in GRID_WORKERS}
    for month in range(12):
        month_start = start + datetime.timedelta(days=month * 30)
        # the county's scheduled round and one unannounced visit (暗访) each month
        for kind, covered_count in ((InspectionKind.SCHEDULED, 4), (InspectionKind.UNANNOUNCED, 2)):
            day = month_start + datetime.timedelta(days=rng.randint(3, 25))
            if day >= today:
                continue
            covered = rng.sample(towns, covered_count)
            theme = THEMES[month % len(THEMES)] if kind == InspectionKind.SCHEDULED else Theme.CITYSCAPE
            inspection = services.record_inspection(
                county_inspector,
                area=demo.county,
                title=f"{day.month}月{'城乡环境例行督查' if kind == InspectionKind.SCHEDULED else '“三不两直”暗访'}",
                date=day,
                kind=kind,
                theme=theme,
                covered_areas=covered,
                inspectors=[county_inspector, county_admin],
                checklist="沿街立面整洁\n无占道经营\n无乱堆乱放\n垃圾分类到位"
                if theme == Theme.CITYSCAPE
                else "",
            )
            for town in covered:
                for _ in range(rng.randint(1, 4)):
                    village = rng.choice(demo.villages[town.code])
                    finding = record(county_inspector, town, village, day, inspection=inspection)
                    carry(finding, town, county_inspector, day)
        # 青山镇 and 白沙镇 run their own monthly round, and their grid workers report weekly
        for town_name, inspector in town_inspectors.items():
            town = demo.town(town_name)
            day = month_start + datetime.timedelta(days=rng.randint(5, 28))
            if day < today:
                inspection = services.record_inspection(
                    inspector,
                    area=town,
                    title=f"{day.month}月{town.name}市容环境检查",
                    date=day,
                    kind=InspectionKind.SCHEDULED,
                    theme=Theme.CITYSCAPE,
                    inspectors=[inspector],
                )
                for _ in range(rng.randint(2, 5)):
                    village = rng.choice(demo.villages[town.code])
                    carry(record(inspector, town, village, day, inspection=inspection), town, inspector, day)
            grid_worker = users[GRID_WORKERS[town_name][0]]
            for week in range(rng.randint(2, 4)):
                day = month_start + datetime.timedelta(days=week * 7 + rng.randint(0, 6))
                if day >= today:
                    continue
                village = grid_villages[town_name]
                finding = record(inspector, town, village, day, source=Source.GRID, reporter=grid_worker)
                assign_day = day + datetime.timedelta(days=1)
                if assign_day >= today:
                    continue
                services.assign(
                    finding,
                    inspector,
                    deadline=assign_day + datetime.timedelta(days=finding.category.default_days),
                    at=_at(assign_day, 9),
                )
                carry(finding, town, inspector, assign_day)


def _evidence_note(finding, round_number: int) -> str:
    unit = finding.category.quantity_unit
    if finding.quantity is not None and unit:
        done = f"已{finding.category.quantity_verb or '整改'}{finding.quantity.normalize():f}{unit}"
    else:
        done = "已整改完毕"
    return f"{done}，现场已清理。" if round_number == 0 else f"{done}，按复查意见再次清理。"
