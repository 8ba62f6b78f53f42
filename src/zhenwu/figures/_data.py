"""Lookup tables for the figure scanner: numerals, magnitudes, units, qualifiers, exclusions.

Where each list comes from:

* Numerals and magnitudes — the standard Chinese numeral system (GB/T 15835-2011 《出版物上
  数字用法》 §4–5), including 两 before measure words and 〇 in years.
* Units — the measures found in published township work summaries (the ``corpus/`` texts
  and the 统计公报 tables they quote): money (元, 美元), area (平方米, 亩, 公顷), length,
  weight, volume, energy, time spans, and the 量词 that follow counts. The grouping into
  dimensions follows 国家统计局 indicator explanations (计量单位 column).
* Qualifiers — the approximation and bound words of the genre (约, 近, 超过, 多, 余, 以上, 左右…),
  collected from the corpus and the GB/T 15835 note on 概数.
* Exclusions — slogans and programme names built from numerals that are not quantities
  (一着不让, 三城同创, 六通一平, 百千万工程, 七个一 …), gathered from the corpus and common
  government-report phrases; measure words that make a Chinese numeral an ordinal or a
  name (一期, 十里).
"""

from __future__ import annotations

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
# 大写数字 of amounts (人民币壹拾贰万叁仟元整), read as the ordinary numerals; 廿 and 卅 are 二十, 三十.
CAPITAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰仟"
CAPITALS = str.maketrans(CAPITAL_DIGITS, "一二三四五六七八九十百千")
LARGE_MAGNITUDES = {"万": 10**4, "亿": 10**8}
# Magnitudes written after Arabic digits (3.5万, 1.2亿, 3千万); longest first.
MAGNITUDES = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}

FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

# unit as written -> dimension.  Several spellings of one unit stay distinct (the contract
# reports the unit as written); ``UNIT_ALIASES`` maps them for arithmetic.
UNITS = {
    # money
    "元": "money",
    "圆": "money",  # 大写金额: 壹佰圆整
    "美元": "money",
    "欧元": "money",
    "港元": "money",
    "日元": "money",
    # area
    "平方米": "area",
    "平米": "area",
    "㎡": "area",
    "m²": "area",
    "m2": "area",
    "m": "length",  # 全长1353m
    "mm": "length",
    "厘米": "length",
    "cm": "length",
    "平方公里": "area",
    "平方千米": "area",
    "km²": "area",
    "亩": "area",
    "公顷": "area",
    # length
    "米": "length",
    "公尺": "length",  # Taiwan's 米
    "毫米": "length",
    "延米": "length",
    "公里": "length",
    "千米": "length",
    "km": "length",
    # weight
    "吨": "weight",
    "斤": "weight",
    "担": "weight",  # 烤烟产量3110担
    "公斤": "weight",
    "千克": "weight",
    "克": "weight",
    "kg": "weight",
    # volume
    "立方米": "volume",
    "m³": "volume",
    "m3": "volume",
    "方": "volume",
    "升": "volume",
    "毫升": "volume",
    # energy and power
    "千瓦时": "energy",
    "千瓦小时": "energy",
    "微克/立方米": "concentration",  # PM2.5年均浓度52微克/立方米
    "吨标准煤": "weight",  # energy consumed, weighed as standard coal
    "千伏安": "power",
    "个金属吨": "weight",  # 铁矿储量4.2亿个金属吨
    "金属吨": "weight",
    "吨公里": "freight",  # 货物周转量47036万吨公里: one unit, not 吨 then 公里
    "人公里": "freight",
    "℃": "temperature",
    "摄氏度": "temperature",
    "度": "energy",
    "千瓦": "power",
    "kW": "power",
    "KW": "power",
    "kw": "power",
    "马力": "power",
    "兆瓦": "power",
    # time spans
    "个月": "duration",
    "小时": "duration",
    "分钟": "duration",
    "秒": "duration",
    "天": "duration",
    "日历天": "duration",  # 工期220日历天
    # percent and relatives
    "%": "percent",
    "﹪": "percent",  # the small form some sites print (92.42﹪)
    "％": "percent",
    "‰": "percent",
    "个百分点": "points",
    "百分点": "points",
    "个千分点": "points",  # 出生率上升了0.04个千分点
    "千分点": "points",
    "倍": "multiple",
}

# Dimensions whose units never begin another word: they may follow their number across a
# line break (a table cell, a PDF line).
UNMISTAKABLE_DIMENSIONS = ("money", "area", "length", "weight", "percent", "points")

# 量词 after counts.  Longer spellings are tried first, so 人次 wins over 人.
MEASURE_WORDS = (
    "户 人 人次 个 家 处 项 只 头 羽 株 棵 座 间 套 台 辆 辆次 架次 场次 场 宗 穴 件 次 条 所 篇 张 批 批次 期 车"
    " 袋 盘 箱 幅 口人"
    " 车次 剂次 剂 户次 家次 件次 期次 粪车 名 位 本 份 部 栋 幢 层 口 眼 盏 根 块 片 组 支 类 种 亩次 艘 对 册 起 单 笔 班 门 趟 届 例"
    " 分"  # 考核得分95.6分: a score
    " 台套 头只 桶 匹 封 通 把 尾 村 社"
)
for _word in MEASURE_WORDS.split():
    UNITS.setdefault(_word, "count")

# Units that only follow Arabic digits: after a Chinese numeral they start a name or an
# ordinal (一期工程, 十里水乡, 三方协议, 四度).
ARABIC_ONLY_UNITS = {
    "期",
    "方",
    "度",
    "届",
    "班",
    "门",
    "单",
    "起",
    "对",
    "类",
    "种",
    "层",
    "口",
    "份",
    "分",
    "通",
    "封",
    "把",
    "尾",
    "村",
    "社",
}
# Measure words that after 一 make a vague article, not a count (一批示范点, 一些).
VAGUE_AFTER_ONE = {"批", "些", "类", "种", "起", "片", "组", "层", "支", "次", "篇"}  # 下一篇: page furniture

MONEY_DEFAULT_UNIT = "元"

APPROX_BEFORE = (
    "刚过",
    "大约",
    "将近",
    "接近",
    "超过",
    "不足",
    "不到",
    "不少于",
    "不低于",
    "突破",  # 财政收入突破1000万元: a threshold passed
    "少于",
    "多于",
    "约",
    "近",
    "超",
    "逾",
)
APPROX_INSIDE = ("多", "余")
APPROX_AFTER = ("以上", "左右", "以下", "以内", "之多", "有余", "上下")

RANGE_SEPARATORS = "-－—~～至到"

# Phrases built from numerals that name programmes or are idioms; never quantities.
IDIOMS = (
    "上一条 下一条 一着不让 三城同创 六通一平 七通一平 五通一平 三通一平 百千万工程 七个一 千家万户 千方百计 万无一失 一心一意"
    " 三心二意 四面八方 五湖四海 一五一十 十全十美 一以贯之 一张蓝图 一盘棋 一把手 一站式 一条龙 一揽子 一岗双责"
    " 三会一课 四个意识 四个自信 两个维护 两个确立 两学一做 三严三实 四风 五水共治 三改一拆 四边三化 一事一议"
    " 一村一品 一镇一品 一户一策 一企一策 一项一策 一对一 点对点 三个文明 三个代表 一区三园 一带六园 一网通办"
    " 最多跑一次 一网统管 一件事 三不两直 两不愁三保障 一个中心 一个围绕 二个注重 五个提升 十星级 五星级 三星级"
    " 三家班子 四套班子 两条底线 六个精准 五个一批 四个全面 五位一体 四个不摘 三大攻坚战 一个新台阶 一个新水平 一带一路 百分百 一二三产业 一二三产 三次产业 三产融合 九牛一毛 一视同仁 一手抓 两手抓 两手齐抓 一头连着"
).split()

# Words that put a bare number in the money dimension when no unit is written
# (农民人均纯收入达到9950).
MONEY_SUBJECT_WORDS = (
    "收入", "投资", "产值", "销售", "营收", "资金", "工资", "税收", "利润", "金额", "总额", "支出", "预算", "补贴",
    "补助", "经费", "债务", "成本", "增收", "减收", "超收", "增支", "减支",
)  # fmt: skip

# Context words that decide a figure's kind.
GROWTH_UP = ("增长", "增加", "提高", "上升", "增幅", "增速", "提升", "比增")
GROWTH_DOWN = ("下降", "减少", "降低", "回落", "降幅", "减幅")
TARGET_WORDS = ("目标", "计划", "任务")

# Words stripped from the start of a subject: time, place and verbs that are not the indicator.
SUBJECT_PREFIXES = (
    "今年以来 今年 上半年 下半年 全年 年内 截至目前 目前 去年 一季度 二季度 三季度 四季度 前三季度"
    " 预计 累计 共计 合计 总计 共 全镇 全县 全市 全区 全乡 全村 我镇 我县 我乡 镇 其中 同时 已 并 又 再 还"
    " 的 完成 实现 达到 新增 新建 落实 争取 引进 完成了 实现了 拉动 带动"
).split()
SUBJECT_SUFFIXES = "达到 达 为 是 约 共 计 了 完成 实现 超过 近 有 至 到 增至 突破 逾 高达 多达".split()
