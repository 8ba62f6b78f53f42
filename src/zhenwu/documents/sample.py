"""A sample report that uses every element, for checking the layout in Word or WPS.

The photos are drawn with Pillow (sky, hills, a building under construction) so the
sample needs no files and nothing downloaded. ``zhenwu report sample`` writes it.
"""

from __future__ import annotations

import datetime
import io
import random

from zhenwu.documents.model import (
    Attachments,
    Chart,
    Document,
    Heading,
    Paragraph,
    Photo,
    Run,
    Series,
    Signature,
    Table,
)

MONTHS = ["1月", "2月", "3月", "4月", "5月", "6月"]
PHOTO_CAPTIONS = [
    "图1 青山镇智能装备产业园一期主体结构封顶",
    "图2 溪口村农房改造提升现场",
    "图3 老街立面整治（整治后）",
    "图4 镇区污水管网改造施工现场",
    "图5 东山村游步道建设",
    "图6 集镇农贸市场改造完成",
]


def sample_photo(seed: int, size: tuple[int, int] = (1200, 900)) -> bytes:
    """A JPEG that looks roughly like a site photo: sky, hills, a building, a crane."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (150 + rng.randrange(60), 190 + rng.randrange(40), 235))
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.45 + rng.random() * 0.15))
    hills = [(0, horizon)] + [
        (x, horizon - rng.randrange(height // 6)) for x in range(0, width + 1, width // 8)
    ]
    draw.polygon(
        [*hills, (width, horizon), (width, height), (0, height)], fill=(70, 120 + rng.randrange(50), 70)
    )
    draw.rectangle((0, horizon + height // 8, width, height), fill=(150, 140, 120))
    left = rng.randrange(width // 6, width // 2)
    top = horizon - rng.randrange(height // 5, height // 3)
    draw.rectangle(
        (left, top, left + width // 3, horizon + height // 8),
        fill=(200, 200, 195),
        outline=(90, 90, 90),
        width=4,
    )
    for row in range(top + 20, horizon + height // 8 - 20, 40):
        for col in range(left + 20, left + width // 3 - 30, 60):
            draw.rectangle((col, row, col + 30, row + 22), fill=(80, 110, 140))
    crane_x = left + width // 3 + 60
    draw.line((crane_x, horizon + height // 8, crane_x, top - 80), fill=(230, 170, 30), width=10)
    draw.line((crane_x - 200, top - 80, crane_x + 120, top - 80), fill=(230, 170, 30), width=8)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def sample_document(photos: list[bytes] | None = None) -> Document:
    """About six pages: 4 charts, 2 tables, 6 photos, every heading level, sources on figures."""
    photos = photos if photos is not None else [sample_photo(seed) for seed in range(6)]
    doc = Document(
        title="青山镇2025年上半年重点工作情况报告",
        recipient="青溪县人民政府",
    )
    doc.add(
        Paragraph(
            "2025年上半年，青山镇在县委、县政府的坚强领导下，紧紧围绕年度目标任务，坚持项目为王、"
            "实干争先，经济社会发展总体保持稳中有进的良好态势。现将有关情况报告如下。"
        ),
        Heading(1, "主要工作成效"),
        Heading(2, "经济运行稳中向好"),
        Paragraph(
            [
                "上半年，全镇完成固定资产投资",
                Run("6.02亿元", comment="台账：固定资产投资 1-6月累计 60200万元（县统计局反馈）"),
                "，占全年目标的",
                Run("50.2%", comment="60200 ÷ 年度目标 120000 万元"),
                "，超时序进度0.2个百分点；规模以上工业总产值",
                Run("18.7亿元", comment="台账：规上工业总产值 1-6月累计"),
                "，同比增长",
                Run("8.6%", comment="上年同期 17.22亿元"),
                "。各月累计完成情况见下图。",
            ]
        ),
        Chart(
            "column",
            "2025年1—6月固定资产投资累计完成情况",
            MONTHS,
            [
                Series("目标进度", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
                Series("实际完成", [0.82, 1.65, 2.91, 3.96, 5.08, 6.02]),
            ],
            number_format="0.00",
            unit="亿元",
            height_mm=72,
        ),
        Heading(2, "重点项目加快推进"),
        Paragraph(
            "全镇纳入县级调度的重点项目18个，年度计划投资4.36亿元，已完成2.47亿元，投资完成率56.7%；"
            "新开工项目5个，竣工项目3个。项目推进情况见表1。"
        ),
        Table(
            ["序号", "项目名称", "年度计划投资", "1-6月完成", "完成率", "形象进度"],
            [
                [1, "智能装备产业园一期", "12000", "7350", "61.3%", "主体结构封顶，开始设备安装"],
                [2, "镇区污水管网改造", "3800", "2460", "64.7%", "完成管网铺设9.6公里"],
                [3, "老街有机更新", "5600", "2890", "51.6%", "立面整治完成62户"],
                [4, "农贸市场改造", "1500", "1500", "100.0%", "已竣工投用"],
                [5, "东山村游步道", "900", "420", "46.7%", "完成路基3.2公里"],
                [6, "溪口村农房改造", "2100", "980", "46.7%", "完成改造35户"],
            ],
            caption="表1 青山镇2025年重点项目推进情况",
            unit="单位：万元",
            widths=[1.4, 5.2, 2.8, 2.6, 2.2, 6.4],
        ),
        Chart(
            "bar",
            "各村（社区）重点项目投资完成率",
            ["东山村", "溪口村", "青山社区", "西岙村", "南岭村"],
            [Series("完成率", [0.712, 0.634, 0.587, 0.512, 0.468])],
            number_format="0.0%",
            height_mm=66,
        ),
        Heading(3, "工业项目"),
        Paragraph(
            "智能装备产业园一期主体结构已封顶，二期完成土地征收；新签约亿元以上项目2个，协议总投资6.5亿元。"
        ),
        Heading(3, "民生项目"),
        Heading(4, "污水管网"),
        Paragraph("镇区污水管网改造累计铺设管网9.6公里，完成年度任务的64.7%，雨污分流覆盖率提高到78%。"),
        Heading(4, "农贸市场"),
        Paragraph("集镇农贸市场改造已竣工投用，新增摊位126个，市场周边占道经营基本消除。"),
        Heading(2, "环境整治成效明显"),
        Paragraph(
            "深入开展“三改一拆”和小城镇环境综合整治，上半年查处违建42处，拆除违建1035平方米；"
            "开展暗访督查6次，发现问题87个，已整改79个，整改率90.8%。问题分类见下图。"
        ),
        Chart(
            "pie",
            "暗访发现问题分类",
            ["乱占道", "乱搭建", "乱堆放", "乱张贴", "其他"],
            [Series("问题数", [31, 22, 18, 9, 7])],
            number_format="0",
            unit="个",
            height_mm=70,
        ),
        Chart(
            "line",
            "1—6月规上工业总产值增速",
            MONTHS,
            [
                Series("青山镇", [5.2, 6.1, 7.4, 7.9, 8.3, 8.6]),
                Series("全县", [4.8, 5.5, 6.2, 6.6, 7.0, 7.3]),
            ],
            number_format="0.0",
            unit="%",
            height_mm=66,
        ),
        Table(
            ["类别", "发现问题", "已整改", "整改率", "逾期未改"],
            [
                ["乱占道", 31, 29, "93.5%", 1],
                ["乱搭建", 22, 19, "86.4%", 2],
                ["乱堆放", 18, 17, "94.4%", 0],
                ["乱张贴", 9, 9, "100.0%", 0],
                ["其他", 7, 5, "71.4%", 1],
                ["合计", 87, 79, "90.8%", 4],
            ],
            caption="表2 暗访督查问题整改情况",
            unit="单位：个",
        ),
        Heading(2, "项目形象进度"),
        *[Photo(data, caption, width_mm=80) for data, caption in zip(photos, PHOTO_CAPTIONS, strict=False)],
        Heading(1, "存在问题"),
        Paragraph(
            "一是项目推进不平衡，东山村、南岭村投资完成率低于时序进度；二是要素保障仍有短板，建设用地指标偏紧。"
        ),
        Heading(1, "下步计划"),
        Paragraph("下半年，我镇将紧盯年度目标，强化项目调度和要素保障，确保全年各项目标任务圆满完成。"),
        Attachments(["2025年上半年重点项目推进情况表", "暗访督查问题清单"]),
        Signature("青溪县青山镇人民政府", datetime.date(2025, 7, 10)),
    )
    return doc


def build(args=None) -> Document:
    """The ``zhenwu report sample`` builder."""
    return sample_document()
