"""Draft a work summary (工作总结) from gathered facts and the people's own words.

``build_document(facts, narratives)`` is a pure function: the figures come from
:mod:`zhenwu.summaries.facts`, every figure sentence from :mod:`zhenwu.summaries.sentences`,
and ``narratives`` maps a slot (``opening``, ``section:economy``, ``projects``,
``supervision``, ``problems``, ``plans``) to the paragraphs a person wrote, which go after
the generated sentences of that slot. Regenerating with new figures keeps the words.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from zhenwu.documents import Chart, Document, Heading, Paragraph, Photo, Run, Series, Signature
from zhenwu.ledger.models import Theme
from zhenwu.ledger.progress import HIGHER, LEVEL, Standing
from zhenwu.projects.rates import Behind
from zhenwu.summaries.facts import Facts, IndicatorFact
from zhenwu.summaries.models import Slot, section_slot
from zhenwu.summaries.sentences import (
    Part,
    indicator_clause,
    lagging_clause,
    money,
    percent_run,
    remaining_clause,
    round1,
)

SECTION_HEADINGS = {
    Theme.ECONOMY: "坚持发展第一要务，经济运行稳中有进",
    Theme.PROJECTS: "坚持项目为王，项目建设提速增效",
    Theme.TOWN: "坚持规划引领，城镇面貌持续改善",
    Theme.ECOLOGY: "坚持生态优先，环境质量稳步提升",
    Theme.LIVELIHOOD: "坚持民生为本，社会事业全面进步",
    Theme.GOVERNANCE: "坚持底线思维，社会大局和谐稳定",
    Theme.PARTY: "坚持党建引领，干部作风持续转变",
}
SUPERVISION_HEADING = "坚持常态长效，督查整改落地见效"
CLAUSES_PER_SENTENCE = 3
LISTED_PROJECTS = 5
LISTED_OVERDUE = 5
LISTED_LAGGING = 6
PHOTOS = 2  # site photos of highlighted projects in the key-projects section
PHOTO_WIDTH_MM = 100
LISTED_REMAINING = 8
LAGGING = (Standing.LAGGING, Standing.SEVERE)
STANDINGS = (Standing.AHEAD, Standing.ON_TRACK, Standing.LAGGING, Standing.SEVERE)


@dataclass
class Draft:
    """The built document and the figures it states with their sources (for the draft page)."""

    document: Document
    sources: list[dict] = field(default_factory=list)


def title(facts: Facts) -> str:
    """青山镇2025年上半年工作总结"""
    return f"{facts.area_name}{facts.period.title_name}工作总结"


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in (text or "").splitlines() if line.strip()]


def _sentence(opening: str, clauses: list[list[Part]], end: str = "。") -> list[Part]:
    """Join clauses with “；” into one sentence after ``opening``."""
    runs: list[Part] = [opening] if opening else []
    for index, clause in enumerate(clauses):
        if index:
            runs.append("；")
        runs.extend(clause)
    runs.append(end)
    return runs


def _stated(fact: IndicatorFact) -> bool:
    return fact.value is not None


def opening(facts: Facts, words: str) -> list[Paragraph]:
    """The opening paragraph: the user's words if they wrote any, then how the indicators stand."""
    period = facts.period
    stated = [fact for fact in facts.indicators if _stated(fact) and fact.standing != Standing.UNKNOWN]
    counts = {
        label: sum(1 for fact in stated if fact.standing == label) for label in Standing.__dict__.values()
    }
    lead = (
        f"今年以来，{facts.area_name}紧紧围绕年度目标任务，抓项目、促发展、优环境、惠民生，各项工作有序推进。"
    )
    paragraphs = _paragraphs(words) or [Paragraph(lead)]
    if stated:
        words_for = (
            {Standing.AHEAD: "超额完成", Standing.ON_TRACK: "基本完成", "behind": "未完成"}
            if period.full_year
            else {Standing.AHEAD: "超序时进度", Standing.ON_TRACK: "正常推进", "behind": "滞后"}
        )
        tally = {
            Standing.AHEAD: counts[Standing.AHEAD],
            Standing.ON_TRACK: counts[Standing.ON_TRACK],
            "behind": counts[Standing.LAGGING] + counts[Standing.SEVERE],
        }
        parts = [f"{words_for[key]}{count}项" for key, count in tally.items() if count]
        summary = f"纳入目标责任制考核的{len(stated)}项主要指标中，{'，'.join(parts)}。"
        paragraphs.append(Paragraph(summary + "现将有关情况总结如下。"))
    return paragraphs


def theme_section(theme: str, group: list[IndicatorFact], facts: Facts) -> list[Paragraph]:
    """The generated sentences of one theme: three indicators to a sentence."""
    stated = [fact for fact in group if _stated(fact)]
    paragraphs = []
    for start in range(0, len(stated), CLAUSES_PER_SENTENCE):
        chunk = stated[start : start + CLAUSES_PER_SENTENCE]
        lead = f"{facts.period.name}，{facts.scope_word}" if start == 0 else ""
        paragraphs.append(Paragraph(_sentence(lead, [indicator_clause(fact, facts) for fact in chunk])))
    return paragraphs


def projects_paragraphs(facts: Facts) -> list[Paragraph | Photo]:
    """Key projects: counts, money, 开工率, 投资完成率 and the named ones started or finished."""
    projects = facts.projects
    if projects is None:
        return []
    total, period = projects.total, facts.period
    ledger = f"重点项目台账：{facts.area_name} {period.year}年{period.span}"
    runs: list[Part] = [
        f"{facts.scope_word}共列入重点项目{total.count}个，总投资",
        money(total.total_investment, f"{ledger}；项目总投资合计"),
    ]
    if total.annual_plan:
        runs += ["，年度计划投资", money(total.annual_plan, f"{ledger}；{period.year}年度计划投资合计")]
    if total.ytd:
        runs += [f"；{period.span}累计完成投资", money(total.ytd, f"{ledger}；月度进展累计完成投资合计")]
    if total.ytd and total.investment_rate is not None:
        runs += [
            "，占年度计划的",
            percent_run(total.investment_rate, f"{ledger}；累计完成投资 ÷ 年度计划投资"),
        ]
    runs.append("。")
    if total.due_to_start:
        runs += [
            f"计划开工项目{total.due_to_start}个，已开工{total.started}个，开工率",
            percent_run(total.start_rate, f"{ledger}；已开工 ÷ 计划开工"),
            "。" if not total.due_to_complete else "；",
        ]
    if total.due_to_complete:
        runs += [
            f"计划竣工项目{total.due_to_complete}个，已竣工{total.completed}个，竣工率",
            percent_run(total.completion_rate, f"{ledger}；已竣工 ÷ 计划竣工"),
            "。",
        ]
    paragraphs = [Paragraph(runs)]
    if projects.highlights:
        items = []
        for project in projects.highlights:
            verb = "建成" if project.status in ("竣工", "投产") else "开工建设"
            items.append(
                [
                    f"{project.name}（总投资",
                    money(project.total_investment, f"重点项目台账：{project.name}；总投资"),
                    f"）{verb}",
                ]
            )
        paragraphs.append(Paragraph(_sentence("其中，", items)))
        paragraphs += [
            Photo(project.photo, caption=project.photo_caption, width_mm=PHOTO_WIDTH_MM)
            for project in projects.highlights
            if project.photo
        ][:PHOTOS]
    return paragraphs


def standards_paragraphs(facts: Facts) -> list[Paragraph]:
    """创建标准 清单项 (“七个一”建设完成6项，尚缺1项：…), items counted done only once the county accepted them."""
    return [Paragraph(sentence) for sentence in facts.standards]


def supervision_paragraphs(facts: Facts) -> list[Paragraph]:
    """Supervision in the period: findings, the phrases by category (查处违建42处…), closure."""
    supervision = facts.supervision
    if supervision is None or not supervision.summary.found:
        return []
    summary = supervision.summary
    ledger = f"督查整改台账：{facts.area_name} {facts.period.year}年{facts.period.span}"
    runs: list[Part] = [
        f"{facts.period.name}，共发现各类问题",
        Run(f"{summary.found}个", comment=f"{ledger}；发现问题数"),
    ]
    if summary.phrases:
        runs += ["，", Run(summary.phrases, comment=f"{ledger}；按问题类别统计，面积为已销号问题的整改量")]
    runs += ["；已整改销号", Run(f"{summary.closed}个", comment=f"{ledger}；已销号问题数")]
    if summary.closure_rate is not None:
        runs += ["，整改销号率", percent_run(summary.closure_rate, f"{ledger}；已销号 ÷ 发现问题")]
    runs.append("。")
    return [Paragraph(runs)]


def problems_paragraphs(facts: Facts) -> list[Paragraph]:
    """存在问题 found in the figures: lagging indicators, projects behind, overdue rectifications."""
    paragraphs = []
    lagging = [fact for fact in facts.indicators if _stated(fact) and fact.standing in LAGGING]
    if lagging:
        worst = sorted(lagging, key=lambda fact: fact.gap)[:LISTED_LAGGING]
        worst.sort(key=facts.indicators.index)
        clauses = [lagging_clause(fact, facts) for fact in worst]
        word = "部分指标未完成全年目标" if facts.period.full_year else "部分指标进度滞后"
        if len(lagging) > len(worst):
            word += f"，共{len(lagging)}项，其中差距较大的是"
        paragraphs.append(Paragraph(_sentence(f"{word}：", clauses)))
    projects = facts.projects
    if projects is not None and projects.total.behind:
        behind = projects.total.behind
        named = [
            f"{project.name}（{'、'.join(r for r in reasons if r != Behind.NO_UPDATE) or '进展未按月报送'}）"
            for project, reasons in behind[:LISTED_PROJECTS]
        ]
        more = f"等{len(behind)}个项目" if len(behind) > LISTED_PROJECTS else ""
        paragraphs.append(Paragraph(f"部分重点项目推进不快，{'、'.join(named)}{more}进度滞后。"))
    supervision = facts.supervision
    if supervision is not None and supervision.overdue:
        overdue = supervision.overdue
        named = [
            f"{_place(item.area, item.location)}{item.category}问题（逾期{item.days}天）"
            for item in overdue[:LISTED_OVERDUE]
        ]
        lead = (
            f"督查发现的问题仍有{len(overdue)}个逾期未整改，"
            if len(overdue) > 1
            else "督查发现的问题仍有逾期未整改的，"
        )
        paragraphs.append(Paragraph(f"{lead}如{'、'.join(named)}，整改落实有待加强。"))
    return paragraphs


def plans_paragraphs(facts: Facts) -> list[Paragraph]:
    """下步工作计划 from the figures: what remains of the year's targets."""
    if facts.period.full_year:
        return []
    clauses = [clause for fact in facts.indicators if (clause := remaining_clause(fact, facts))]
    clauses = clauses[:LISTED_REMAINING]
    if not clauses:
        return []
    lead = f"对照全年目标任务，{facts.period.rest_name}要倒排工期、挂图作战："
    return [Paragraph(_sentence(lead, clauses, end="，确保完成全年目标任务。"))]


def charts(facts: Facts) -> dict[str, Chart]:
    """Up to four native charts: completion vs 时序进度, growth, projects by category, findings by category."""
    made: dict[str, Chart] = {}
    period = facts.period
    rated = [f for f in facts.indicators if f.rate is not None and f.kind != LEVEL and f.direction == HIGHER][
        :8
    ]
    if rated:
        series = [Series("完成率", [round1(f.rate) for f in rated])]
        if not period.full_year:
            series.append(Series("时序进度", [round1(f.schedule) for f in rated]))
        made["completion"] = Chart(
            "bar", f"{period.span}主要指标完成全年目标情况", [f.name for f in rated], series, "0.0", unit="%"
        )
    grown = [f for f in facts.indicators if f.yoy is not None and f.kind != LEVEL and f.direction == HIGHER][
        :8
    ]
    if grown:
        made["growth"] = Chart(
            "column",
            f"{period.span}主要指标同比增速",
            [f.name for f in grown],
            [Series("同比增速", [round1(f.yoy) for f in grown])],
            "0.0",
            unit="%",
        )
    if facts.projects is not None and facts.projects.categories:
        categories = facts.projects.categories
        made["projects"] = Chart(
            "column",
            "重点项目分类别投资完成情况",
            [c.label for c in categories],
            [
                Series("年度计划投资", [round(c.annual_plan) for c in categories]),
                Series(f"{period.span}完成投资", [round(c.ytd) for c in categories]),
            ],
            "0",
            unit="万元",
        )
    if facts.supervision is not None and facts.supervision.summary.categories:
        tallies = [t for t in facts.supervision.summary.categories if t.found]
        if tallies:
            made["supervision"] = Chart(
                "pie",
                "督查发现问题分类",
                [t.category.label for t in tallies],
                [Series("问题数", [t.found for t in tallies])],
            )
    return made


def build_document(
    facts: Facts,
    narratives: Mapping[str, str] | None = None,
    *,
    date: datetime.date | None = None,
    with_charts: bool = True,
) -> Draft:
    """The whole summary: title, opening, 一、主要工作成效 by theme, 二、存在问题, 三、下步工作计划, 署名 and 成文日期."""
    words = dict(narratives or {})
    made = charts(facts) if with_charts else {}
    document = Document(title(facts))
    document.add(*opening(facts, words.get(Slot.OPENING, "")))
    document.add(Heading(1, f"{facts.period.name}主要工作成效"))
    if "completion" in made:
        document.add(made["completion"])
    by_theme: dict[str, list[IndicatorFact]] = {}
    for fact in facts.indicators:
        by_theme.setdefault(fact.theme, []).append(fact)
    themes = [theme for theme in Theme.values if by_theme.get(theme) or words.get(section_slot(theme))]
    if facts.projects is not None and Theme.PROJECTS not in themes:
        themes.append(Theme.PROJECTS)
    if facts.standards and Theme.TOWN not in themes:
        themes.append(Theme.TOWN)
    themes.sort(key=Theme.values.index)
    for theme in themes:
        document.add(Heading(2, SECTION_HEADINGS[theme]))
        document.add(*theme_section(theme, by_theme.get(theme, []), facts))
        if theme == Theme.TOWN:
            document.add(*standards_paragraphs(facts))
        if theme == Theme.ECONOMY and "growth" in made:
            document.add(made["growth"])
        if theme == Theme.PROJECTS:
            document.add(*projects_paragraphs(facts))
            if "projects" in made:
                document.add(made["projects"])
            document.add(*_paragraphs(words.get(Slot.PROJECTS, "")))
        document.add(*_paragraphs(words.get(section_slot(theme), "")))
    supervision = supervision_paragraphs(facts)
    if supervision or words.get(Slot.SUPERVISION):
        document.add(Heading(2, SUPERVISION_HEADING), *supervision)
        if "supervision" in made:
            document.add(made["supervision"])
        document.add(*_paragraphs(words.get(Slot.SUPERVISION, "")))
    problems = problems_paragraphs(facts) + _paragraphs(words.get(Slot.PROBLEMS, ""))
    document.add(Heading(1, "存在问题"))
    document.add(
        *(problems or [Paragraph("对照年度目标，各项工作总体推进顺利，但仍有不少工作需要加力提速。")])
    )
    document.add(Heading(1, f"{facts.period.rest_name}工作计划"))
    plans = plans_paragraphs(facts) + _paragraphs(words.get(Slot.PLANS, ""))
    document.add(*(plans or [Paragraph("围绕年度目标任务，查漏补缺、加压奋进，推动各项工作再上新台阶。")]))
    document.add(Signature(facts.issuer, date or facts.today))
    return Draft(document, figure_sources(document))


def figure_sources(document: Document) -> list[dict]:
    """Every figure of the document with its source, in order (kept on the draft for the page)."""
    found = []
    for block in document.blocks:
        runs = getattr(block, "runs", None)
        if not runs:
            continue
        found += [{"text": run.text, "source": run.comment} for run in runs if run.comment]
    return found


def _place(area: str, location: str) -> str:
    """Where a finding is, naming the village once: 竹林村 + 竹林村工业园区南门 → 竹林村工业园区南门.

    >>> _place("竹林村", "竹林村工业园区南门"), _place("竹林村", "工业园区南门")
    ('竹林村工业园区南门', '竹林村工业园区南门')
    """
    return location if location.startswith(area) else f"{area}{location}"
