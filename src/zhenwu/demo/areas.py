"""The demo county's tree, departments and accounts.

青溪县 of 清江市, 东川省 is fictional: province code 39 is not assigned in GB/T 2260, so no
code collides with a real place. Codes follow the 统计用区划代码 layout: 2 digits province,
2 city, 2 county, 3 town (001–099 街道, 100–199 镇, 200–299 乡), 3 village
(001–199 社区居委会, 200–399 村委会).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from zhenwu.areas.models import Area, Department, Level, Membership, Role

DEMO_PASSWORD = "zhenwu-demo"
PROVINCE_CODE, CITY_CODE, COUNTY_CODE = "390000000000", "390100000000", "390123000000"

# (code suffix, name, number of 社区, number of 村)
TOWNS = [
    ("001", "城关街道", 9, 0),
    ("002", "溪东街道", 7, 2),
    ("003", "凤山街道", 6, 3),
    ("101", "青山镇", 2, 13),
    ("102", "白沙镇", 1, 12),
    ("103", "石门镇", 1, 13),
    ("104", "桃源镇", 1, 12),
    ("105", "龙潭镇", 1, 14),
    ("106", "安平镇", 2, 11),
    ("107", "梅岭镇", 1, 12),
    ("201", "金鸡乡", 0, 10),
    ("202", "云岭乡", 0, 11),
]
TOWN_A, TOWN_B = "青山镇", "白沙镇"

COMMUNITY_NAMES = (
    "城东 城西 城南 城北 溪滨 文昌 学府 锦绣 翠苑 江滨 凤凰 新城 和园 春晖 振兴 朝阳 桂园 书院 "
    "紫薇 望江 府前 丰乐 荷花 明珠 银湖 金桥 滨湖 东门 西街 南苑 龙山 锦江 塔山 秀水"
).split()
VILLAGE_NAMES = (
    "东山 西岙 南塘 北坑 上洋 下坂 中岭 前溪 后垟 竹林 枫树 桂花 杨梅 茶园 梨岙 桃坑 李家 王家 陈家 "
    "周庄 吴村 郑坑 高桥 石桥 马坑 黄泥 白岩 大坪 小溪 新华 红星 光明 和平 团结 联合 永丰 长乐 大同 兴隆 "
    "仁和 福安 金竹 银坑 龙井 虎山 凤岭 鹤溪 松岙 柏树 樟树 柳塘 荷塘 梅坞 兰溪 菊岭 莲花 芦溪 石壁 石笋 "
    "岩下 岭头 坑口 溪口 塘头 洋头 田畈 山后 水碓 古城 新塘 上庄 下庄 官田 里湾 外湾 大路 小岭 横山 直街 "
    "双溪 三门 四都 五丰 六石 七里 八角 九龙 十里 百步 千丈 万家 安仁 崇仁 怀德 尚义 孝顺 忠信 礼贤 智门 "
    "乐山 富家 贵溪 荣华 昌平 盛塘 泰来 康宁 寿昌 禄口 余庆 云峰 霞岙 雾坑 雨亭 雪峰 风门 星光 月塘 日新 "
    "青龙 白虎 朱雀 玄潭 黄岗 绿洲 蓝田 紫阳 丹溪 翠岗 碧湖 金星 玉屏 珠山 宝林 琴溪 棋盘 书堂 画桥 诗岙"
).split()

COUNTY_DEPARTMENTS = [
    ("青溪县发展和改革局", "发改局"),
    ("青溪县经济和信息化局", "经信局"),
    ("青溪县财政局", "财政局"),
    ("青溪县自然资源和规划局", "资规局"),
    ("青溪县住房和城乡建设局", "住建局"),
    ("清江市生态环境局青溪分局", "环境分局"),
    ("青溪县农业农村局", "农业农村局"),
    ("青溪县商务局", "商务局"),
    ("青溪县统计局", "统计局"),
    ("青溪县综合行政执法局", "综合执法局"),
    ("青溪县美丽城镇建设工作领导小组办公室", "美丽城镇办"),
    ("中共青溪县委督查室", "县委督查室"),
    ("青溪县医疗保障局", "医保局"),
    ("中共青溪县委政法委员会", "政法委"),
]
TOWN_DEPARTMENTS = [
    ("党政综合办公室", "党政办"),
    ("经济发展办公室", "经发办"),
    ("财政所", "财政所"),
    ("村镇建设办公室", "村建办"),
    ("农业农村办公室", "农业办"),
    ("社会事务办公室", "社会事务办"),
    ("平安建设办公室", "平安办"),
    ("综合行政执法队", "执法队"),
]

# (username, full name, role, department short name) per area; every role at county and in two towns.
ACCOUNTS = {
    COUNTY_CODE: [
        ("qx_admin", "王建国", Role.ADMIN, "美丽城镇办"),
        ("qx_reviewer", "赵磊", Role.REVIEWER, "统计局"),
        ("qx_inspector", "刘敏", Role.INSPECTOR, "县委督查室"),
        ("qx_clerk", "孙悦", Role.CLERK, "美丽城镇办"),
        ("qx_leader", "陈志强", Role.LEADER, None),
    ],
    TOWN_A: [
        ("qs_clerk", "李娟", Role.CLERK, "党政办"),
        ("qs_reviewer", "周涛", Role.REVIEWER, "党政办"),
        ("qs_inspector", "郑凯", Role.INSPECTOR, "执法队"),
        ("qs_admin", "何静", Role.ADMIN, "党政办"),
        ("qs_leader", "吴海峰", Role.LEADER, None),
    ],
    TOWN_B: [
        ("bs_clerk", "张伟", Role.CLERK, "党政办"),
        ("bs_reviewer", "林芳", Role.REVIEWER, "党政办"),
        ("bs_inspector", "黄斌", Role.INSPECTOR, "执法队"),
        ("bs_admin", "许丽", Role.ADMIN, "党政办"),
        ("bs_leader", "冯光明", Role.LEADER, None),
    ],
}


@dataclass
class DemoAccount:
    username: str
    full_name: str
    area_name: str
    role_label: str


@dataclass
class DemoCounty:
    """What the demo steps have built so far; later steps read the areas from here."""

    county: Area | None = None
    towns: list[Area] = field(default_factory=list)
    villages: dict[str, list[Area]] = field(default_factory=dict)  # town code → villages
    accounts: list[DemoAccount] = field(default_factory=list)
    today: datetime.date = field(default_factory=timezone.localdate)  # the demo's figures run up to here

    def town(self, name: str) -> Area:
        return next(town for town in self.towns if town.name == name)


def build(demo: DemoCounty, rng: random.Random) -> None:
    """Create province → city → county → 12 towns → about 150 villages, departments and accounts."""
    Area.objects.load_bulk(
        [
            _node(
                PROVINCE_CODE,
                "东川省",
                Level.PROVINCE,
                [
                    _node(
                        CITY_CODE,
                        "清江市",
                        Level.CITY,
                        [
                            _node(COUNTY_CODE, "青溪县", Level.COUNTY, _town_nodes(rng)),
                        ],
                    ),
                ],
            )
        ]
    )
    demo.county = Area.objects.get(code=COUNTY_CODE)
    demo.towns = list(Area.objects.filter(path__startswith=demo.county.path, depth=demo.county.depth + 1))
    for town in demo.towns:
        demo.villages[town.code] = list(Area.objects.get_children(town))
    Department.objects.bulk_create(
        [
            Department(area=town, name=full, short_name=short)
            for town in demo.towns
            for full, short in TOWN_DEPARTMENTS
        ]
        + [Department(area=demo.county, name=full, short_name=short) for full, short in COUNTY_DEPARTMENTS]
    )
    _create_accounts(demo)


def _node(code: str, name: str, level: str, children: list | None = None) -> dict:
    return {"data": {"code": code, "name": name, "level": level}, "children": children or []}


def _town_nodes(rng: random.Random) -> list[dict]:
    community_names = iter(COMMUNITY_NAMES)
    village_names = iter(rng.sample(VILLAGE_NAMES, len(VILLAGE_NAMES)))
    towns = []
    for suffix, name, communities, villages in TOWNS:
        town_code = COUNTY_CODE[:6] + suffix
        members = [(f"{next(community_names)}社区", number) for number in range(1, communities + 1)]
        members += [(f"{next(village_names)}村", 200 + number) for number in range(1, villages + 1)]
        children = [_node(f"{town_code}{number:03d}", village, Level.VILLAGE) for village, number in members]
        towns.append(_node(f"{town_code}000", name, Level.TOWN, children))
    return towns


def _create_accounts(demo: DemoCounty) -> None:
    user_model = get_user_model()
    password_hash = make_password(DEMO_PASSWORD)  # hashing once keeps the demo load fast
    for key, accounts in ACCOUNTS.items():
        area = demo.county if key == COUNTY_CODE else demo.town(key)
        departments = {d.short_name: d for d in area.departments.all()}
        for username, full_name, role, department in accounts:
            user = user_model.objects.create(
                username=username, first_name=full_name, is_staff=role == Role.ADMIN, password=password_hash
            )
            Membership.objects.create(user=user, area=area, role=role, department=departments.get(department))
            demo.accounts.append(DemoAccount(username, full_name, area.name, role.label))
