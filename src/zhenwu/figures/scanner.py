"""Find the figures in running text with one compiled scanner; per-match work only.

The scanner is a single alternation: dates, labels and idioms first (they consume their
digits so that nothing inside them is read as a quantity), then ratios, then figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from zhenwu.figures import _data
from zhenwu.figures._tables import CELL_NUMBER, is_heading, loose_tables, table_rows
from zhenwu.figures._traditional import SIMPLIFIED, TRADITIONAL
from zhenwu.figures.context import classify
from zhenwu.figures.model import Figure
from zhenwu.figures.numbers import ParseError, clean, parse_arabic, parse_chinese, parse_number


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


# A PDF's text layer may put a space after the decimal point (22. 30亿元); thousands may be
# set apart by a comma or a space (21,362人, 21 362人).
_AR = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9])|(?<![0-9]{4}) [0-9]{3}(?![0-9.．]))*(?:[.．] ?[0-9０-９]+)?"
# 5 9亿元, 108 3%: a PDF's text layer that dropped the decimal point and left a space.
# 3、19亿元 after a word: 、 typed for the point (at a line's start it ends a list number: 1、2万元以上).
LOST_POINT = (
    r"(?:[0-9]{1,3} |(?<=[\u4e00-\u9fff])[0-9]{1,6}、)[0-9]{1,2}(?=(?:万|亿)?(?:元|%|％|﹪|吨)|亿|万)"
)
_CN = (
    r"[〇零一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾廿卅][〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*"
    r"(?:点[〇零一二三四五六七八九]+)?"
)
# Not inside a number, a code (S274) or an ordinal (第3名); an indicator's acronym may touch it (GDP19.92亿元).
_NUM_START = r"(?:(?<![0-9A-Za-z.０-９．第])|(?<=GDP)|(?<=CPI))"
_CN_DIGIT = "[零一二两三四五六七八九壹贰叁肆伍陆柒捌玖]"  # 壹角捌分: the 角 and 分 of an amount
_CN_START = (
    r"(?<![〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟第数几])"  # nor a vague 数十, 几百
)
_MAG = r"(?:万亿|千[余多]?万|百[余多]?万|十[余多]?万|个亿(?!元以上)|亿|万|千(?![米克瓦]))"  # 4.9个亿: spoken 亿元; 1千余万元
_UNITS = _alternation(_data.UNITS)
_SPLIT_POINTS = r"个 ?百 ?分 ?点"  # 5 个百 分点: a PDF text layer split the unit
# A number and its unit may stand apart (3212 万元; a table cell's 3.5⏎亿美元), but across a
# line break only a unit that cannot start a word of its own (项目, 人员, 方案 could).
_SPACE = r"[ \t\u00a0\u3000]{0,3}"
_BREAK = rf"{_SPACE}\n{_SPACE}"
_UNITS_ACROSS_LINES = _alternation(
    unit for unit, dimension in _data.UNITS.items() if dimension in _data.UNMISTAKABLE_DIMENSIONS
)

_DATE = (
    r"(?P<date>(?<![0-9])(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}年(?:度|底|初|末)?(?:\d{1,2}(?:[-—~～－至]\d{1,2})?月份?(?:\d{1,2}[日号])?)?"
    r"|\d{1,2}(?:[-—~～－至]\d{1,2})?月份?(?:\d{1,2}[日号])?(?:[-—~～－至]\d{1,2}[日号])?"
    r"|[〇零一二三四五六七八九]{4}年"
    r"|[一二三四1-4]季度|前三季度|上半年|下半年"
    r"))"
)
_LABEL = (
    r"(?P<label>[〔\[［(（]\d{4}[〕\]］)）]\s*第?\d+号"
    r"|(?<![0-9])\d+(?:国道|省道|县道|乡道|号线|号)"
    r"|(?:浏览次数|浏览量|阅读量|阅读次数|点击量|点击数|访问量|访问次数|浏览|阅读|点击|评论)[:：]\s*\d+次?"
    r"|(?:浏览次数|浏览量|阅读量|阅读次数|点击量|点击数|访问量|访问次数|下载次数|下载|收藏)\s*\d+次?"
    r"|(?<=总结|报告|范文|汇报|讲话|材料|心得|体会|发言|合集|大全|精选)(?:\d+|[一二三四五六七八九十]{1,2})篇"
    r"(?=[ \t]*(?:\n|$)|[，,](?:相信|希望|供|欢迎|仅供))"  # 工作总结6篇⏎: how many articles a page holds
    r"|[(（](?:通用|精选|优选|汇总|合集|热门)?(?:\d+|[一二三四五六七八九十]{1,2})篇(?:范文)?[)）](?=[ \t]*(?:\n|$)))"  # 总结(通用16篇)⏎: a page's title
)
# 签约120个, 最近3年, 赶超: the 约, 近 or 超 of a word, not "about" or "over"
_NOT_APPROX = "".join(
    f"(?<!{word})" for word in ("签约", "预约", "节约", "制约", "公约", "条约", "契约", "邀约", "相约", "履约",
                                "违约", "特约", "最近", "附近", "临近", "邻近", "靠近", "赶超", "高超")
)  # fmt: skip
_IDIOM = rf"(?P<idiom>{_alternation(_data.IDIOMS)}|十[一二三四五六]五)"
_RATIO = rf"(?P<ratio>{_NUM_START}{_AR}(?:[:：∶︰]-?{_AR})+)"  # 贡献率-1.6:8.0:93.6: a part may be negative
_FIGURE = (
    rf"(?P<pre>(?:{_alternation(_data.APPROX_BEFORE)}){_NOT_APPROX}|(?<=[中刚，,、；;：:（(])过)?"  # 其中过500万元的两个
    r"(?:"
    rf"(?:{_NUM_START}(?P<num>{LOST_POINT}|{_AR})|{_CN_START}(?P<cn>{_CN}))"
    rf"(?:{_SPACE}(?P<in1>[多余]))?(?:(?:{_SPACE}|{_BREAK})(?P<mag>{_MAG}))?(?P<tail>(?<=亿)[0-9]+(?:千万|百万|万)|(?<=万)[0-9]千|(?<=万)[0-9]{{3,4}}(?![0-9.])|(?<=万)[一二两三四五六七八九]千(?:[零一二三四五六七八九]百)?)?"
    rf"(?:(?P<sep>[-－—―~～]|至|到)(?P<num2>{_AR}|{_CN})(?P<mag2>{_MAG})?)?"
    r"(?P<in2>[多余])?"
    rf"(?:{_SPACE}(?P<unit>{_SPLIT_POINTS}|{_UNITS})|{_BREAK}(?P<unit_nl>{_UNITS_ACROSS_LINES}))?"
    rf"(?:(?<=[元圆])(?P<jiao>{_CN_DIGIT}角)?(?P<fen>{_CN_DIGIT}分(?!之))?)?"  # 整/正 after stays outside
    r"|百分之(?P<pct>" + _AR + "|" + _CN + ")"
    r")"
    rf"(?P<post>{_alternation(_data.APPROX_AFTER)})?"
    r"|(?P<nearq>近|上)(?P<near>千亿|百亿|十亿|百万|千万|亿|百|千|万)(?P<nunit>名|人次|人|户|家|个|次|元|册|份|件|株|棵|头|只|亩|吨|套|台|辆|平方米)"  # 近百名枣农, 近万人, 近百亿元, 上千人
    r"|(?P<pre2>突破|超|逾|过|破|上)(?P<bare>千亿|百亿|十亿|千万|百万|亿)(?P<bunit>元|美元)?(?P<post2>以上)?"
    r"|(?P<flat>同比持平|与上年持平|与去年持平)"
)
# The lookahead lets the engine skip, in C, every position where no alternative can start.
_FIRST = "".join(
    sorted(
        set(
            "0123456789０１２３４５６７８９〇零一二两三四五六七八九十百上下前〔[［(（同与超逾过突破廿卅浏阅点访收"
        )
        | set(_data.CAPITAL_DIGITS)
        | {word[0] for word in (*_data.IDIOMS, *_data.APPROX_BEFORE)}
    )
)
SCANNER = re.compile(
    f"(?=[{re.escape(_FIRST)}])(?:" + "|".join((_DATE, _LABEL, _IDIOM, _RATIO, _FIGURE)) + ")"
)

# Words after which a bare number is a percentage with its % left out (占年计划的58.2, 同比增长17.8).
_PERCENT_BEFORE = re.compile(
    r"(?:(?:同比|比上年|较上年)?(?:增长|下降|增加|减少|增幅|降幅|增速|提高|降低)(?:了|为|达到?)?"
    r"|(?:占比|比重|(?<![汇利])率)(?:均为|均达|为|达到?|是|低于|高于|不低于|不足|超过|控制在)?"
    r"|(?<![\u4e00-\u9fff])占"  # ，占60，
    r"|占[^，,。；;、\n]{1,16}?的(?:比重|比例)?(?:为|达到?)?"
    r"|占[^，,。；;、\n的]{0,6}?(?:计划|任务|目标)"
    r"|完成[^，,。；;、\n]{0,10}?(?:目标|计划|任务)(?:的)?)(?:[0-9]{1,3}(?:\.[0-9]+)?和)?$"  # 分别下降了8和12
)
# Besides the script: ﹒ (a small full stop some sites print) is a decimal point (14﹒5).
_FOLDED_ALSO, _FOLDED_TO = "﹒", "."
_TRADITIONAL = re.compile("[" + re.escape(TRADITIONAL + _FOLDED_ALSO) + "]")
_FOLD = str.maketrans(TRADITIONAL + _FOLDED_ALSO, SIMPLIFIED + _FOLDED_TO)

_QUOTES_OPEN = '“‘「『"'
_QUOTES_CLOSE = '”’」』"'
_IMPLICIT_BEFORE = ("达到", "实现", "完成", "达", "为")


def fold(text: str) -> str:
    """Traditional characters as simplified, one for one, so that offsets stay put.

    >>> fold("完成投資3.2億元，佔年計劃的52%")
    '完成投资3.2亿元，占年计划的52%'
    """
    if not _TRADITIONAL.search(text):
        return text
    return text.translate(_FOLD).replace("计画", "计划")  # 年計畫: Taiwan's word for 计划, as long


def extract(text: str, *, dates: bool = False) -> list[Figure]:
    """Find every figure in ``text``, in order; dates and periods only when asked.

    >>> [(f.span, str(f.value), f.unit, f.kind) for f in extract("完成固定资产投资6.02亿元，同比增长26.6%")]
    [('6.02亿元', '602000000', '元', 'amount'), ('26.6%', '26.6', '%', 'growth')]
    >>> [f.subject for f in extract("完成固定资产投资6.02亿元")]
    ['固定资产投资']
    >>> extract("一是坚持〔2021〕6号文件，沿307国道建成5A级景区，进一步三城同创")
    []
    >>> [(f.span, str(f.value), f.unit) for f in extract("實現產值1.5億元，新增企業3個")]
    [('1.5億元', '150000000', '元'), ('3個', '3', '个')]
    """
    folded = fold(text)
    figures = _extract(folded, dates)
    if folded is not text:
        for figure in figures:
            figure.span = text[figure.start : figure.end]  # as written, in its own script
    return figures


def _extract(text: str, dates: bool) -> list[Figure]:
    figures: list[Figure] = []
    for match in SCANNER.finditer(text):
        group = match.lastgroup
        if group in ("label", "idiom"):
            continue
        if group == "date":
            if dates:
                figures.append(_date(match))
            continue
        if group == "ratio":
            figure = _ratio(match, text)
        elif match["flat"]:
            figure = _flat(match)
        else:
            figure = _figure(match, text)
        if figure is not None:
            figures.append(figure)
    extra = _enumerated_counts(text) + _more_than_half(text) + _counted_points(text) + _doublings(text)
    if cells := _table_cells(text):
        taken = {figure.start for figure in figures}
        extra += [cell for cell in cells if cell.start not in taken]
    if extra := extra + _durations(text):
        figures = sorted(figures + extra, key=lambda f: f.start)
    if "同期(" in text or "同期（" in text:
        figures = _bases_in_brackets(text, figures)
    figures = _points_shared(text, _money_like_neighbour(text, _negatives(text, figures)))
    return classify(text, _merge_ranges(text, figures))


_MINUS = "-－"
_BEFORE_MINUS = set("为是：:（(，,、；; \t\n|增长速幅降达")  # 比增-2.8%, 增长-3.2%


def _negatives(text: str, figures: list[Figure]) -> list[Figure]:
    """年均增速为-3.91%, | -2.36 |: a minus sign after a word or a cell's edge makes the figure negative;
    after a digit it joins a range (3-5户) instead."""
    for figure in figures:
        start = figure.start
        if (
            start
            and text[start - 1] in _MINUS
            and figure.value is not None
            and figure.value > 0
            and (start == 1 or text[start - 2] in _BEFORE_MINUS)
        ):
            figure.start, figure.value = start - 1, -figure.value
            figure.span = text[start - 1 : figure.end]
    return figures


def _date(match: re.Match) -> Figure:
    return Figure(match.start(), match.end(), match.group(), None, "", "date", "date")


_RATIO_NAMED = re.compile(r"比[^，,。；;\n]{0,5}$|(?:结构|比重|比例)[^，,。；;\n]{0,15}$")


def _ratio(match: re.Match, text: str) -> Figure | None:
    span = match.group()
    numbers = re.split("[:：∶︰]", span)
    if not any("." in n for n in numbers) and not _RATIO_NAMED.search(
        text, max(0, match.start() - 16), match.start()
    ):
        return None  # 12:30 is a time; 三次产业结构由19:37:44优化为17:48:35 are ratios
    start = match.start()
    if start and text[start - 1] in "-－" and (start < 2 or not text[start - 2].isdigit()):
        start, numbers[0] = start - 1, "-" + numbers[0]  # 分别是-1.6:8.0:93.6
    parts = tuple(clean(parse_arabic(n.lstrip("-"))) * (-1 if n.startswith("-") else 1) for n in numbers)
    return Figure(start, match.end(), text[start : match.end()], None, "", "ratio", "ratio", parts=parts)


def _flat(match: re.Match) -> Figure:
    return Figure(
        match.start(), match.end(), match.group(), Decimal(0), "%", "growth", "percent", direction="flat"
    )


_BARE_MAGNITUDES = {
    word: Decimal(10) ** power
    for word, power in (
        ("千亿", 11),
        ("百亿", 10),
        ("十亿", 9),
        ("亿", 8),
        ("千万", 7),
        ("百万", 6),
        ("万", 4),
        ("千", 3),
        ("百", 2),
    )
}


_SPACED_THOUSANDS = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")


_LABEL_AFTER_SPACE = re.compile(r"家庭|户口|户籍|户数|人口|人数|个人")
_LABEL_UNITS = frozenset("家户人个")


_PER_BASE_END = re.compile(r"(?:常住)?(?:人口)?中")
_NOT_VILLAGES = re.compile("民|委|级|庄|落|务|集体|干部|组|镇")
_NOT_SOCIETIES = re.compile("区|会|保|团|员|科|工")
_LATIN_UNITS = {"m", "mm", "cm", "kW", "KW", "kw", "m3"}


# 分 is a score (得分95.6分，由3分增加到5分) unless it opens a word: 分之, 分公司, 分别, 分类 …
_NOT_A_SCORE = re.compile(
    "之|钟|别|局|公司|厂|院|会|校|队|站|中心|行|所|类|批|期|步|片|区|级|层|组|户|散|配|解|工|析|流|拣|红|享"
    "|担|成|为|开|布|摊|离|裂|明|数|值|制|档|项|部|社|店|场|段|册|管|包|发|送|头|线|秒|田|地|到|拨|文|钱"
)


def _figure(match: re.Match, text: str) -> Figure | None:
    start, end = match.span()
    if match["near"] is not None:
        unit = match["nunit"]
        return Figure(
            start, end, match.group(), _BARE_MAGNITUDES[match["near"]], unit, "amount",
            _data.UNITS.get(unit, "count"), approx=True, qualifier=match["nearq"],
        )  # fmt: skip
    if match["bare"] is not None:
        value = _BARE_MAGNITUDES[match["bare"]]
        unit = match["bunit"] or _data.MONEY_DEFAULT_UNIT
        return Figure(
            start, end, match.group(), value, unit, "amount", "money", approx=True,
            qualifier=match["pre2"] + (match["post2"] or ""), implicit_unit=match["bunit"] is None,
        )  # fmt: skip
    unit = match["unit"] or match["unit_nl"]
    if (
        match["unit"] in _LABEL_UNITS
        and text[match.start("unit") - 1] in " \t\u3000"
        and _LABEL_AFTER_SPACE.match(text, match.start("unit"))
    ):
        return None  # 女 6813 家庭户户数 4282: a census block's number, then the next label
    if (unit == "人" and text.startswith(("制", "气"), end)) or (unit == "位" and text.startswith("数", end)):
        return None  # 5人制足球场: a kind of pitch; 两位数增长: double-digit; 01-20人气: a page's counter
    if unit == "分" and (
        _NOT_A_SCORE.match(text, end) or text[start - 1 : start] in "时点:：角元." or " " in match.group()
    ):
        return None  # 10时30分, 3分之1, 2分公司, 1元2角3分, 表5 分乡(镇): no score
    if (unit == "村" and _NOT_VILLAGES.match(text, end)) or (
        unit == "社" and _NOT_SOCIETIES.match(text, end)
    ):
        return None  # 12村民小组, 3社区: the word goes on
    if (start and text[start - 1] in "/／") or (
        text.endswith("每", 0, start) and _PER_BASE_END.match(text, end)
    ):
        return None  # 人/10万人, 每10万人中: the base of a rate, not a count
    if unit in _LATIN_UNITS and end < len(text) and text[end].isascii() and text[end].isalpha():
        return None  # 5min, 3mg: another unit
    if (
        not unit
        and match["mag"]
        and "\n" in text[match.end("num") if match["num"] else start : match.start("mag")]
        and _is_han(text, match.end("mag"))
    ):
        return None  # 已享受人数⏎99⏎万秀村: the next line's name, not 99万
    if not unit and (unit := _count_on_next_line(text, match)):
        end = text.index(unit, end) + len(unit)
    shared_magnitude = None
    if not unit and (shared := _shared_unit(text, match)):
        unit, shared_magnitude = shared
    unit = unit or ""
    if unit == "﹪":
        unit = "%"
    if " " in unit:
        unit = unit.replace(" ", "")  # 5 个百 分点
    implicit = False
    if not unit and match["pct"] is None:
        if end < len(text) and (_glued_to_latin(text, end) or text[end] in "年月日号级"):
            return None
        if match["mag"] is None and match["mag2"] is None:
            if match["num2"] or match["num"] is None:
                return None
            if sign := _rate_sign_expected(text, match):
                unit, implicit = sign, True
            elif _SEX_RATIO.search(text, max(0, start - 8), start) and not text.startswith(("%", "％"), end):
                return Figure(start, end, match.group(), _value(match["num"], None), "", "amount", "number")
            elif _implicit_money(text, match):
                unit, implicit = _data.MONEY_DEFAULT_UNIT, True
            else:
                return None
        elif _money_magnitude(text, match):
            unit, implicit = _data.MONEY_DEFAULT_UNIT, True
        elif _PEOPLE_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            unit, implicit = "人", True  # 总人口34.8万，其中农业人口20.8万
    elif end < len(text) and _glued_to_latin(text, end) and _data.UNITS.get(unit) == "count":
        return None
    if match["pct"] is not None:
        number, unit = match["pct"], "%"
    elif match["cn"] is not None:
        number = match["cn"]
        if not _counts_as_chinese_figure(match, text, unit):
            return None
    else:
        number = match["num"]
        if _SPACED_THOUSANDS.fullmatch(number):
            number = number.replace(" ", "")  # 21 362人
        elif ("、" in number or " " in number) and "." not in number:
            number = number.replace(" ", ".").replace("、", ".")  # 5 9亿元, 3、19亿元: read as 5.9, 3.19
    try:
        value = _value(number, match["mag"] or shared_magnitude)
        value_max = _value(match["num2"], match["mag2"] or match["mag"]) if match["num2"] else None
    except ParseError:
        return None
    if match["tail"]:
        value += parse_number(match["tail"])  # 1亿2千万
    if match["jiao"] or match["fen"]:
        value += _small_change(match["jiao"], match["fen"])
    if value_max is not None and match["mag"] is None and match["mag2"]:
        value = _value(number, match["mag2"])  # 3-5万元: the magnitude belongs to both ends
    qualifier = match["pre"] or match["in1"] or match["in2"] or match["post"]
    if qualifier is None and match["mag"] and ("余" in match["mag"] or "多" in match["mag"]):
        qualifier = "余" if "余" in match["mag"] else "多"  # 1千余万元
    if qualifier is None and text.endswith("突破", 0, start):
        qualifier = "突破"  # 突破10亿: a lower bound, the word left outside the figure as written
    dimension = _data.UNITS.get(unit, "money" if implicit else "number")
    return Figure(
        start, end, text[start:end], value, unit, "amount", dimension, approx=qualifier is not None,
        qualifier=qualifier, value_max=value_max, implicit_unit=implicit,
    )  # fmt: skip


_COUNT_NEXT_LINE = re.compile(  # not 分 (0⏎分享到 is a page's share button), 村 or 社 (a table's next row)
    rf"{_SPACE}\n{_SPACE}(?P<unit>{_alternation(w for w in _data.MEASURE_WORDS.split() if w not in '分村社')})"
)


_SHARED_UNIT = re.compile(  # 拉动1.6、3.1、 2.1个百分点: a space after 、 as well
    rf"(?:,?\s?、\s?(?:{_AR}))*,?\s?(?:和|与|及|或|、)\s?(?:{_AR})(?P<mag>{_MAG})?(?P<unit>{_UNITS})"
)
# 分别为3.2、5.1和4.0亿元: the list a 分别 opens, up to this number
_RESPECTIVE_LIST = re.compile(rf"分别[\u4e00-\u9fff]{{0,6}}(?:{_AR},?(?:、|和|与|及))*$")


def _shared_unit(text: str, match: re.Match) -> tuple[str, str | None] | None:
    """分别回落2.16和1.66个百分点, 分别提高3.1、9.6和5.7个百分点: the unit written once after the last
    number is each one's; after 分别 its magnitude too, and a measure word (分别为3.2、5.1和4.0亿元,
    分别为120、85、60户)."""
    if match["num"] is None or match["mag"] or match["num2"]:
        return None
    pair = _SHARED_UNIT.match(text, match.end())
    if pair is None:
        return None
    respective = _RESPECTIVE_LIST.search(text, max(0, match.start() - 60), match.start()) is not None
    if not respective and (pair["mag"] or _data.UNITS.get(pair["unit"]) not in _data.UNMISTAKABLE_DIMENSIONS):
        return None
    return pair["unit"], pair["mag"]


def _count_on_next_line(text: str, match: re.Match) -> str | None:
    """设计,⏎7⏎家涉林企业: a number alone on its line (a PDF's table cell) counts what the next line starts with."""
    if (
        match["num"] is None
        or match["mag"]
        or match["num2"]
        or "." in match["num"]  # 4.35⏎张家塬乡: a table's rate, then the next row's name
        or not (match.start() == 0 or text[match.start() - 1] in "\n \u3000")
    ):
        return None
    unit = _COUNT_NEXT_LINE.match(text, match.end())
    if unit is None or text.startswith(_WORDS_AT_LINE_START, unit.start("unit")):
        return None  # 4146⏎户数及人口情况, 2020⏎项目: the next line's heading, not this number's unit
    return unit["unit"]


_WORDS_AT_LINE_START = (
    "户数",
    "户口",
    "户籍",
    "人口",
    "人员",
    "人数",
    "人民",
    "项目",
    "家庭",
    "个人",
    "个体",
    "通",
)


def _small_change(jiao: str | None, fen: str | None) -> Decimal:
    """玖仟陆佰陆拾伍圆壹角捌分: the 角 and 分 after the 元."""
    change = Decimal(0)
    for part, scale in ((jiao, Decimal("0.1")), (fen, Decimal("0.01"))):
        if part:
            change += _chinese(part[:-1].translate(_data.CAPITALS)) * scale
    return change


def _value(number: str, magnitude: str | None) -> Decimal:
    magnitude = magnitude and magnitude.removeprefix("个").replace("余", "").replace("多", "")
    if number[0] not in _data.DIGITS:
        return parse_number(number + (magnitude or ""))
    return _chinese(number) * (parse_number("1" + magnitude) if magnitude else 1)  # 三十余万元


def _chinese(number: str) -> Decimal:
    return clean(parse_chinese(number))


def _glued_to_latin(text: str, end: int) -> bool:
    return text[end].isascii() and text[end].isalpha()


_PLACE_NAMED = re.compile(r"[\u4e00-\u9fff]{0,2}(?:镇|乡|村)(?![党政村级委民])")


def _counts_as_chinese_figure(match: re.Match, text: str, unit: str) -> bool:
    """A Chinese numeral is a figure only with a unit, outside slogans and ordinals."""
    if not unit or unit in _data.ARABIC_ONLY_UNITS:
        return False
    if match["cn"] == "一" and unit in _data.VAGUE_AFTER_ONE:
        return False
    if len(match["cn"]) == 1 and match["cn"] in _data.CAPITAL_DIGITS and unit not in ("元", "圆"):
        return False  # 队伍人员: a capital numeral alone counts only money
    if text.endswith("前", 0, match.start()):
        return False  # 前五个单位: the top five, a selection
    if match["cn"] == "一" and (
        text.startswith(match.group(), match.end()) or text.endswith(match.group(), 0, match.start())
    ):
        return False  # 一户一户: one by one
    if match["cn"] == "一" and unit in _ARTICLE_UNITS and _is_article(text, match.start(), match.end()):
        return False  # 最强的一个时期, 是一项重点任务, 走出一条新路子, 兴建一家集…于一体的: an article
    if match["cn"] == "一" and text.endswith(_ONE_IN_A_WORD, 0, match.start()):
        return False  # 统一部署, 某一项目, 同一个村: 一 inside a word
    end = match.end()
    if text.startswith(unit, end) or text.startswith(_UNIT_IN_A_WORD, end - len(unit)):
        return False  # 一件件实事, 一个个项目: "one by one"; 零部件, 一部分: the unit begins a word
    if end < len(text) and text[end] in _data.DIGITS:
        return False  # 七个一
    if unit not in ("个", "名", "人") and _PLACE_NAMED.match(text, end):
        return False  # 三棵树镇, 东三家子乡: a place's name
    if unit == "次" and (
        text.startswith(_ORDINAL_MEETINGS, end) or (match["cn"] == "二" and _is_han(text, end))
    ):
        return False  # 人大五次会议, 十九届四中全会: ordinals; 二次传播, 二次创业: "second"
    return not _inside_quotes(text, match.start(), end) and not _in_a_ladder(text, match, unit)


_ORDINAL_MEETINGS = ("会议", "全会", "全委", "常委会", "全体会议", "党代会", "代表大会")
_ONE_IN_A_WORD = tuple("统某唯同单划专逐归合任每无")  # 每一个: every; 无一例: none
_UNIT_IN_A_WORD = ("部分", "部件", "部委")


# 力争四项先进、争创五个优秀、树立六个标兵、抓好七个打造: each rung a numeral one up, a unit and a word or
# two, then a separator and at most a verb before the next rung.
_RUNG_AFTER = re.compile(
    r"[\u4e00-\u9fff]{1,3}[、，,；;]\s*[\u4e00-\u9fff]{0,2}?(?P<n>[一二两三四五六七八九十])[个项大条张种]"
)
_RUNG_BEFORE = re.compile(
    r"(?P<n>[一二两三四五六七八九十])[个项大条张种][\u4e00-\u9fff]{1,3}[、，,；;]\s*[\u4e00-\u9fff]{0,2}$"
)


def _in_a_ladder(text: str, match: re.Match, unit: str) -> bool:
    """A numeral on a ladder of three rising by one is a slogan (四项先进、五个优秀、六个标兵), not a count."""
    if len(match["cn"]) != 1 or match["cn"] not in _data.DIGITS:
        return False
    n = _data.DIGITS[match["cn"]]
    rungs = 1
    at = match.start() + len(match["cn"]) + len(unit)
    for step in (1, 2):
        rung = _RUNG_AFTER.match(text, at)
        if rung is None or _data.DIGITS.get(rung["n"]) != n + step:
            break
        rungs, at = rungs + 1, rung.end()
    start = match.start()
    for step in (1, 2):
        rung = _RUNG_BEFORE.search(text, max(0, start - 12), start)
        if rung is None or _data.DIGITS.get(rung["n"]) != n - step:
            break
        rungs, start = rungs + 1, rung.start()
    return rungs >= 3


def _is_article(text: str, start: int, end: int) -> bool:
    return text.endswith(_BEFORE_ARTICLE, 0, start) or text.startswith(_AFTER_ARTICLE, end)


_BEFORE_ARTICLE = (
    "的", "是", "为", "造成", "设成", "走出", "闯出", "走出了", "闯出了", "探索出", "仅此", "另", "不让", "最后",
    "营造", "营造了", "提供", "提供了", "作", "作了", "搭建了", "拟定了", "绘", "成为",
)  # fmt: skip
_ARTICLE_UNITS = ("个", "项", "家", "条", "座", "部", "户")
_AFTER_ARTICLE = ("新的", "重要", "良好", "崭新", "全新", "是", "集")  # 一个是…公司, 一家集种植、加工于一体


def _is_han(text: str, position: int) -> bool:
    return position < len(text) and "\u4e00" <= text[position] <= "\u9fff"


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """True when a short quoted slogan holds the span (“一个围绕、二个注重”)."""
    before = text[max(0, start - 16) : start]
    opened = max(before.rfind(q) for q in _QUOTES_OPEN)
    if opened < 0 or any(q in before[opened + 1 :] for q in _QUOTES_CLOSE if q != '"'):
        return False
    after = text[end : end + 40]  # “实施四大战略、打造四个小雄,努力实现富裕、民主、和谐、生态型村镇”
    closes = [at for q in _QUOTES_CLOSE if (at := after.find(q)) >= 0]
    return bool(closes) and not any(mark in after[: min(closes)] for mark in "。\n")


_BOUNDS = ("以上", "以内", "以下")
_DECIMAL_COMMA = re.compile(r"[0-9]{1,2}[%％]")
_BARE_RATE_FOLLOWS = re.compile(r"和[0-9]{1,3}(?:\.[0-9]+)?(?:[%％，,。；;）)]|$)")  # 分别下降了8和12。


_PER_MILLE_RATE = re.compile(r"(?:出生|死亡|自然增长)率[^，,。；;、\n0-9]{0,4}$")  # 人口自然增长率为4.2


def _rate_sign_expected(text: str, match: re.Match) -> str | None:
    """The sign left out of a bare number where a rate is expected: ‰ for birth and death rates, else %."""
    if not _percent_expected(text, match):
        return None
    return "‰" if _PER_MILLE_RATE.search(text, max(0, match.start() - 12), match.start()) else "%"


def _percent_expected(text: str, match: re.Match) -> bool:
    """A bare number where a rate is expected is a percentage with its % left out."""
    start, end = match.span()
    if match["pre"] or match["in1"] or match["in2"] or (match["post"] and match["post"] not in _BOUNDS):
        return False  # 查处率达90以上, 失业率控制在4.15以内: a rate with its bound; not 达90左右
    if end < len(text) and text[end] == "、" and "." not in match["num"]:
        return False  # 人口自然增长率4、全年生产总值: a list number
    if not match["num"].strip("0.．"):
        return False  # 人口自然增长率为0: a zero needs no sign
    if text.startswith(("/", "／"), end):
        return False  # 占全部土地的1/8=12.5%: a fraction
    if _AT_THE_END.match(text, end):
        return False  # …比重下降6 at the end of an excerpt: the number may go on past the cut
    if len(match["num"].split(".")[0].replace(",", "")) > 3:
        return False  # 完成县分烟叶任务1276: a quantity, no rate is four digits
    if _is_han(text, end) and not _BARE_RATE_FOLLOWS.match(text, end):
        return False  # 较上届降低2岁: a unit the scanner does not know follows
    if text.startswith((",", "，"), end) and _DECIMAL_COMMA.match(text, end + 1):
        return False  # 占全国总面积的1,63%: a decimal comma, the number goes on
    window = max(0, start - 24)
    if _PERCENT_BEFORE.search(text, window, start) is None:
        return False
    sentence = text.rfind("。", max(0, start - 120), start)
    if _RATIO_VALUE_BEFORE.search(text, max(0, start - 24), start):
        return False  # 城乡居民收入比1.54，较上年下降0.03: the change of a ratio
    return "性别比" not in text[max(window - 96, sentence + 1) : start]  # 性别比…为104.10，比2010年下降0.17


_AT_THE_END = re.compile(r"[.．]?\s*\Z")  # a scan that stops at the first character after the spaces
_RATIO_VALUE_BEFORE = re.compile(r"(?<![同环])比(?:为|是|达)?[0-9]+\.[0-9]+[，,]")


_RATIO_NAME_BEFORE = re.compile(r"比(?:为|是|达到?)?$")


def _implicit_money(text: str, match: re.Match) -> bool:
    """A bare number after 收入/投资…达到 is money with its 元 left out (纯收入达到9950，)."""
    end = match.end()
    if end < len(text) and text[end] not in "，,。；;、 ）)":
        return False
    before = text[max(0, match.start() - 14) : match.start()]
    if before.endswith(("人均纯收入", "人均收入", "性收入")) and "." not in match.group():
        return True  # 人均工资性收入1965，: a yearly income per head, in 元
    if not before.endswith(_IMPLICIT_BEFORE) or _RATIO_NAME_BEFORE.search(before):
        return False  # 城乡收入比为1.94: a ratio, no money
    clause = re.split("[，,。；;：:]", before)[-1]
    return any(word in clause for word in _data.MONEY_SUBJECT_WORDS)


# 四大战略, 三大攻坚战: names of programmes even when their parts are listed.
_N_BIG = re.compile(
    r"(?P<n>[两三四五六七八九十])(?<![一二两三四五六七八九十百千万第].)大"
    r"(?=[\u4e00-\u9fff])(?!战略|攻坚|行动|工程|举措|理念|目标|原则|任务|专项)"
)
_LIST_STOP = re.compile(r"[，,。；;：:\n“”‘’\"（()）]")
_LIST_SEPARATOR = re.compile(r"、|及|和|与")


def _enumerated_counts(text: str) -> list[Figure]:
    """服务业、物流业、房地产三大支柱性产业; 五大优势产业（水产、蔬菜、西瓜、水稻、柑桔）: a 三大/五大
    is a count when the text names that many things; without them it is a slogan (四大战略)."""
    found = []
    for match in _N_BIG.finditer(text):
        n = _data.DIGITS.get(match["n"], 10)
        if n in (
            _items_before(text, match.start()),
            _items_in_brackets_after(text, match.end()),
            _items_named_after(text, match.end()),
        ):
            found.append(
                Figure(match.start(), match.end(), match.group(), Decimal(n), "个", "amount", "count")
            )
    return found


_HALF = re.compile(r"过半(?![年月天日周小个])")
# 租期10年, 为期三年, 连续5年: a number of years, not a year (a year is 2020年 or 二〇二〇年).
_YEARS = re.compile(
    r"(?=[租为期连长历满共])(?:租期|为期|期限|连续|长达|历时|满|共)(?:为|了|达)?(?:近|约)?"
    r"(?P<span>(?P<n>(?<![0-9])[0-9]{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?年)(?![度底初末级份代])"
)


_N_POINTS = re.compile(
    r"(?P<n>[两二三四五六七八九十])(?<![一二两三四五六七八九十第].)点(?=[\u4e00-\u9fff]{0,4}[：:，,]?\s*(?:一是|一、|（一）|\(一\)|1[、.]|首先|第一))"
)


def _counted_points(text: str) -> list[Figure]:
    """重点抓好两点：一是…: a count of points that the text then lists."""
    return [
        Figure(m.start(), m.end(), m.group(), Decimal(_data.DIGITS.get(m["n"], 10)), "点", "amount", "count")
        for m in _N_POINTS.finditer(text)
    ]


_DOUBLINGS = re.compile(r"翻了?(?P<span>(?P<n>[一两二三四五1-5])番(?P<more>多)?)")


def _doublings(text: str) -> list[Figure]:
    """翻了两番多: doubled twice, about four times as much; a loose multiple, never recomputed."""
    found = []
    for m in _DOUBLINGS.finditer(text):
        if _inside_quotes(text, m.start(), m.end()):
            continue  # “财政收入三年翻一番”的目标: a slogan
        n = int(m["n"]) if m["n"].isdigit() else _data.DIGITS[m["n"]]
        found.append(
            Figure(m.start("span"), m.end("span"), m["span"], Decimal(2**n), "倍", "multiple", "multiple",
                   approx=True, qualifier=m["more"] or "翻")
        )  # fmt: skip
    return found


_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?P<unit>[^（()）\s]{1,4})\s*[)）]\s*$")
_COUNTED_HEADER = re.compile(r"(?P<unit>[户人个家])数$")


def _table_cells(text: str) -> list[Figure]:
    """| 灵泉 | 3 | 21 | 1279 |: the cells of a table flattened into lines are figures in the unit its
    heading gives each column — 水田(亩), 人 口 (人), 户数 — and nothing where the heading gives none."""
    found: list[Figure] = []
    units: list[str | None] = []
    for cells in table_rows(text):
        if cells is None:
            units = []
        elif len(cells) <= 1:
            continue  # 分产业 |: a section of the table, which goes on below
        elif is_heading(cells):
            stated = _units_stated_before(text, cells[0][1])
            units = [_column_unit(cell, stated) for cell, _ in cells]
        elif units:
            if len(cells) == len(units) + 1 and units[0] is not None:
                units = [None, *units]  # | 绝对数(亿元) | 比上年增长(%) |: no heading over the names
            elif len(cells) == len(units) + 1 and _ROW_NUMBER.fullmatch(cells[0][0]):
                cells = cells[1:]  # | 1 | 北京市 | 0.02 |: the row's number before its name
            if len(cells) != len(units):
                continue
            name = cells[0][0].replace(" ", "")
            if (own := _UNIT_IN_BRACKETS.search(name)) and _known_unit(own["unit"]):
                row_units = [None] + [own["unit"]] * (len(cells) - 1)  # | 总产出(亿元) | 9870.58 |
            elif _INDEX_ROW.search(name):
                units = []  # | 总产出指数(上年=100) |: indices, and the rows under it, are no amounts
                continue
            else:
                row_units = units
            for (cell, start), unit in zip(cells[1:], row_units[1:], strict=True):
                if unit is not None and CELL_NUMBER.fullmatch(cell):
                    found.append(_cell_figure(cell, start, unit))
    for headings, start, rows in loose_tables(text):
        stated = _units_stated_before(text, start) or _units_stated_after(text, rows[-1])
        units = [_column_unit(heading, stated) for heading in headings]
        for row in rows:
            found.extend(
                _cell_figure(*cell, unit) for cell, unit in zip(row, units, strict=True) if unit and cell
            )
    found += _rows_in_their_units(text)
    return list({figure.start: figure for figure in found}.values())


# 乡镇户数 (户) Number of Rural Households (household)   2165270 2382584: a yearbook's row whose
# label gives its unit, and a figure for each year.
_ROW_UNIT = re.compile(rf"[(（](?P<unit>(?:万|亿)?(?:{_UNITS}))[)）]")
_ROW_CELLS = re.compile(
    r"(?:[ \t\u3000]{2,}|\t)(?P<cells>-?[0-9][0-9,]*(?:\.[0-9]+)?(?:[ \t\u3000]+-?[0-9][0-9,]*(?:\.[0-9]+)?){0,11})[ \t\u3000]*$"
)


def _rows_in_their_units(text: str) -> list[Figure]:
    found: list[Figure] = []
    line_end = -1
    for unit in _ROW_UNIT.finditer(text):
        if unit.start() < line_end:
            continue  # a second bracket on a line already read
        reach = max(0, unit.start() - 120)
        start = text.rfind("\n", reach, unit.start()) + 1
        end = text.find("\n", unit.end(), unit.end() + 300)
        line_end = end if end >= 0 else min(len(text), unit.end() + 300)
        if (start == 0 and reach > 0) or (end < 0 and line_end < len(text)):
            continue  # a line longer than a table's row
        line = text[start:line_end]
        cells = _ROW_CELLS.search(line, unit.end() - start)
        if cells is None or any(mark in line for mark in "。，；"):
            continue
        at = start + cells.start("cells")
        for number in CELL_NUMBER.finditer(text, at, start + cells.end("cells")):
            found.append(_cell_figure(number.group(), number.start(), unit["unit"]))
    return found


def _cell_figure(cell: str, start: int, unit: str) -> Figure:
    value = clean(Decimal(cell.replace(",", "")))
    if unit not in _data.UNITS and _known_unit(unit):  # 总量(万元)
        value, unit = clean(value * _BARE_MAGNITUDES[unit[0]]), unit[1:]
    return Figure(start, start + len(cell), cell, value, unit, "amount", _data.UNITS.get(unit, "count"))


_ROW_NUMBER = re.compile(r"[0-9]{1,3}")
_INDEX_ROW = re.compile(r"指数|比重|构成|率|%|％|增长|增速")


def _known_unit(unit: str) -> bool:
    """万元, 亩, %: a unit, perhaps with its magnitude."""
    return unit in _data.UNITS or (unit[:1] in "万亿千" and unit[1:] in _data.UNITS)


def _column_unit(heading: str, stated: list[str] = ()) -> str | None:
    """The unit of a column: in brackets in its heading (水田(亩)), said by the heading (户数, 常住人口,
    家庭户), or given for the table by a 单位 line above it (单位：万元、%) where the heading does not
    say which."""
    heading = heading.replace(" ", "")
    if match := _UNIT_IN_BRACKETS.search(heading):
        return match["unit"] if _known_unit(match["unit"]) else None
    if match := _COUNTED_HEADER.search(heading):
        return match["unit"]
    if _RATE_HEADING.search(heading):
        return "%" if "%" in stated else None
    if _PEOPLE_HEADING.search(heading):
        return "人"
    if _HOUSEHOLD_HEADING.search(heading):
        return "户"
    per = [unit for unit in stated if "/" in unit]
    if per and _AVERAGE_HEADING.search(heading):
        return per[0]  # 平均家庭户规模 under 单位：人、人/户
    amounts = [unit for unit in stated if unit != "%" and "/" not in unit]
    return amounts[0] if len(amounts) == 1 else None


_RATE_HEADING = re.compile(r"比重|占比|比例|增长|增速|增幅|率|%|％")
_PEOPLE_HEADING = re.compile(r"(?:人口|人数)$")
_HOUSEHOLD_HEADING = re.compile(r"(?<![每平人])户$")
_AVERAGE_HEADING = re.compile(r"平均|人均|户均|规模")
_UNITS_LINE = re.compile(r"单\s*位\s*[:：]\s*(?P<units>[^\n|]{1,20})")


def _units_stated_before(text: str, start: int) -> list[str]:
    """单位：人、人/户 on a line just above a table: the units its columns are given in."""
    lines = list(_UNITS_LINE.finditer(text, max(0, start - 80), start))
    if not lines:
        return []
    return _units_listed(lines[-1]["units"])


def _units_stated_after(text: str, last_row: list) -> list[str]:
    """单位：人、% on the line just below a table, as a census page puts it."""
    end = max(at + len(cell) for cell, at in filter(None, last_row))
    line = _UNITS_LINE.search(text, end, end + 40)
    if line is None or text[end : line.start()].strip(" \t\u3000|\n"):
        return []
    return _units_listed(line["units"])


def _units_listed(listed: str) -> list[str]:
    units = [unit.strip() for unit in re.split(r"[、,，]", listed)]
    return [unit for unit in units if _known_unit(unit) or "/" in unit]


# 平均年龄45岁: an age, where ages are otherwise classes (60岁以上) and no figures
_AVERAGE_AGE = re.compile(r"平均年龄(?:为|是|达|约)?(?P<span>(?P<n>[0-9]{1,2}(?:\.[0-9])?)(?:周)?岁)")


def _durations(text: str) -> list[Figure]:
    if "平均年龄" in text:
        ages = [
            Figure(m.start("span"), m.end("span"), m["span"], Decimal(m["n"]), "岁", "amount", "duration")
            for m in _AVERAGE_AGE.finditer(text)
        ]
    else:
        ages = []
    return ages + [
        Figure(m.start("span"), m.end("span"), m["span"], _value(m["n"], None), "年", "amount", "duration")
        for m in _YEARS.finditer(text)
    ]


def _more_than_half(text: str) -> list[Figure]:
    """时间与任务双过半: more than half (of the year's target), a percentage written in words."""
    return [
        Figure(
            m.start(), m.end(), m.group(), Decimal(50), "%", "amount", "percent", approx=True, qualifier="过"
        )
        for m in _HALF.finditer(text)
    ]


def _items_before(text: str, position: int) -> int:
    window = text[max(0, position - 60) : position]
    stops = list(_LIST_STOP.finditer(window))
    clause = window[stops[-1].end() :] if stops else window
    if not _LIST_SEPARATOR.search(clause):
        return 0
    return len([item for item in _LIST_SEPARATOR.split(clause.removesuffix("等")) if item.strip()])


_NAMES_FOLLOW = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:[，,]?即|[：:])")
_NAMES_END = re.compile(r"[^。；;\n]{1,120}")


def _items_named_after(text: str, position: int) -> int:
    """六大基地即干果林基地、药材基地…: the things counted, named after 即 or a colon."""
    opened = _NAMES_FOLLOW.match(text, position)
    if opened is None:
        return 0
    names = _NAMES_END.match(text, opened.end())
    if names is None or "、" not in names.group():
        return 0
    return len(
        [item for item in re.split("[、和及]", names.group().split("，")[0].split(",")[0]) if item.strip()]
    )


def _items_in_brackets_after(text: str, position: int) -> int:
    opened = re.compile(r"[\u4e00-\u9fff]{1,8}?[（(]").match(text, position)
    if opened is None:
        return 0
    closing = re.compile(r"[^）)]{1,80}[）)]").match(text, opened.end())
    if closing is None:
        return 0
    return len([item for item in text[opened.end() : closing.end() - 1].split("、") if item.strip()])


# 出生人口性别比为125.20, 城乡居民收入比1.94: a ratio, a number with no unit
_SEX_RATIO = re.compile(r"(?:性别|[\u4e00-\u9fff](?<![同环相对之]))比(?:为|是|达到?|[:：])?$")
_PEOPLE_BEFORE = re.compile(r"人口(?:为|达到?|约|有)?$")


def _money_magnitude(text: str, match: re.Match) -> bool:
    """4.9个亿, 财政收入突破10亿: a magnitude with no unit, in a clause about money, is 元."""
    if (match["mag"] or "").startswith("个"):
        return True
    clause = re.split("[，,。；;：:\n]", text[max(0, match.start() - 14) : match.start()])[-1]
    return any(word in clause for word in _data.MONEY_SUBJECT_WORDS)


def _money_like_neighbour(text: str, figures: list[Figure]) -> list[Figure]:
    """预算收入任务174万,完成198万: a bare magnitude just after a sum of money is money too."""
    for previous, figure in pairwise(figures):
        if (
            figure.unit == ""
            and figure.kind == "amount"
            and figure.value is not None
            and figure.span[-1] in "万亿"
            and previous.unit == _data.MONEY_DEFAULT_UNIT
            and 0 <= figure.start - previous.end <= 8
            and not any(mark in text[previous.end : figure.start] for mark in "。；;\n")
        ):
            figure.unit, figure.dimension, figure.implicit_unit = previous.unit, "money", True
    return figures


_BASE_IN_BRACKETS = re.compile(r"(?:比|较)(?:去年|上年)同期[（(](?P<number>[0-9]+(?:\.[0-9]+)?)[)）]")


def _bases_in_brackets(text: str, figures: list[Figure]) -> list[Figure]:
    """出生436人，比去年同期(429)多生7人: last year's figure in brackets, in the unit of this year's."""
    starts = [figure.start for figure in figures]
    added = []
    for match in _BASE_IN_BRACKETS.finditer(text):
        at = bisect_left(starts, match.start()) - 1
        if (
            at < 0
            or not figures[at].unit
            or any(ch in text[figures[at].end : match.start()] for ch in "。；;\n")
        ):
            continue
        this_year, number = figures[at], match["number"]
        start = match.start("number")
        added.append(
            Figure(
                start,
                start + len(number),
                number,
                Decimal(number),
                this_year.unit,
                "amount",
                this_year.dimension,
            )
        )
    return sorted(figures + added, key=lambda f: f.start) if added else figures


def _points_shared(text: str, figures: list[Figure]) -> list[Figure]:
    """分别下降0.7个、0.2个百分点: the first 个 is of the 百分点 the list ends with."""
    for at in [i for i, figure in enumerate(figures) if figure.unit == "个百分点"][::-1]:
        first, second = figures[at - 1], figures[at]
        if at and first.unit == "个" and text[first.end : second.start].strip() in _JOINS:
            figures[at - 1] = replace(first, unit="个百分点", dimension=second.dimension)
    return figures


_JOINS = ("、", "和", "及", "与", ",", "，")


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Join 3万元至5万元 into one figure running from the low end to the high end."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.value_max is None
            and figure.start - previous.end == 1
            and text[previous.end] in _data.RANGE_SEPARATORS
            and previous.unit == figure.unit
            and previous.value is not None
            and figure.value is not None
            and figure.kind == previous.kind == "amount"
        ):
            merged[-1] = Figure(
                previous.start, figure.end, text[previous.start : figure.end], previous.value, previous.unit,
                previous.kind, previous.dimension, approx=previous.approx or figure.approx,
                qualifier=previous.qualifier or figure.qualifier, value_max=figure.value,
            )  # fmt: skip
            continue
        merged.append(figure)
    return merged


def parse(text: str) -> Figure:
    """Read one figure written on its own; say why when ``text`` holds none or several.

    >>> figure = parse("1.5万亩")
    >>> figure.value, figure.unit, figure.kind
    (Decimal('15000'), '亩', 'measure')
    >>> parse("同比下降3.1%").signed
    Decimal('-3.1')
    >>> parse("亿元")
    Traceback (most recent call last):
    ...
    zhenwu.figures.numbers.ParseError: 没有找到数字：'亿元'
    """
    figures = extract(text)
    if not figures:
        raise ParseError(f"没有找到数字：{text!r}")
    if len(figures) > 1:
        raise ParseError(f"不止一个数字：{', '.join(f.span for f in figures)}")
    return figures[0]
