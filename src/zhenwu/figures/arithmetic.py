"""Arithmetic that must hold inside one text: parts against a whole, shares, target
completion and growth between two stated values.

Every comparison is made with intervals: a figure written as 6.02亿元 stands for anything
in [6.015, 6.025)亿元, and a percentage written with one decimal carries ±0.05. A finding
is raised only when no values consistent with what is written make the statement true.

Every search for a related figure looks a bounded number of figures away, and every "is
there a full stop between" is a binary search (``Marks``): the checker stays linear in the
length of a paragraph, however long and however unpunctuated.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from itertools import pairwise

from zhenwu.figures._marks import SENTENCE_BREAKS, Marks
from zhenwu.figures._tables import CELL_NUMBER, Cell, is_heading, table_rows
from zhenwu.figures.formatting import format_number
from zhenwu.figures.model import Figure, Finding

_LEVEL = ("amount", "count", "measure")
# How far a relation may reach, in figures: far beyond any sentence a person writes, and the
# bound that keeps the work per figure constant.
_ANCHOR_REACH = 12  # a rate back to the amount it qualifies
_WHOLE_REACH = 60  # a share back to the whole it names, 其中 back to its whole
_BRACKET_REACH = 200  # characters back from a rate to a bracket its anchor may stand in
_PARTS_REACH = 24  # 其中 forward to its parts
_NEARLY_ALL = Decimal("0.97")  # a breakdown summing to 97–100% of its whole claims to be complete
_SUBSET_PARTS = 12  # parts searched for a subset that adds up
_SUBSET_BUDGET = 200_000  # subset sums visited in one text, about a tenth of a second
# 其次分别为: siblings. The look back stands after 分别, so that the engine skips to 其 or 分 in C.
_MARKERS = re.compile(r"其中|分别(?:(?<!其次分别)(?<!依次分别)(?:为|是)|达到?)")
# 总人口15244人,其中农业人口14321人,现有劳动力6811人: a clause that starts a new statement ends the parts.
_NEW_STATEMENT = re.compile(
    r"[，,](?:现有|共有|有(?![效关力序所些的利劳])|全[乡镇村县区街]|累计|合计|共计|总计|此外|另外|另有|同时|目前|截至"
    r"|[\u4e00-\u9fff]{0,4}涉及)"
)  # 21户房屋受损，其中2户倒塌，…，灾情涉及…1500户: what the disaster reached, no part  # 工业企业22个，其中规模以上3个，有…超市39个: 有 opens the next item
_NESTED_LIST = re.compile(  # 119人(男孩62人: the look back after the bracket, so that it opens with one
    r"[（(](?:其中|含|(?<=[人户个名][（(])(?=[\u4e00-\u9fff]{1,6}[0-9]))"
)
# Wholes that name their sectors in one word, and how each sector's figure is named (统计用语).
_SECTORS = {
    "农林牧渔": ("农业", "种植业", "林业", "牧业", "畜牧业", "渔业", "农林牧渔服务业", "农林牧渔专业及辅助"),
    "工农业": ("工业", "农业"),
    # 农业总产值 in the broad sense (大农业) when its parts are the four trades
    "农业总产值": ("种植业", "林业", "牧业", "畜牧业", "渔业", "农林牧渔服务业"),
    "农业产值": ("种植业", "林业", "牧业", "畜牧业", "渔业", "农林牧渔服务业"),
    "生产总值": ("第一产业", "第二产业", "第三产业", "一产", "二产", "三产"),
}
# 年均增长10.5%, 年平均增长率为0.53%: a yearly average, not the change between the two values.
_AVERAGE = re.compile(r"年均|年平均|平均每年")
_REAL_GROWTH = re.compile(r"实际增长|可比价|扣除价格因素")
_YEAR = re.compile(r"[0-9０-９xX×*]{2,4}年")
_FROM = re.compile(r"[由从][^，,。；;]{0,8}$")
# 从1999年的3428万元到2003年的1.03亿元: a bare 到, with the later year
_BARE_TO = re.compile(r"[，,]?\s*(?:到|至)(?:(?:19|20)[0-9]{2}年?(?:底|末)?)?的?\s*")
_TO = re.compile(r"(?:增长|增加|提高|上升|提升|扩大|下降|减少|降低|缩小)(?:到|至|为)|增至|降至")
_LAST_YEAR_BEFORE = re.compile(r"(?:较|比之?|同比)(?:上年|去年|上一年|[0-9]{4}年)(?:同期)?的?$")
# 可达23.92亿元（2020年22.15亿元），比上年增长8%: the base in brackets after the value.
_BASE_IN_BRACKETS = re.compile(r"[（(](?:[0-9]{4}年|上年|去年)(?:同期)?(?:为|是)?$")
# 同比增长X%（上年同期A）; 同比增长X%，上年同期为A
_LAST_YEAR_BRACKET = re.compile(r"(?:[（(]|[，,](?:而)?)(?:上年同期|去年同期|上年|去年)(?:为|是|完成|实现)?")
_CHANGE_BEFORE = re.compile(r"(?:增长|增加|提高|扩大|翻)(?:了|到|至|为)?(?:近|约)?$")
_MULTIPLE_OF = re.compile(r"(?:到|至|为)$")
_TOTAL_WORDS = re.compile(r"共|合计|总计|共计|累计")
_WHOLE_PREFIX = re.compile(r"^(?:全镇|全县|全市|全区|全乡|全村|全年|本镇|全)")
_WHOLE_SUFFIX = re.compile(r"(?:总量|总额|总数|总和)$")
_TARGET = ("目标", "计划", "任务")
_HUNDRED = Decimal(100)


def _without_restatements(text: str, figures: list[Figure]) -> list[Figure]:
    """141178万人(14.1178亿人): a figure written again in brackets in another unit is the same figure."""
    kept: list[Figure] = []
    for figure in figures:
        earlier = kept[-1] if kept else None
        if (
            earlier is not None
            and figure.value is not None
            and earlier.value is not None
            and text[earlier.end : figure.start] in ("(", "（")
            and abs(figure.value - earlier.value) <= max(figure.tolerance, earlier.tolerance)
        ):
            continue
        kept.append(figure)
    return kept


def check_arithmetic(text: str, figures: list[Figure]) -> list[Finding]:
    """Findings for every stated relation between figures that the figures contradict."""
    figures = _without_restatements(text, figures)
    breaks, subsets, lists = Marks(text, SENTENCE_BREAKS), _Subsets(), _Lists(text)
    findings: list[Finding] = []
    earlier: list[Figure] = []  # the figures of the paragraphs before, for a whole named exactly
    for paragraph in _paragraphs(text, figures):
        findings += _shares(text, breaks, paragraph, lists, earlier)
        earlier += paragraph
        findings += _growth(text, breaks, paragraph)
        findings += _records(text, breaks, paragraph, subsets)
    findings += _parts(text, breaks, figures, subsets, lists)
    findings += _unmarked_breakdowns(figures, subsets, lists, {f.start for f in findings})
    levels = [f for f in figures if f.value is not None]
    findings += _stated_sums(text, breaks, lists.stops, levels, {f.start for f in findings})
    findings += _partitions(breaks, levels, lists, {f.start for f in findings})
    findings += _age_bands(text, levels, lists, {f.start for f in findings})
    findings += _household_populations(text, levels, lists, {f.start for f in findings})
    findings += _impossible_rates(text, figures)
    findings += _structure_sums(text, figures)
    findings += _households_and_people(figures)
    findings += _sex_ratios(text, breaks, figures)
    findings += _densities(text, figures)
    findings += _land_per_head(figures)
    findings += _output_per_head(text, figures)
    findings += _urbanization(breaks, figures)
    findings += _yearly_averages(text, breaks, figures)
    findings += _gaps_between_rates(text, breaks, figures)
    findings += _listed_counts(text, figures)
    findings += _table_totals(text)
    # 同比超收235万元，同比增长213: a rate written without its % is reported as that; what it
    # was meant to be (21.3%? 213%?) is the writer's to say, not a sum to hold against it
    unsigned = {f.start for f in figures if f.implicit_unit and f.dimension == "percent"}
    unique: dict[tuple[int, int], Finding] = {}
    for finding in findings:  # one figure, one finding: the first check that saw it says why
        if finding.start not in unsigned:
            unique.setdefault((finding.start, finding.end), finding)
    return list(unique.values())


# 试点项目5个，分别是…、…、…、…。: a count and the names that make it up
_NAMES_FOLLOW = re.compile(r"[，,]?\s*(?:分别是|分别为|依次是|依次为|即)[：:]?")
_LIST_END = re.compile(r"[。；;\n]")
_NAME_BREAKS = re.compile(r"[，,：:（(0-9０-９“”\"]|等")


def _listed_counts(text: str, figures: list[Figure]) -> list[Finding]:
    """试点项目5个，分别是A、B、C、D: a count the names after it must make (和/及 may join the last two);
    辖宋堡、渣元、…、查庄25个行政村: or the names before it."""
    findings = []
    for figure in figures:
        if (found := _names_before_a_count(text, figure)) is not None:
            findings.append(found)
            continue
        if (
            figure.dimension != "count"
            or figure.approx
            or figure.value is None
            or not 2 <= figure.value <= 20
            or (names_at := _NAMES_FOLLOW.match(text, figure.end)) is None
        ):
            continue
        end = _LIST_END.search(text, names_at.end(), names_at.end() + 240)
        if end is None:
            continue
        names = text[names_at.end() : end.start()]
        items = names.split("、")
        if len(items) < 2 or _NAME_BREAKS.search(names) or any(not 2 <= len(item) <= 25 for item in items):
            continue
        if not _names_make(items, figure.value):
            message = f"列举的项数与总数不符：文中为{figure.span}，其后列出{len(items)}项"
            findings.append(
                Finding("listed-count-mismatch", "error", figure.start, figure.end, figure.span, message)
            )
    return findings


# 辖A、B、C3个村: places or bodies named before their count
_NAMES_BEFORE = re.compile(r"(?:辖|下辖|包括|有|共有|分布着|居住着)(?P<names>[\u4e00-\u9fff、和及]{3,400})$")
_COUNTED_PLACES = re.compile(
    r"(?:行政村|自然村|村民小组|村委会|居委会|社区|村|乡镇|乡|镇|街道|民族|部门|单位)"
)


_VILLAGES = re.compile(r"行政村|村民委员会|村委会|村(?!民小组)")
_RESIDENTS = re.compile(r"(?:居委会|居委|社区|居民委员会)$")


def _names_before_a_count(text: str, figure: Figure) -> Finding | None:
    if (
        figure.unit != "个"
        or figure.approx
        or figure.value is None
        or not 3 <= figure.value <= 60
        or not _COUNTED_PLACES.match(text, figure.end)
    ):
        return None
    names_at = _NAMES_BEFORE.search(text, max(0, figure.start - 400), figure.start)
    if names_at is None or "等" in names_at["names"]:
        return None
    items = names_at["names"].split("、")
    if len(items) < 3 or any(not 1 <= len(item) <= 8 for item in items):
        return None
    if _VILLAGES.match(text, figure.end):  # 辖株良居委会、毛家坪村…22个村民委员会: the villages only
        items = [item for item in items if not _RESIDENTS.search(item)]
    if _names_make(items, figure.value):
        return None
    message = f"列举的项数与总数不符：文中为{figure.span}，其前列出{len(items)}个名称"
    return Finding("listed-count-mismatch", "error", figure.start, figure.end, figure.span, message)


# | 合计 | 42 | 238 | … |: a table flattened into lines of cells, whose total row must add up its column
_TOTAL_LABEL = re.compile(r"^(?:合\s*计|总\s*计)$")
_NOT_ADDED = re.compile(r"均|率|%|％|比|指数|单价|价格|密度")


def _table_totals(text: str) -> list[Finding]:
    """A 合计 row against the rows above it, column by column — only in a table whose other columns add up
    (so that a column of rates, or a table with sub-rows, is never summed by mistake)."""
    findings: list[Finding] = []
    header: list[str] = []
    rows: list[list[Cell]] = []
    for cells in table_rows(text):
        if cells is None:
            header, rows = [], []  # the table ends at a line that is not a row
            continue
        if not cells:
            continue
        label = cells[0][0]
        if is_heading(cells):
            header, rows = [cell for cell, _ in cells], []  # a heading row starts a new table
        elif _TOTAL_LABEL.match(label):
            findings += _total_row(header, rows, cells)
            rows = []
        elif re.search("其中|小计|含", label):
            rows = []  # sub-rows: the table is not one list of parts
            header = []
        else:
            rows.append(cells)
    return findings


def _total_row(header: list[str], rows: list[list[Cell]], total: list[Cell]) -> list[Finding]:
    if len(rows) < 2 or len(header) != len(total) or any(len(row) != len(total) for row in rows):
        return []
    holding, failing = 0, []
    for column in range(1, len(total)):
        cells = [row[column][0] for row in rows]
        stated, at = total[column]
        if _NOT_ADDED.search(header[column]) or not all(
            CELL_NUMBER.fullmatch(cell) for cell in [*cells, stated]
        ):
            continue
        values = [Decimal(cell.replace(",", "")) for cell in cells]
        slack = sum(_half_unit(cell) for cell in [*cells, stated])
        added = sum(values, Decimal(0))
        if abs(added - Decimal(stated.replace(",", ""))) <= slack:
            holding += 1
        else:
            failing.append((header[column], added, stated, at))
    if holding < 2:
        return []  # no evidence that the rows are the whole of the total
    return [
        Finding("parts-sum-mismatch", "error", at, at + len(stated), stated,
                f"合计行与各行之和不符：“{name}”一列各行相加为{format_number(added, _places(Decimal(stated.replace(',', ''))))}，合计为{stated}")
        for name, added, stated, at in failing
    ]  # fmt: skip


def _half_unit(cell: str) -> Decimal:
    _, dot, fraction = cell.partition(".")
    return Decimal(5) / Decimal(10) ** (len(fraction) + 1) if dot else Decimal(0)


def _names_make(items: list[str], count: Decimal) -> bool:
    """东村、西村、南村和北村: 和/及/与 may join the last two names, so the count may be one more. Fewer
    than half the count named is a sample (辖税东、唐钢、河联、唐钱10个社区), not a list that lost some."""
    joined = re.search("和|及|与", items[-1]) is not None
    if (len(items) + joined) * 2 < count:
        return True
    return count in (len(items), len(items) + 1) if joined else count == len(items)


def _households_and_people(figures: list[Figure]) -> list[Finding]:
    """两因户182户159人: a household has at least one member."""
    findings = []
    for households, people in pairwise(figures):
        if (
            households.unit in ("户", "戶")
            and people.unit == "人"
            and people.start == households.end
            and households.value is not None
            and people.value is not None
            and not (households.approx or people.approx)
            and people.value + people.tolerance < households.value - households.tolerance
        ):
            message = f"{households.span}{people.span}：人数少于户数，每户至少一人，请核对"
            findings.append(
                Finding(
                    "people-fewer-than-households", "error", people.start, people.end, people.span, message
                )
            )
    return findings


_SEX_RATIO = re.compile(r"性别比(?:为|是|达到?|[:：])?$")
_MALE = re.compile(r"男")
_FEMALE = re.compile(r"女")


def _sex_ratios(text: str, breaks: Marks, figures: list[Figure]) -> list[Finding]:
    """出生男婴164人，女婴131人，出生人口性别比125.20: boys per hundred girls, from the two counts stated
    in the sentence before it."""
    findings = []
    for index, ratio in enumerate(figures):
        if (
            ratio.unit
            or ratio.value is None
            or not _SEX_RATIO.search(text, max(0, ratio.start - 8), ratio.start)
        ):
            continue
        boys = girls = None
        for earlier in reversed(figures[max(0, index - 6) : index]):
            if breaks.between(earlier.end, ratio.start) or earlier.unit not in ("人", "名") or earlier.approx:
                continue
            if boys is None and _MALE.search(earlier.subject) and not _FEMALE.search(earlier.subject):
                boys = earlier
            elif girls is None and _FEMALE.search(earlier.subject) and not _MALE.search(earlier.subject):
                girls = earlier
        if boys is None or girls is None or not girls.value:
            continue
        low, high = _percent_range(boys, girls)
        written_low, written_high = _rounded(ratio)
        if written_high < low or written_low > high:
            computed = format_number(boys.value / girls.value * _HUNDRED, ratio.places)
            message = f"性别比不符：{boys.span}÷{girls.span}×100≈{computed}，文中为{ratio.span}"
            findings.append(Finding("share-mismatch", "error", ratio.start, ratio.end, ratio.span, message))
    return findings


_PER_AREA_AFTER = re.compile(r"[/／](?:平方公里|平方千米|km²|km2|Km²)")
_PER_AREA_BEFORE = re.compile(r"每平方(?:公里|千米)$")
_POPULATION_NAME = re.compile(r"(?:总人口|常住人口|户籍人口|人口总数|人口)(?:数|总数)?(?:为|达|约|有|是)?$")
_AREA_NAME = re.compile(r"面积")
_NOT_RESIDENTS = re.compile(r"流动|外来|暂住|外出")
_AREA_UNITS = ("平方公里", "平方千米")
_DENSITY_REACH = 40  # figures back from a density to the population and the area it divides


def _densities(text: str, figures: list[Figure]) -> list[Finding]:
    """人口密度709.8人/平方公里 against the population and the area the text states before it: flagged
    only when no pair of them gives the density as written."""
    findings = []
    for index, density in enumerate(figures):
        if (
            density.unit != "人"
            or density.value is None
            or density.approx
            or not (
                "密度" in density.subject
                or _PER_AREA_AFTER.match(text, density.end)
                or _PER_AREA_BEFORE.search(density.subject)
            )
        ):
            continue
        earlier = figures[max(0, index - _DENSITY_REACH) : index]
        people = [f for f in earlier if f.unit == "人" and not f.approx and f.value and "密度" not in f.subject
                  and _POPULATION_NAME.search(f.subject) and not _NOT_RESIDENTS.search(f.subject)]  # fmt: skip
        areas = [f for f in earlier if f.unit in _AREA_UNITS and not f.approx and f.value
                 and _AREA_NAME.search(f.subject)]  # fmt: skip
        if not people or not areas:
            continue
        if (pair := _unexplained_quotient(density, people, areas)) is None:
            continue
        population, area = pair
        computed = format_number(population.value / area.value, density.places)
        message = f"人口密度不符：{population.span}÷{area.span}≈{computed}人/平方公里，文中为{density.span}"
        findings.append(Finding("share-mismatch", "error", density.start, density.end, density.span, message))
    return findings


_LAND_PER_HEAD = re.compile(r"人均(?:占有)?(?P<land>耕地|水田|旱地|林地|山林|土地)(?:面积)?(?:为|达|约|仅)?$")
_LAND_UNITS = ("亩", "公顷")


# 人均有粮520公斤 against 粮食总产量24万吨, 人均地区生产总值11.1万元 against 地区生产总值43.3亿元
_PER_HEAD_OF = (
    (
        re.compile(r"人均(?:有|占有)?粮(?:食)?(?:占有量|产量)?(?:为|达到?|约)?$"),
        re.compile(r"粮食(?:总)?产量|粮食总产|生产粮食|产粮"),
    ),
    (
        re.compile(r"人均(?:地区)?(?:生产总值|GDP)(?:为|达到?|约)?$"),
        re.compile(r"(?<!人均)(?:地区)?(?:生产总值|GDP)"),
    ),
)
_IN_KILOGRAMS = {
    "吨": Decimal(1000),
    "公斤": Decimal(1),
    "千克": Decimal(1),
    "kg": Decimal(1),
    "斤": Decimal("0.5"),
}


def _output_per_head(text: str, figures: list[Figure]) -> list[Finding]:
    """A grain or output figure per head against the total and the populations the text states: flagged
    only when no population of the text gives it as written (a tenfold slip, a digit swapped)."""
    findings = []
    for index, share in enumerate(figures):
        if share.value is None or share.approx or "人均" not in share.subject or share.kind not in _LEVEL:
            continue
        named = next((total for head, total in _PER_HEAD_OF if head.search(share.subject)), None)
        if named is None and share.subject in ("人均", "人均有", "人均占有") and index:
            before = figures[index - 1].subject  # 生产粮食24万吨，人均520千克: of the figure before
            named = next((total for _, total in _PER_HEAD_OF if total.search(before)), None)
        if named is None or _factor(share.unit) is None:
            continue
        earlier = figures[max(0, index - _DENSITY_REACH) : index]
        totals = [f for f in earlier if f.value and not f.approx and f.kind in _LEVEL and "人均" not in f.subject
                  and named.search(f.subject) and _factor(f.unit) is not None
                  and share.start - f.end < 600 and "\n" not in text[f.end : share.start]]  # fmt: skip
        around = earlier + figures[index + 1 : index + 1 + _DENSITY_REACH]
        people = [f for f in around if f.unit == "人" and not f.approx and f.value and "人口" in f.subject
                  and not _NOT_RESIDENTS.search(f.subject)]  # fmt: skip
        basis = _PER_HEAD_BASIS.search(text, max(0, share.start - 40), share.start)
        if basis is not None:  # 按常住人口计算: of that population only; 按年均常住人口: of one not stated
            people = [] if basis["average"] else [f for f in people if basis["which"] in f.subject]
        if not totals or not people:
            continue
        low, high = _rounded(share)
        nearest, distance = None, None
        for total in totals:
            ratio = _factor(total.unit) / _factor(share.unit)
            for person in people:
                top_low, top_high = _bounds(total)
                bottom_low, bottom_high = _bounds(person)
                lo, hi = top_low * ratio / bottom_high, top_high * ratio / bottom_low
                if lo <= high and low <= hi:
                    break
                gap = abs((lo + hi) / 2 - share.value)
                if distance is None or gap < distance:
                    nearest, distance = (total, person, (lo + hi) / 2), gap
            else:
                continue
            break
        else:
            if nearest is not None and _worth_flagging(share, nearest[1], nearest[2]):
                total, person, computed = nearest
                shown = format_number(computed / share.scale, share.places) + _MAGNITUDE_NAMES.get(
                    share.scale, ""
                )
                message = f"人均数不符：{total.span}÷{person.span}≈{shown}{share.unit}，文中为{share.span}"
                findings.append(
                    Finding("share-mismatch", "error", share.start, share.end, share.span, message)
                )
    return findings


_MAGNITUDE_NAMES = {Decimal(10_000): "万", Decimal(100_000_000): "亿"}
_PER_HEAD_SLACK = Decimal("0.03")
_PER_HEAD_BASIS = re.compile(r"按(?:照)?(?P<average>年均|平均)?(?P<which>常住|户籍|总)人口")
_FARMERS = re.compile(r"农民|农村居民|农业人口")


def _worth_flagging(share: Figure, person: Figure, computed: Decimal) -> bool:
    """Off by more than the 3 % a year's average population may differ from its end (the statistics
    bureaus divide by the average), and within a factor of twelve (a point slipped, a digit swapped),
    not a population the text never stated; per farmer of everyone only when it falls short (fewer
    farmers would make it larger)."""
    if (
        not share.value / 12 <= computed <= share.value * 12
        or abs(computed - share.value) <= computed * _PER_HEAD_SLACK
    ):
        return False
    if _FARMERS.search(share.subject) and not _FARMERS.search(person.subject):
        return share.value < computed
    return True


def _factor(unit: str) -> Decimal | None:
    """Units of one measure in a common one: weights in kilograms, money in yuan."""
    return _IN_KILOGRAMS.get(unit) or (Decimal(1) if unit == "元" else None)


def _land_per_head(figures: list[Figure]) -> list[Finding]:
    """人均耕地1.9亩 against the 耕地 before it and the populations stated around it: flagged only when no
    population of the text (总人口, 农业人口 …) gives it as written."""
    findings = []
    for index, share in enumerate(figures):
        named = _LAND_PER_HEAD.search(share.subject)
        if named is None or share.unit not in _LAND_UNITS or share.value is None or share.approx:
            continue
        earlier = figures[max(0, index - _DENSITY_REACH) : index]
        land = [f for f in earlier if f.unit == share.unit and not f.approx and f.value
                and named["land"] in f.subject and "人均" not in f.subject]  # fmt: skip
        around = earlier + figures[index + 1 : index + 1 + _DENSITY_REACH]  # 人口状况 may come after the land
        people = [f for f in around if f.unit == "人" and not f.approx and f.value and "人口" in f.subject
                  and not _NOT_RESIDENTS.search(f.subject)]  # fmt: skip
        if not land or not people:
            continue
        if (pair := _unexplained_quotient(share, land, people)) is None:
            continue
        area, population = pair
        computed = format_number(area.value / population.value, share.places)
        message = f"人均面积不符：{area.span}÷{population.span}≈{computed}{share.unit}，文中为{share.span}"
        findings.append(Finding("share-mismatch", "error", share.start, share.end, share.span, message))
    return findings


_COMPARED = re.compile(r"高于|低于|快于|慢于|超过|超出|领先|落后")
_CLOSING = re.compile(r"[\s)）]*")


def _gaps_between_rates(text: str, breaks: Marks, figures: list[Figure]) -> list[Finding]:
    """农村居民收入增速(8.5%)高于2019年(8.2%)0.4个百分点: the gap between the two rates the sentence states."""
    findings = []
    for index in range(2, len(figures)):
        first, second, gap = figures[index - 2], figures[index - 1], figures[index]
        if (
            gap.unit != "个百分点"
            or first.unit not in ("%", "％")
            or second.unit not in ("%", "％")
            or any(f.approx for f in (first, second, gap))
            or breaks.between(first.end, gap.start)
            or not _CLOSING.fullmatch(text, second.end, gap.start)
            or not _COMPARED.search(text, first.end, second.start)
        ):
            continue
        (first_low, first_high), (second_low, second_high) = _bounds(first), _bounds(second)
        low, high = abs(first_low - second_high), abs(first_high - second_low)
        low, high = min(low, high), max(low, high)
        if _contradicts(gap, low, high):
            computed = format_number(abs(first.value - second.value), gap.places)
            message = f"差值不符：{first.span}与{second.span}相差{computed}个百分点，文中为{gap.span}"
            findings.append(Finding("growth-mismatch", "error", gap.start, gap.end, gap.span, message))
    return findings


# 预计2011年…总产值473.8万元，比2006年增长42%，年均增长18.4%: the total growth and the years it
# took give the yearly average, compounded or (as some writers do) divided
_YEARLY_AVERAGE = re.compile(r"(?:年均|年平均|平均每年)(?:增长|递增|增速|增幅)(?:率)?(?:为|达到?|是)?$")
_SINCE_YEAR = re.compile(
    r"(?:比|较)(?P<year>(?:19|20)[0-9]{2})年(?:同期)?(?:的[^，,。；;]{0,12}?)?(?:增长|增加|提高|递增)了?$"
)
_TIMES_YEAR = re.compile(r"(?:是|为)(?P<year>(?:19|20)[0-9]{2})年(?:的)?$")
_A_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?=年)")
_YEARS_REACH = 300  # characters back from the total growth to the year the text is of


def _yearly_averages(text: str, breaks: Marks, figures: list[Figure]) -> list[Finding]:
    findings = []
    for index in range(1, len(figures)):
        stated, total = figures[index], figures[index - 1]
        if (
            stated.unit not in ("%", "％")
            or stated.approx
            or total.approx
            or breaks.between(total.end, stated.start)
            or not _YEARLY_AVERAGE.search(text, max(0, stated.start - 10), stated.start)
        ):
            continue
        if total.unit in ("%", "％"):
            since = _SINCE_YEAR.search(text, max(0, total.start - 30), total.start)
            low, high = (1 + bound / _HUNDRED for bound in _bounds(total))
        elif total.dimension == "multiple":
            since = _TIMES_YEAR.search(text, max(0, total.start - 10), total.start)
            low, high = _bounds(total)
        else:
            continue
        if since is None or low <= 0:
            continue
        base = int(since["year"])
        years = [
            int(y.group())
            for y in _A_YEAR.finditer(text, max(0, since.start() - _YEARS_REACH), since.start())
        ]
        later = [y for y in years if base < y <= base + 30]
        if not later:
            continue
        span = later[-1] - base
        compounded = (float(high) ** (1 / span) - 1) * 100
        divided = float(high - 1) / span * 100 if total.unit in ("%", "％") else compounded  # 42% ÷ 5
        if float(_rounded(stated)[0]) <= max(compounded, divided) + 1e-9:
            continue  # a yearly average below the nominal one may be at comparable prices
        factor = float(total.value) if total.dimension == "multiple" else 1 + float(total.value) / 100
        computed = format_number(Decimal(str(round((factor ** (1 / span) - 1) * 100, 6))), stated.places)
        said = f"增长{total.span}" if total.unit in ("%", "％") else f"是{base}年的{total.span}"
        message = (
            f"年均增速不符：{later[-1]}年比{base}年{said}，{span}年年均约为{computed}%，文中为{stated.span}"
        )
        message = message.replace(f"比{base}年是{base}年的", f"是{base}年的")
        findings.append(Finding("growth-mismatch", "error", stated.start, stated.end, stated.span, message))
    return findings


_URBANIZATION = re.compile(r"城镇化率(?:为|达到?|是)?$")
_URBAN = re.compile(r"城镇")
_TOTAL_PEOPLE = re.compile(r"(?:总人口|常住人口|户籍人口|人口总数)(?:为|达|有|是)?$")


def _urbanization(breaks: Marks, figures: list[Figure]) -> list[Finding]:
    """总人口46276人，其中城镇常住人口45905人，城镇化率99.2%: the urban population over a total the text
    states (总人口 or 常住人口), flagged only when no total gives the rate as written."""
    findings = []
    for index, rate in enumerate(figures):
        if rate.unit not in ("%", "％") or rate.approx or not _URBANIZATION.search(rate.subject):
            continue
        earlier = figures[max(0, index - _DENSITY_REACH) : index]
        urban = next((f for f in reversed(earlier) if f.unit == "人" and _URBAN.search(f.subject)), None)
        if urban is None or urban.approx or breaks.between(urban.end, rate.start):
            continue
        totals = [f for f in earlier if f.unit == "人" and not f.approx and f.value
                  and _TOTAL_PEOPLE.search(f.subject) and not _URBAN.search(f.subject)]  # fmt: skip
        if not totals or any(not _contradicts(rate, *_percent_range(urban, total)) for total in totals):
            continue
        total = totals[-1]
        computed = format_number(urban.value / total.value * _HUNDRED, rate.places)
        message = f"城镇化率不符：{urban.span}÷{total.span}≈{computed}%，文中为{rate.span}"
        findings.append(Finding("share-mismatch", "error", rate.start, rate.end, rate.span, message))
    return findings


def _rounded(figure: Figure) -> tuple[Decimal, Decimal]:
    """A figure worked out by the writer (a density, a per-head figure, a ratio) as the range it was
    rounded from: half a unit in its last place, even when written like a count (71人)."""
    half = figure.scale * Decimal(5) / Decimal(10) ** (figure.places + 1)
    return figure.value - half, figure.value + half


def _unexplained_quotient(
    stated: Figure, tops: list[Figure], bottoms: list[Figure]
) -> tuple[Figure, Figure] | None:
    """None when some top ÷ bottom of the text gives ``stated`` as written; else the pair nearest it,
    the one the message names."""
    low, high = _rounded(stated)
    pairs = [(top, bottom) for top in tops for bottom in bottoms]
    ranges = [_quotient_range(top, bottom) for top, bottom in pairs]
    if any(lo <= high and low <= hi for lo, hi in ranges):
        return None
    distances = [abs((lo + hi) / 2 - stated.value) for lo, hi in ranges]
    return pairs[distances.index(min(distances))]


def _quotient_range(numerator: Figure, denominator: Figure) -> tuple[Decimal, Decimal]:
    top_low, top_high = _bounds(numerator)
    bottom_low, bottom_high = _bounds(denominator)
    return top_low / bottom_high, top_high / bottom_low


_STRUCTURE = re.compile(r"产业结构|三次产业|三产|产业比")


def _structure_sums(text: str, figures: list[Figure]) -> list[Finding]:
    """三次产业结构为17:48:36: the sectors' shares of one output, which make 100."""
    findings = []
    for figure in figures:
        if figure.kind != "ratio" or len(figure.parts) != 3:
            continue
        if not _STRUCTURE.search(text, max(0, figure.start - 30), figure.start):
            continue
        total = sum(figure.parts, Decimal(0))
        slack = sum((Decimal(5) / Decimal(10) ** (_places(p) + 1) for p in figure.parts), Decimal(0))
        if Decimal(90) <= total <= Decimal(110) and abs(total - _HUNDRED) > slack:
            listed = "+".join(format_number(p, _places(p)) for p in figure.parts)
            message = f"三次产业比例之和应为100，文中为{listed}={format_number(total, max(map(_places, figure.parts)))}"
            findings.append(
                Finding("parts-sum-mismatch", "error", figure.start, figure.end, figure.span, message)
            )
    return findings


def _places(number: Decimal) -> int:
    return max(0, -number.as_tuple().exponent)


# Rates that are a share of their whole, which no count can take past 100%: 退出率20230% is a slip of the
# keyboard or of the site (not 完成率, 执行率, 增长率, 出栏率, nor 毛入学率 or 参保率 counted against a
# population register, which may pass 100%).
_SHARE_RATE = re.compile(
    r"(?:(?:覆盖|达标|合格|优良|满意|知晓|巩固|退出|脱贫|办结|结案|整改|销号|回复|回访|签约|"
    r"就业|普及|接种|建档|完好|通车|通畅|硬化|绿化|治愈|出勤|参训|响应|及时|准确|处置|化解|调解成功|上线|"
    r"在线|联系|办理|受理|采纳|通过|贯通|清零|入户|录入|使用|利用|知情|参与|留存|安置|到岗)率|比重)"
    r"|满意度|认可度|知晓度"
)
_RATE_VERB = re.compile(
    r"(?:为|是|达|达到|到达|已达|已达到|均达|均达到|均为|提高到|提升到|提高至|提升至|保持|稳定在)?$"
)


_TARGET_GROUP = re.compile(r"目标|任务|计划")
_SHARE_OF_A_WHOLE = re.compile(r"占(?:全|总)[^，,。；;%]{1,10}的(?:比重为?)?$")


def _impossible_rates(text: str, figures: list[Figure]) -> list[Finding]:
    """满意率108%, 退出率20230%: a share of its whole above 100%."""
    findings = []
    for figure in figures:
        if (
            figure.unit not in ("%", "％")
            or figure.value is None
            or figure.approx
            or figure.value - figure.tolerance <= _HUNDRED
        ):
            continue
        name = text[max(0, figure.start - 12) : figure.start]
        if _TARGET_GROUP.search(name):
            continue  # 目标人群覆盖率126%: of a target, which the work may pass
        if figure.kind == "share" and figure.base and _SHARE_OF_A_WHOLE.search(name):
            message = f"占{figure.base}的比例不应超过100%，文中为{figure.span}，请核对"
            findings.append(Finding("rate-over-100", "error", figure.start, figure.end, figure.span, message))
            continue  # 占全省规上工业的305%
        verb = _RATE_VERB.search(name)
        rate = _SHARE_RATE.search(name, 0, verb.start())
        if rate is not None and rate.end() == verb.start():
            message = f"{rate.group()}是占总数的比例，不应超过100%，文中为{figure.span}，请核对"
            findings.append(Finding("rate-over-100", "error", figure.start, figure.end, figure.span, message))
    return findings


# Two parts that divide a whole between them: 男/女, 已脱贫/未脱贫.
_HALVES = (("男", "女"), ("女", "男"), ("已", "未"))
_NAME_OPENING = re.compile(r"^(?:其中|全[镇村乡县区]|共有|共|有|现有)?[：:]?")


_COUNTED_BEFORE = re.compile(r"[0-9][0-9.,]*[\u4e00-\u9fff]{1,2}$")  # 已脱贫426户 before 1506人


def _partitions(breaks: Marks, figures: list[Figure], lists: _Lists, found: set[int]) -> list[Finding]:
    """总人口1200人，男650人，女560人; 贫困户320户，已脱贫290户，未脱贫40户: two halves make the whole."""
    findings = []
    for index in range(len(figures) - 2):
        whole = figures[index]
        if whole.start in found or whole.approx or whole.kind not in _LEVEL:
            continue
        # 共615户2096人，已脱贫426户1506人，未脱贫191户596人: the next two of its unit, past the others
        following = [
            f
            for f in figures[index + 1 : index + 6]
            if f.unit == whole.unit and not _bracketed_between(lists.text, whole.end, f.start)
        ][:2]
        if len(following) < 2:
            continue
        first, second = following
        if not (_comparable(whole, first) and _comparable(whole, second)):
            continue
        if breaks.between(whole.end, second.start):
            continue
        one = _NAME_OPENING.sub("", _COUNTED_BEFORE.sub("", lists.name_of(first)))
        other = _NAME_OPENING.sub("", _COUNTED_BEFORE.sub("", lists.name_of(second)))
        if not any(
            one.startswith(a) and other.startswith(b) and one[len(a) :] == other[len(b) :] for a, b in _HALVES
        ) or _measure(one[1:]) not in (None, _measure(whole.subject)):
            continue  # 总人口2582人，其中男劳动力800人，女劳动力700人: halves of the labour force, not of it
        finding = _compare_parts(whole, [first, second], True, _Subsets(0), exceed=False)
        if finding is not None:
            findings.append(finding)
    return findings + _halves_of_a_named_whole(breaks, figures, lists, found)


def _bracketed_between(text: str, start: int, end: int) -> bool:
    """共3456件（限期内200件至下月办结），已解决3112件: of two figures, one stands in a bracket the other
    is outside of."""
    between = text[start:end] if end - start < 200 else ""
    opened = between.count("（") + between.count("(")
    return opened != between.count("）") + between.count(")")


def _halves_of_a_named_whole(
    breaks: Marks, figures: list[Figure], lists: _Lists, found: set[int]
) -> list[Finding]:
    """总人口38689人。…总人口中，男性18826人，占48.7%，女性19863人，占51.3%: the halves of the whole the
    clause names, each perhaps with its share."""
    findings = []
    for index, first in enumerate(figures):
        if first.kind not in _LEVEL or first.approx:
            continue
        following = [f for f in figures[index + 1 : index + 3] if f.unit not in ("%", "％")]
        if not following or following[0].unit != first.unit or breaks.between(first.end, following[0].start):
            continue
        second = following[0]
        one = _NAME_OPENING.sub("", lists.name_of(first))
        other = _NAME_OPENING.sub("", lists.name_of(second))
        if not any(
            one.startswith(a) and other.startswith(b) and one[len(a) :] == other[len(b) :] for a, b in _HALVES
        ):
            continue
        whole = _whole_named_before(lists, figures, index) or _whole_of_the_list(lists, figures, index)
        if whole is None or whole.start in found or whole.approx or not _comparable(whole, second):
            continue
        if _measure(one[1:]) not in (None, _measure(whole.subject)):
            continue  # 总人口2582人，其中…；男劳动力800人，女劳动力700人: halves of another whole
        finding = _compare_parts(whole, [first, second], True, _Subsets(0), exceed=False)
        if finding is not None:
            findings.append(finding)
    return findings


# 14岁以下3871人，占12.9%；15～64岁24268人…；65岁以上1361人: age bands that cover everyone
_FIRST_BAND = re.compile(
    r"(?:0[—\-－~～至到])?(?P<high>[0-9]{1,2})(?:周)?岁(?:及|或)?以下(?:的)?(?:人口|人)?(?:为|有|共)?$"
)
_MIDDLE_BAND = re.compile(
    r"(?P<low>[0-9]{1,2})[—\-－~～至到](?P<high>[0-9]{1,2})(?:周)?岁(?:的)?(?:人口|人)?(?:为|有|共)?$"
)
_LAST_BAND = re.compile(r"(?P<low>[0-9]{1,2})(?:周)?岁(?:及|或)?以上(?:的)?(?:人口|人|老人)?(?:为|有|共)?$")
_POPULATION_NAME = re.compile(
    r"(?:总人口|常住人口|户籍人口|人口总数|总人数)(?:\[[0-9]{1,2}\])?(?:为|达到?|有|共)?\s*$"
)
_SOME_OF_THE_PEOPLE = re.compile(r"其中|城|农|乡村|流动|外来|暂住|男|女|少数|汉族|党员|劳动")
_BAND_REACH = 400  # characters back from the first band to the population it divides


def _age_bands(text: str, figures: list[Figure], lists: _Lists, found: set[int]) -> list[Finding]:
    """总人口29928人…14岁以下3871人，15～64岁24268人，65岁以上1361人: bands from the youngest to the
    oldest, each starting where the last ended, count everyone once."""
    findings = []
    for index, first in enumerate(figures):
        if first.unit != "人" or first.approx or not (band := _FIRST_BAND.search(lists.name_of(first))):
            continue
        bands, high = [first], int(band["high"])
        for later in figures[index + 1 : index + 12]:
            if later.unit in ("%", "％", "‰"):
                continue
            name = lists.name_of(later)
            following = _MIDDLE_BAND.search(name) or _LAST_BAND.search(name)
            if (
                later.unit != "人"
                or later.approx
                or not following
                or int(following["low"]) not in (high, high + 1)
            ):
                break
            bands.append(later)
            if following.re is _LAST_BAND:
                break
            high = int(following["high"])
        if len(bands) < 3 or not _LAST_BAND.search(lists.name_of(bands[-1])):
            continue
        whole = _population_before(text, figures, index)
        if whole is None or whole.start in found:
            continue
        finding = _compare_parts(whole, bands, True, _Subsets(0), exceed=False)
        if finding is not None:
            findings.append(finding)
            found.add(whole.start)
    return findings


_IN_FAMILIES = re.compile(r"家庭户人口(?:数)?(?:为|有|共)?$")
_IN_COLLECTIVES = re.compile(r"集体户人口(?:数)?(?:为|有|共)?$")


def _household_populations(text: str, figures: list[Figure], lists: _Lists, found: set[int]) -> list[Finding]:
    """常住人口742747人 … 家庭户人口为722508人，集体户人口为20239人: a census counts everyone in one or the other."""
    findings = []
    for index in range(len(figures) - 1):
        first, second = figures[index], figures[index + 1]
        if (
            first.unit != "人"
            or second.unit != "人"
            or first.approx
            or second.approx
            or not _IN_FAMILIES.search(lists.name_of(first))
            or not _IN_COLLECTIVES.search(lists.name_of(second))
        ):
            continue
        whole = _population_before(text, figures, index)
        if whole is None or whole.start in found:
            continue
        if (finding := _compare_parts(whole, [first, second], True, _Subsets(0), exceed=False)) is not None:
            findings.append(finding)
            found.add(whole.start)
    return findings


def _population_before(text: str, figures: list[Figure], index: int) -> Figure | None:
    """The nearest population before the bands, named as all of it (总人口, 常住人口, 户籍人口)."""
    start = figures[index].start
    for candidate in reversed(figures[:index]):
        if start - candidate.end > _BAND_REACH:
            return None
        if (
            candidate.unit == "人"
            and not candidate.approx
            and _POPULATION_NAME.search(name := _clause_before(text, candidate.start, 12))
            and not _SOME_OF_THE_PEOPLE.search(name)
        ):  # not 其中城镇常住人口19505人
            return candidate
    return None


_TOTAL_BEFORE = re.compile(r"(?:总计|合计|共计)(?:为|达到?)?[，,:：]?$")
_ADDED = "加上"
_SUM_REACH = 300  # characters back from a total to the 加上 that builds it
_MADE_OF = re.compile(r"[，,。]?由")
_MADE_OF_END = re.compile(r"构成|组成")


def _stated_sums(
    text: str, breaks: Marks, stops: Marks, figures: list[Figure], found: set[int]
) -> list[Finding]:
    """The budget report's sums: 收入A。加上补助B，收入总计W — and 财力W。由收入A，加上B构成:
    the figures the sentence adds must make its total."""
    findings = []
    starts = [f.start for f in figures]
    for index, whole in enumerate(figures):
        if whole.kind not in _LEVEL or whole.approx or whole.start in found:
            continue
        parts = []
        if _TOTAL_BEFORE.search(text, max(0, whole.start - 8), whole.start):
            parts = _added_before(text, stops, figures, starts, index)
        if not parts and (_MADE_OF.match(text, whole.end) or text.startswith("由", whole.end + 1)):
            parts = _added_after(text, breaks, figures, index)
        if len(parts) >= 2:
            finding = _compare_parts(whole, parts, True, _Subsets(0), exceed=False)
            if finding is not None and not _Subsets().some_add_up(parts, whole):
                findings.append(finding)  # 4402+1884(其中1478…)+60+103=6449: the top level adds up
    return findings


def _added_before(
    text: str, stops: Marks, figures: list[Figure], starts: list[int], index: int
) -> list[Figure]:
    """A，加上B，…总计W: the figures after 加上 in W's sentence, and the first of the sentence 加上 adds to."""
    whole = figures[index]
    opening = max(stops.last_before(whole.start) + 1, whole.start - _SUM_REACH)
    added = text.rfind(_ADDED, opening, whole.start)
    if added < 0:
        return []
    parts = [
        f
        for f in figures[max(0, index - _PARTS_REACH) : index]
        if f.start > added and _comparable(f, whole) and f.kind in _LEVEL
    ]
    first_added = text.find(_ADDED, opening, whole.start)
    # 收入A…。加上B: the sentence before gives what is added to; else the start of this one
    base_from = stops.last_before(max(0, opening - 1)) + 1 if first_added == opening else opening
    if text.startswith("其中", base_from) and first_added == opening:
        base_from = (
            stops.last_before(max(0, base_from - 1)) + 1
        )  # 收入130.2亿元。其中…125.6亿元。加上: the head
    at = bisect_left(starts, base_from)
    base = next(
        (
            f
            for f in figures[at : min(index, at + _PARTS_REACH)]
            if f.start < first_added and _comparable(f, whole)
        ),
        None,
    )
    return [base, *parts] if base is not None and parts else []


def _added_after(text: str, breaks: Marks, figures: list[Figure], index: int) -> list[Figure]:
    """W，由A，加上B构成: the figures between 由 and 构成, when 加上 joins them."""
    whole = figures[index]
    end = _MADE_OF_END.search(text, whole.end, whole.end + 200)
    if (
        end is None
        or breaks.between(whole.end + 2, end.start())
        or _ADDED not in text[whole.end : end.start()]
    ):
        return []
    return [
        f
        for f in figures[index + 1 : index + 1 + _PARTS_REACH]
        if f.end <= end.start() and _comparable(f, whole) and f.kind in _LEVEL
    ]


_SHARE_FOLLOWS = re.compile(r"[，,]?占[^，,。；;0-9]{0,12}?[0-9]")


def _unmarked_breakdowns(
    figures: list[Figure], subsets: _Subsets, lists: _Lists, found: set[int]
) -> list[Finding]:
    """总产值10.13亿元，种植业总产值…林果业总产值…: three or more parts named like the whole
    follow it with no 其中; when they fall just short of it, a figure is wrong."""
    stops = lists.stops
    levels = [f for f in figures if f.kind in _LEVEL and f.value is not None and not f.approx]
    findings = []
    for index, whole in enumerate(levels):
        if whole.start in found or _SHARE_FOLLOWS.match(lists.text, whole.end):
            continue  # 畜牧业收入641万元，占总收入的22%: a part of a whole itself, its siblings follow
        if 0 <= lists.qizhong.first_from(whole.end) <= whole.end + 3:
            continue  # 总播种面积60517亩(其中…): a 其中 list, which the 其中 check weighs in full
        parts, stop = [], stops.first_from(whole.end)  # the sentence's end, found once per whole
        for part in levels[index + 1 : index + 1 + _PARTS_REACH]:
            if 0 <= stop < part.start:
                break
            if part.unit == whole.unit and part.kind == whole.kind and _named_like(whole, part, lists):
                parts.append(part)
        parts = _top_level(parts)
        if len(parts) >= 3 and all(part.value < whole.value for part in parts):
            finding = _compare_parts(whole, parts, False, subsets, breakdown=True, exceed=False)
            if finding is not None:
                findings.append(finding)
    return findings


def _paragraphs(text: str, figures: list[Figure]) -> list[list[Figure]]:
    groups: list[list[Figure]] = []
    for figure in figures:
        if figure.value is None:
            continue
        if groups and "\n" not in text[groups[-1][-1].end : figure.start]:
            groups[-1].append(figure)
        else:
            groups.append([figure])
    return groups


def _bounds(figure: Figure) -> tuple[Decimal, Decimal]:
    return figure.value - figure.tolerance, figure.value + figure.tolerance


def _contradicts(stated: Figure, low: Decimal, high: Decimal, signed: bool = False) -> bool:
    value = stated.signed if signed else stated.value
    return value + stated.tolerance < low or value - stated.tolerance > high


def _percent_range(part: Figure, whole: Figure, target: bool = False) -> tuple[Decimal, Decimal]:
    """The share ``part`` can be of ``whole`` as written; a ``target`` (年计划4亿元) is set, not rounded."""
    part_low, part_high = _bounds(part)
    whole_low, whole_high = (whole.value, whole.value) if target else _bounds(whole)
    if whole_low <= 0:
        return Decimal("-Infinity"), Decimal("Infinity")
    return part_low / whole_high * _HUNDRED, part_high / whole_low * _HUNDRED


def _anchor(text: str, breaks: Marks, figures: list[Figure], index: int) -> int | None:
    """Where the level figure stands that a share or growth rate in its clause group refers to
    (past a change: 完成313.64亿元，较去年同期增长153.34亿元，…为年度计划的30.90%)."""
    figure = figures[index]
    reach = max(
        0, figure.start - _BRACKET_REACH
    )  # bounded: a scan to the text's start for every rate is quadratic
    closed = max(text.rfind(")", reach, figure.start), text.rfind("）", reach, figure.start))
    opened = max(text.rfind("(", reach, closed), text.rfind("（", reach, closed)) if closed >= 0 else -1
    for at in range(index - 1, max(-1, index - 1 - _ANCHOR_REACH), -1):
        candidate = figures[at]
        if breaks.between(candidate.end, figure.start):
            return None
        if opened < candidate.start < closed:
            continue  # 公益林3721.7万亩（其中…其他公益林67.71万亩），占78.9%: of what stands before the bracket
        if candidate.kind in _LEVEL and _role_in_change(text, candidate) not in ("up", "down"):
            return at
    return None


def _shares(
    text: str, breaks: Marks, figures: list[Figure], lists: _Lists, earlier: list[Figure] = ()
) -> list[Finding]:
    findings = []
    targets = _targets(text, figures)
    paired = -1  # rates up to this index were checked with their parts (分别占)
    last_whole: Figure | None = None  # the whole of the sentence's last share
    last_share = 0  # where that share ends
    for index, stated in enumerate(figures):
        if index <= paired or stated.approx or stated.unit not in ("%", "％"):
            continue
        if _RESPECTIVELY.search(text, max(0, stated.start - 14), stated.start):
            paired, found = _respective_shares(text, breaks, figures, index)
            findings += found
            continue
        if stated.kind == "percent" and (
            found := _rate_of_stated_whole(text, breaks, figures, index, targets, lists)
        ):
            findings.append(found)
            continue
        if stated.kind not in ("share", "completion"):
            continue
        at = _anchor(text, breaks, figures, index)
        if at is None or figures[at].approx:
            continue
        part = figures[at]
        if at and (paired_part := _part_in_the_wholes_unit(text, stated, figures[at - 1], part)):
            at, part = at - 1, paired_part  # 60岁以上老人83户，122人，占低保户的38.2%: of the 户
        if at and _comparable(figures[at - 1], part) and _in_a_list(text, figures[at - 1], part):
            continue  # 交通类783件、城建类579件、政法类562件，占总量的77%: the three together
        if lists.per_unit(part) or _AVERAGE_NAME.search(lists.name_of(part)[-4:]):
            continue  # 户籍12560人，户均2.7人，…60岁以上占26.2%: an average is no part
        if _share_of_another(text, part, stated):
            continue  # 农业人口4.61万人，聚居着壮、汉、苗等民族，壮族占70%: of people the text never counts
        if stated.kind == "share" and stated.base:
            named = _named_wholes(stated.base, figures[max(0, at - _WHOLE_REACH) : at], part, text)
            holding = next(
                (w for w in named if not w.approx and not _contradicts(stated, *_percent_range(part, w))),
                None,
            )
            if holding is not None:  # 农业到位资金32824万元，占到位资金3.27%: of the total, not of a sibling
                last_whole, last_share = holding, stated.end
                continue
            whole = named[0] if named else None
            if whole is None and at < _WHOLE_REACH:  # 劳动力170人。⏎…占劳动力的1.9%
                before = [c for c in earlier[-_WHOLE_REACH:] if part.start - c.end <= _NAMED_REACH]
                named = _named_wholes(stated.base, before, part, text)
                if any(not _contradicts(stated, *_percent_range(part, w)) for w in named if not w.approx):
                    continue
                whole = _named_exactly_before(stated.base, earlier, part)
        elif stated.kind == "share":
            whole = _implied_whole(breaks, figures, at, lists)  # 发现问题105处，已整改100处，占95%
            if whole is None and _same_whole(lists, last_whole, last_share, part):
                whole = last_whole  # 总人口中，男性32409人，占48.9%；女性33591人，占51.1%
            named = _whole_named_before(lists, figures, at)
            if whole is None or (
                named is not None
                and whole is not named
                and not _contradicts(stated, *_percent_range(part, named))
            ):
                whole = named  # 全镇党员中，有…少数民族党员952名，…35岁以下441名，占24.3%: of the 党员, not the 952
        elif lists.qizhong.last_before(part.start) > lists.stops.last_before(part.start):
            continue  # 其中续建项目完成投资454.31亿元，占年度计划的75%: a category's own plan
        else:
            whole = _target_of(breaks, targets, part)
        if whole is None or whole.approx:
            continue
        if stated.kind == "share":
            last_whole, last_share = whole, stated.end
        low, high = _percent_range(part, whole, target=stated.kind == "completion")
        if _contradicts(stated, low, high):
            computed = format_number(part.value / whole.value * _HUNDRED, stated.places)
            what = "占比" if stated.kind == "share" else "完成进度"
            message = f"{what}不符：{part.span}÷{whole.span}≈{computed}%，文中为{stated.span}"
            findings.append(
                Finding(f"{stated.kind}-mismatch", "error", stated.start, stated.end, stated.span, message)
            )
    return findings


_PAIR_BETWEEN = re.compile(r"[，,、]?")


def _part_in_the_wholes_unit(text: str, stated: Figure, before: Figure, part: Figure) -> Figure | None:
    """A count given in two units (83户，122人) before a share of a whole counted in one of them (占低保户的)."""
    unit = (stated.base or "")[-1:]
    if (
        unit in ("户", "人")
        and part.unit != unit
        and before.unit == unit
        and part.kind == before.kind
        and _PAIR_BETWEEN.fullmatch(text, before.end, part.start)
    ):
        return before
    return None


_OWN_SUBJECT = re.compile(r"(?:其中|分别|而)?(?P<own>[\u4e00-\u9fff]{2,8}?)(?:约|均|则)?占")


def _share_of_another(text: str, part: Figure, stated: Figure) -> bool:
    """A share whose clause names what it is of, and that is not the figure before it."""
    clause = _clause_before(text, stated.start)
    if len(clause) == stated.start - part.end or not (match := _OWN_SUBJECT.match(clause)):
        return False  # the part in the share's own clause
    own, named = match["own"], part.subject
    return own not in named and named[-2:] not in own


# 辖区总人口32320人。总人口中，14岁以下5145人，占16.1%: the whole named again as the list opens
_AMONG = re.compile(r"(?<![\u4e00-\u9fff])(?P<noun>[\u4e00-\u9fff]{2,8})中[，,：:]")
_AMONG_REACH = 48


def _whole_named_before(lists: _Lists, figures: list[Figure], at: int) -> Figure | None:
    """The whole a 党员中， names: the one named exactly (年末有党员1814名) before one whose name only
    ends so (社区党员341名)."""
    part = figures[at]
    opening = lists.stops.last_before(part.start)
    among = _AMONG.search(lists.text, max(opening, part.start - _AMONG_REACH), part.start)
    if among is None:
        return None
    noun = among["noun"]
    named = [
        candidate
        for candidate in reversed(figures[max(0, at - _WHOLE_REACH) : at])
        if candidate.end <= among.start()
        and candidate.subject.endswith(noun)
        and _comparable(candidate, part)
    ]
    if not named:
        return None
    whole = next((c for c in named if _bare_name(c.subject).removeprefix("年末") == noun), named[0])
    return whole if whole.value > part.value else None


def _whole_of_the_list(lists: _Lists, figures: list[Figure], at: int) -> Figure | None:
    """出生人口82人，其中一孩66人…；男孩40人，女孩22人: the whole before the sentence's 其中."""
    part = figures[at]
    listed = lists.qizhong.last_before(part.start)
    if listed < 0 or listed < lists.stops.last_before(part.start):
        return None
    for candidate in reversed(figures[max(0, at - _WHOLE_REACH) : at]):
        if candidate.end <= listed:
            return candidate if candidate.unit == part.unit and listed - candidate.end <= 3 else None
    return None


def _same_whole(lists: _Lists, whole: Figure | None, share_end: int, part: Figure) -> bool:
    """The whole of the last share is this part's too when no full stop stands between that share and
    this part (总人口中，男性…，占48.7%，女性…，占51.3%; the whole may stand in the sentence before)."""
    return (
        whole is not None
        and whole.end <= part.start
        and not lists.stops.between(share_end, part.start)
        and _comparable(whole, part)
        and whole.value > part.value
    )


# 分别占60%、36.7%; 占比分别为…: shares, never 增速分别为 (rates of change) or 分别超额完成
_RESPECTIVELY = re.compile(
    r"(?:分别占到?(?:[\u4e00-\u9fff]{0,8}的)?|(?:占比|比重|所占比例)分别(?:为|是|达到?)?)$"
)
_BETWEEN_RATES = re.compile(r"[、，,和及与\s]{1,2}")


def _respective_shares(
    text: str, breaks: Marks, figures: list[Figure], index: int
) -> tuple[int, list[Finding]]:
    """水田1800亩，旱地1100亩，其他100亩，分别占60%、36.7%和3.3%: each rate is of its own part, all of one
    whole — the figure before the parts, or the parts together when the rates make 100%. Returns the
    index of the last rate and the rates that do not hold."""
    rates = [figures[index]]
    while (
        index + len(rates) < len(figures)
        and (follower := figures[index + len(rates)]).unit in ("%", "％")
        and _BETWEEN_RATES.fullmatch(text, rates[-1].end, follower.start)
    ):
        rates.append(follower)
    last = index + len(rates) - 1
    parts = figures[index - len(rates) : index] if index >= len(rates) >= 2 else []
    if (
        not parts
        or any(
            p.kind not in _LEVEL or p.unit != parts[0].unit or p.approx or r.approx
            for p, r in zip(parts, rates, strict=True)
        )
        or breaks.between(parts[0].start, rates[0].start)
    ):
        return last, []
    whole = _whole_of_parts(breaks, figures, index - len(rates), parts)
    if whole is None:
        return last, []
    findings = []
    for part, rate in zip(parts, rates, strict=True):
        low, high = _percent_range(part, whole)
        if _contradicts(rate, low, high):
            computed = format_number(part.value / whole.value * _HUNDRED, rate.places)
            message = f"占比不符：{part.span}÷{whole.span}≈{computed}%，文中为{rate.span}"
            findings.append(Finding("share-mismatch", "error", rate.start, rate.end, rate.span, message))
    return last, findings


def _whole_of_parts(breaks: Marks, figures: list[Figure], first: int, parts: list[Figure]) -> Figure | None:
    """The figure of the parts' unit just before them in the sentence, if larger than each; else None."""
    for at in range(first - 1, max(-1, first - 4), -1):
        candidate = figures[at]
        if breaks.between(candidate.end, parts[0].start):
            return None
        if candidate.unit == parts[0].unit and candidate.kind == parts[0].kind and not candidate.approx:
            return candidate if all(candidate.value >= p.value for p in parts) else None
    return None


# 超额完成25%: the part above the target; 完成年计划15亿元的90%: the target stated right before the rate.
_ABOVE_TARGET = re.compile(r"超额完成|超额|超计划|超出计划|超出目标")
_RATE_NAME = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2})率(?:为|达到?|是)?$")


def _rate_of_stated_whole(
    text: str, breaks: Marks, figures: list[Figure], index: int, targets: dict, lists: _Lists
) -> Finding | None:
    """Rates the classifier leaves as plain percentages but the sentence lets one recompute:
    完成A，完成年计划T的X%; 目标T，完成A，超额完成X%; 排查120处，已整改108处，整改率X%."""
    stated = figures[index]
    at = _anchor(text, breaks, figures, index)
    before = text[max(0, stated.start - 8) : stated.start]
    if at is None or "分别" in before or before[-1:] in ("、", "和", "及"):
        return None  # 实际分别完成95个、310个、7397个，分别超额完成19%、14%和12%: pairs, not one rate
    near = figures[at]
    rate = _RATE_NAME.search(before)
    if (
        rate
        and at
        and before[rate.start() - 1 : rate.start()]
        not in ("不", "未")  # 不属实率: the rate of the complement
        and re.search(f"[不未]{rate['stem']}", _clause_before(text, near.start))
    ):
        at, near = at - 1, figures[at - 1]  # 调解成功49件，不成功4件，调解成功率92%: of the 成功
    between = text[near.end : stated.start]
    named_after = between in _TARGET_NAMED_AFTER  # 完成24.92亿元，为市下60亿元目标的39.87%
    inline = (
        (between == "的" or named_after)
        and at >= 1
        and _comparable(figures[at - 1], near)
        and not breaks.between(figures[at - 1].end, near.start)
    )
    if inline and (named_after or _TARGET_WORD.search(text, max(0, near.start - 8), near.start)):
        part, whole, what = figures[at - 1], near, "完成进度"  # 完成A，完成年计划T的X%
        if lists.qizhong.last_before(part.start) > lists.stops.last_before(part.start):
            return None  # 参保33550人，其中…学生28109人，占年度目标20000人的167.75%: of the 33550
        target = True
    elif inline and _SHARE_OF.match(text, figures[at - 1].end, near.start):
        # 男性17000人，占总人口32000人的53.1%
        part, whole, what, target = figures[at - 1], near, "占比", False
    elif _ABOVE_TARGET.search(before):
        whole = _target_of(breaks, targets, near)
        if whole is None or near.approx or whole.approx:
            return None
        low, high = _percent_range(near, whole, target=True)
        if not _contradicts(stated, low - _HUNDRED, high - _HUNDRED):
            return None
        computed = format_number(near.value / whole.value * _HUNDRED - _HUNDRED, stated.places)
        message = f"超额比例不符：{near.span}÷{whole.span}−1≈{computed}%，文中为{stated.span}"
        return Finding("completion-mismatch", "error", stated.start, stated.end, stated.span, message)
    elif (
        (rate := _RATE_NAME.search(before))
        and near.dimension == "count"
        and rate["stem"] in (clause := _clause_before(text, near.start))
        and "未" not in clause
        and (
            "其中" not in clause
            or (rate["stem"] in near.subject and "（" not in clause and "(" not in clause)
        )
    ):  # 出生82人，其中一孩66人，一孩率75%: a rate named after the part, of the list's whole  # 已开工33个，未开工17个，开工率66%: the rate is not of the 未; (其中城镇410人): nor of a part
        if _another_rate_before(text, breaks, figures, index):
            return None  # 开工26个，开工率86.67%，其中投产8个，投产率26.67%: both of the 30 signed
        wholes = _wholes_before(text, breaks, figures, at)  # 已整改108处，整改率X%
        parts = [near, *(w for w in wholes if w.end <= near.start)]
        if (
            not wholes
            or any(
                not _contradicts(stated, *_percent_range(p, w))
                for w in wholes
                for p in parts
                if p.value < w.value
            )
        ):  # 应结案24932件，结案23974件，结案率96.16%; 出生381人，政策内326人，政策外55人，符合政策生育率85.56%:
            return None  # a rate any count of the sentence explains
        part, whole, what, target = near, wholes[0], "比率", False
    else:
        return None
    if part.approx or whole.approx:
        return None
    low, high = _percent_range(part, whole, target)
    if not _contradicts(stated, low, high):
        return None
    computed = format_number(part.value / whole.value * _HUNDRED, stated.places)
    message = f"{what}不符：{part.span}÷{whole.span}≈{computed}%，文中为{stated.span}"
    return Finding("share-mismatch", "error", stated.start, stated.end, stated.span, message)


_NAMED_RATE = re.compile(r"率(?:为|达到?|是)?$")


def _another_rate_before(text: str, breaks: Marks, figures: list[Figure], index: int) -> bool:
    """A rate named so earlier in the sentence, whose base the text does not state either."""
    stated = figures[index]
    for earlier in reversed(figures[max(0, index - _ANCHOR_REACH) : index]):
        if breaks.between(earlier.end, stated.start):
            return False
        if earlier.unit in ("%", "％") and _NAMED_RATE.search(text, max(0, earlier.start - 4), earlier.start):
            return True
    return False


_TARGET_WORD = re.compile(r"(?:目标|计划|任务)(?:数)?$")
_TARGET_NAMED_AFTER = ("目标的", "计划的", "任务的", "任务数的", "目标任务的")
_SHARE_OF = re.compile(r"[，,]?占[^，,。；;：:0-9]{1,12}$")


def _named_whole(base: str, candidates: list[Figure], part: Figure, text: str = "") -> Figure | None:
    named = _named_wholes(base, candidates, part, text)
    return named[0] if named else None


def _named_wholes(base: str, candidates: list[Figure], part: Figure, text: str = "") -> list[Figure]:
    """Every figure named as the share's whole, the likeliest first."""
    core = _WHOLE_SUFFIX.sub("", _WHOLE_PREFIX.sub("", base))
    if len(core) < 2:
        return []
    named = [
        candidate
        for candidate in reversed(candidates)
        if candidate.kind == part.kind
        and candidate.unit == part.unit
        and candidate.subject != part.subject
        and candidate.value > part.value
        and (
            candidate.subject.endswith(core)
            or (
                core in candidate.subject
                and not _AMONG_NAMED.search(candidate.subject, candidate.subject.find(core))
            )
            or (_TOTAL_ONLY.fullmatch(candidate.subject) and _named_in_clause(text, candidate, core))
        )
    ]
    if "总" in base and "总" not in core:
        # 占党员总数的36.8%: the total itself (共有党员420.5万名), never a kind of 党员 (女党员808465名)
        named = [
            f for f in named if _bare_name(f.subject) in (core, core + "总数", core + "总量", core + "总额")
        ]
    # 耕地面积56万亩，已承包耕地面积54万亩，…占耕地面积的44.8%: the one named so, not a kind of it
    named.sort(key=lambda f: _bare_name(f.subject) != core)
    return named


_NAMED_REACH = 1500  # characters back to a whole in an earlier paragraph, named exactly


def _named_exactly_before(base: str, earlier: list[Figure], part: Figure) -> Figure | None:
    """The last figure of an earlier paragraph named just as the share's whole is (劳动力 for 占劳动力的)."""
    core = _WHOLE_SUFFIX.sub("", _WHOLE_PREFIX.sub("", base))
    if len(core) < 2:
        return None
    for candidate in reversed(earlier[-_WHOLE_REACH:]):
        if part.start - candidate.end > _NAMED_REACH:
            return None
        if (
            _bare_name(candidate.subject) == core
            and candidate.unit == part.unit
            and candidate.kind == part.kind
            and candidate.value > part.value
            and not candidate.approx
        ):
            return candidate
    return None


_AMONG_NAMED = re.compile(r"中(?![国心华])")  # 常住人口中0—14岁人口: a part of the named whole, not it
_TOTAL_ONLY = re.compile(r"(?:共|共计|合计|总计|计)?")
_CLAUSE_BEFORE = re.compile(r"[^。；;\n]{0,30}$")


def _named_in_clause(text: str, candidate: Figure, core: str) -> bool:
    """有回、满、藏、蒙古等32个少数民族，共2551人 … 占少数民族人口的60%: a total with no name of its own,
    named earlier in its clause (少数民族 for 少数民族人口)."""
    clause = _CLAUSE_BEFORE.search(text, max(0, candidate.start - 30), candidate.start)
    name = core.removesuffix("人口").removesuffix("人数").removesuffix("数")
    return clause is not None and len(name) >= 2 and name in clause.group()


_OWNERS = re.compile(
    r"^(?:全省|全市|全县|全区|全镇|全乡|全村|我省|我市|我县|我区|我镇|我乡|共有|现有|拥有|有)+"
)


def _bare_name(subject: str) -> str:
    return _OWNERS.sub("", _WHOLE_PREFIX.sub("", subject))


_TOTAL_OR_TASK = re.compile(r"任务|计划|目标|总|共|累计|合计")


def _wholes_before(text: str, breaks: Marks, figures: list[Figure], at: int) -> list[Figure]:
    """累计1427件中，…基本属实108件，不属实100件，不属实率7.01%: a rate's whole is one of the sentence's
    counts above the part — a named task or total first (任务数为20985户，已开工21410户，开工率102.03%),
    then the largest; the rest follow, for a rate taken of what was handed on (转办242件，办结221件)."""
    part = figures[at]
    candidates = []
    for candidate in reversed(figures[max(0, at - _ANCHOR_REACH) : at]):
        if breaks.between(candidate.end, part.start):
            break
        if _comparable(candidate, part) and candidate.value > part.value and not candidate.approx:
            candidates.append(candidate)
    named = [c for c in candidates if _TOTAL_OR_TASK.search(_clause_before(text, c.start))]
    rest = sorted((c for c in candidates if c not in named), key=lambda f: f.value, reverse=True)
    return named + rest


def _implied_whole(
    breaks: Marks, figures: list[Figure], at: int, lists: _Lists | None = None
) -> Figure | None:
    """The figure just before the part, of its kind and unit, when the share names no whole; in a list
    under 其中, the list's whole (总人口37206人，其中汉族21757人，少数民族15449人，占41.5%), never a sibling."""
    part = figures[at]
    listed = -1 if lists is None else lists.qizhong.last_before(part.start)
    if listed <= (-1 if lists is None else lists.stops.last_before(part.start)):
        listed = -1
    for offset in range(at - 1, max(-1, at - 5), -1):  # past figures of other units: 高于2500元的
        candidate = figures[offset]
        if breaks.between(candidate.end, part.start):
            return None
        if candidate.unit != part.unit:
            continue
        if candidate.start > listed >= 0:
            continue  # a sibling in the list, not its whole
        if figures[offset + 1].unit in ("%", "％") and figures[offset + 1].start < part.start:
            return (
                None  # 60岁及以上26402万人，占18.70%（其中65岁及以上19064万人，占13.50%）: both of one total
            )
        if candidate.kind == part.kind and candidate.value is not None and candidate.value > part.value:
            if _agreed_and_realized(candidate.subject, part.subject):
                return None  # 协议资金43.1亿元，到位资金6.7亿元，占比72.8%: a rate of arrival, not a share
            return candidate
        return None
    return None


def _agreed_and_realized(one: str, other: str) -> bool:
    return any(_REALIZED.search(a) and _AGREED.search(b) for a, b in ((one, other), (other, one)))


_AVERAGE_NAME = re.compile(r"户均|人均|平均|均")


def _targets(text: str, figures: list[Figure]) -> dict[tuple[str, str], tuple[list[Figure], list[int]]]:
    """The stated targets of each kind and unit, in order, with where each starts: what
    完成全年目标的X% is taken of."""
    targets: dict[tuple[str, str], tuple[list[Figure], list[int]]] = {}
    for candidate in figures:
        if (
            candidate.value > 0
            and any(word in candidate.subject for word in _TARGET)
            and _names_a_target(candidate.subject, _clause_before(text, candidate.start))
        ):
            found, starts = targets.setdefault((candidate.kind, candidate.unit), ([], []))
            found.append(candidate)
            starts.append(candidate.start)
    return targets


def _target_of(breaks: Marks, targets: dict, part: Figure) -> Figure | None:
    """The target stated in the part's own sentence (补贴任务13.4万亩，已完成5.98万亩，完成率44.65%),
    else the paragraph's first (全年目标…；…完成全年目标的52%)."""
    found, starts = targets.get((part.kind, part.unit), ([], []))
    at = bisect_left(starts, part.start)
    if at and not breaks.between(found[at - 1].end, part.start):
        return found[at - 1]
    first = found[0] if found and found[0].start < part.start else None
    # 财税总收入…全年任务740万元；…总产值37395万元，为全年任务的51.9%: another measure's target
    return first if first is not None and len(_common_suffix(first.subject, part.subject)) >= 2 else None


def _in_a_list(text: str, earlier: Figure, later: Figure) -> bool:
    between = text[earlier.end : later.start]
    return len(between) <= 16 and "、" in between and not any(mark in between for mark in "，,；;。")


_YEARS_PLAN = ("年度计划", "年计划", "今年计划", "本年计划", "年初计划")
# The measures a sector is counted in: a part measured otherwise is no part (增加值 under 产值).
_MEASURES = (
    "增加值", "产值", "产量", "面积", "存栏", "出栏", "收入", "支出", "投资", "销售额", "零售额", "存款", "贷款",
    "出生人口", "死亡人口", "人口", "劳动力",
)  # fmt: skip


_MEASURE_TAIL = re.compile(r"(?:总数|总量)?(?:为|是|达到?|共)?$")  # 农业人口总数为: 人口


def _core(name: str) -> str:
    """The name without the measure it ends in: 林地面积 → 林地; 农村支部 stays."""
    measure = _measure(name)
    return name[: -len(measure)] if measure and name.endswith(measure) else name


def _measure(name: str) -> str | None:
    """零售总额 and 零售额 are one measure; 批发业销售额 is another (no part of 社会消费品零售总额)."""
    name = _MEASURE_TAIL.sub("", name.replace("总额", "额")).removesuffix("余额")  # 存款余额: 存款
    return next((m for m in _MEASURES if name.endswith(m)), None)


def _names_a_target(subject: str, clause: str = "") -> bool:
    """全年目标, 年计划: a target; 公司计划投资1400万元 is a project's planned size, not a target
    (今年计划投资200610万元 is the year's: the clause says so)."""
    if subject.endswith(("计划投资", "计划总投资")) and not any(
        y in subject or y in clause for y in _YEARS_PLAN
    ):
        return False
    return any(word in subject for word in _TARGET)


def _growth(text: str, breaks: Marks, figures: list[Figure]) -> list[Finding]:
    """A growth stated against two values the sentence gives: 由A增长到B，增长X%; B，较上年的A增长X%;
    B，同比增长X%（上年同期A）; 由A%提高到B%，提高X个百分点; 由A增长为B，增长N倍."""
    findings = []
    for index, stated in enumerate(figures):
        if stated.approx or not _is_stated_change(text, stated):
            continue
        if _AVERAGE.search(text, max(0, stated.start - 8), stated.start):
            continue
        if _REAL_GROWTH.search(text, max(0, stated.start - 12), stated.start):
            continue  # 实际增长9.5%: at comparable prices, not the change between the stated values
        pair = _values_compared(text, breaks, figures, index)
        if pair is None:
            if stated.kind == "growth" and (found := _growth_by_change(text, breaks, figures, index)):
                findings.append(found)
            continue
        first, second = pair
        first_low, first_high = _bounds(first)
        second_low, second_high = _bounds(second)
        if stated.kind == "points":
            if first.unit not in ("%", "％"):
                continue
            low, high = second_low - first_high, second_high - first_low
            computed, unit = second.value - first.value, "个百分点"
        elif first_low <= 0:
            continue
        elif stated.dimension == "multiple" and _MULTIPLE_OF.search(
            text, max(0, stated.start - 4), stated.start
        ):
            low, high = second_low / first_high, second_high / first_low  # 增长到2.7倍: B is 2.7 times A
            computed, unit = second.value / first.value, "倍"
        else:
            scale = Decimal(1) if stated.dimension == "multiple" else _HUNDRED
            low = (second_low - first_high) / first_high * scale
            high = (second_high - first_low) / first_low * scale
            computed = (second.value - first.value) / first.value * scale
            unit = "倍" if stated.dimension == "multiple" else "%"
        if _contradicts(stated, low, high, signed=stated.dimension != "multiple") and not (
            unit == "%" and _at_comparable_prices(text, second, stated, low)
        ):
            message = (
                f"增幅不符：由{first.span}到{second.span}应为{format_number(computed, stated.places)}{unit}，"
                f"文中为{stated.span}"
            )
            if unit == "倍" and computed != second.value / first.value:
                ratio = format_number(second.value / first.value, stated.places)
                message += f"（“增长{stated.span}”指增加的部分；是原来的{ratio}倍应写“增长到{ratio}倍”）"
            findings.append(
                Finding("growth-mismatch", "error", stated.start, stated.end, stated.span, message)
            )
    return findings


def _growth_by_change(text: str, breaks: Marks, figures: list[Figure], index: int) -> Finding | None:
    """B，比上年A增加C，增长X%; B，同比增加C，增长X%; B，增长X%，增收C; 上年A，今年B，增长X%:
    the value B the rate is said of, and last year's value A — stated, or B less the stated change C."""
    stated = figures[index]
    current, base, change = None, None, None
    for at in range(index - 1, max(-1, index - 1 - _ANCHOR_REACH), -1):
        candidate = figures[at]
        if breaks.between(candidate.end, stated.start) or candidate.value is None or candidate.approx:
            break
        if candidate.unit in ("%", "％") and current is None and base is None and change is None:
            return None  # 整改完成率89%，较上月增加5%: the rate changed, not the counts
        if candidate.kind not in _LEVEL and not (
            candidate.kind == "growth" and candidate.unit not in ("%", "％")
        ):
            continue
        role = _role_in_change(text, candidate)
        if current is None and role == "base" and base is None:
            base = candidate
        elif current is None and role in ("up", "down") and change is None:
            change = candidate
        elif role is None and current is None:
            if text.startswith("的", candidate.end) or "占" in _clause_before(text, candidate.start):
                continue  # 占年初预算数109466万元的56.3%: the whole of a share, not the value that grew
            current = candidate
        else:
            if (
                role is None
                and base is None
                and change is None
                and _comparable(candidate, current)
                and _LAST_YEAR_CLAUSE.search(_clause_before(text, candidate.start))
                and not _LAST_YEAR_CLAUSE.search(_clause_before(text, current.start))
            ):
                base = candidate  # 上年完成A，今年完成B，增长X%
            break
    if current is None and base is not None and change is not None:
        return _growth_of_base(text, stated, base, change)  # 与2010年的A相比，增加C，增长X%
    if current is None:
        return None
    if change is None and base is None and index + 1 < len(figures):
        after = figures[index + 1]  # B，增长9%，增收1800元; not 总收入1.7亿元，增长14.9%，人均增收500元
        if (
            not breaks.between(stated.end, after.start)
            and _role_in_change(text, after) in ("up", "down")
            and not (
                _PER_UNIT_NAME.search(_clause_before(text, after.start))
                and not _PER_UNIT_NAME.search(current.subject)
            )
        ):
            change = after
    for other in (base, change):
        if other is not None and (other.unit != current.unit or other.dimension != current.dimension):
            return None
    if base is not None:
        first = base
        first_low, first_high = _bounds(base)
        if first_low <= 0:
            return None
        second_low, second_high = _bounds(current)
        low = (second_low - first_high) / first_high * _HUNDRED
        high = (second_high - first_low) / first_low * _HUNDRED
        base_value = base.value
    elif change is not None and change.value < current.value:
        sign = -1 if _role_in_change(text, change) == "down" else 1
        bounds = _rate_of_change(current, change, sign)
        if bounds is None:
            return None
        low, high = bounds
        first, base_value = None, current.value - sign * change.value
    else:
        return None
    if not _contradicts(stated, low, high, signed=True) or _at_comparable_prices(text, current, stated, low):
        return None
    rate = (current.value - base_value) / base_value * _HUNDRED
    said = "降幅" if stated.direction == "down" and rate < 0 else "增幅"
    computed = format_number(abs(rate) if said == "降幅" else rate, stated.places)
    if first is not None:
        what = f"由{first.span}到{current.span}"
    else:
        verb = "减少" if _role_in_change(text, change) == "down" else "增加"
        what = f"{current.span}比上年{verb}{change.span}，上年约为{_amount(base_value, current)}，{said}"
    message = f"{said}不符：{what}应为{computed}%，文中为{stated.span}"
    return Finding("growth-mismatch", "error", stated.start, stated.end, stated.span, message)


_REAL_TERMS = re.compile(r"生产总值|GDP|增加值")


def _at_comparable_prices(text: str, current: Figure, stated: Figure, low: Decimal) -> bool:
    """地区生产总值突破400亿元大关，达到417亿元，净增110.8亿元，增长9.4%: output grows at comparable
    prices, below the money's rise."""
    named = _REAL_TERMS.search(current.subject) or _REAL_TERMS.search(
        text, max(0, current.start - 30), current.start
    )
    return named is not None and stated.signed is not None and stated.signed < low


def _rate_of_change(current: Figure, change: Figure, sign: int) -> tuple[Decimal, Decimal] | None:
    """The rate C/(B−C) of 12.7万吨，比去年增加2022吨: last year's value is B less C, so the two share
    B's rounding — each bound moves C and B the way that widens the rate, once."""
    current_low, current_high = _bounds(current)
    change_low, change_high = _bounds(change)
    if sign > 0:
        if current_low - change_high <= 0:
            return None
        return change_low / (current_high - change_low) * _HUNDRED, change_high / (
            current_low - change_high
        ) * _HUNDRED
    low = change_low / (current_high + change_low) * _HUNDRED
    high = change_high / (current_low + change_high) * _HUNDRED
    return -high, -low


def _growth_of_base(text: str, stated: Figure, base: Figure, change: Figure) -> Finding | None:
    if base.unit != change.unit or base.dimension != change.dimension or base.value <= 0:
        return None
    sign = -1 if _role_in_change(text, change) == "down" else 1
    base_low, base_high = _bounds(base)
    change_low, change_high = _bounds(change)
    low, high = (change_low / base_high * _HUNDRED, change_high / base_low * _HUNDRED)
    if sign < 0:
        low, high = -high, -low
    if not _contradicts(stated, low, high, signed=True):
        return None
    computed = format_number(sign * change.value / base.value * _HUNDRED, stated.places)
    verb = "减少" if sign < 0 else "增加"
    message = f"增幅不符：{base.span}{verb}{change.span}应为{computed}%，文中为{stated.span}"
    return Finding("growth-mismatch", "error", stated.start, stated.end, stated.span, message)


# 比上年2800万元, 较去年同期的: last year's value; 增加400万元, 减产0.2万吨: the change.
_BASE_BEFORE = re.compile(
    r"(?:较|比|同比|与)(?:上年|去年|上一年)(?:同期)?(?:[\u4e00-\u9fff（）()]{2,12}?(?<![增减长高降升少加]))?(?:的|为)?$"
)
_UP_BEFORE = re.compile(
    r"(?:增加|净增|增收|增产|增支|多收|多支|超收|超支|增长|提高|上升|偏多|(?:比|较|同比)[^，,。；;%％]{0,10}?增)了?(?:近|约)?$"
)  # 比2005年增46.3吨: a bare 增 after a comparison
_DOWN_BEFORE = re.compile(
    r"(?:减少|减收|减产|减支|少收|少支|下降|降低|回落|偏少|(?:比|较|同比)[^，,。；;%％]{0,10}?减)了?(?:近|约)?$"
)
_LAST_YEAR_CLAUSE = re.compile(r"^(?:[^，,]{0,6})?(?:上年|去年|上一年)(?!同期)")


_COMPARED_AFTER = re.compile(r"(?:[（(][^）)]{0,20}[）)])?(?:相比|相较)")  # …的133972万人(13.3972亿人)相比


def _role_in_change(text: str, figure: Figure) -> str | None:
    """What a figure is to a growth rate after it: last year's value, the change up or down, or neither."""
    before = text[max(0, figure.start - 20) : figure.start].rstrip(" \u3000")
    if _UP_BEFORE.search(before):
        return "up"
    if _DOWN_BEFORE.search(before):
        return "down"
    if _BASE_BEFORE.search(before) or _COMPARED_AFTER.match(text, figure.end):
        return "base"  # 比上年2800万元; 比上年财政总收入238960.28万元; 与2010年…的334020人相比
    return None


_CLAUSE_TAIL = re.compile(r"[^，,；;。：:\n]*$")


def _clause_before(text: str, position: int, reach: int = 20) -> str:
    """The words of the clause before ``position``, at most ``reach`` characters."""
    return _CLAUSE_TAIL.search(text, max(0, position - reach), position).group()


def _is_stated_change(text: str, stated: Figure) -> bool:
    if stated.kind == "growth" and stated.unit in ("%", "％"):
        return True
    if stated.kind == "points":
        return True
    return stated.dimension == "multiple" and bool(
        _CHANGE_BEFORE.search(text, max(0, stated.start - 6), stated.start)
    )


def _values_compared(
    text: str, breaks: Marks, figures: list[Figure], index: int
) -> tuple[Figure, Figure] | None:
    """The earlier and the later value a stated change is taken between, when the sentence gives both."""
    stated = figures[index]
    if index >= 2:
        first, second = figures[index - 2], figures[index - 1]
        if (
            _comparable(first, second)
            and _FROM.search(text, max(0, first.start - 10), first.start)
            and (
                _TO.search(text, first.end, second.start) or _BARE_TO.fullmatch(text, first.end, second.start)
            )
            and not breaks.between(second.end, stated.start)
        ):
            return first, second  # 由A增长到B，增长X%
        current, base = figures[index - 2], figures[index - 1]
        if (
            _comparable(base, current)
            and _LAST_YEAR_BEFORE.search(text, max(0, base.start - 12), base.start)
            and not breaks.between(current.end, stated.start)
        ):
            return base, current  # 完成B，较上年的A增长X%
        if (
            _comparable(base, current)
            and _BASE_IN_BRACKETS.search(text, max(0, base.start - 10), base.start)
            and text.startswith(("）", ")"), base.end)
            and not breaks.between(current.end, stated.start)
        ):
            return base, current  # 可达B（2020年A），比上年增长X%
    if 1 <= index < len(figures) - 1:
        current, base = figures[index - 1], figures[index + 1]
        if (
            _comparable(base, current)
            and _LAST_YEAR_BRACKET.fullmatch(text, stated.end, base.start)
            and not breaks.between(current.end, stated.start)
        ):
            return base, current  # 完成B，同比增长X%（上年同期A）, 完成B，同比增长X%，上年同期为A
    return None


def _comparable(first: Figure, second: Figure) -> bool:
    return (
        first.unit == second.unit
        and first.kind == second.kind
        and not first.approx
        and not second.approx
        and first.value is not None
        and second.value is not None
    )


def _parts(
    text: str, breaks: Marks, figures: list[Figure], subsets: _Subsets, lists: _Lists
) -> list[Finding]:
    """其中 … / 分别为 … after a whole: parts may not exceed it; 共…分别为 must add up."""
    findings = []
    figures = [f for f in figures if f.value is not None]
    starts = [figure.start for figure in figures]
    stops = lists.stops
    for marker in _MARKERS.finditer(text):
        index = bisect_left(starts, marker.start())
        after = _listed_after(lists, breaks, stops, figures, index, marker.end())
        closing = _bracket_closing(text, marker.start(), marker.end())
        if closing is not None:  # （其中一个深度贫困）: the parts end with the bracket
            after = [(f, past) for f, past in after if f.end <= closing]
        if marker.group().startswith("分别"):
            after = [(f, past) for f, past in after if not past]  # 分别达104%；第二批…: the clause's own
        after = _before_a_total(after, lists)
        opening = _sentence_opening(text, marker.start())
        anchor = next((f for f in reversed(figures[max(0, index - 4) : index]) if f.kind in _LEVEL), None)
        for unit in dict.fromkeys(f.unit for f, _ in after):
            whole = _whole_before(text, stops, figures, index, unit, opening)
            first = next(f for f, _ in after if f.unit == unit)
            certain = True
            if whole is not None and opening != marker.start():
                # 。其中热线派单532件: across a full stop the whole is the figure named like the parts, if any
                named = _whole_before(text, stops, figures, index, unit, opening, like=first)
                whole, certain = (named, True) if named is not None else (whole, False)
            if (
                whole is None
                or whole.approx
                or _names_another_whole(text, marker, whole)
                or _other_year(text, marker.end(), whole)
                or lists.per_unit(whole)
                or _AVERAGE_NAME.search(lists.name_of(whole)[-8:])  # 人均纯收入7643元，其中…镇8224元
                or _OTHERS.search(text, whole.end, marker.start())
                or _of_an_earlier_statement(text, whole, anchor)
            ):
                continue
            after_whole = _before_another_class(whole, after)
            if _opens_a_semicolon_item(text, whole, marker.start()):  # 产值53亿元；应税销售61亿元，其中…；
                after_whole = [
                    (f, past) for f, past in after_whole if not past
                ]  # 服务业应税销售41亿元: the next item
            # Past the first ；only parts named like the whole (其中种植业总产值…；林果业总产值…) or like
            # the first part (其中国税收入70万元，…；地税收入375万元)
            parts = _top_level(
                [
                    f
                    for f, past_clause in after_whole
                    if f.unit == unit
                    and f.kind == whole.kind
                    and (not past_clause or _named_like(whole, f, lists) or _sibling(whole, first, f))
                    and not _measured_otherwise(whole, f, lists)
                    and not _measured_otherwise(first, f, lists)  # 其中农业人口1749人，劳动力1185人
                    and not _planned_against_done(whole, f, lists)
                    and not (past_clause and _contrasting(whole, f, lists))
                    and _role_in_change(text, f) != "base"  # 其中…完成167731万元，比上年同期169412万元
                    and not _other_crop(whole, f, lists)
                    and not _other_land(whole, f, lists)
                    and not _unlike_and_larger(text, whole, first, f)
                    and not _other_sector(whole, f, lists)
                    and not _counts_other_things(text, whole, f)
                ]
            )
            if opening != marker.start() and certain:
                # 母羊45只、鸡苗1880只。其中…母羊16只、鸡苗970只: across a full stop, only the parts named like it
                parts = [p for p in parts if len(_common_suffix(p.subject, whole.subject)) >= 2]
            parts = _once_each(parts, lists)
            if _three_sectors(whole, parts[:3], lists):
                parts = parts[:3]  # 其中：第一产业…第二产业…第三产业…，财政收入108万元: the three make it
            parts = _without_sub_parts(_list_ends(whole, parts))
            if not parts:
                continue
            exhaustive = (
                (
                    marker.group().startswith("分别")
                    and _TOTAL_WORDS.search(text, max(0, whole.start - 8), whole.start)
                )
                or (
                    len(parts) >= 2
                    and lists.name_of(parts[-1]).lstrip("，,；;、").startswith(("其他", "其它"))
                    and sum(p.value for p in parts) * 2 > whole.value  # 其他支出: a category of a budget
                )
                or _two_halves(parts, lists)
                or _three_sectors(whole, parts, lists)
            )
            if _OVERLAP.search(text, whole.end, parts[-1].end + 12) or _two_splits(parts, lists):
                certain = False  # 交叉任职18659人: the parts overlap, their sum may pass the whole
            breakdown = len(parts) >= 3 and all(_named_like(whole, part, lists) for part in parts)
            if breakdown and "农林牧渔" in whole.subject and not any("渔" in lists.name_of(p) for p in parts):
                breakdown = False  # 农林牧渔业产值…其中农业…林业…畜牧业: the fishery is not listed
            if certain and _outer_whole_holds(text, stops, figures, starts, whole, parts):
                certain = False  # 出生人口278人，其中男性145人，女性133人，其中一胎202人: of the 278, not of the 133
            finding = _compare_parts(
                whole, parts, bool(exhaustive), subsets, breakdown=breakdown, exceed=certain,
                parallel=_one_list_of_kinds(text, whole, parts), sure=_sure_parts(text, whole, parts),
            )  # fmt: skip
            if finding is not None:
                findings.append(finding)
    return findings


# 粮食种植面积43907公顷，其中小麦…玉米…；油料…烟叶…蔬菜种植面积: crops beside the grain, not in it
_NOT_GRAIN = re.compile(
    r"油料|油菜|花生|烟叶|烤烟|棉花|蔬菜|瓜果|水果|茶叶|茶园|中药材|药材|甘蔗|糖料|麻类|花卉|食用菌|果园"
)


def _unlike_and_larger(text: str, whole: Figure, first: Figure, part: Figure) -> bool:
    """完成结扎110例，其中纯女户结扎11例，上环138例: larger than the whole, named like neither it nor the
    list's first part and not listed with it (水田2037亩、旱地7480亩 is), the next statement."""
    return (
        part is not first
        and part.value > whole.value
        and len(_common_suffix(part.subject, whole.subject)) < 2
        and len(_common_suffix(part.subject, first.subject)) < 2
        and (
            part.start - first.end > 300 or "、" not in text[first.end : part.start]
        )  # bounded: a 其中 in a long paste
    )


_LAND_CLASSES = ("耕地", "林地", "园地", "草地", "牧草地", "水域", "水面", "荒山", "荒地", "建设用地")


def _other_land(whole: Figure, part: Figure, lists: _Lists) -> bool:
    """耕地面积5726亩，其中水田2037亩、旱地748亩，林地面积31416亩: another class of land, no part."""
    held = next((land for land in _LAND_CLASSES if land in whole.subject), None)
    name = lists.name_of(part)[-8:]
    return held is not None and any(
        land in name for land in _LAND_CLASSES if land != held and land not in held
    )


def _other_crop(whole: Figure, part: Figure, lists: _Lists) -> bool:
    return "粮食" in whole.subject and _NOT_GRAIN.search(lists.name_of(part)[-12:]) is not None


def _two_halves(parts: list[Figure], lists: _Lists) -> bool:
    """其中城镇电话用户2080户，农村用户2472户: two parts that divide every whole they are listed under."""
    if len(parts) != 2:
        return False
    one, other = (_NAME_OPENING.sub("", lists.name_of(p).lstrip("，,；;、")) for p in parts)
    return any(
        (one.startswith(a) and other.startswith(b)) or (one.startswith(b) and other.startswith(a))
        for a, b in (*_CONTRASTS, *_OTHER_HALVES)
    )


_SECTOR = re.compile(r"第(?P<n>[一二三])产业|(?P<m>[一二三])产")


def _other_sector(whole: Figure, part: Figure, lists: _Lists) -> bool:
    """第二产业增加值50.55亿元，其中工业…；第三产业增加值34.55亿元: the next sector, not a part."""
    of_whole, of_part = _SECTOR.search(whole.subject), _SECTOR.search(lists.name_of(part)[-12:])
    return bool(of_whole and of_part) and (of_whole["n"] or of_whole["m"]) != (of_part["n"] or of_part["m"])


_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,8}")


def _counts_other_things(text: str, whole: Figure, part: Figure) -> bool:
    """辖五个行政村，其中13个农牧业小组: counts written number first, of things of another kind."""
    if whole.dimension != "count" or part.dimension != "count":
        return False
    nouns = [_COUNTED_NOUN.match(text, figure.end) for figure in (whole, part)]
    if not all(nouns):
        return False
    whole_noun, part_noun = (noun.group() for noun in nouns)
    return whole_noun[-1] != part_noun[-1] and whole_noun[-1] not in part_noun


_CONTRASTS = (("城市", "农村"), ("城镇", "农村"), ("城镇", "乡村"), ("城市", "乡村"), ("固定", "移动"))
_OTHER_HALVES = (("家庭户", "集体户"), ("进口", "出口"))  # with the pairs above, halves that make their whole


def _contrasting(whole: Figure, part: Figure, lists: _Lists) -> bool:
    """城市低保对象…，其中…；农村低保对象25070户: past the clause, the other half of a pair is a sibling."""
    name = lists.name_of(part)
    return any(
        (a in whole.subject and b in name) or (b in whole.subject and a in name) for a, b in _CONTRASTS
    )


def _outer_whole_holds(
    text: str, stops: Marks, figures: list[Figure], starts: list[int], whole: Figure, parts: list[Figure]
) -> bool:
    """An earlier figure of the sentence, of the whole's unit, that the parts fit in and that the whole is
    itself listed under: the 其中 may break that one down (五保对象336人，其中集中供养110人，其中新增40人，
    散养226人)."""
    total = sum((part.value for part in parts), Decimal(0))
    index = bisect_left(starts, whole.start)
    for earlier in reversed(figures[max(0, index - _WHOLE_REACH) : index]):
        if stops.between(earlier.end, whole.start):
            return False
        if (
            earlier.unit == whole.unit
            and earlier.value is not None
            and earlier.value >= total
            and ("其中" in text[earlier.end : whole.start] or _TOTAL_NAMED.search(earlier.subject))
        ):
            return True  # 财政总收入222827万元，…，一般公共预算收入97092万元，其中税收收入190268万元
    return False


_TOTAL_NAMED = re.compile(r"总(?:收入|人口|户数|产值|量|额|数)")


def _sure_parts(text: str, whole: Figure, parts: list[Figure]) -> list[Figure]:
    """The parts that may be held against the whole's size: the first after 其中, those named like the
    whole or like the first, and the next item of a list (、油菜1830亩、蔬菜3850亩) — not another kind of
    thing the sentence goes on to count (工业企业116家，其中规模以上工业企业5家，营业面积超过50平方米以上的
    综合商店或超市133家)."""
    sure = parts[:1]
    for earlier, part in pairwise(parts):
        if (
            len(_common_suffix(part.subject, whole.subject)) >= 2
            or len(_common_suffix(part.subject, parts[0].subject)) >= 2
            or _ITEM_GAP.fullmatch(text, earlier.end, part.start - len(part.subject))
            or _NUMBER_FIRST_GAP.fullmatch(text, earlier.end, part.start)  # 其中8个村党支部，6个机关支部
        ):
            sure.append(part)
    return sure


_ITEM_GAP = re.compile(r"[、，,；;]?\s*")
_NUMBER_FIRST_GAP = re.compile(r"[\u4e00-\u9fff]{1,12}[、，,；;]\s*")
# 阿者黑2个自然村未通公路外，其它自然村均已通了公路，其中84个: 其中 of the others, which have no figure
_OTHERS = re.compile(r"其它|其他|其余|剩余|另外")
# a类、b类人员家庭, 一类村: a class label before a name the next class repeats
_CLASS_LABEL = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ甲乙丙丁一二三四五六七八九十]{1,2}(?=[类類级級档檔等])")


def _of_an_earlier_statement(text: str, whole: Figure, anchor: Figure | None) -> bool:
    """b类家庭…18户48人，c类家庭111户，占51%，其中…83户，122人: the figure of 其中's own statement is 111户;
    a 48人 before it, past a comma, belongs to the statement before, not to this list."""
    return (
        anchor is not None
        and anchor.unit != whole.unit
        and whole.end <= anchor.start
        and any(mark in text[whole.end : anchor.start] for mark in "，,；;")
    )


_SECTOR_NAMES = (("第一产业", "一产"), ("第二产业", "二产"), ("第三产业", "三产"))


def _three_sectors(whole: Figure, parts: list[Figure], lists: _Lists) -> bool:
    """地区生产总值91.4亿元，其中第一产业…第二产业…第三产业…: the three sectors are all of it."""
    if "生产总值" not in whole.subject or len(parts) != 3:
        return False
    names = [lists.name_of(part).lstrip("其中，,：:；; ") for part in parts]
    return all(name.startswith(sector) for name, sector in zip(names, _SECTOR_NAMES, strict=True))


def _one_list_of_kinds(text: str, whole: Figure, parts: list[Figure]) -> bool:
    """党支部7个，其中农村支部5个、机关支部2个、学校支部1个: one 、-list of kinds of the whole, each named
    with the whole's own noun — no part is a sub-part of another, whatever some of them add up to."""
    return all(len(_common_suffix(part.subject, whole.subject)) >= 2 for part in parts) and all(
        _LIST_GAP.fullmatch(text, earlier.end, later.start - len(later.subject))
        for earlier, later in pairwise(parts)
    )


_LIST_GAP = re.compile(r"[、，,]")


def _before_another_class(whole: Figure, after: list[tuple[Figure, bool]]) -> list[tuple[Figure, bool]]:
    """b类人员家庭42户，其中…，c类人员家庭111户: the next class, named as the whole with another label,
    starts a statement of its own."""
    label = _CLASS_LABEL.match(whole.subject)
    if label is None:
        return after
    name = whole.subject[label.end() :]
    for at, (figure, _) in enumerate(after):
        other = _CLASS_LABEL.match(figure.subject)
        if other is not None and other.group() != label.group() and figure.subject[other.end() :] == name:
            return after[:at]
    return after


_PLANNED = re.compile(r"计划|目标|任务|总投资|打算|预计")


def _planned_against_done(whole: Figure, part: Figure, lists: _Lists) -> bool:
    """建设105个，其中计划开工的113个; 已完成投资42.7亿元…总投资243.55亿: a plan is no part of what was done."""
    return bool(_PLANNED.search(lists.name_of(part))) != bool(_PLANNED.search(lists.name_of(whole)))


def _once_each(parts: list[Figure], lists: _Lists) -> list[Figure]:
    """其中村党支部14个…，4月8日之前14个村党支部换届: one item said twice is one part."""
    kept: list[Figure] = []
    for part in parts:
        if not any(part.value == earlier.value and _names_again(lists, earlier, part) for earlier in kept):
            kept.append(part)
    return kept


def _names_again(lists: _Lists, earlier: Figure, later: Figure) -> bool:
    noun = lists.name_of(earlier).removeprefix("其中")[-4:]
    return len(noun) >= 2 and noun in lists.text[later.end : later.end + 8]


def _measured_otherwise(whole: Figure, part: Figure, lists: _Lists) -> bool:
    """农林牧渔业增加值25814万元…其中农业产值19217万元，增加值11956万元: 产值 is no part of 增加值;
    实际利用外资1.336亿美元…其中注册协议外资2.45亿美元: what was signed is no part of what arrived."""
    if _agreed_and_realized(whole.subject, lists.name_of(part) or part.subject):
        return True
    of_whole = _measure(whole.subject)
    of_part = _measure(lists.name_of(part)) or _measure(part.subject)
    return of_whole is not None and of_part is not None and of_whole != of_part


_REALIZED = re.compile(r"实际|到位|实到|到账")
_AGREED = re.compile(r"合同|协议|注册|签约|批准")


_HAS_DIGIT = re.compile(r"[0-9]")
_PER_UNIT_NAME = re.compile(r"每|单产|亩产|人均|亩均|户均|头均|平均|均价")
_OVERLAP = re.compile(r"交叉任职|交叉|兼任|一肩挑|重叠|重复计算")
_TOTAL_NAME = re.compile(r"合计|总计|共计")


def _before_a_total(after: list[tuple[Figure, bool]], lists: _Lists) -> list[tuple[Figure, bool]]:
    """…，收入合计为6449万元: a total ends the list of parts before it."""
    for at, (figure, _) in enumerate(after):
        if _TOTAL_NAME.search(lists.name_of(figure)):
            return after[:at]
    return after


def _without_sub_parts(parts: list[Figure]) -> list[Figure]:
    """其中谯城区159.4万人，城镇人口32.46万人，乡村人口126.95万人: parts that make an earlier part are
    its own breakdown, not more parts of the whole."""
    kept: list[Figure] = []
    at = 0
    while at < len(parts):
        part = parts[at]
        kept.append(part)
        low, high = _bounds(part)
        total = slack = Decimal(0)
        end = at + 1
        for follower in parts[at + 1 : at + 1 + _SUBSET_PARTS]:
            total, slack = total + follower.value, slack + follower.tolerance
            end += 1
            if end - at >= 3 and total - slack <= high and total + slack >= low:
                at = end - 1  # skip the sub-parts
                break
            if total - slack > high:
                break
        at += 1
    return kept


def _list_ends(whole: Figure, parts: list[Figure]) -> list[Figure]:
    """Where a 其中 list stops: once its parts make the whole (耕地3261亩，其中田1955亩、土1306亩，林木8185亩)."""
    low, high = _bounds(whole)
    total = slack = Decimal(0)
    for at, part in enumerate(parts):
        total, slack = total + part.value, slack + part.tolerance
        if (
            (at or part.value == whole.value)
            and total - slack <= high
            and total + slack >= low
            and at + 1 < len(parts)
        ):
            following = _core(parts[at + 1].subject)  # 林地面积 is no more 耕地面积 after 水田、旱地面积
            shared = min(
                len(_common_suffix(following, _core(whole.subject))),
                len(_common_suffix(following, _core(part.subject))),
            )
            if shared >= 2:
                continue  # 党支部7个，其中农村支部5个、机关支部2个、学校支部1个: the next is one more of them
            return parts[: at + 1]
    return parts


def _other_year(text: str, position: int, whole: Figure) -> bool:
    """由2.66亿元增加到202x年的4.559亿元，其中201x年…突破10亿: 其中 a year, the whole another year's figure."""
    part_year = _YEAR.match(text, position)
    whole_year = _YEAR.search(text, max(0, whole.start - 8), whole.start)
    return bool(part_year and whole_year and part_year.group() != whole_year.group())


class _Lists:
    """What the list checks ask of one text — where sentences stop, where a 其中 list ends early (a new
    statement, a nested （其中…）), the words of a part's own clause — each found once per text, so that
    every question is a binary search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = Marks(text, "。\n")
        self.statements = Marks(text, pattern=_NEW_STATEMENT)
        self.nested = Marks(text, pattern=_NESTED_LIST)
        self.closings = Marks(text, "）)")
        self.qizhong = Marks(text, pattern=re.compile("其中"))
        self._names: dict[int, str] = {}

    def inside_nested_list(self, start: int, end: int) -> bool:
        opened = self.nested.last_before(end)
        return opened >= start and not self.closings.between(opened, end)

    def describes_a_name(self, figure: Figure) -> bool:
        """总投资20亿元的华能光伏项目: the figure is said of a name, it is no part."""
        return self.text.startswith("的", figure.end)

    def per_unit(self, figure: Figure) -> bool:
        """6316公斤/公顷: a yield or a price per unit, which no list adds up."""
        if "/" in figure.unit or self.text.startswith(("/", "／"), figure.end):
            return True
        name = self.name_of(figure)  # 单产每公顷4902公斤; not 人均不足13平方米14户, a class by size
        return bool(_PER_UNIT_NAME.search(name)) and not _HAS_DIGIT.search(name)

    def name_of(self, figure: Figure) -> str:
        """The words of the figure's clause before it, at most 30 characters (第二产业实现增加值).

        Kept by where the figure starts: the list checks ask it of one figure again and again,
        once for each 其中 whose parts they look through.
        """
        name = self._names.get(figure.start)
        if name is None:
            name = self._names[figure.start] = _clause_before(self.text, figure.start, 30)
        return name


def _listed_after(
    limits: _Lists, breaks: Marks, stops: Marks, figures: list[Figure], index: int, position: int
) -> list[tuple[Figure, bool]]:
    """The level figures after 其中 to the sentence's end, each with whether a ；stands before it."""
    found = []
    # The list ends at the sentence's stop or at a new statement, found once for all its figures.
    ends = [at for at in (stops.first_from(position), limits.statements.first_from(position)) if at >= 0]
    nested = limits.qizhong.first_from(position)  # 劳动力260人，其中从事第一产业223人: the next 其中 is
    if nested > 0 and limits.text[nested - 1] not in "（(":  # the breakdown of the item before it
        ends.append(nested)
    end = min(ends, default=len(limits.text))
    for figure in figures[index : index + _PARTS_REACH]:
        if figure.start < position:
            continue
        if figure.start > end:
            break
        if limits.inside_nested_list(position, figure.start):
            continue  # （其中两因户…）: a list of its own inside this one
        if (
            figure.kind in _LEVEL
            and not figure.approx
            and not limits.describes_a_name(figure)
            and not limits.per_unit(figure)
        ):
            found.append((figure, breaks.between(position, figure.start)))
    return found


# 财政总收入10944万元，其中税收收入6752万元，地方财政收入7774万元: two ways to split one total
_SPLITS = (("税收", "非税"), ("地方", "上划", "上解", "中央", "省级"))


def _two_splits(parts: list[Figure], lists: _Lists) -> bool:
    names = [lists.name_of(part)[-10:] for part in parts]
    used = {at for at, split in enumerate(_SPLITS) for name in names if any(word in name for word in split)}
    return len(used) > 1


def _names_another_whole(text: str, marker: re.Match, whole: Figure) -> bool:
    """女性人口54882人；…60岁及以上户籍人口分别为18891人…: the clause of 分别 names its own whole."""
    if not marker.group().startswith("分别") or marker.start() - whole.end > 60:
        return False
    clause = _clause_before(text, marker.start(), 20)
    if len(clause) < 3 or whole.end > marker.start() - len(clause):
        return False  # 共有企业120家，分别为: the whole's own clause
    return len(_common_suffix(clause.rstrip("的为是有"), whole.subject)) < 3


def _opens_a_semicolon_item(text: str, whole: Figure, marker: int) -> bool:
    """The whole is an item of a list whose items a ；ends, and its 其中 is in its own clause: its parts
    end at the next ；(not so where the 其中 opens a sentence or a ；item of its own)."""
    opening = whole.start - len(_clause_before(text, whole.start, 30)) - 1
    between = text[whole.end : marker] if marker - whole.end < 80 else "。"
    return opening >= 0 and text[opening] in "；;" and not any(mark in between for mark in "。；;")


def _bracket_closing(text: str, start: int, end: int) -> int | None:
    """Where the bracket closes that holds ``text[start:end]``, if one opened just before it."""
    window = max(0, start - 30)
    opened = max(text.rfind("（", window, start), text.rfind("(", window, start))
    if opened < 0 or max(text.rfind("）", opened, start), text.rfind(")", opened, start)) >= 0:
        return None
    closes = [at for mark in "）)" if (at := text.find(mark, end, end + 200)) >= 0]
    return min(closes) if closes else None


def _named_like(whole: Figure, part: Figure, lists: _Lists | None = None) -> bool:
    """Part and whole end in the same name of three characters or more (业总产值, 贫困户): one measure broken
    down; or the whole names its sectors (农林牧渔业总产值) and the part's clause names one (渔业产值,
    第二产业实现增加值)."""
    if len(whole.subject) >= 3 and whole.subject[-3:] == part.subject[-3:]:
        return True  # a common suffix of three or more, found without walking it: asked 70,000 times in 5 MB
    for whole_word, sectors in _SECTORS.items():
        if whole_word in whole.subject:
            name = lists.name_of(part) if lists is not None else part.subject
            return name.lstrip("其中，,：: ").startswith(sectors)
    return False


def _sibling(whole: Figure, first: Figure, part: Figure) -> bool:
    """财税总收入…其中国税收入…；地税收入: a part named like the list's first one, both named like the whole."""
    shared = _common_suffix(
        first.subject, part.subject
    )  # 税收入, not the bare measure 产量 of 油菜籽产量…蔬菜总产量
    return len(shared) >= 3 and len(_common_suffix(whole.subject, shared)) >= 2


def _common_suffix(first: str, second: str) -> str:
    size = 0
    while size < min(len(first), len(second)) and first[-1 - size] == second[-1 - size]:
        size += 1
    return first[len(first) - size :]


def _sentence_opening(text: str, position: int) -> int:
    """…1291.92亿元，同比增长6.2%。其中，第一产业…: a 其中 that opens a sentence looks back across its full stop."""
    return position - 1 if position and text[position - 1] == "。" else position


_BRACKETED = re.compile(r"[（(][^（()）]*$")
_CLOSED = re.compile(r"[^（()）]{0,8}[）)]")


def _whole_before(
    text: str,
    stops: Marks,
    figures: list[Figure],
    index: int,
    unit: str,
    position: int,
    like: Figure | None = None,
) -> Figure | None:
    """The nearest figure of the unit before ``position`` in its sentence; with ``like``, the nearest
    named like that part (派单601件 for 其中热线派单532件)."""
    for at in range(index - 1, max(-1, index - 1 - _WHOLE_REACH), -1):
        candidate = figures[at]
        if candidate.end > position:
            continue
        if stops.between(candidate.end, position):
            return None
        if like is not None and len(_common_suffix(candidate.subject, like.subject)) < 2:
            continue
        if _BRACKETED.search(text, max(0, candidate.start - 12), candidate.start) and _CLOSED.match(
            text, candidate.end
        ):
            continue  # 贫困村89个(深度贫困村41个)、…，其中: a note in brackets is no whole of what follows
        if (
            candidate.unit == unit
            and candidate.kind in _LEVEL
            and _role_in_change(text, candidate) is None
            and not (
                candidate.start
                and text[candidate.start - 1] in "(（"
                and at
                and candidate.start - figures[at - 1].end <= 5
            )
        ):
            return candidate  # 累计完成61646万元…增收5939万元。其中: the whole, not its change
    return None


def _top_level(parts: list[Figure]) -> list[Figure]:
    """Drop parts nested in an earlier part: 工业总产值 … 规模以上企业工业产值."""
    kept: list[Figure] = []
    cores: list[str] = []  # what names an earlier part: 工业总产值 → 工业产值
    for part in parts:
        nested = any(
            (core in part.subject and part.subject != earlier.subject and part.value <= earlier.value)
            or _narrower_class(earlier.subject, part.subject)
            for core, earlier in zip(cores, kept, strict=True)
            if core
        )
        if not nested:
            kept.append(part)
            core = part.subject.replace("总", "")
            cores.append(core if len(core) >= 2 else "")
    return kept


# 受灾面积81.34万亩，其中成灾面积62.8万亩、绝收面积43.6万亩: each class inside the one before it
_NARROWER = (("成灾", "绝收"), ("受灾", "成灾"), ("规模以上", "亿元以上"), ("贫困户", "五保户"))


def _narrower_class(earlier: str, later: str) -> bool:
    return any(wide in earlier and narrow in later for wide, narrow in _NARROWER)


def _compare_parts(
    whole: Figure,
    parts: list[Figure],
    exhaustive: bool,
    subsets: _Subsets,
    breakdown: bool = False,
    exceed: bool = True,
    parallel: bool = False,
    sure: list[Figure] | None = None,
) -> Finding | None:
    """Parts against their whole. ``breakdown``: three or more parts all named like the whole,
    whose sum falls just short of it — a list meant to be complete, with a figure wrong.
    ``exceed``: whether parts above the whole count (only where 其中 says they are parts)."""
    whole_low, whole_high = _bounds(whole)
    total = sum((p.value for p in parts), Decimal(0))
    slack = sum((p.tolerance for p in parts), Decimal(0))
    listed = "+".join(p.span for p in parts)
    sure = parts if sure is None else sure
    for part in sure if exceed else ():
        if part.value - part.tolerance > whole_high:
            message = f"分项{part.span}大于总数{whole.span}"
            return Finding("part-exceeds-whole", "error", whole.start, whole.end, whole.span, message)
    sure_total = sum((p.value for p in sure), Decimal(0))
    sure_slack = sum((p.tolerance for p in sure), Decimal(0))
    if (
        exceed
        and len(sure) >= 2
        and sure_total - sure_slack > whole_high
        and (parallel or not subsets.some_add_up(sure, whole))
    ):
        listed_sure = "+".join(p.span for p in sure)
        message = f"分项之和超过总数：{listed_sure}={_amount(sure_total, whole)}，大于{whole.span}"
        return Finding("parts-exceed-whole", "error", whole.start, whole.end, whole.span, message)
    if exhaustive and len(parts) >= 2 and (total + slack < whole_low or total - slack > whole_high):
        message = f"分项之和与总数不符：{listed}={_amount(total, whole)}，总数为{whole.span}"
        return Finding("parts-sum-mismatch", "error", whole.start, whole.end, whole.span, message)
    if breakdown and total + slack < whole_low and total >= whole.value * _NEARLY_ALL:
        message = (
            f"分项之和与总数不符：{listed}={_amount(total, whole)}，总数为{whole.span}"
            f"（所列分项与总数同名或是其组成部分，似应相加等于总数）"
        )
        return Finding("parts-sum-mismatch", "error", whole.start, whole.end, whole.span, message)
    return None


class _Subsets:
    """Is there a subset of the parts that makes up the whole (the rest nested in them)?

    A search over sums, dropping every sum already past the whole (parts are not negative).
    The states it may visit are counted over the whole text: a text built to make every
    其中 a hard search gets silence, not a stalled server.
    """

    def __init__(self, budget: int = _SUBSET_BUDGET) -> None:
        self.left = budget

    def some_add_up(self, parts: list[Figure], whole: Figure) -> bool:
        """True when 2 or more parts, not all of them and at most 7, fit the whole."""
        if len(parts) > _SUBSET_PARTS:
            return True  # past a dozen parts the list is not one breakdown: assume the best
        whole_low, whole_high = _bounds(whole)
        largest = min(len(parts), 8) - 1
        states = {(Decimal(0), Decimal(0), 0)}
        for part in parts:
            grown = set()
            for total, slack, size in states:
                if size < largest and total + part.value - slack - part.tolerance <= whole_high:
                    grown.add((total + part.value, slack + part.tolerance, size + 1))
            self.left -= len(grown)
            if self.left < 0:
                return True
            states |= grown
        return any(
            size >= 2 and total - slack <= whole_high and total + slack >= whole_low
            for total, slack, size in states
        )


def _amount(value: Decimal, like: Figure) -> str:
    scale = like.scale
    suffix = {
        Decimal(10**8): "亿",
        Decimal(10**4): "万",
        Decimal(10**12): "万亿",
        Decimal(10**7): "千万",
    }.get(scale, "")
    return f"{format_number(value / scale)}{suffix}{like.unit}"


def _records(text: str, breaks: Marks, figures: list[Figure], subsets: _Subsets) -> list[Finding]:
    """重大项目22只，完成投资3.97亿元；其中工业项目17只 … 三产项目5只 …: when the counts
    of the parts add up to the whole's count, their amounts must add up to its amount."""
    records = _count_amount_pairs(breaks, figures)
    starts = [f.start for f in figures]
    findings = []
    for index, (count, amount) in enumerate(records):
        rest = records[index + 1 : index + 1 + _PARTS_REACH]
        if not rest or "其中" not in text[amount.end : rest[0][0].start]:
            continue
        group, counted = [], Decimal(0)
        for part_count, part_amount in rest:
            if part_count.unit != count.unit or part_amount.unit != amount.unit:
                break
            group.append(part_amount)
            counted += part_count.value
            if counted >= count.value:
                break
        if counted != count.value or len(group) < 2:
            continue
        amount = _amount_like_parts(breaks, figures, bisect_left(starts, amount.start), group[0])
        finding = _compare_parts(amount, group, True, subsets)
        if finding is not None:
            counts = "+".join(c.span for c, _ in rest[: len(group)])
            finding = Finding(
                finding.code, finding.severity, finding.start, finding.end, finding.span,
                f"{finding.message}（分项个数{counts}={count.span}，应为全部分项）",
            )  # fmt: skip
            findings.append(finding)
    return findings


def _amount_like_parts(breaks: Marks, figures: list[Figure], at: int, part: Figure) -> Figure:
    """合同109个，协议引资7.78亿元，到位资金8.29亿元…其中工业项目35个，到位资金6.14亿元: of the amounts
    after the whole's count, the one named as its parts are."""
    amount = figures[at]
    best, best_size = amount, 1
    for follower in figures[at : at + 3]:
        if follower.kind == "count" or breaks.between(amount.end, follower.start):
            break
        size = len(_common_suffix(follower.subject, part.subject))
        if follower.unit == amount.unit and size >= 2 and size > best_size:
            best, best_size = follower, size
    return best


def _count_amount_pairs(breaks: Marks, figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    pairs = []
    for index, figure in enumerate(figures):
        if figure.kind != "count" or figure.approx:
            continue
        for follower in figures[index + 1 : index + 3]:
            if follower.kind == "count" or breaks.between(figure.end, follower.start):
                break
            if follower.kind == "amount" and not follower.approx and follower.start - figure.end < 24:
                pairs.append((figure, follower))
                break
    return pairs
