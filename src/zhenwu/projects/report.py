"""The monthly illustrated progress report (重点项目推进情况月报, 图文并茂), built as an engine Document.

Summary figures first, then a chart of investment by town and one by category, the
table by town, the projects behind and the highlighted ones with their latest photos,
the matters needing coordination, and the full list of projects as a closing table.
Every figure comes from the rules in ``rates``; the money words from the figures library.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from zhenwu.areas.models import Area
from zhenwu.documents import (
    Chart,
    Document,
    Heading,
    Paragraph,
    Photo,
    PhotoGrid,
    Run,
    Series,
    Signature,
    Table,
)
from zhenwu.figures import format_amount, format_percent, format_points_vs_schedule
from zhenwu.projects.facts import latest_updates, load_facts, photo_data
from zhenwu.projects.models import MonthlyUpdate, Project, UpdatePhoto
from zhenwu.projects.rates import (
    Month,
    ProjectFacts,
    Summary,
    by_area,
    by_category,
    investment_rate,
    summarise,
    time_progress,
)

DETAILED_LAGGING = 15  # the furthest behind are written up with photos; the rest go in a table
HUNDRED = Decimal(100)
PHOTOS_PER_PROJECT = 2
PROGRESS_IN_CAPTION = 30  # characters of 形象进度 under a photo
WAN = Decimal(10000)


def amount(wan: Decimal) -> str:
    """An amount kept in 万元 written as a report writes it: 6.02亿元, 3420万元, 86.5万元.

    >>> amount(Decimal("60234.56")), amount(Decimal("3420.4")), amount(Decimal("86.5"))
    ('6.02亿元', '3420万元', '86.5万元')
    """
    if abs(wan) >= WAN:
        rounded = (wan / WAN).quantize(Decimal("0.01"), ROUND_HALF_UP) * WAN
    elif abs(wan) >= 100:
        rounded = wan.quantize(Decimal(1), ROUND_HALF_UP)
    else:
        rounded = wan.quantize(Decimal("0.1"), ROUND_HALF_UP)
    return format_amount(rounded * WAN)


def percent(value: Decimal | None) -> str:
    return "—" if value is None else format_percent(value)


def versus_schedule(rate: Decimal, month: Month) -> str:
    """“低于时序进度4.6个百分点”, from the rounded figures the reader sees, so the text adds up."""
    shown = _round(rate, "0.1") - _round(time_progress(month), "0.1")
    return format_points_vs_schedule(shown)


def _cell(value: Decimal | None, places: str = "0.01") -> str:
    return "—" if value is None else format(value.quantize(Decimal(places), ROUND_HALF_UP).normalize(), "f")


def _scope_word(area: Area) -> str:
    """全县 / 全镇 / 全街道 / 全乡, as the report of that area says it."""
    for suffix, word in (("街道", "全街道"), ("县", "全县"), ("区", "全区"), ("市", "全市"), ("乡", "全乡")):
        if area.name.endswith(suffix):
            return word
    return "全镇"


def summary_paragraph(area: Area, total: Summary) -> Paragraph:
    month = total.month
    runs: list[Run | str] = [
        f"{month.year}年，{_scope_word(area)}共列入重点项目",
        Run(f"{total.count}个", comment="项目台账：项目数"),
        "，总投资",
        Run(amount(total.total_investment), comment="项目台账：总投资合计"),
        "，年度计划投资",
        Run(amount(total.annual_plan), comment=f"项目台账：{month.year}年度计划投资合计"),
        f"。{month.label}累计完成投资",
        Run(amount(total.ytd), comment=f"月度进展：{month.label}累计完成投资合计"),
    ]
    if total.investment_rate is not None:
        runs += [
            "，占年度计划的",
            Run(percent(total.investment_rate), comment="1-N月完成投资 ÷ 年度计划投资"),
            f"，{versus_schedule(total.investment_rate, month)}（时序进度{percent(total.schedule)}）",
        ]
    runs.append("。")
    if total.due_to_start:
        runs.append(
            f"计划开工项目{total.due_to_start}个，已开工{total.started}个，开工率{percent(total.start_rate)}；"
        )
    if total.due_to_complete:
        runs.append(
            f"计划竣工项目{total.due_to_complete}个，已竣工{total.completed}个，竣工率{percent(total.completion_rate)}；"
        )
    if total.behind:
        silent = f"，其中{month.month}月未报送进展的{total.not_reported}个" if total.not_reported else ""
        runs.append(f"进度滞后项目{len(total.behind)}个{silent}。")
    else:
        runs.append("所有项目均按计划推进。")
    return Paragraph(runs)


def town_chart(towns: list[Summary]) -> Chart:
    return Chart(
        "column",
        "各镇（街道）重点项目投资完成情况",
        [s.label for s in towns],
        [
            Series("年度计划投资", [_round(s.annual_plan) for s in towns]),
            Series(f"{towns[0].month.label}完成投资", [_round(s.ytd) for s in towns]),
        ],
        number_format="0",
        unit="万元",
    )


def category_chart(categories: list[Summary]) -> Chart:
    return Chart(
        "bar",
        "分类别投资完成率",
        [s.label for s in categories],
        [Series("投资完成率", [_round(s.investment_rate or Decimal(0), "0.1") for s in categories])],
        number_format="0.0",
        unit="%",
    )


def _round(value: Decimal, places: str = "1") -> Decimal:
    return value.quantize(Decimal(places), ROUND_HALF_UP)


def town_table(towns: list[Summary], total: Summary) -> Table:
    month = total.month
    rows = [
        [
            s.label,
            s.count,
            _cell(s.annual_plan, "1"),
            _cell(s.ytd, "1"),
            percent(s.investment_rate),
            percent(s.start_rate),
            percent(s.completion_rate),
            len(s.behind),
        ]
        for s in [*towns, total]
    ]
    return Table(
        [
            "镇（街道）",
            "项目数",
            "年度计划投资",
            f"{month.label}完成投资",
            "投资完成率",
            "开工率",
            "竣工率",
            "滞后项目",
        ],
        rows,
        caption="各镇（街道）重点项目推进情况",
        unit="单位：个、万元",
        widths=[2.2, 1, 1.6, 1.6, 1.3, 1.2, 1.2, 1.1],
        font_size=10.5,
    )


def lagging_table(projects: list[ProjectFacts], behind: dict[int, list[str]], month: Month) -> Table:
    rows = [
        [
            p.name,
            p.area,
            _cell(p.annual_plan, "1"),
            _cell(p.ytd, "1"),
            percent(investment_rate(p)),
            "、".join(behind[p.pk]),
        ]
        for p in projects
    ]
    return Table(
        ["项目名称", "镇（街道）", "年度计划", f"{month.label}完成", "完成率", "滞后情况"],
        rows,
        caption="其他进度滞后项目",
        unit="单位：万元",
        widths=[3.2, 1.4, 1.2, 1.2, 1, 2],
        font_size=10.5,
    )


def project_table(facts: list[ProjectFacts], latest: dict[int, MonthlyUpdate], month: Month) -> Table:
    rows = []
    for number, project in enumerate(facts, start=1):
        update = latest.get(project.pk)
        rows.append(
            [
                number,
                project.name,
                project.area,
                _cell(project.total_investment, "1"),
                _cell(project.annual_plan, "1"),
                _cell(project.ytd, "1"),
                percent(investment_rate(project)),
                update.progress if update else "未报送",
            ]
        )
    return Table(
        ["序号", "项目名称", "镇（街道）", "总投资", "年度计划", f"{month.label}完成", "完成率", "形象进度"],
        rows,
        caption=f"重点项目推进情况表（{month.year}年{month.label}）",
        unit="单位：万元",
        widths=[0.7, 3, 1.3, 1.1, 1.1, 1.1, 1, 3],
        font_size=9,
    )


def _project_paragraph(project: ProjectFacts, update: MonthlyUpdate | None, reasons: list[str], month: Month):
    text = f"项目总投资{amount(project.total_investment)}"
    if project.annual_plan:
        rate = investment_rate(project)
        text += f"，年度计划投资{amount(project.annual_plan)}，{month.label}完成{amount(project.ytd)}，完成率{percent(rate)}"
        text += f"，{versus_schedule(rate, month)}"
    text += "。"
    if reasons:
        text += f"存在{'、'.join(reasons)}情况。"
    if update is not None:
        text += f"形象进度：{update.progress.rstrip('。')}。"
        if update.problems:
            text += f"存在问题：{update.problems.rstrip('。')}。"
        if update.help_needed:
            text += f"需协调事项：{update.help_needed.rstrip('。')}。"
    else:
        text += f"{month.month}月进展未报送。"
    return Paragraph(text)


def _photos(update: MonthlyUpdate | None, figure_numbers) -> list[PhotoGrid]:
    """The project's latest photos two to a row, captioned with project, date and 形象进度."""
    if update is None:
        return []
    photos = []
    progress = update.progress.rstrip("。")
    if len(progress) > PROGRESS_IN_CAPTION:
        progress = progress[: PROGRESS_IN_CAPTION - 1] + "…"
    for photo in UpdatePhoto.objects.filter(update=update).order_by("-taken_on", "id")[:PHOTOS_PER_PROJECT]:
        data = photo_data(photo)
        if data is None:
            continue  # a photo whose file is gone does not stop the report
        taken = f"{photo.taken_on.month}月{photo.taken_on.day}日"
        what = f"：{photo.caption}" if photo.caption and photo.caption != update.project.name else ""
        caption = f"图{next(figure_numbers)} {update.project.name}{what}（{taken}）\n形象进度：{progress}"
        photos.append(Photo(data, caption=caption))
    return [PhotoGrid(photos, title=f"{update.project.name}现场照片")] if photos else []


def build_report(
    area: Area,
    projects,
    month: Month,
    date: datetime.date | None = None,
    *,
    due: bool = True,
    issuer: str = "",
) -> Document:
    """The month's illustrated report of the projects of ``area`` (``projects`` is already scoped),
    signed by ``issuer`` (the office of the person who makes it).

    The projects furthest behind (lowest 投资完成率) are written up one by one with their
    latest photos; further lagging ones are listed in a table.
    """
    projects = projects.order_by("area__path", "-total_investment", "id")
    facts = load_facts(projects, month, due=due)
    total = summarise(facts, month)
    towns = by_area(facts, month)
    categories = by_category(facts, month)
    latest = latest_updates([f.pk for f in facts], month)
    document = Document(title=f"{area.name}{month.year}年{month.label}重点项目推进情况")
    document.add(Heading(1, "总体情况"), summary_paragraph(area, total))
    if not facts:
        document.add(Paragraph("本期没有列入台账的重点项目。"))
    else:
        document.add(town_chart(towns), category_chart(categories), town_table(towns, total))
    figures = iter(range(1, 10_000))
    behind = {project.pk: reasons for project, reasons in total.behind}
    lagging = sorted(
        (f for f in facts if f.pk in behind and latest.get(f.pk)), key=lambda f: investment_rate(f) or HUNDRED
    )
    lagging, others = lagging[:DETAILED_LAGGING], lagging[DETAILED_LAGGING:]
    silent = [f for f in facts if f.pk in behind and not latest.get(f.pk)]
    highlighted_ids = set(
        Project.objects.filter(pk__in=[f.pk for f in facts], highlighted=True).values_list("pk", flat=True)
    )
    highlighted = [f for f in facts if f.pk in highlighted_ids and f.pk not in behind]
    if lagging or silent:
        document.add(Heading(1, "进度滞后项目"))
        for project in lagging:
            update = latest.get(project.pk)
            document.add(
                Heading(2, f"{project.name}（{project.area}）"),
                _project_paragraph(project, update, behind[project.pk], month),
                *_photos(update, figures),
            )
        if others:
            document.add(Heading(2, "其他滞后项目"), lagging_table(others, behind, month))
        if silent:
            names = "、".join(f"{p.name}（{p.area}）" for p in silent)
            document.add(Heading(2, "今年以来未报送进展的项目"), Paragraph(f"共{len(silent)}个：{names}。"))
    if highlighted:
        document.add(Heading(1, "重点展示项目"))
        for project in highlighted:
            update = latest.get(project.pk)
            document.add(
                Heading(2, f"{project.name}（{project.area}）"),
                _project_paragraph(project, update, [], month),
                *_photos(update, figures),
            )
    requests = [
        (f, latest[f.pk].help_needed)
        for f in facts
        if f.pk in latest and latest[f.pk].month == month.month and latest[f.pk].help_needed
    ]
    if requests:
        document.add(Heading(1, "需协调解决的事项"))
        for project, text in requests:
            document.add(Paragraph([Run(f"{project.name}：", bold=True), text]))
    if facts:
        document.add(Heading(1, "项目推进明细"), project_table(facts, latest, month))
    document.add(Signature(issuer or f"{area.name}重点项目推进办公室", date or timezone.localdate()))
    return document
