"""督查通报: the month's supervision of an area as a document for the engine.

Figures come from :mod:`zhenwu.inspections.tallies`; the document is plain data
(:class:`zhenwu.documents.Document`) that the engine writes as .docx or HTML.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from zhenwu.areas.models import Area, Level
from zhenwu.documents import Chart, Document, Heading, Paragraph, Photo, Series, Signature, Table
from zhenwu.inspections.models import Finding, Inspection, InspectionKind, PhotoKind, Severity, Status
from zhenwu.inspections.tallies import Period, by_area, facts_from, summarise, written_quantity

TYPICAL_PROBLEMS = 6  # findings shown with their photo
SEVERITY_RANK = {Severity.MAJOR: 0, Severity.SERIOUS: 1, Severity.GENERAL: 2}


def _percent(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{rate}%"


def _recipient(area: Area) -> str:
    if area.level == Level.COUNTY:
        return "各乡镇人民政府、街道办事处，县级有关部门"
    if area.level == Level.TOWN:
        return "各村（社区），镇属各办（所、站）"
    return ""


def _photo_bytes(finding: Finding) -> bytes | None:
    photo = next((p for p in finding.photos.all() if p.kind == PhotoKind.FINDING), None)
    if photo is None:
        return None
    try:
        with photo.image.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError):
        return None


def build_bulletin(area: Area, period: Period, today: datetime.date, *, issuer: str = "") -> Document:
    """The month's 督查通报 for ``area``: overall figures, by area, by category, typical problems with
    photos, overdue items and requirements."""
    subtree = Finding.objects.in_subtree(area)
    facts = facts_from(subtree)
    summary = summarise(facts, period, today)
    inspections = Inspection.objects.in_subtree(area).filter(date__range=(period.start, period.end))
    unannounced = inspections.filter(kind=InspectionKind.UNANNOUNCED).count()
    issuer = issuer or f"{area.name}督查整改工作办公室"
    doc = Document(f"关于{period.label}督查整改情况的通报", recipient=_recipient(area))

    opening = (
        f"{period.label}，{area.name}共开展督查{inspections.count()}次（其中暗访{unannounced}次），"
        f"发现问题{summary.found}个"
    )
    if summary.phrases:
        opening += f"，{summary.phrases}"
    doc.add(
        Paragraph(
            f"{opening}。截至{today.month}月{today.day}日，本月问题已整改销号{summary.closed}个，"
            f"整改销号率{_percent(summary.closure_rate)}；全域逾期未整改问题{summary.overdue}个。现将有关情况通报如下："
        )
    )

    children = list(Area.objects.filter(path__startswith=area.path, depth=area.depth + 1))
    # Every town, with 0 where nothing was found: a town left out reads as one not inspected.
    rows = by_area(facts, [(child.path, child.name, child.code) for child in children], period, today)
    total = by_area(facts, [(area.path, "合计", area.code)], period, today)
    doc.add(Heading(1, "总体情况"))
    if rows:
        doc.add(
            Table(
                ["区划", "发现问题", "已销号", "销号率", "逾期未整改"],
                [[r.name, r.found, r.closed, _percent(r.closure_rate), r.overdue] for r in rows + total],
                caption=f"{period.label}各地督查整改情况",
                unit="单位：个",
                widths=[3, 2, 2, 2, 2],
            ),
            Chart(
                "column",
                "各地发现问题与销号情况",
                [r.name for r in rows],
                [Series("发现问题", [r.found for r in rows]), Series("已销号", [r.closed for r in rows])],
                unit="个",
            ),
        )
    else:
        doc.add(Paragraph("本月未发现问题。"))

    doc.add(Heading(1, "分类情况"))
    if summary.categories:
        doc.add(
            Table(
                ["问题类别", "本月发现", "本月销号", "本月整改量"],
                [
                    [
                        t.category.name,
                        f"{t.found}{t.category.count_unit}",
                        f"{t.closed}{t.category.count_unit}",
                        written_quantity(t.closed_quantity, t.category.quantity_unit)
                        if t.category.quantity_unit and t.closed_quantity
                        else "—",
                    ]
                    for t in summary.categories
                ],
                caption="问题分类统计",
                widths=[3, 2, 2, 2],
            )
        )
    else:
        doc.add(Paragraph("本月无分类数据。"))

    month_findings = (
        subtree.filter(found_on__range=(period.start, period.end))
        .select_related("category", "area", "department")
        .prefetch_related("photos")
        .order_by("found_on", "id")
    )
    still_overdue = subtree.overdue(today).exclude(pk__in=[f.pk for f in month_findings])
    pool = [
        *month_findings,
        *still_overdue.select_related("category", "area", "department").prefetch_related("photos"),
    ]
    typical = typical_cases(pool, today)
    if typical:
        doc.add(Heading(1, "典型问题"))
        for number, finding in enumerate(typical, start=1):
            doc.add(
                Heading(2, f"{_place(finding)}{finding.category.name}"),
                Paragraph(
                    f"{finding.found_on.month}月{finding.found_on.day}日发现：{finding.description}。"
                    f"责任单位：{finding.department.name if finding.department else finding.area.name}；"
                    f"整改期限：{_date(finding.deadline)}；目前状态：{finding.get_status_display()}。"
                ),
            )
            image = _photo_bytes(finding)
            if image:
                doc.add(Photo(image, caption=f"图{number} {_place(finding)}", width_mm=110))

    overdue = list(
        subtree.overdue(today).select_related("category", "area", "department").order_by("deadline", "id")
    )
    doc.add(Heading(1, "逾期未整改问题"))
    if overdue:
        doc.add(
            Table(
                ["序号", "区划", "问题", "地点", "整改期限", "逾期天数"],
                [
                    [
                        n,
                        _town_and_village(f.area),
                        f.category.name,
                        f.location,
                        _date(f.deadline),
                        f.days_overdue,
                    ]
                    for n, f in enumerate(overdue, start=1)
                ],
                caption="逾期未整改问题清单",
                widths=[1, 2, 2, 4, 2, 1.5],
                font_size=10.5,
            )
        )
    else:
        doc.add(Paragraph("截至通报之日，无逾期未整改问题。"))

    doc.add(
        Heading(1, "工作要求"),
        Paragraph(
            "各地各单位要对照问题清单，逐项落实整改责任人和整改时限，做到整改一个、销号一个。"
            "逾期未整改的问题，责任单位须在5个工作日内说明原因并提交整改计划。"
        ),
        Paragraph("对同一地点反复出现的问题，要查找根源，建立长效管理机制，防止反弹回潮。"),
        Signature(issuer, today),
    )
    return doc


def typical_cases(findings, today: datetime.date) -> list[Finding]:
    """The photographed findings a 通报 holds up: overdue first, then still open, then closed;
    within each, the most severe first. A 通报 that shows only 已销号 cases urges nothing."""

    def urgency(finding: Finding) -> tuple[int, int]:
        open_ = finding.status not in (Status.SUBMITTED, Status.CLOSED)
        overdue = open_ and finding.deadline is not None and finding.deadline < today
        stage = 0 if overdue else 1 if finding.status != Status.CLOSED else 2
        return stage, SEVERITY_RANK.get(finding.severity, 9)

    photographed = [f for f in findings if f.photos.all()]
    return sorted(photographed, key=urgency)[:TYPICAL_PROBLEMS]


def _date(day: datetime.date | None) -> str:
    return f"{day.month}月{day.day}日" if day else "未定"


def _town_and_village(area: Area) -> str:
    """“青山镇东山村” for a village, the name alone for a town."""
    if area.level == Level.VILLAGE:
        town = Area.objects.get_parent(area)
        return f"{town.name}{area.name}" if town else area.name
    return area.name


def _place(finding: Finding) -> str:
    """Where, town and village, without saying either twice: “青山镇东山村村口桥头”."""
    area, location = finding.area, finding.location
    place = location if location.startswith(area.name) else f"{area.name}{location}"
    if area.level == Level.VILLAGE:
        town = Area.objects.get_parent(area)
        if town is not None and not place.startswith(town.name):
            place = f"{town.name}{place}"
    return place
