"""The capabilities in the main navigation; an entry links once its app provides the page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    hint: str


NAVIGATION = [
    NavItem("指标台账", "ledger:index", "目标分解、月度填报、时序进度"),
    NavItem("重点项目", "projects:index", "项目台账、形象进度、月度图文报告"),
    NavItem("督查整改", "inspections:index", "督查暗访、问题整改、销号"),
    NavItem("考核排名", "assessment:index", "考核方案、评分、排名通报"),
    NavItem("工作总结", "summaries:index", "半年和年度工作总结起草"),
    NavItem("核稿", "checking:index", "检查报告中的数字、占位符和算术"),
    NavItem("我的任务", "jobs:index", "后台起草、报告和导出的进度与结果"),
    NavItem("发文设置", "issuing:index", "发文机关标志、机关代字、文号登记"),
]


def navigation_entries(current_path: str) -> list[dict]:
    """Each capability with its URL (None until built) and whether the page is open now."""
    entries = []
    for item in NAVIGATION:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            url = None
        entries.append(
            {
                "label": item.label,
                "hint": item.hint,
                "url": url,
                "active": bool(url) and current_path.startswith(url),
            }
        )
    return entries
