"""The demo county's ledger: about 30 indicators, targets with owners, two years of monthly figures.

Magnitudes are those of a mid-sized county of 12 towns (the county totals in ``INDICATORS``,
shared out by each town's size). The years follow the day the demo is loaded, so its pages show
the current year: last year is complete and approved; this year runs to last month, where a few
towns are late (填报中), one has not reported at all, and a few lag 时序进度.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from zhenwu.areas.models import Area, Department
from zhenwu.ledger import services
from zhenwu.ledger.models import (
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    CheckKind,
    CheckSeverity,
    Direction,
    Frequency,
    HistoryAction,
    Indicator,
    Kind,
    ReportedValue,
    ScheduleBasis,
    Target,
    TargetPart,
    TargetVersion,
    Theme,
    ValidationRule,
    ValueHistory,
    ValueStatus,
)


@dataclass(frozen=True)
class Calendar:
    """Which years the demo ledger covers: last year in full and this year to ``last_month``."""

    previous: int
    current: int
    last_month: int

    @property
    def years(self) -> tuple[int, int]:
        return self.previous, self.current

    @classmethod
    def on(cls, today: date) -> Calendar:
        """The months reported by ``today``: up to last month (all of last year in January).

        >>> Calendar.on(date(2026, 11, 22)), Calendar.on(date(2026, 1, 10))
        (Calendar(previous=2025, current=2026, last_month=10), Calendar(previous=2024, current=2025, last_month=12))
        """
        if today.month == 1:
            return cls(today.year - 2, today.year - 1, 12)
        return cls(today.year - 1, today.year, today.month - 1)


C, F, L = Kind.CUMULATIVE, Kind.FLOW, Kind.LEVEL
HI, LO = Direction.HIGHER, Direction.LOWER
SUM, RATIO, NONE = Aggregation.SUM, Aggregation.RATIO, Aggregation.NONE

# code, name, unit, decimals, kind, direction, aggregation, theme, county total a year (or a town's
# typical level), aliases, responsible town department
INDICATORS = [
    ("GDTZ", "固定资产投资", "亿元", 2, C, HI, SUM, Theme.ECONOMY, 96, "固投、全社会固定资产投资", "经发办"),
    ("GYTZ", "工业投资", "亿元", 2, C, HI, SUM, Theme.ECONOMY, 41, "工业性投资", "经发办"),
    (
        "GSCZ",
        "规上工业总产值",
        "亿元",
        2,
        C,
        HI,
        SUM,
        Theme.ECONOMY,
        425,
        "规模以上工业总产值、规上工业产值",
        "经发办",
    ),
    ("GSZJ", "规上工业增加值", "亿元", 2, C, HI, SUM, Theme.ECONOMY, 96, "规模以上工业增加值", "经发办"),
    (
        "YBYS",
        "一般公共预算收入",
        "万元",
        1,
        C,
        HI,
        SUM,
        Theme.ECONOMY,
        186000,
        "财政收入、地方财政收入",
        "财政所",
    ),
    ("SSSR", "税收收入", "万元", 1, C, HI, SUM, Theme.ECONOMY, 152000, "税收", "财政所"),
    (
        "SXLS",
        "社会消费品零售总额",
        "亿元",
        2,
        C,
        HI,
        SUM,
        Theme.ECONOMY,
        162,
        "社零额、社会消费品零售额",
        "经发办",
    ),
    ("WZLY", "实际利用外资", "万美元", 1, C, HI, SUM, Theme.ECONOMY, 12400, "外资、实际使用外资", "经发办"),
    (
        "ZSYZ",
        "招商引资到位资金",
        "亿元",
        2,
        C,
        HI,
        SUM,
        Theme.ECONOMY,
        62,
        "到位资金、招商引资实际到位资金",
        "经发办",
    ),
    ("WMCK", "外贸出口总额", "亿元", 2, C, HI, SUM, Theme.ECONOMY, 86, "出口额、自营出口", "经发办"),
    ("XZGS", "新增规上工业企业", "家", 0, C, HI, SUM, Theme.ECONOMY, 38, "新增规上企业", "经发办"),
    ("ZDXM", "重点项目完成投资", "亿元", 2, C, HI, SUM, Theme.PROJECTS, 57, "重点项目投资", "经发办"),
    ("XKXM", "新开工亿元以上项目", "个", 0, C, HI, SUM, Theme.PROJECTS, 48, "新开工项目", "经发办"),
    ("CZRK", "城镇常住人口", "万人", 2, L, HI, SUM, Theme.TOWN, 27.6, "", "村建办"),
    ("CZRKZ", "常住人口", "万人", 2, L, HI, SUM, Theme.TOWN, 48.2, "", "村建办"),
    ("CZHL", "常住人口城镇化率", "%", 1, L, HI, RATIO, Theme.TOWN, 57.3, "城镇化率", "村建办"),
    ("LHFG", "建成区绿化覆盖率", "%", 1, L, HI, NONE, Theme.TOWN, 39.5, "绿化覆盖率", "村建办"),
    ("CCWJ", "拆除违法建筑面积", "平方米", 0, C, HI, SUM, Theme.TOWN, 186000, "拆除违建、拆违面积", "执法队"),
    ("LJXQ", "老旧小区改造", "户", 0, C, HI, SUM, Theme.TOWN, 2480, "老旧小区改造户数", "村建办"),
    ("NCGL", "农村公路提升改造", "公里", 1, C, HI, SUM, Theme.TOWN, 126, "农村公路建设", "村建办"),
    (
        "PM25",
        "PM2.5平均浓度",
        "微克/立方米",
        1,
        L,
        LO,
        NONE,
        Theme.ECOLOGY,
        29.5,
        "PM2.5浓度、细颗粒物浓度",
        "农业办",
    ),
    ("DBSZ", "地表水考核断面达标率", "%", 1, L, HI, NONE, Theme.ECOLOGY, 93, "水质达标率", "农业办"),
    ("LJFL", "生活垃圾分类覆盖率", "%", 1, L, HI, NONE, Theme.ECOLOGY, 88, "垃圾分类覆盖率", "村建办"),
    ("ZLMJ", "新增造林面积", "亩", 0, C, HI, SUM, Theme.ECOLOGY, 9200, "造林绿化面积、植树造林", "农业办"),
    ("XZJY", "城镇新增就业人数", "人", 0, C, HI, SUM, Theme.LIVELIHOOD, 6600, "新增就业", "社会事务办"),
    (
        "NMSR",
        "农村居民人均可支配收入",
        "元",
        0,
        C,
        HI,
        NONE,
        Theme.LIVELIHOOD,
        32600,
        "农民人均收入",
        "农业办",
    ),
    ("YBCB", "城乡居民医保参保率", "%", 1, L, HI, NONE, Theme.LIVELIHOOD, 97.2, "医保参保率", "社会事务办"),
    ("XFJA", "信访积案化解", "件", 0, C, HI, SUM, Theme.GOVERNANCE, 360, "积案化解", "平安办"),
    ("AQSG", "安全生产事故起数", "起", 0, F, LO, SUM, Theme.GOVERNANCE, 26, "生产安全事故", "平安办"),
    ("XSAJ", "刑事案件发案数", "起", 0, F, LO, SUM, Theme.GOVERNANCE, 640, "刑事发案", "平安办"),
    ("MDJF", "矛盾纠纷调处成功率", "%", 1, L, HI, NONE, Theme.GOVERNANCE, 97.5, "调处成功率", "平安办"),
]
QUARTERLY = {"NMSR"}
PERCENT_CAP = {"LHFG": 48, "DBSZ": 100, "LJFL": 100, "YBCB": 99.8, "MDJF": 99.9}

# Each town's share of the county's economy, and how this year is going for it (1 = on plan).
TOWN_SIZE = {
    "城关街道": 1.9, "溪东街道": 1.4, "凤山街道": 1.2, "青山镇": 1.15, "白沙镇": 1.0, "石门镇": 0.95,
    "桃源镇": 0.8, "龙潭镇": 0.85, "安平镇": 0.75, "梅岭镇": 0.6, "金鸡乡": 0.35, "云岭乡": 0.3,
}  # fmt: skip
PERFORMANCE = {"龙潭镇": 0.74, "云岭乡": 0.78, "桃源镇": 0.88, "城关街道": 1.06, "青山镇": 1.02}
LATE = {"白沙镇": ValueStatus.DRAFT, "石门镇": ValueStatus.DRAFT, "云岭乡": ValueStatus.DRAFT}
NOT_REPORTED = {"金鸡乡"}
SUBMITTED = {"青山镇"}  # awaiting its 审核员 in the demo
NEVER_REPORTS = {("梅岭镇", "WZLY")}  # a town without foreign investment leaves the row empty

STANDARD = [("CZHL", 55), ("LHFG", 38), ("YBYS", 15000), ("GSCZ", 30), ("PM25", 35), ("LJFL", 85)]
ASSESSED = ["GDTZ", "GYTZ", "GSCZ", "YBYS", "SXLS", "ZSYZ", "ZDXM", "CCWJ", "XZJY", "AQSG"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "建华 伟 芳 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 海燕 志强 晓东 红梅 国庆 春燕 立新 永健".split()


def build(demo, rng: random.Random) -> None:
    """Indicators, catalogues, targets with owners and parts, and two years of monthly figures."""
    calendar = Calendar.on(demo.today)
    indicators = _indicators()
    _catalogues(demo.county, indicators, calendar)
    _rules(demo.county, calendar)
    actual = _annual_actuals(demo.towns, rng, calendar)
    _targets(demo, indicators, actual, rng, calendar)
    _values(demo, indicators, actual, rng, calendar)


def _indicators() -> dict[str, Indicator]:
    rows = [
        Indicator(
            code=code,
            name=name,
            unit=unit,
            decimals=decimals,
            kind=kind,
            direction=direction,
            aggregation=aggregation,
            theme=theme,
            aliases=aliases,
            frequency=Frequency.QUARTERLY if code in QUARTERLY else Frequency.MONTHLY,
            maximum=Decimal(100) if unit == "%" else None,  # rates and shares: none passes 100%
            sort_order=order,
        )
        for order, (
            code,
            name,
            unit,
            decimals,
            kind,
            direction,
            aggregation,
            theme,
            _,
            aliases,
            _,
        ) in enumerate(INDICATORS, start=1)
    ]
    existing = set(Indicator.objects.values_list("code", flat=True))  # shared definitions: load once
    Indicator.objects.bulk_create([row for row in rows if row.code not in existing])
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    ratio = indicators["CZHL"]
    ratio.numerator, ratio.denominator = indicators["CZRK"], indicators["CZRKZ"]
    ratio.save(update_fields=["numerator", "denominator"])
    return indicators


def _catalogues(county: Area, indicators: dict[str, Indicator], calendar: Calendar) -> None:
    assessment = Catalogue.objects.create(
        name=f"青溪县{calendar.current}年度乡镇(街道)目标责任制考核指标",
        kind=CatalogueKind.ASSESSMENT,
        issued_by=county,
        year=calendar.current,
    )
    standard = Catalogue.objects.create(name="中心镇创建标准", kind=CatalogueKind.STANDARD, issued_by=county)
    CatalogueEntry.objects.bulk_create(
        [
            CatalogueEntry(catalogue=assessment, indicator=indicators[code], weight=Decimal(10))
            for code in ASSESSED
        ]
        + [
            CatalogueEntry(catalogue=standard, indicator=indicators[code], threshold=Decimal(threshold))
            for code, threshold in STANDARD
        ]
    )


def _rules(county: Area, calendar: Calendar) -> None:
    """The county's 台账规则 as its 通知 states them: due by the 5th, ±5 and −10 百分点; January's
    figures due on 12 February, after the Spring Festival holiday."""
    admin = get_user_model().objects.get(username="qx_admin")
    services.set_rules(
        admin,
        county,
        due_day=5,
        schedule_basis=ScheduleBasis.MONTHS,
        ahead_from=Decimal(5),
        lagging_below=Decimal(0),
        severe_below=Decimal(-10),
    )
    services.set_deadline(admin, county, calendar.current, 1, date(calendar.current, 2, 12), "春节顺延")
    _validation_rules(county)


def _validation_rules(county: Area) -> None:
    """The county's 校验规则: 增加值 within 产值, 工业投资 within 固定资产投资, 税收 not swinging past ±50%."""
    code = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(code__in=["GSZJ", "GSCZ", "GYTZ", "GDTZ", "SSSR"])
    }
    ValidationRule.objects.bulk_create(
        [
            ValidationRule(
                area=county,
                left=code["GSZJ"],
                kind=CheckKind.NOT_ABOVE,
                right=code["GSCZ"],
                severity=CheckSeverity.ERROR,
            ),
            ValidationRule(
                area=county,
                left=code["GYTZ"],
                kind=CheckKind.PART_OF,
                right=code["GDTZ"],
                severity=CheckSeverity.ERROR,
            ),
            ValidationRule(
                area=county,
                left=code["SSSR"],
                kind=CheckKind.YOY_WITHIN,
                limit=Decimal(50),
                severity=CheckSeverity.WARNING,
            ),
        ]
    )


def _annual_actuals(
    towns: list[Area], rng: random.Random, calendar: Calendar
) -> dict[tuple[str, str, int], float]:
    """(town, indicator, year) → the full-year figure (or the level reached)."""
    total_size = sum(TOWN_SIZE.values())
    actual = {}
    for town in towns:
        size = TOWN_SIZE[town.name]
        for code, _, _, _, kind, direction, aggregation, _, base, _, _ in INDICATORS:
            if kind == L or aggregation == NONE:
                spread = {"NMSR": 0.12, "PM25": 0.12}.get(code, 0.04)
                last_year = base * (1 + rng.uniform(-spread, spread)) * (size**0.1 if code == "NMSR" else 1)
                if code == "CZRK":
                    last_year = 48.2 * size / total_size * min(0.95, 0.35 + 0.22 * size)
                elif code == "CZRKZ":
                    last_year = 48.2 * size / total_size
                step = -0.03 if direction == LO else 0.015
                this_year = last_year * (
                    1 + step * (PERFORMANCE.get(town.name, 1.0) if direction == HI else 1)
                )
            else:
                last_year = base * size / total_size * rng.uniform(0.9, 1.1)
                growth = 1.0 if direction == LO else 1.08
                this_year = last_year * growth * PERFORMANCE.get(town.name, 1.0) * rng.uniform(0.95, 1.05)
            if code in PERCENT_CAP:
                last_year, this_year = (
                    min(last_year, PERCENT_CAP[code]),
                    min(this_year, PERCENT_CAP[code]),
                )
            actual[town.name, code, calendar.previous] = last_year
            actual[town.name, code, calendar.current] = this_year
    for town in towns:  # the ratio follows from its parts
        for year in calendar.years:
            actual[town.name, "CZHL", year] = (
                actual[town.name, "CZRK", year] * 100 / actual[town.name, "CZRKZ", year]
            )
    return actual


def _q(value: float, places: int) -> Decimal:
    return Decimal(repr(round(value, places)))


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _targets(demo, indicators, actual, rng: random.Random, calendar: Calendar) -> None:
    departments = {(d.area_id, d.short_name): d for d in Department.objects.filter(area__in=demo.towns)}
    spec = {row[0]: row for row in INDICATORS}
    targets = []
    for town in demo.towns:
        for year in calendar.years:
            for code, indicator in indicators.items():
                targets.append(
                    Target(
                        indicator=indicator,
                        area=town,
                        year=year,
                        department=departments.get((town.pk, spec[code][10])),
                        responsible_person=_person(rng),
                    )
                )
    Target.objects.bulk_create(targets)
    versions, parts = [], []
    for target in Target.objects.filter(area__in=demo.towns).select_related("indicator", "area"):
        code, name, year = target.indicator.code, target.area.name, target.year
        kind, direction = target.indicator.kind, target.indicator.direction
        current = year == calendar.current
        planned = actual[name, code, year - 1] if current else actual[name, code, calendar.previous] / 1.06
        if kind == L or target.indicator.aggregation == NONE:
            factor = 0.99 if direction == LO else 1.004
        else:
            factor = 1.0 if direction == LO else 1.08
        amount = _q(min(planned * factor, PERCENT_CAP.get(code, 10**12)), target.indicator.decimals)
        versions.append(TargetVersion(target=target, number=1, value=amount, effective_month=1))
        if current and name == "青山镇" and code == "GDTZ":
            versions.append(
                TargetVersion(
                    target=target,
                    number=2,
                    value=_q(float(amount) * 0.92, 2),
                    effective_month=7,
                    reason="青山新材料产业园二期延期至明年开工，经县政府同意调减",
                )
            )
        if current and code in ("GDTZ", "ZSYZ", "CCWJ"):
            parts += _parts(target, amount, departments, rng, short=(name == "石门镇" and code == "GDTZ"))
        if current and code == "XZJY" and name == "青山镇":
            villages = demo.villages[target.area.code]
            share = amount / len(villages)
            parts += [
                TargetPart(
                    target=target,
                    village=village,
                    value=share.quantize(Decimal(1)),
                    responsible_person=_person(rng),
                )
                for village in villages
            ]
    versions += _county_targets(demo, indicators, versions)
    TargetVersion.objects.bulk_create(versions)
    TargetPart.objects.bulk_create(parts)


# The county's own figures for what does not add up over towns, and the bureau answering for each.
COUNTY_OWNERS = {
    "LHFG": "住建局",
    "PM25": "环境分局",
    "DBSZ": "环境分局",
    "LJFL": "综合执法局",
    "NMSR": "农业农村局",
    "YBCB": "医保局",
    "MDJF": "政法委",
}


def _weighted(figures: dict[str, Decimal], places: int) -> Decimal:
    """The county's figure from its towns' (a rate or level): their average weighted by town size."""
    weight = sum(TOWN_SIZE[name] for name in figures)
    return _q(sum(float(value) * TOWN_SIZE[name] for name, value in figures.items()) / weight, places)


def _county_targets(demo, indicators, versions: list[TargetVersion]) -> list[TargetVersion]:
    """The county's own targets for the indicators it reports itself, owned by a county bureau."""
    rng = random.Random("青溪县")  # its own stream: the towns' figures stay as they were
    departments = {d.short_name: d for d in Department.objects.filter(area=demo.county)}
    towns: dict[tuple[str, int], dict[str, Decimal]] = {}
    for version in versions:
        if version.number == 1 and version.target.indicator.code in COUNTY_OWNERS:
            key = (version.target.indicator.code, version.target.year)
            towns.setdefault(key, {})[version.target.area.name] = version.value
    result = []
    for (code, year), amounts in sorted(towns.items()):
        target = Target.objects.create(
            indicator=indicators[code],
            area=demo.county,
            year=year,
            department=departments[COUNTY_OWNERS[code]],
            responsible_person=_person(rng),
        )
        amount = _weighted(amounts, indicators[code].decimals)
        result.append(TargetVersion(target=target, number=1, value=amount, effective_month=1))
    return result


def _county_values(demo, indicators, rows: list[ReportedValue]) -> list[ReportedValue]:
    """The county's own monthly figures for ``COUNTY_OWNERS``, from the towns that reported them."""
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["qx_clerk", "qx_reviewer"])}
    towns: dict[tuple[str, int, int], dict[str, Decimal]] = {}
    stamps: dict[tuple[str, int, int], datetime] = {}
    for row in rows:
        if row.indicator.code in COUNTY_OWNERS:
            key = (row.indicator.code, row.year, row.month)
            towns.setdefault(key, {})[row.area.name] = row.value
            stamps[key] = max(stamps.get(key, row.updated_at), row.updated_at)
    return [
        ReportedValue(
            indicator=indicators[code],
            area=demo.county,
            year=year,
            month=month,
            value=_weighted(figures, indicators[code].decimals),
            status=ValueStatus.APPROVED,
            updated_by=users.get("qx_clerk"),
            updated_at=stamps[code, year, month],
            submitted_at=stamps[code, year, month],
            approved_by=users.get("qx_reviewer"),
            approved_at=stamps[code, year, month],
        )
        for (code, year, month), figures in sorted(towns.items())
    ]


def _parts(target, amount: Decimal, departments, rng, short: bool) -> list[TargetPart]:
    """Split a town's target among its departments; 石门镇 leaves part of its investment unassigned."""
    owners = ["经发办", "村建办", "农业办"]
    shares = [Decimal("0.6"), Decimal("0.25"), Decimal("0.15")]
    if short:
        shares = [Decimal("0.5"), Decimal("0.2"), Decimal("0.1")]
    places = Decimal(10) ** -target.indicator.decimals
    values = [(amount * share).quantize(places) for share in shares]
    if not short:
        values[0] += amount - sum(values)
    return [
        TargetPart(
            target=target,
            department=departments[target.area_id, owner],
            value=value,
            responsible_person=_person(rng),
        )
        for owner, value in zip(owners, values, strict=True)
    ]


def _curve(month: int, rng: random.Random) -> float:
    """The share of the year's total done by the end of a month: slow in spring, fast at year end."""
    return min(1.0, (month / 12) ** 1.04 * rng.uniform(0.97, 1.05)) if month < 12 else 1.0


def _values(demo, indicators, actual, rng: random.Random, calendar: Calendar) -> None:
    users = {
        user.username: user
        for user in get_user_model().objects.filter(
            username__in=["qs_clerk", "bs_clerk", "qs_reviewer", "bs_reviewer"]
        )
    }
    clerks = {"青山镇": users.get("qs_clerk"), "白沙镇": users.get("bs_clerk")}
    reviewers = {"青山镇": users.get("qs_reviewer"), "白沙镇": users.get("bs_reviewer")}
    rows, now = [], timezone.now()
    for town in demo.towns:
        for year in calendar.years:
            last = 12 if year == calendar.previous else calendar.last_month
            monthly_flow_total = 0
            for month in range(1, last + 1):
                latest = year == calendar.current and month == calendar.last_month
                if latest and town.name in NOT_REPORTED:
                    continue
                status = ValueStatus.APPROVED
                if latest:
                    status = LATE.get(
                        town.name, ValueStatus.SUBMITTED if town.name in SUBMITTED else ValueStatus.APPROVED
                    )
                entered = min(  # in the first days of the next month, and never after the demo's today
                    timezone.make_aware(
                        datetime(
                            year + (month == 12),
                            month % 12 + 1,
                            rng.randint(1, 4),
                            rng.randint(8, 17),
                            rng.randint(0, 59),
                        )
                    ),
                    now,
                )
                done = _curve(month, rng)
                for code, indicator in indicators.items():
                    if (town.name, code) in NEVER_REPORTS or not indicator.reported_in(month):
                        continue
                    if latest and status == ValueStatus.DRAFT and rng.random() < 0.3:
                        continue  # still typing
                    full = actual[town.name, code, year]
                    if indicator.kind == L:
                        start = (
                            actual[town.name, code, calendar.previous]
                            if year == calendar.current
                            else full / 1.01
                        )
                        value = start + (full - start) * month / 12 + full * rng.uniform(-0.005, 0.005)
                        if code == "CZHL":
                            continue
                    elif indicator.kind == F:
                        value = max(0, round(full / 12 + rng.uniform(-1.2, 1.2) * (full / 12) ** 0.5))
                        monthly_flow_total += value
                    else:
                        value = full * done
                    if code in PERCENT_CAP:
                        value = min(value, PERCENT_CAP[code])
                    rows.append(
                        ReportedValue(
                            indicator=indicator,
                            area=town,
                            year=year,
                            month=month,
                            value=_q(value, indicator.decimals),
                            status=status,
                            updated_by=clerks.get(town.name),
                            updated_at=entered,
                            submitted_at=entered if status != ValueStatus.DRAFT else None,
                            approved_by=reviewers.get(town.name) if status == ValueStatus.APPROVED else None,
                            approved_at=entered if status == ValueStatus.APPROVED else None,
                        )
                    )
    _ratios(rows, indicators)
    rows += _county_values(demo, indicators, rows)
    ReportedValue.objects.bulk_create(rows, batch_size=2000)
    created = ReportedValue.objects.filter(area__in=[*demo.towns, demo.county])
    ValueHistory.objects.bulk_create(
        [
            ValueHistory(
                reported_id=pk,
                indicator_id=indicator_id,
                area_id=area_id,
                year=year,
                month=month,
                action=HistoryAction.IMPORT,
                new_value=value,
                new_status=status,
                reason="演示数据",
                user=None,
                at=at,
            )
            for pk, indicator_id, area_id, year, month, value, status, at in created.values_list(
                "pk", "indicator_id", "area_id", "year", "month", "value", "status", "updated_at"
            )
        ],
        batch_size=2000,
    )


def _ratios(rows: list[ReportedValue], indicators) -> None:
    """城镇化率 as entered by each town: its own 城镇人口 over 常住人口."""
    parts = {}
    for row in rows:
        if row.indicator.code in ("CZRK", "CZRKZ"):
            parts[row.area_id, row.year, row.month, row.indicator.code] = row
    for (area_id, year, month, code), row in list(parts.items()):
        if code != "CZRK":
            continue
        whole = parts.get((area_id, year, month, "CZRKZ"))
        if whole is None:
            continue
        rows.append(
            ReportedValue(
                indicator=indicators["CZHL"],
                area=row.area,
                year=year,
                month=month,
                value=(row.value * 100 / whole.value).quantize(Decimal("0.1")),
                status=row.status,
                updated_by=row.updated_by,
                updated_at=row.updated_at,
                submitted_at=row.submitted_at,
                approved_by=row.approved_by,
                approved_at=row.approved_at,
            )
        )
