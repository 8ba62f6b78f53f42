"""The scanner on sentences grouped by where they came from.

REAL: sentences copied from the published summaries in the shared corpus.
CONSTRUCTED: the forms the issue lists that the corpus does not happen to contain.
KNOWN_GAPS: what the scanner still gets wrong, kept as strict xfails so a fix is noticed.
Each case is (text, [(span, value, unit, kind), ...]).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhenwu.figures import extract

REAL = [
    (
        "目前,总投资16亿元的天裕电力燃气发电项目已并网发电,投资6亿元的苏美达光伏光电项目已开工建设",
        [("16亿元", "1600000000", "元", "amount"), ("6亿元", "600000000", "元", "amount")],
    ),
    (
        "产业园建设面积达到4.5平方公里,实现了“六通一平”,入园项目总投资额超过80亿元",
        [("4.5平方公里", "4.5", "平方公里", "measure"), ("超过80亿元", "8000000000", "元", "amount")],
    ),
    (
        "镇东、中一、中三、奚*四个镇级工业园建设逐步加快",
        [("四个", "4", "个", "count")],
    ),
    (
        "加快推动镇区两横三纵五条商业街和一个大型市场提档升级",
        [("五条", "5", "条", "count"), ("一个", "1", "个", "count")],
    ),
    (
        "截至目前,我镇共落实投资420多万元,城镇绿化覆盖率达到48%。",
        [("420多万元", "4200000", "元", "amount"), ("48%", "48", "%", "percent")],
    ),
    (
        "投资224万元统一规范门头字号350余处;清理店外经营68户,落地广告牌220多个",
        [
            ("224万元", "2240000", "元", "amount"),
            ("350余处", "350", "处", "count"),
            ("68户", "68", "户", "count"),
            ("220多个", "220", "个", "count"),
        ],
    ),
    (
        "投资220万元粉刷、美化镇区内建筑外墙近30000平方米",
        [("220万元", "2200000", "元", "amount"), ("近30000平方米", "30000", "平方米", "measure")],
    ),
    (
        "上半年完成农业总收入3420万元,占全年目标的43.9%",
        [("3420万元", "34200000", "元", "amount"), ("43.9%", "43.9", "%", "completion")],
    ),
    (
        "完成生猪6870头、家禽3.1万羽、上市水产品220吨、完成植树36万株",
        [
            ("6870头", "6870", "头", "count"),
            ("3.1万羽", "31000", "羽", "count"),
            ("220吨", "220", "吨", "measure"),
            ("36万株", "360000", "株", "count"),
        ],
    ),
    (
        "及时出动5000人次、打捞蓝藻1600粪车,计8000吨。",
        [
            ("5000人次", "5000", "人次", "count"),
            ("1600粪车", "1600", "粪车", "count"),
            ("8000吨", "8000", "吨", "measure"),
        ],
    ),
    (
        "预计上半年全镇89家超千万企业完成工业纳税销售17.6亿元,同比增长63.3%,占全镇经济总量的51%",
        [
            ("89家", "89", "家", "count"),
            ("超千万", "10000000", "元", "amount"),
            ("17.6亿元", "1760000000", "元", "amount"),
            ("63.3%", "63.3", "%", "growth"),
            ("51%", "51", "%", "share"),
        ],
    ),
    ("其中27家企业增幅在50%以上。", [("27家", "27", "家", "count"), ("50%以上", "50", "%", "percent")]),
    (
        "振华轿车投资3000万元1万吨轿车大型配件项目",
        [("3000万元", "30000000", "元", "amount"), ("1万吨", "10000", "吨", "measure")],
    ),
    (
        "集镇1号地块一期4万平方米商品房主体工程已竣工",
        [("4万平方米", "40000", "平方米", "measure")],
    ),
    (
        "我镇上半年拆迁农户208户,涉及9个自然村,拆除面积5.18万平方米。",
        [
            ("208户", "208", "户", "count"),
            ("9个", "9", "个", "count"),
            ("5.18万平方米", "51800", "平方米", "measure"),
        ],
    ),
    (
        "全镇义务教育阶段学校80%以上实现“一网新三机”;按照“一中心二村校”的小学发展布局,加快 1300平方米、12个班的张舍小学扩建工程",
        [
            ("80%以上", "80", "%", "percent"),
            ("1300平方米", "1300", "平方米", "measure"),
            ("12个", "12", "个", "count"),
        ],
    ),
    (
        "上半年举办创业技能培训24期,实现新增就业岗位2145个",
        [("24期", "24", "期", "count"), ("2145个", "2145", "个", "count")],
    ),
    (
        "据统计,20xx年维护建设总投资约4100万元,其中,投资125万元延伸了云寺路;投资154万元改建太平桥等4座桥梁",
        [
            ("约4100万元", "41000000", "元", "amount"),
            ("125万元", "1250000", "元", "amount"),
            ("154万元", "1540000", "元", "amount"),
            ("4座", "4", "座", "count"),
        ],
    ),
    (
        "投资846.92万元,完善4.13平方公里的工业功能区的建设",
        [("846.92万元", "8469200", "元", "amount"), ("4.13平方公里", "4.13", "平方公里", "measure")],
    ),
    (
        "住宅面积14525平方米,投资1089.375万元",
        [("14525平方米", "14525", "平方米", "measure"), ("1089.375万元", "10893750", "元", "amount")],
    ),
    (
        "合同利用外资2200万美元以上,超额完成县下达任务,实到外资1641万美元,完成县下达任务149%",
        [
            ("2200万美元以上", "22000000", "美元", "amount"),
            ("1641万美元", "16410000", "美元", "amount"),
            ("149%", "149", "%", "completion"),
        ],
    ),
    (
        "工农业总产值26.06亿元,同比增长22.95 %",
        [("26.06亿元", "2606000000", "元", "amount"), ("22.95 %", "22.95", "%", "growth")],
    ),
    (
        "外贸出口达到0.9亿美元,同比增长4%",
        [("0.9亿美元", "90000000", "美元", "amount"), ("4%", "4", "%", "growth")],
    ),
    (
        "农民人均纯收入达到9950,同比增长13.4%。",
        [("9950", "9950", "元", "amount"), ("13.4%", "13.4", "%", "growth")],
    ),
    (
        "全镇花卉、大棚果蔬种植面积达到1.5万亩,粮经复种指数达到228%,全镇粮经比例达到26.8:73.2。",
        [
            ("1.5万亩", "15000", "亩", "measure"),
            ("228%", "228", "%", "percent"),
            ("26.8:73.2", None, "", "ratio"),
        ],
    ),
    ("云寺路道路两侧的加快开发以及两条新商业街的开发", [("两条", "2", "条", "count")]),
    ("建设了云都花园园,云溪花园,总面积达4.97公顷。", [("4.97公顷", "4.97", "公顷", "measure")]),
    (
        "今年以来接待游客达24万人次。今年8月全省休闲观光农业现场会在碧云花园举行。",
        [("24万人次", "240000", "人次", "count")],
    ),
]

NOT_FIGURES = [
    "镇政府工作总结报告(三篇)\n\n来源",  # a page's title: how many articles it holds
    "土地租赁协议书(通用16篇)\n",
    "全面落实六个精准，把脱贫攻坚",  # slogans
    "“实施四大战略、打造四个小雄,努力实现富裕、民主、和谐、生态型村镇”的目标",
    "一着不让抓推进",  # idiom
    "以“三城同创”为契机",  # programme name
    "实现了“六通一平”",
    "深入实施百千万工程",
    "落实“七个一”要求",
    "一是完善了建设领导机制。二是实行目标责任制。",  # ordinals
    "第一个五年计划",
    "综合排名第3名",
    "数十家企业",
    "根据〔2021〕6号文件精神",  # document number
    "沿307国道和S274线",  # roads
    "“全国2A级旅游景区”和5A级景区",  # grades
    "联系电话0571-88888888",  # phone number
    "重点争取喜力啤酒、六一四所、皮革城等一批项目",  # a name made of numerals
    "2024年1-5月,上半年和一季度",  # dates and periods
    "时间:2021-06-11 17:48:05",
    "进一步深化改革,统一规范门头",
    "集镇1号地块一期工程和二期、三期",
    "建成了一批示范点",
    "全面落实治理太湖保护水源“6699”行动",
    "法兰锻造有限公司4M辗环机生产线",
]

CONSTRUCTED = [
    ("面积1,234.5平方米", [("1,234.5平方米", "1234.5", "平方米", "measure")]),
    ("面积１２．５亩", [("１２．５亩", "12.5", "亩", "measure")]),
    ("种植三千五百亩", [("三千五百亩", "3500", "亩", "measure")]),
    ("投入两万元", [("两万元", "20000", "元", "amount")]),
    ("总投资一亿二千万元", [("一亿二千万元", "120000000", "元", "amount")]),
    ("新建十二座", [("十二座", "12", "座", "count")]),
    ("覆盖率达百分之三十五", [("百分之三十五", "35", "%", "percent")]),
    ("补助3.5万元", [("3.5万元", "35000", "元", "amount")]),
    ("计划投资3-5万元", [("3-5万元", "30000", "元", "amount")]),
    ("每户补助3至5万", [("3至5万", "30000", "元", "amount")]),  # 补助: a sum of money
    ("每户补助3万元至5万元", [("3万元至5万元", "30000", "元", "amount")]),
    ("同比下降3.1%", [("3.1%", "3.1", "%", "growth")]),
    ("低于时序进度3.2个百分点", [("3.2个百分点", "3.2", "个百分点", "points")]),
    ("出生率为3.5‰", [("3.5‰", "3.5", "‰", "percent")]),
    ("占年计划的58.2%", [("58.2%", "58.2", "%", "completion")]),
    ("全长约12千米", [("约12千米", "12", "千米", "measure")]),
    ("产量1.2万公斤", [("1.2万公斤", "12000", "公斤", "measure")]),
    ("面积200㎡", [("200㎡", "200", "㎡", "measure")]),
    ("产值增长2倍", [("2倍", "2", "倍", "multiple")]),
    ("收入3000元左右", [("3000元左右", "3000", "元", "amount")]),
    ("合同金额1亿2千万元", [("1亿2千万元", "120000000", "元", "amount")]),
    ("规上工业产值同比持平", [("同比持平", "0", "%", "growth")]),
    ("培训近500人次,逾300人", [("近500人次", "500", "人次", "count"), ("逾300人", "300", "人", "count")]),
    # A number of years after 连续/为期/租期 is a duration, not a year.
    ("连续3年获评先进", [("3年", "3", "年", "measure")]),
    ("为期三年的专项行动", [("三年", "3", "年", "measure")]),
    ("预计实现GDP19.92亿元", [("19.92亿元", "1992000000", "元", "amount")]),
    ("完成规划设计,\n7\n家涉林企业完成", [("7\n家", "7", "家", "count")]),
]

KNOWN_GAPS = [
    # A Chinese numeral right before 千米 is read as 三千 + 米: the value is right in metres
    # but the unit written is 千米.
    ("全长三千米", [("三千米", "3", "千米", "measure")]),
    # Rates per unit keep only the numerator's unit: 元/亩 is read as 元.
    ("补助500元/亩", [("500元/亩", "500", "元/亩", "amount")]),
]


def _shape(text):
    return [
        (f.span, None if f.value is None else format(f.value, "f"), f.unit, f.kind) for f in extract(text)
    ]


@pytest.mark.parametrize(("text", "expected"), REAL, ids=[t[:12] for t, _ in REAL])
def test_it_reads_real_sentences_from_the_corpus(text, expected):
    assert _shape(text) == expected


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTED, ids=[t for t, _ in CONSTRUCTED])
def test_it_reads_the_forms_listed_in_the_issue(text, expected):
    assert _shape(text) == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_it_does_not_report_what_is_not_a_quantity(text):
    assert _shape(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, marks=pytest.mark.xfail(strict=True)) for text, expected in KNOWN_GAPS],
    ids=[t for t, _ in KNOWN_GAPS],
)
def test_known_gaps(text, expected):
    assert _shape(text) == expected


def test_ranges_keep_both_ends():
    (figure,) = extract("计划投资3-5万元")
    assert (figure.value, figure.value_max) == (Decimal(30000), Decimal(50000))


def test_dates_and_periods_are_recognised_when_asked():
    kinds = [(f.span, f.kind) for f in extract("2024年1-5月完成投资3亿元,上半年和一季度", dates=True)]
    assert kinds == [("2024年1-5月", "date"), ("3亿元", "amount"), ("上半年", "date"), ("一季度", "date")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("上半年完成固定资产投资6.02亿元", "固定资产投资"),
        ("实现新增就业岗位2145个", "就业岗位"),
        ("城镇绿化覆盖率达到48%", "城镇绿化覆盖率"),
        ("建成区绿化覆盖率30.5%", "建成区绿化覆盖率"),
        ("拆除违建1035平方米", "拆除违建"),
    ],
)
def test_each_figure_names_the_indicator_it_measures(text, subject):
    assert extract(text)[0].subject == subject


def test_relative_figures_inherit_the_subject_and_keep_their_base():
    growth, completion = extract("完成工业纳税销售34.5亿元,同比增长26.6%,占全年目标的50.2%")[1:]
    assert (growth.kind, growth.subject, growth.direction) == ("growth", "工业纳税销售", "up")
    assert (completion.kind, completion.subject, completion.base) == (
        "completion",
        "工业纳税销售",
        "全年目标",
    )


def test_a_rate_does_not_reach_back_over_a_clause_without_figures():
    figures = extract("建成5G基站30个，PM2.5平均浓度保持稳定，同比下降8.5%")
    assert [(f.span, f.subject) for f in figures] == [("30个", "5G基站"), ("8.5%", "")]
    figures = extract("建成5G基站30个，PM2.5平均浓度35微克/立方米，同比下降8.5%")
    assert [(f.span, f.subject) for f in figures][1:] == [
        ("35微克/立方米", "PM2.5平均浓度"),
        ("8.5%", "PM2.5平均浓度"),
    ]


def test_the_end_of_a_change_shares_the_subject_of_its_start():
    figures = extract("城区面积由3.2平方公里扩大到4.5平方公里")
    assert [f.subject for f in figures] == ["城区面积", "城区面积"]


def test_a_fall_is_a_negative_change():
    assert extract("同比下降3.1%")[0].signed == Decimal("-3.1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最低的是礼让街街道办事处，为-3.91 %。", [("-3.91 %", "-3.91", "%")]),
        ("| 人民街 | 14850 | -2.36 |", []),  # no heading: no unit for the cells
        ("户数在3-5户之间", [("3-5户", "3", "户")]),
        (
            "产值 300 多万元，建成 100 多户示范户",
            [("300 多万元", "3000000", "元"), ("100 多户", "100", "户")],
        ),
        (
            "藏书近百万册，农用机械32.6万马力",
            [("近百万册", "1000000", "册"), ("32.6万马力", "326000", "马力")],
        ),
    ],
)
def test_signs_spaced_qualifiers_and_more_units_of_statistics_pages(text, expected):
    assert [(f.span, str(f.value), f.unit) for f in extract(text)] == expected


def test_a_units_line_above_a_table_and_headings_that_name_what_they_count_give_the_columns_units():
    text = (
        "单位:人、人/户\n乡镇 | 总户数 | 家庭户 | 常住人口 | 平均家庭户规模 | 比重 |\n"
        "城关镇 | 16001 | 15398 | 44120 | 2.77 | 36.4 |\n"
    )
    cells = [(f.span, f.unit) for f in extract(text)]
    assert cells == [
        ("16001", "户"),
        ("15398", "户"),
        ("44120", "人"),
        ("2.77", "人/户"),
    ]  # 比重: no % stated
    with_percent = text.replace("单位:人、人/户", "单位：人、人/户、%")
    assert [(f.span, f.unit) for f in extract(with_percent)][-1] == ("36.4", "%")


def test_a_list_of_shares_or_completions_keeps_the_first_ones_kind():
    figures = extract("两者所占投资比重分别为13.76%和5.69%，分别完成年度计划的72.18%、62.55%。")
    assert [(f.span, f.kind) for f in figures] == [
        ("13.76%", "share"), ("5.69%", "share"), ("72.18%", "completion"), ("62.55%", "completion"),
    ]  # fmt: skip
