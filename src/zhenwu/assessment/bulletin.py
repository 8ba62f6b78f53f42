"""考核排名通报: a stored result as a document for the engine, ready for the leader to sign.

Built only from the frozen result (rows, explanations and the standards' sentence), so a published 通报 reads the same
whenever it is downloaded. Manual deduction reasons are not repeated in it: they stay with the
issuer and the area concerned.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.utils import timezone

from zhenwu.areas.models import Level
from zhenwu.assessment import scoring
from zhenwu.assessment.models import Result, ResultStatus, UnitKind
from zhenwu.documents import Chart, Document, Heading, Paragraph, Series, Signature, Table
from zhenwu.figures import format_number

TOP, BOTTOM = 3, 2  # areas named as 先进 and 后进
DEFAULT_REQUIREMENTS = [
    "各地要对照考核结果，认真查找差距和不足，分析失分原因，逐项制定整改措施，确保各项工作有序推进。",
    "排名靠前的单位要再接再厉，巩固提升；排名靠后的单位要奋起直追，主要负责同志要亲自研究、亲自部署，"
    "于通报印发后10个工作日内将整改情况书面报送考核办公室。",
    "考核结果将作为年度综合考核和评先评优的重要依据。",
]


_COLUMN = {UnitKind.DEPARTMENTS: "部门（单位）", UnitKind.VILLAGES: "村（社区）"}


def _default_requirements(scheme) -> list[str]:
    """The default 工作要求, addressed to the units the scheme ranks (各地, 各部门, 各村（社区）)."""
    if scheme.unit_kind == UnitKind.TOWNS:
        return DEFAULT_REQUIREMENTS
    return [text.replace("各地", f"各{scheme.unit_word}") for text in DEFAULT_REQUIREMENTS]


def _points(value: Decimal) -> str:
    return format_number(value, 2)


def _recipient(result: Result) -> str:
    scheme = result.scheme
    level = scheme.area.level
    if scheme.unit_kind == UnitKind.DEPARTMENTS:
        return "县级有关部门（单位）" if level == Level.COUNTY else f"{scheme.area.name}各部门（单位）"
    if scheme.unit_kind == UnitKind.VILLAGES:
        return "各村（社区）"
    if level == Level.COUNTY:
        return "各乡镇人民政府、街道办事处，县级有关部门"
    if level == Level.TOWN:
        return "各村（社区），镇属各办（所、站）"
    return ""


def _unit_word(scheme, rows) -> str:
    """How the 通报 names the units: 部门 and 村（社区） by the scheme's kind; towns as they always were."""
    if scheme.unit_kind != UnitKind.TOWNS:
        return scheme.unit_word
    levels = {row.area.level for row in rows}
    if levels == {Level.TOWN}:
        return "乡镇（街道）"
    if levels == {Level.VILLAGE}:
        return "村（社区）"
    return "单位"


def _rate_figure(score: scoring.Score) -> str:
    """The rate a score rests on (完成率 78.3%), for naming an area's main figures."""
    for figure in score.figures:
        if figure.label.endswith("率") and figure.value not in ("", "无"):
            return f"{figure.label}{figure.value}"
    return ""


def _strengths(row, details) -> str:
    """The items an area did best on, with their figures: “固定资产投资得14.2分（完成率78.3%）”."""
    scored = [d for d in details if d.criterion.weight > 0]
    scored.sort(key=lambda d: (d.points / d.criterion.weight, d.criterion.weight), reverse=True)
    phrases = []
    for detail in scored[:2]:
        rate = _rate_figure(detail.score)
        phrases.append(
            f"{detail.criterion.name}得{_points(detail.points)}分" + (f"（{rate}）" if rate else "")
        )
    return "，".join(phrases)


def _losses(row, details) -> str:
    """Where an area lost most points: “重点项目投资完成率失4.5分（投资完成率52.0%）”."""
    lost = [(d.criterion.weight - d.points, d) for d in details if d.criterion.weight > d.points]
    lost.sort(key=lambda item: item[0], reverse=True)
    phrases = []
    for amount, detail in lost[:2]:
        rate = _rate_figure(detail.score) if not detail.criterion.is_manual else ""
        phrases.append(f"{detail.criterion.name}失{_points(amount)}分" + (f"（{rate}）" if rate else ""))
    return "，".join(phrases)


PERIOD_WORDS = ("季度", "月度", "年度", "半年")  # the period's label already says which


def assessment_name(scheme_name: str, area_name: str) -> tuple[str, str]:
    """The area and the assessment's name as a title says them, without saying anything twice.

    >>> assessment_name("青溪县美丽城镇建设季度考核", "青溪县")
    ('青溪县', '美丽城镇建设考核')
    >>> assessment_name("乡镇综合考核", "青溪县")
    ('', '乡镇综合考核')
    >>> assessment_name("青溪县重点工作年度", "青溪县")
    ('青溪县', '重点工作考核')
    """
    area = area_name if scheme_name.startswith(area_name) else ""
    core = scheme_name[len(area) :]
    for word in PERIOD_WORDS:
        core = core.replace(word + "考核", "考核")
        if core.endswith(word):
            core = core[: -len(word)]
    if not core.endswith("考核"):
        core += "考核"
    return area, core


def bulletin_title(scheme_name: str, area_name: str, period_label: str) -> str:
    """“关于青溪县2026年三季度美丽城镇建设考核结果的通报”: area, period, then the assessment.

    >>> bulletin_title("青溪县美丽城镇建设季度考核", "青溪县", "2026年三季度")
    '关于青溪县2026年三季度美丽城镇建设考核结果的通报'
    """
    area, core = assessment_name(scheme_name, area_name)
    return f"关于{area}{period_label}{core}结果的通报"


def build_bulletin(result: Result, *, issuer: str = "") -> Document:
    """The period's ranking 通报: opening, ranking table, chart of scores, the top and bottom areas
    with their main figures, requirements and the signature of ``issuer`` (the office of the
    person who makes it; the scheme's 署名 when not given)."""
    scheme = result.scheme
    period = result.period_obj
    rows = list(result.rows.select_related("area", "department").prefetch_related("details__criterion"))
    grades = scheme.grade_list
    draft = result.status == ResultStatus.DRAFT
    area_word, core = assessment_name(scheme.name, scheme.area.name)
    title = bulletin_title(scheme.name, scheme.area.name, period.label)
    doc = Document(f"{title}（草稿）" if draft else title, recipient=_recipient(result))
    unit = _unit_word(scheme, rows)
    counts = Counter(row.grade for row in rows)
    grade_text = "、".join(f"{label}{counts[label]}个" for label, _ in grades if counts[label])
    doc.add(
        Paragraph(
            f"根据《{scheme.name}》，{scheme.area.name}对{len(rows)}个{unit}{period.label}工作进行了考核，"
            f"考核结果为：{grade_text}。现将有关情况通报如下："
        )
    )

    doc.add(Heading(1, "考核排名"))
    doc.add(
        Table(
            ["名次", _COLUMN.get(scheme.unit_kind, "单位"), "得分", "等次", "较上期"],
            [[row.rank, row.unit_name, _points(row.total), row.grade, row.movement_text] for row in rows],
            caption=f"{area_word}{period.label}{core}排名",
            unit="单位：分",
            widths=[1.5, 3.5, 2, 2, 2],
        ),
        Chart(
            "column",
            f"{period.label}各{unit}考核得分",
            [row.unit_name for row in rows],
            [Series("得分", [row.total for row in rows])],
            unit="分",
        ),
    )
    tied = [rank for rank, count in Counter(row.rank for row in rows).items() if count > 1]
    if tied:
        doc.add(Paragraph("得分相同的单位名次并列，其后名次顺延。"))

    doc.add(Heading(1, "先进和后进情况"))
    clear = [row for row in rows if not row.vetoed]
    top_count = min(TOP, max(1, len(clear) // 4))  # 12 towns: three named; two towns: one each way
    top = [row for row in clear if row.rank <= top_count]
    bottom_ranks = sorted({row.rank for row in clear if row not in top})[
        -min(BOTTOM, len(clear) - len(top)) :
    ]
    bottom = [row for row in clear if row.rank in bottom_ranks]
    for row in top:
        doc.add(
            Paragraph(
                f"{row.unit_name}以{_points(row.total)}分位列第{row.rank}名，等次为{row.grade}。"
                f"{_strengths(row, row.details.all())}。"
            )
        )
    for row in bottom:
        doc.add(
            Paragraph(
                f"{row.unit_name}得{_points(row.total)}分，位列第{row.rank}名"
                f"（{row.movement_text if row.movement is not None else '首次排名'}）。"
                f"主要失分：{_losses(row, row.details.all()) or '无'}。"
            )
        )
    for row in rows:
        if row.vetoed:
            doc.add(Paragraph(f"{row.unit_name}因发生一票否决事项，考核等次定为{row.grade}。"))
    if result.standards:
        doc.add(Paragraph(result.standards))

    doc.add(Heading(1, "工作要求"))
    requirements = [line.strip() for line in scheme.requirements.splitlines() if line.strip()]
    for text in requirements or _default_requirements(scheme):
        doc.add(Paragraph(text))
    signed_on = (
        timezone.localtime(result.published_at).date() if result.published_at else timezone.localdate()
    )
    doc.add(Signature(issuer or scheme.signed_by, signed_on))
    return doc
