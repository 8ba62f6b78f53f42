"""核稿: find placeholders, missing numbers, missing % signs and arithmetic that does not hold.

Each rule is one compiled pattern or one pass over the extracted figures; the findings come
back sorted by position.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from zhenwu.figures import _data
from zhenwu.figures._scan import OneScan
from zhenwu.figures.arithmetic import check_arithmetic
from zhenwu.figures.model import Figure, Finding
from zhenwu.figures.scanner import extract, fold

_LOST_POINT = re.compile(
    r"[0-9]{1,3} [0-9]{1,2}(?![0-9])|[0-9]{1,6}、[0-9]{1,2}"
)  # the spans LOST_POINT reads
# 萬(wàn)元, and 萬(wan)(wan)戶 where a page glossed its glosses again
_PINYIN = re.compile(
    r"[(（【](?<=[\u4e00-\u9fff][(（【])(?P<syllable>[a-zàáǎāèéěēìíǐīòóǒōùúǔūüǖǘǚǜńňḿ]{1,6})[)）】](?:[(（【](?P=syllable)[)）】])*"
)
_UNITS = "|".join(re.escape(u) for u in sorted(_data.UNITS, key=len, reverse=True))
_MARK = "xX×*＊_＿"  # 20__年: an underscore left for the clerk to write on
# A placeholder is a masked number: 20xx, x.x, *, XX — but * also masks names (*镇, S*线),
# so a bare mask counts only when a unit, a magnitude or 年 follows it.
_PLACEHOLDER = re.compile(
    rf"(?=[0-9{_MARK}])(?:(?<![A-Za-z0-9.{_MARK}])|(?<=GDP))(?P<token>[0-9]*(?:[{_MARK}]+[0-9]*(?:[.．][{_MARK}0-9]+)?|(?<=[0-9])[.．][0-9]*[{_MARK}]+[0-9]*))"
    rf"(?P<date>月[{_MARK}]{{1,2}}[日号])?"
    rf"(?P<unit>\s?[多余]?\s?(?:万亿|亿|万|千)?\s?(?:{_UNITS}|年|月|日)|\s?(?:万亿|亿|万)|[(（](?:{_UNITS})[)）])?(?![A-WYZa-wyz])"  # another mask may follow: xx户xxx平方米
)
# 201X/X/XX. It opens with a digit, and only then looks behind it for a letter or digit before,
# so that the engine passes over the text to the next digit at once ((?<!…)[0-9]{2,4} was
# tried at every character).
_DATE_MASK = re.compile(
    rf"[0-9](?<![0-9A-Za-z][0-9])[0-9]{{1,3}}[{_MARK}]{{0,2}}[/\-.．][{_MARK}0-9]{{1,2}}[/\-.．][{_MARK}0-9]{{1,2}}(?![0-9A-Za-z])"
)
# 三次产业结构为x.x:xx.x:xx.x — a masked ratio.
_RATIO_MASK = re.compile(
    rf"(?<![0-9A-Za-z.])[{_MARK}0-9]+(?:[.．][{_MARK}0-9]+)?(?:[:：∶][{_MARK}0-9]+(?:[.．][{_MARK}0-9]+)?)+"
)
_COLONS = re.compile("[:：∶]")
_STRONG_UNITS = {d for u, d in _data.UNITS.items() if d not in ("count", "duration")} | {"年", "月"}
_RANKS = ("位", "名")
_PLACE_SUFFIXES = set("省市县区乡镇村街社")  # xx村xx组: an address
_COUNT_VERBS = set("达到为共计增长降了约近超有建成设办完逾余破过")  # 突破X个, 超过X家
# Count units that also end a masked name (乡*所在地, *家庭农场, xx组, *支部): after a mask
# they count only where a number is expected before them.
_NAME_UNITS = set("家处所场部组班门期批届层口支类种单座片村社")
# A count unit that starts a word with the character after it (XX人民政府, *项目部).
_WORD_AFTER_MASK = (
    "位于",  # xxxx位于崇信县南部: a masked place
    "对全",  # 镇****对全镇…进行考评: a masked office
    "本人",  # xx本人承诺
    "本文",  # *本文转载自网络*: a repost's footer
    "人口",  # X人口领2011XX号: an office's masked abbreviation
    "人民",
    "人大",
    "人社",
    "个人",
    "项目",
    "户籍",
    "户口",
    "名称",
    "度假",
    "担当",
    "担任",  # XXX担任队长: a masked person
    "通往",  # XX通往港门方向: a masked place
    "通过",
    "通知",
    "名单",
    "次要",
    "件事",
    "台州",
    "片区",
)
# A bare mask stands for a number when the sentence expects one there (增长XX，排名第X).
_BEFORE_BARE = set("达到为共计增长降了约近超有占第期")  # 去年同期xxxx
# of them, 长 and 到 only end the words that expect a number: not 秘书长X, 转调到__
_BEFORE_BARE_WORD = {
    "长": ("增长",),
    "到": ("达到", "增加到", "提高到", "上升到", "增长到", "下降到", "降到", "增到"),
}
_AFTER_BARE = set("，,。；;、）)\n")

_MISSING = re.compile(
    r"(?=[亿万美%％‰个平公亩吨宗户家处项件千])(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][：:])(?<!单位[：:]))"  # 目标任务:万元; not 单位:万元
    r"(?P<unit>[宗户个家处项件]万(?:平方米|亩|元|吨)"  # 征地宗万平方米: a count and an amount, both erased
    r"|亿元|万元|万美元|亿美元|美元|万平方米|%|％|‰|个百分点|个千分点|平方米|平方公里|公里|公顷|万亩(?![\u4e00-\u9fff])|亩|万吨|吨|公斤(?![\u4e00-\u9fff])|千克(?![\u4e00-\u9fff]))"
)
# 农村非文盲率()，办学机构()个: empty brackets left where the number goes.
_MISSING_IN_BRACKETS = re.compile(
    rf"(?=[（(][ \u3000]{{0,6}}[）)])(?:(?P<unit>[（(][ \u3000]{{0,6}}[）)](?:{_UNITS}))"
    rf"|(?<=[率为达到共计有是约近占])(?P<unit2>[（(][ \u3000]{{0,6}}[）)]))"
)
# 从年的12.25%, 于年5月16日: the year erased before its month or its figure.
_MISSING_YEAR = re.compile(
    r"(?=年)(?:(?<=[从由至到于在截止是])(?P<unit>年)(?=[0-9０-９]{1,2}月|的)|(?<=[，,。；;、\n（(])(?<![0-9xX×*＊_]\n)(?P<unit2>年)(?=[0-9０-９]{1,2}月))"
)  # 从年的12.25%; ，年5月16日
# 4653人,%,%: a percent sign alone after a comma.
_MISSING_PERCENT_ALONE = re.compile(
    r"(?=[%％])(?<=[，,；;])(?P<unit>[%％])(?=[，,。；;、）)\u4e00-\u9fff]|$)"
)
# A blank where the number was erased before any unit (基金 万元，来访群众 人次，结案 件，参合率达 %。),
# and two units whose bare use is never a word before a clause's end (人均元，新批协会个，).
_MISSING_AFTER_BLANK = re.compile(
    rf"(?=[ \u3000\u00a0\n])(?<=[\u4e00-\u9fff])[ \u3000\u00a0\n]{{1,3}}(?P<unit>(?:万|亿)?[余多]?(?:{_UNITS}|里))(?=[，,。；;、）)（(]|以上|$)"
)
# 到万余亩, 征地余亩: an approximate amount whose number was erased.
_MISSING_APPROX = re.compile(
    r"(?=[万余])(?<=[\u4e00-\u9fff])(?P<unit>万?余[ \u3000]?(?:亩|万元|元|人|户|平方米|公里|吨))"
)
_NOT_BEFORE_APPROX = set("其多业剩结盈残富节有")
# A template's date left blank: 年月日在镇第十二届人代会上; 。 年政府工作回顾; 回顾 年，
_MISSING_DATE = (
    re.compile(r"(?=年月日)(?<![0-9０-９〇零一二三四五六七八九十xX×*＊生期])(?P<unit>年月日)"),
    re.compile(r"(?=年)(?<=[。，；：、\n][ \u3000])(?P<unit>年)(?![末底初内中度均])"),  # 。 年末全县: a word
    re.compile(
        r"(?=年)(?<=[。，；\n])(?P<unit>年)(?=全[镇乡县区市村]|我[镇乡县区市村])"
    ),  # 。年全镇固定资产投资
    re.compile(r"(?=年[，,])(?<=[\u4e00-\u9fff][ \u3000])(?P<unit>年)"),
    # 月日，我们到达; 2014年 月 日: a day left blank
    re.compile(
        r"(?=月)(?<![0-9０-９〇零一二三四五六七八九十xX×*＊_年])(?P<unit>月[ \u3000]{0,3}日)(?=[，,。；;\s）)止前起]|$)"
    ),  # 到月日止
    re.compile(r"(?=20年度)(?<![0-9０-９])(?P<unit>20年度)"),  # 20年度全镇…: the year's last digits erased
    re.compile(
        r"(?=届)(?<=[镇乡县市区])(?P<unit>届)(?=人大|人民代表大会|党委|党代会|纪委|政府)"
    ),  # 镇届人大一次会议
    # ；年牟定县、姚安县脱贫摘帽; 。年、年先后被市委表彰: the year erased where a clause opens
    re.compile(
        r"(?=年)(?<=[。，；\n])(?P<unit>年)(?:(?=、年|[，,])|(?![均度底内末初中来前后产轻满龄])(?=[\u4e00-\u9fff]{1,4}(?:县|镇|乡|街道)))"
    ),
)
# 新增户；, 新建个，: a verb that counts, then its measure word and the clause's end.
_MISSING_AFTER_VERB = re.compile(
    r"(?=[新增减共累拆启签建])(?:新增|新建|新培育|新发展|新引进|增加|减少|共有|累计|拆除|启动|签约|建成)"
    r"(?P<unit>户|家|个|人|项|处|所|座|条|件|宗|名|起|套)(?=[，,。；;])"
)
# 国民生产总值.万元, 均增长.%、%: the number erased, its decimal point or the list's 、 left before the unit.
_MISSING_AFTER_MARK = re.compile(
    r"(?=[.、])(?:(?<=[\u4e00-\u9fff])|(?<=[%％]))[.、](?P<unit>万元|亿元|%|％|公里|平方米|亩|万亩|吨|万吨)"
    r"(?=[，,。；;、）)（(\n]|$)"  # 、万亩农业开发: a programme's name
)
# 下辖个行政村, 建设个新农村, 等个民族: a verb or 等 before 个 and the noun it counts.
_MISSING_BEFORE_NOUN = re.compile(
    r"(?=[下辖建有等引储新和个启涉实])(?:(?:下辖|辖|建设|新建|共有|引进|储备了|新增|等|和|启动|涉及|实施)|(?<=[，,、；;]))"
    r"(?P<unit>个)(?![别人体性案把个转大])(?=[\u4e00-\u9fff])"  # 个个身上有指标: "every one"
)
# 群众万人。, 脱贫户户人。: a count of people or households left blank before the clause's end.
# 预计收入,万元, 面积,亩。: the number erased between a comma and its unit, the unit alone in its clause
_MISSING_AFTER_COMMA = re.compile(
    r"(?=[，,])(?<=[\u4e00-\u9fff])[，,](?P<unit>万元|亿元|万亩|亩|万吨|吨|公斤|头|只|户|平方米|公里|%|％)"
    r"(?=[，,。；;、）)]|$)"
)
# 建档立卡脱贫户户人，监测户户人: a household noun, then both counts erased (not 家家户户人人)
_MISSING_HOUSEHOLDS = re.compile(r"(?=户)(?<=[^家户\s]户)(?P<unit>户人)(?![家人均口])")
# 常住人口为.29万人, 户籍人口.01万人: the digits before the decimal point erased
_MISSING_INTEGER = re.compile(
    r"(?=[.．])(?<=[\u4e00-\u9fff])(?P<unit>[.．][0-9]{1,4}(?:万|亿)?(?:人|户|元|亿元|万元|亩|吨|平方公里|公里|%|％))"
)
_UNIT_GROUPS = ("unit", "unit2", "unit3", "unit4")


_SPLIT_WORDS = {"期": "时日学周长近初后中前同定分工汛假星刑任", "场": "广市会剧农商操球赛机现战考牧林渔立"}
# 比上年增长%: a table's column heading on a line of its own, not a blank
_HEADING_LINE = re.compile(r"\n[ \t\u3000]*(?:比上年|同比|较上年)?(?:增长|增减|增速|比重|占比)[(（]?\Z")


def _BREAKS_CLEANLY(unit: str) -> bool:
    """A unit that may stand alone at a line's start when its number was erased (万元, %, 件, 人)."""
    bare = unit.lstrip("万亿余多")
    return _data.UNITS.get(bare) in _data.UNMISTAKABLE_DIMENSIONS or bare in (
        "件",
        "人",
        "户",
        "个",
        "家",
        "项",
        "处",
    )


_MISSING_PEOPLE = re.compile(
    r"(?=[万户人名米])(?:(?<=[\u4e00-\u9fff])(?P<unit>万人|户人)"
    r"|(?<=人口|党员|队员|干部|群众|选民|职工|村民|选人|动力|出生|死亡|晚婚|妇女|应到|实到|人数|初婚|一孩|二孩|多孩|增加|减少)"
    r"(?P<unit2>人|名)"  # 总人口人，队员人。; 领证人数人，出生一孩人，同比增加人，
    r"|(?<=海拔|全长|总长)(?P<unit3>米)"  # 最高峰海拔米
    r"|(?<=人口为|人口的|人数为|人口由|上升为|下降为)(?P<unit4>人))(?=[，,。；;、]|相比)"  # 常住人口为人。
)
_NOT_BEFORE_BARE = set("单公多美欧港日纪状各这那整每某哪真")
_MAGNITUDE_UNITS = ("亿元", "万元", "万美元", "亿美元", "万吨", "万平方米")
# 25 公⏎里: 公 before a blank is a unit cut by the line, not a word before an erased number.
_NOT_BEFORE_ANY = set("零〇一二两三四五六七八九十百千万亿每多余几数单按以方田平立人公/") | set(
    _data.CAPITAL_DIGITS + "廿卅"
)
_NOT_BEFORE_MAGNITUDE = set("超过近逾约上破")  # 突破亿元大关: a bare magnitude is a number
# 元/个 alone before a clause's end; the lookbehind leaves out at once what is no blank (万元，, 一个，, 单个，).
_MISSING_BARE = re.compile(
    r"(?=[元个])(?<=[\u4e00-\u9fff])(?<!["
    + re.escape("".join(sorted(_NOT_BEFORE_ANY | _NOT_BEFORE_BARE)))
    + r"])"
    r"(?P<unit>元|个)(?=[，,。；;、：:])"
)
# 亩均, 亩产, 万吨级, 万元户, 亩效益, 亩平收入; 干亩187亩: a name, its number after
_NOT_AFTER = set("均产级位数户效平居0123456789")  # 朵亩居委会: a place's name
_CLASS_AFTER_MAGNITUDE = (
    "以上",
    "以下",
    "项目",
    "企业",
    "大关",
    "规模",
    "级",
    "量级",
    "楼宇",
    "楼",
    "村",
    "镇",
    "园区",
    "产业",
    "地区生产总值",  # 万元地区生产总值能耗: an indicator's name
    "生产总值",
    "GDP",
    "工业增加值",
)  # 向亿元规模跨越


@dataclass(frozen=True, slots=True)
class Review:
    """What 核稿 returns for one text: the figures found and the findings about them."""

    text: str
    figures: list[Figure]
    findings: list[Finding]

    @property
    def has_errors(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)

    def to_dict(self, **extra) -> dict:
        """The JSON object of ``zhenwu check`` for one input."""
        return {
            **extra,
            "text": self.text,
            "figures": [figure.to_dict() for figure in self.figures],
            "findings": [finding.to_dict() for finding in self.findings],
        }


def review(text: str) -> Review:
    """Extract the figures of ``text`` and check them in one pass.

    >>> result = review("完成投资额亿元，同比增长%")
    >>> [(f.code, f.span) for f in result.findings]
    [('missing-number', '亿元'), ('missing-number', '%')]
    >>> [(f.code, f.span) for f in review("規模以上工業總產值達*億元").findings]
    [('placeholder', '*億元')]
    """
    folded, positions = _without_glosses(fold(text))
    masks = placeholders(folded)
    figures = _outside(extract(folded), masks)
    findings = _findings(folded, figures, masks)
    if positions is not None:  # back to the offsets of the text with its pinyin
        for figure in figures:
            figure.start, figure.end = positions[figure.start], positions[figure.end - 1] + 1
        findings = [
            replace(f, start=positions[f.start], end=positions[f.end - 1] + 1)
            for f in findings
            if f.end > f.start
        ]
    if folded is not text:  # spans as written, in the text's own script
        for figure in figures:
            figure.span = text[figure.start : figure.end]
        findings = [replace(finding, span=text[finding.start : finding.end]) for finding in findings]
    return Review(text, figures, findings)


# 总人口1⏎0485人, 产量4⏎350吨: a line break inside a number (a PDF's or a page's wrapping), between
# digits after a word and digits before their unit — not before a year, a date or a list number.
_NUMBER_BROKEN = re.compile(
    r"[0-9](?<=[\u4e00-\u9fff][0-9])[0-9]{0,2}(?P<gloss>\n)(?=[0-9]{1,6}(?:\.[0-9]+)?[%％\u4e00-\u9fff](?<![年月日号]))"
)


# 外贸出口2⏎.5亿美元, 男性61.⏎19万人: a line break at the decimal point
# Each opens with a digit, so that the engine skips to one in C (a lookbehind first is tried everywhere).
_POINT_BROKEN = re.compile(r"[0-9](?<=[\u4e00-\u9fff][0-9])[0-9]{0,3}(?P<gloss>\n)(?=[.．][0-9])")
_POINT_BROKEN_AFTER = re.compile(
    r"[0-9](?<=[\u4e00-\u9fff][0-9])[0-9]{0,3}[.．](?P<gloss>\n)(?=[0-9]{1,4}[%％\u4e00-\u9fff])"
)


def _without_glosses(text: str) -> tuple[str, list[int] | None]:
    """完成投資3.2億(yì)元, 2.7個(gè)百分點: mirror sites gloss characters with pinyin in brackets; and
    a line break may cut a number in two (总人口1⏎0485人).

    Returns the text without the glosses and breaks and, for each of its characters, where it
    stands in ``text`` (None when there was nothing to take out).
    """
    glosses = [m.span() for m in _PINYIN.finditer(text)]
    if "\n" in text:
        patterns = [_NUMBER_BROKEN]
        if "\n." in text or ".\n" in text or "\n．" in text or "．\n" in text:
            patterns += [_POINT_BROKEN, _POINT_BROKEN_AFTER]
        broken = [m.span("gloss") for pattern in patterns for m in pattern.finditer(text)]
        glosses = sorted(glosses + broken)
    if not glosses:
        return text, None
    kept, positions, at = [], [], 0
    for start, end in glosses:
        kept.append(text[at:start])
        positions.extend(range(at, start))
        at = end
    kept.append(text[at:])
    positions.extend(range(at, len(text)))
    return "".join(kept), positions


def check(text: str) -> list[Finding]:
    """Return the findings about ``text``, in order of position.

    >>> [(f.code, f.span) for f in check("规模以上工业总产值达*亿元，*镇S*线全长12公里")]
    [('placeholder', '*亿元')]
    >>> [(f.code, f.span) for f in check("完成年计划的58.2，同比增长17.8。")]
    [('missing-percent', '58.2'), ('missing-percent', '17.8')]
    """
    return review(text).findings


def _outside(figures: list[Figure], masks: list[Finding]) -> list[Figure]:
    """The figures that no placeholder holds: 增长1*.5% is one mask, not the figure 1 without its %."""
    if not masks:
        return figures
    spans = sorted((m.start, m.end) for m in masks)
    kept, at = [], 0
    for figure in figures:
        while at < len(spans) and spans[at][1] <= figure.start:
            at += 1
        if at < len(spans) and spans[at][0] < figure.end:
            continue
        kept.append(figure)
    return kept


def _findings(text: str, figures: list[Figure], masks: list[Finding]) -> list[Finding]:
    findings = [
        *masks,
        *_outside_figures(missing_numbers(text), figures),
        *missing_percent_signs(figures),
        *_missing_units(figures),
        *lost_decimal_points(figures),
        *check_arithmetic(text, figures),
    ]
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def _outside_figures(findings: list[Finding], figures: list[Figure]) -> list[Finding]:
    """回落0.39个(ge) 百分点: a unit the scanner read with its number is no blank."""
    starts = [f.start for f in figures]
    kept = []
    for finding in findings:
        at = bisect_right(starts, finding.start) - 1
        if at < 0 or figures[at].end < finding.end:
            kept.append(finding)
    return kept


def placeholders(text: str) -> list[Finding]:
    """Template marks left where a number belongs: *亿元, x.x%, 20xx年, XX个, 201X/X/XX."""
    found = []
    dates_end = -1
    for match in _DATE_MASK.finditer(text):
        if any(ch in _MARK for ch in match.group()):
            span = match.group()
            found.append(
                Finding("placeholder", "error", match.start(), match.end(), span,
                        f"“{span}”是未替换的模板占位符，应填入实际日期")
            )  # fmt: skip
            dates_end = match.end()
    for match in _ratio_masks(text):
        span = match.group()
        if any(ch in _MARK for ch in span) and not re.fullmatch(r"[0-9:：∶.．]*[×*＊][0-9:：∶.．]*", span):
            found.append(
                Finding("placeholder", "error", match.start(), match.end(), span,
                        f"“{span}”是未替换的模板占位符，应填入实际比例")
            )  # fmt: skip
            dates_end = max(dates_end, match.end())
    for match in _PLACEHOLDER.finditer(text):
        if match.start() < dates_end and any(f.start <= match.start() < f.end for f in found):
            continue
        token, unit = match["token"], (match["unit"] or "").strip()
        has_digits = any(ch.isdigit() for ch in token)
        if _names_a_place(text, match.end(), unit) or _MASKED_NAME_BEFORE_YEAR.fullmatch(token + unit):
            continue  # 1.xx 村: a list number and a masked village; XXX2018年: a masked name, then a year
        if has_digits and not unit and text.startswith(("号", "號"), match.end()):
            continue  # XX发2011XX号: a document's masked serial, a name, not a figure
        if _FOOTNOTE_STAR.fullmatch(token):
            continue  # 电话:12345678*: a long number and a star that closes a footnote
        if _is_product(token) or _times_after_a_unit(text, match.start(), token):
            continue  # 3×4, 1980米×6元/米: a product, not a mask
        if token[0] in "*＊" and has_digits and match.start() and text[match.start() - 1] in "、，,":
            continue  # 贵州9个、*1个: a place masked in a list, its count written
        if unit and match.start() and text[match.start() - 1] == "第" and unit not in _RANKS:
            continue  # 第xx次人代会: a masked ordinal, a name; 排名第xx位 is a rank, a figure
        if unit == "日" and _FIELD_LABEL.match(text, match.end()):
            continue  # 编者:____ 日 期:____: a form's field, its label spaced out
        if match["date"]:
            unit = "日"  # x月x日
        elif not unit and not (has_digits and len(token) >= 4) and not _bare_number(text, match):
            continue
        if unit and not has_digits and not _unit_takes_mask(text, match, unit):
            continue
        span, start = match.group().rstrip(), match.start()
        if unit == "年" and len(token) > 4 and _YEAR_MASK_END.search(token):
            span, start = (
                span[len(token) - 4 :],
                start + len(token) - 4,
            )  # 范文篇120__年: the 1 numbers the text
        found.append(
            Finding("placeholder", "error", start, start + len(span), span,
                    f"“{span}”是未替换的模板占位符，应填入实际数字")
        )  # fmt: skip
    for match in _DOCUMENT_YEAR_MASK.finditer(text):
        span = match["year"]
        found.append(
            Finding("placeholder", "error", match.start("year"), match.end("year"), span,
                    f"“{span}”是未替换的模板占位符，应填入实际年份")
        )  # fmt: skip
    for match in _fraction_masks(text):
        span = match.group()
        found.append(
            Finding("placeholder", "error", match.start(), match.end(), span,
                    f"“{span}”是未替换的模板占位符，应填入实际数字")
        )  # fmt: skip
    for match in _ELLIPSIS_MASK.finditer(text):
        span = match.group()
        if span[-1] in _NAME_UNITS and match.end() < len(text) and "\u4e00" <= text[match.end()] <= "\u9fff":
            continue  # 〔…〕种植补助项目: a masked name before a word, not a count
        found.append(
            Finding("placeholder", "error", match.start(), match.end(), span,
                    f"“{span}”是未替换的模板占位符，应填入实际数字")
        )  # fmt: skip
    return _whole_masks(text, found)


# What a mask's span grows to take in: a range's first end (*——*月份, x至x月), a year's Chinese
# digits (二00*年), a unit in brackets beside its own (X(件)批, X 件(批)) and the 份 of 月份.
_RANGE_BEFORE = re.compile(rf"[{_MARK}0-9]{{1,4}}[ \u3000]?(?:[—－\-~～至到]{{1,2}}|——)[ \u3000]?\Z")
_CHINESE_YEAR_BEFORE = re.compile("[〇零○一二三四五六七八九]{1,3}\\Z")
_UNIT_IN_BRACKETS = re.compile(rf"[(（](?:{_UNITS})[)）](?:{_UNITS})?|(?<=[)）])(?:{_UNITS})|份")


def _widened_start(finding: Finding, before: str) -> str:
    """What stands before a mask and belongs to its blank: *—— of *——*月份, 二 of 二00*年."""
    if (m := _RANGE_BEFORE.search(before)) and any(ch in _MARK for ch in m.group()):
        return m.group()
    if finding.span.endswith("年") and (m := _CHINESE_YEAR_BEFORE.search(before)):
        return m.group()
    return ""


def _whole_masks(text: str, found: list[Finding]) -> list[Finding]:
    """One finding for each blank as a clerk sees it: *——*月份 and 二00*年*月*日 are one each."""
    if not found:
        return found
    whole: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, f.end)):
        start, end = finding.start, finding.end
        before = text[max(0, start - 8) : start]
        start -= len(_widened_start(finding, before))
        if (m := _UNIT_IN_BRACKETS.match(text, end)) and (m.group() != "份" or text[end - 1] == "月"):
            end = m.end()
        if (
            whole
            and whole[-1].end >= start
            and whole[-1].code == finding.code
            and whole[-1].span[-1:] in "年月"
        ):
            start = whole.pop().start  # 年 then *月*日: one date
        if (start, end) != (finding.start, finding.end):
            span = text[start:end]
            message = finding.message.replace(f"“{finding.span}”", f"“{span}”")
            finding = replace(finding, start=start, end=end, span=span, message=message)
        whole.append(finding)
    return whole


# 蒙发【XX】2号: the year of a document number masked (宜办发[20xx]6号 is found as a masked year)
_DOCUMENT_YEAR_MASK = re.compile(
    rf"[〔\[【(（［](?<=[发發字函办辦].)(?P<year>[{_MARK}]{{2}}|[{_MARK}]{{4}})[〕\]】)）］](?=[0-9]{{1,4}}[号號])"
)


# 投资〔…〕万元, 建成［…］亩: a site's ellipsis in brackets where the number was.
# 人口规模超过了全市的1/X: a fraction with a part masked (201X/X/XX is a date, found above)
_FRACTION_MASK = re.compile(
    rf"(?<![0-9A-Za-z/.{_MARK}])(?:[0-9]{{1,3}}/[xX×*＊]{{1,3}}|[xX×*＊]{{1,3}}/[0-9]{{1,3}})(?![0-9A-Za-z/.{_MARK}])"
)


def _fraction_masks(text: str) -> list[re.Match]:
    """The masked fractions, matched only where a / stands: the text is walked by str.find."""
    found, at = [], text.find("/")
    while at >= 0:
        match = _FRACTION_MASK.search(text, max(0, at - 3), at + 5)
        if match and match.start() < at < match.end() <= at + 4:
            found.append(match)
        at = text.find("/", at + 1)
    return found


_ELLIPSIS_MASK = re.compile(
    rf"(?=[〔\[［【(（])[〔\[［【(（][ \u3000]*(?:…+|\.{{3,6}}|。{{3}})[ \u3000]*[〕\]］】)）]"
    rf"(?:万亿|亿|万)?(?:{_UNITS})"
)


_FOOTNOTE_STAR = re.compile(r"[0-9]{5,}[*＊]")


def _times_after_a_unit(text: str, start: int, token: str) -> bool:
    """1980米×6元/米, 1米x1米: a multiplication sign after a figure's unit, then the multiplier."""
    return (
        token[0] in "×*＊xX"
        and token[1:].isdigit()
        and start > 0
        and (text[start - 1].isdigit() or text[start - 1] in _data.UNITS)
    )


def _ratio_masks(text: str) -> list[re.Match]:
    """x.x:xx.x:xx.x, looked for only around the colons of the text (few), each in a bounded window."""
    found: list[re.Match] = []
    for colon in _COLONS.finditer(text):
        if found and colon.start() < found[-1].end():
            continue
        start = colon.start() - 12
        while start < colon.start():
            match = _RATIO_MASK.search(text, max(0, start), colon.end() + 40)
            if match is None or match.start() >= colon.start():
                break
            if match.end() > colon.start():
                found.append(match)
                break
            start = match.end()
    return found


_YEAR_MASK_END = re.compile(rf"(?:19|20)[{_MARK}]{{2}}$")
_FIELD_LABEL = re.compile(r"[ \u3000]*期")
_MASKED_NAME_BEFORE_YEAR = re.compile(rf"[{_MARK}]{{2,}}(?:19|20)[0-9]{{2}}年")


def _names_a_place(text: str, end: int, unit: str) -> bool:
    """xx 村, 1.xx 村, __村: a mask the place suffix after it names, whatever stands before it (村 and 社
    count only after a number: 辖8村52社)."""
    return unit in ("村", "社") or (not unit and text[end : end + 2].lstrip(" \u3000")[:1] in _PLACE_SUFFIXES)


_FACTOR = r"(?:0[.．][0-9]+|[1-9][0-9]*(?:[.．][0-9]+)?)"
_PRODUCT = re.compile(rf"{_FACTOR}[×*＊]{_FACTOR}")


def _is_product(token: str) -> bool:
    """3×4, 2*3, 1.5*2: one multiplication sign between two numbers; 1XX32, 8*0 and 1*.5 are masked numbers."""
    return _PRODUCT.fullmatch(token) is not None


def _unit_takes_mask(text: str, match: re.Match, unit: str) -> bool:
    start, end = match.span()
    bare = unit.lstrip("多余 万亿千")
    if bare and text.startswith(_WORD_AFTER_MASK, end - len(bare)):
        return False  # xx担当, XX人民政府: the unit starts a word, the mask is a name
    if bare == "次" and text.startswith(("会议", "全会", "全体会议", "代表大会", "党代会"), end):
        return False  # 人大*次会议: a masked ordinal
    if not bare or _data.UNITS.get(bare) in _STRONG_UNITS or bare in ("年", "月", "日", "元"):
        return True
    if bare in ("组", "村", "社"):
        return text[max(0, start - 1) : start] in _COUNT_VERBS  # 高让一、二组，xx组, __村: a masked name
    if bare in _NAME_UNITS:
        # 乡*所在地, ，*家庭农场: masked names, unless a verb or the clause's end says a count
        before = text[max(0, start - 8) : start].rstrip(" \u3000")[-1:]  # 张北县 XX 部: the place before
        ends_clause = (
            (end == len(text) or text[end] in _AFTER_BARE)
            and before not in _PLACE_SUFFIXES
            and not (before == "、" and text.startswith("、", end))  # 高让一、二组、xx组、: a list of names
        )
        return (
            ends_clause
            or before in _COUNT_VERBS
            or text.endswith("合作社", 0, start)  # 合作社x家
            or _COUNT_FOLLOWS.match(text, end) is not None  # 集访X批X人次: a count of groups and of people
            or (before == "、" and _COUNT_BEFORE.search(text, max(0, start - 24), start) is not None)
            or _MASKED_COUNT_BEFORE.search(text, max(0, start - 12), start) is not None
        )  # 指导38家企业申报…、X家企业申报; 群众X户,X家单位: one more count in a list of counts
    return True  # xx户, *棵, xx人次: nothing but a number stands there


_COUNT_FOLLOWS = re.compile(rf"[ \u3000]?[0-9{_MARK}]+[ \u3000]?(?:{_UNITS})")
_COUNT_BEFORE = re.compile(rf"[0-9]+(?:{_UNITS})[^、，,。；;]*、$")
_MASKED_COUNT_BEFORE = re.compile(  # xx户， but not xx组， (a group's masked name)
    "(?<![A-Za-z])["
    + _MARK
    + "]+(?:"
    + "|".join(re.escape(u) for u in sorted(_data.UNITS, key=len, reverse=True) if u not in _NAME_UNITS)
    + ")[、，,]$"
)


def _bare_number(text: str, match: re.Match) -> bool:
    """A mask with no unit where a number is expected: 同比增长XX，排名第X — not a masked name (项目为××)."""
    start, end = match.span()
    before = text[start - 1] if start else ""
    if text.endswith(_NAMED_BEFORE, 0, start) or (
        before == "为" and text[start - 2 : start - 1] in _PLACE_SUFFIXES
    ):
        return False  # 贫困退出村为**: a masked place
    if text.startswith(_MASK_LIST, end) or (before == "、" and text[max(0, start - 2) : start - 1] in _MARK):
        return False  # 有xx、xx、xx四个脱贫村: masked names in a list
    if _MASKED_YEAR_OPENING.fullmatch(match.group()) and _opens_a_clause(text, start):
        return _YEAR_MASK_FOLLOWS.match(text, end) is not None  # xxxx，全镇完成…; 一、xxxx工作回顾
    if before == "的" and _SHARE_OF_BEFORE.search(text, max(0, start - 16), start):
        return end == len(text) or text[end] in _AFTER_BARE  # 占总人口的*，
    if before in _BEFORE_BARE_WORD and not text.endswith(_BEFORE_BARE_WORD[before], 0, start):
        return False
    return before in _BEFORE_BARE and (end == len(text) or text[end] in _AFTER_BARE)


_SHARE_OF_BEFORE = re.compile(r"占[^，,。；;、\n0-9]{1,12}的$")
_MASKED_YEAR_OPENING = re.compile(rf"([{_MARK}])\1{{3}}")
_YEAR_MASK_FOLLOWS = re.compile(r"[，,][ \u3000]?[全我是在镇乡县区市]|工作|年")
_CLAUSE_OPENERS = ("。", "\n", "；", "、", "：", ":")


def _opens_a_clause(text: str, start: int) -> bool:
    return start == 0 or text.endswith(_CLAUSE_OPENERS, 0, start)


_MASK_LIST = tuple("、" + mark for mark in _MARK)
_NAMED_BEFORE = ("项目为", "名称为", "单位为", "地点为", "负责人为", "企业为", "公司为")


_NAME_IN_A_LIST = re.compile(r"、[\u4e00-\u9fff]{1,4}、$")
# 单位：个、万元、人、人次: the units of a table's columns
_UNIT_LIST = re.compile(rf"单位[：:][ \u3000]*(?:(?:万|亿)?(?:{_UNITS})[ \u3000]*[、，,/][ \u3000]*)+$")
# 晚婚率为。, 占总人口数的，: a rate or a share whose number and % were both erased
_RATE_LEFT_BLANK = re.compile(r"(?:率(?:为|是|达到|达)|占[^，,。；;、\n0-9]{1,12}的)(?=[，,。；;])")
# 武乐万吨，增幅；, ，一孩率，同比增加: a rate's name alone in its clause. It opens with the clause's mark,
# so that the engine skips to one in C.
_RATE_NAME_LEFT_BLANK = re.compile(
    r"[，,；;](?P<span>(?:同比|比上年|较上年)?(?:增幅|减幅|降幅|涨幅)"
    r"|[\u4e00-\u9fff]{1,3}率(?=[，,]\s*(?:同比|比上年|较上年)))(?=[，,。；;])"
)
_TABLE_HEADER_END = re.compile(r"[ \t\u3000]*[|｜]")


_TO_EACH = ("落实到", "责任到", "分解到", "精准到", "具体到", "细化到")
_COUNTED_BEFORE_VERB = re.compile(r"[0-9][户人家个项]\w{0,2}$")


def missing_numbers(text: str) -> list[Finding]:
    """A unit written with no number before it: 完成投资额亿元, 同比增长%, 全长约公里."""
    found = []
    found_by_pattern = _BLANKS.finditer_each(text)
    for match in found_by_pattern[0]:
        start, end = match.span()
        before = text[start - 1]
        if (
            match["unit"] in ("%", "％")
            and text.startswith("\n", end)
            and _HEADING_LINE.search(text, max(0, start - 12), start)
        ):
            continue  # 比上年增长% on a line of its own: a table's heading
        if before in _NOT_BEFORE_ANY or text.endswith("多少", 0, start):
            continue  # 有多少亩: a question
        if match["unit"] in _MAGNITUDE_UNITS and before in _NOT_BEFORE_MAGNITUDE:
            continue  # 超亿元企业, 近亿元: a bare magnitude is a number
        if end < len(text) and text[end] in _NOT_AFTER:
            continue  # 亩均, 亩产, 万吨级
        if match["unit"] == "万元" and text.startswith(("增收", "户"), end):
            continue  # 万元增收行动, 万元户: ten thousand yuan itself
        if (
            before == "元"
            or _TABLE_HEADER_END.match(text, end)
            or _UNIT_LIST.search(text, max(0, start - 30), start)
        ):
            continue  # 14.73元公斤: a price whose / was lost; 同比增长% |: a table's column header
        if match["unit"] in _MAGNITUDE_UNITS and text.startswith(_CLASS_AFTER_MAGNITUDE, end):
            continue  # 投资亿元以上的项目, 签约亿元项目: a class of projects, not a blank
        if match["unit"] == "美元" and end < len(text) and text[end] in "对兑计":
            continue  # 按2019年美元对人民币的平均汇率: the currency named, not an amount
        unit = match["unit"]
        found.append(Finding("missing-number", "error", start, end, unit, f"“{unit}”前缺少数字"))
    for pattern, matches in zip(_BLANKS.patterns[1:], found_by_pattern[1:], strict=True):
        for match in matches:
            name = next(g for g in _UNIT_GROUPS if match.re.groupindex.get(g) and match[g] is not None)
            start, end = match.span(name)
            before = text[match.start() - 1] if match.start() else ""
            if pattern not in _MISSING_DATE and name == "unit" and before in _NOT_BEFORE_ANY:
                continue
            if pattern is _MISSING_APPROX and before in _NOT_BEFORE_APPROX:
                continue
            if match[name] in _MAGNITUDE_UNITS and text.startswith(_CLASS_AFTER_MAGNITUDE, end):
                continue  # 、亿元以上其它项目: a class, not a blank
            if (
                pattern is _MISSING_AFTER_BLANK
                and "\n" in text[match.start() : start]
                and not _BREAKS_CLEANLY(match[name])
            ):
                continue  # 服务基⏎层: a word cut by the line, not a blank before its unit
            if pattern is _MISSING_AFTER_BLANK and before in _SPLIT_WORDS.get(match[name], ""):
                continue  # 重点时 期, 东方购物广 场: a word a PDF's spacing split
            if pattern is _MISSING_PEOPLE and before in _NOT_BEFORE_MAGNITUDE:
                continue  # 接种逾万人: more than ten thousand
            if pattern is _MISSING_INTEGER and "均" in text[max(0, start - 6) : start]:
                continue  # 人均耕地.62亩: the 0 of a figure below one dropped, not a blank
            if _UNIT_LIST.search(text, max(0, start - 30), start):
                continue  # 单位：个、户、亩、件: a table's units
            if text.endswith(_TO_EACH, 0, start) or text.endswith("左右", 0, start):
                continue  # 落实到人: to each person; 约五万左右元: the number stands before 左右
            if pattern is _MISSING_AFTER_VERB and _COUNTED_BEFORE_VERB.search(
                text, max(0, start - 12), start
            ):
                continue  # 落实5户新增户: the households counted before, 新增户 a noun
            if pattern is _MISSING_BARE and _NAME_IN_A_LIST.search(text, max(0, start - 5), end + 1):
                continue  # 辖宋堡、渣元、大王庄: a place in a list of names
            unit = match[name]
            message = "年份“20年度”缺少后两位数字" if unit == "20年度" else f"“{unit}”前缺少数字"
            found.append(Finding("missing-number", "error", start, end, unit, message))
    for match in _RATE_LEFT_BLANK.finditer(text):
        span = match.group()
        found.append(
            Finding("missing-number", "error", match.start(), match.end(), span, f"“{span}”后缺少数字")
        )
    for match in _RATE_NAME_LEFT_BLANK.finditer(text):
        span = match["span"]
        found.append(
            Finding("missing-number", "error", match.start("span"), match.end(), span, f"“{span}”后缺少数字")
        )
    found = [f for f in found if not _names_a_unit(text, f)]
    return list({(f.start, f.end): f for f in found}.values())  # one finding for a blank two patterns see


_UNIT_IN_A_LIST_OF_UNITS = re.compile(rf"、(?:万|亿)?(?:{_UNITS})[、和及]")
# 面积:万亩 / 单位:总产:吨 / 单产:千克 on a line of its own: a table's legend, not a blank
_LEGEND_LINE = re.compile(r"(?:^|\n)[ \u3000]*(?:[\u4e00-\u9fff]{1,6}[:：]){1,2}[ \u3000]*$")


def _names_a_unit(text: str, finding: Finding) -> bool:
    """注意平方公里、公顷、亩3个单位: units named, not measured; a table's legend line."""
    if _UNIT_IN_A_LIST_OF_UNITS.match(text, finding.end):
        return True
    return (  # bounded scans: a search to the line's end for every blank is quadratic in a long line
        _LINE_ENDS.match(text, finding.end) is not None
        and _LEGEND_LINE.search(text, max(0, finding.start - 16), finding.start) is not None
    )


_LINE_ENDS = re.compile(r"[ \t\u3000]*(?:\n|\Z)")


# The blanks missing_numbers reports, in its order; _MISSING first, with checks of its own.
_BLANKS = OneScan(
    _MISSING,
    _MISSING_AFTER_BLANK,
    _MISSING_BARE,
    _MISSING_AFTER_VERB,
    _MISSING_AFTER_MARK,
    _MISSING_BEFORE_NOUN,
    _MISSING_PEOPLE,
    _MISSING_IN_BRACKETS,
    _MISSING_YEAR,
    _MISSING_PERCENT_ALONE,
    _MISSING_APPROX,
    _MISSING_AFTER_COMMA,
    _MISSING_HOUSEHOLDS,
    _MISSING_INTEGER,
    *_MISSING_DATE,
)


_RATE_NAME = {"%": "百分数", "‰": "千分数"}


def _sign_left_out(figure: Figure) -> str:
    return f"{_RATE_NAME[figure.unit]}“{figure.span}”缺少“{figure.unit}”"


def missing_percent_signs(figures: list[Figure]) -> list[Finding]:
    """A growth, share or completion rate written without its %: 占年计划的58.2, 同比增长17.8.

    The scanner reads such a number as a percentage; here it is reported as written wrong.
    """
    return [
        Finding("missing-percent", "error", f.start, f.end, f.span, _sign_left_out(f))
        for f in figures
        if f.implicit_unit and f.dimension == "percent"
    ]


def lost_decimal_points(figures: list[Figure]) -> list[Finding]:
    """5 9亿元, 108 3%: a space where the decimal point was; read as 5.9, reported to be fixed."""
    return [
        Finding(
            "lost-decimal-point",
            "error",
            f.start,
            f.end,
            f.span,
            f"数字“{f.span}”中间是{'顿号' if '、' in f.span else '空格'}，疑似漏了小数点，"
            f"按“{f.span.replace(' ', '.', 1).replace('、', '.', 1)}”理解",
        )
        for f in figures
        if _LOST_POINT.match(f.span)
    ]


def _missing_units(figures: list[Figure]) -> list[Finding]:
    return [
        Finding(
            "missing-unit", "warning", f.start, f.end, f.span, f"数字“{f.span}”缺少单位，按“{f.unit}”理解"
        )
        for f in figures
        if f.implicit_unit and f.dimension != "percent" and f.span[:1].isdigit() and f.span[-1] not in "万亿"
    ]  # 收入突破10亿, 完成198万: a magnitude in a clause about money is written so, not a slip
