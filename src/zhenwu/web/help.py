"""The 帮助 pages: what each capability's figures mean, in the rules the code applies.

The ledger's thresholds are read from the 台账规则 in force for the user's current area, so the
page says what the tables actually do there; the rest is the text of each app's rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhenwu.assessment.scoring import DEFAULT_GRADES
from zhenwu.ledger.models import ReportingRules
from zhenwu.ledger.progress import DEFAULT_RULES, explain_rules


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    summary: str


TOPICS = [
    Topic("ledger", "指标台账", "完成率、时序进度、差距、超序时/正常/滞后、同比、占比，填报与审核"),
    Topic("projects", "重点项目", "开工率、竣工率、投资完成率、滞后项目、月度更新"),
    Topic("inspections", "督查整改", "问题的状态、整改期限、逾期、整改销号率"),
    Topic("assessment", "考核排名", "总分、等次、并列名次、加分项、一票否决、升降"),
    Topic("summaries", "工作总结", "起草、数字出处、导出公文"),
    Topic("checking", "核稿", "占位符、缺数、漏写 %、分项加总、占比和增幅"),
    Topic("search", "搜索与区划", "全站搜索、切换区划、看得到什么"),
]
TOPIC_BY_SLUG = {topic.slug: topic for topic in TOPICS}


def ledger_rules(area) -> list[str]:
    """The 台账规则 in force for ``area`` (the defaults without one), in words."""
    return explain_rules(ReportingRules.objects.for_area(area) if area else DEFAULT_RULES)


def grade_lines() -> list[str]:
    """The default grades as a county's 方案 would state them."""
    return [f"{label}：总分 {threshold} 分及以上" for label, threshold in DEFAULT_GRADES[:-1]] + [
        f"{DEFAULT_GRADES[-1][0]}：低于 {DEFAULT_GRADES[-2][1]} 分"
    ]
