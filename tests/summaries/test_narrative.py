"""People's words are kept per area and period, with history, and survive regeneration."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.summaries.conftest import H1, TODAY, texts
from zhenwu.ledger import services as ledger_services
from zhenwu.ledger.models import Indicator, ReportedValue, ValueStatus
from zhenwu.summaries import services
from zhenwu.summaries.models import Draft, NarrativeBlock


def test_regenerating_updates_the_figures_in_place_and_keeps_the_words(ledger):
    clerk = ledger.town_a_clerk
    services.save_narrative(clerk, ledger.town_a, H1, "plans", "下半年重点抓好青山新材料产业园二期建设。")
    draft, built = services.regenerate(clerk, ledger.town_a, H1, today=TODAY)
    assert "下半年重点抓好青山新材料产业园二期建设。" in texts(built.document)
    ReportedValue.objects.filter(indicator__code="GDTZ", year=2025).update(status=ValueStatus.DRAFT)
    ledger_services.enter_values(
        clerk, ledger.town_a, 2025, 6, {Indicator.objects.get(code="GDTZ"): Decimal("6.5")}, reason="更正"
    )
    again, rebuilt = services.regenerate(clerk, ledger.town_a, H1, today=TODAY)
    assert again.pk == draft.pk and Draft.objects.count() == 1
    paragraphs = texts(rebuilt.document)
    assert any("完成固定资产投资6.5亿元" in p for p in paragraphs)
    assert "下半年重点抓好青山新材料产业园二期建设。" in paragraphs


def test_each_edit_of_a_paragraph_keeps_the_old_words(ledger):
    clerk = ledger.town_a_clerk
    services.save_narrative(clerk, ledger.town_a, H1, "problems", "第一稿。")
    block = services.save_narrative(clerk, ledger.town_a, H1, "problems", "第二稿。")
    services.save_narrative(clerk, ledger.town_a, H1, "problems", "第二稿。")  # unchanged: no history
    assert [(r.old_text, r.new_text) for r in block.revisions.all()] == [
        ("", "第一稿。"),
        ("第一稿。", "第二稿。"),
    ]


def test_words_belong_to_one_area_and_period(ledger):
    services.save_narrative(ledger.town_a_clerk, ledger.town_a, H1, "opening", "今年以来，青山镇真抓实干。")
    assert services.narratives_of(ledger.town_a, H1) == {"opening": "今年以来，青山镇真抓实干。"}
    from zhenwu.lib.periods import parse_period

    assert services.narratives_of(ledger.town_a, parse_period("2025-Q3")) == {}


def test_a_reader_may_not_write_the_summary(ledger):
    with pytest.raises(PermissionDenied):
        services.save_narrative(ledger.town_a_reviewer, ledger.town_a, H1, "plans", "x")


def test_the_page_saves_a_paragraph_with_htmx(client, ledger):
    client.force_login(ledger.town_a_clerk)
    url = reverse("summaries:narrative", kwargs={"code": ledger.town_a.code, "period": "2025-H1"})
    response = client.post(
        url, {"slot": "section:economy", "text": "招商引资成效明显。"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "已保存" in response.content.decode()
    assert NarrativeBlock.objects.get(area=ledger.town_a, slot="section:economy").text == "招商引资成效明显。"
    page = client.get(reverse("summaries:draft", kwargs={"code": ledger.town_a.code, "period": "2025-H1"}))
    assert "招商引资成效明显。" in page.content.decode()
    assert "核稿未发现问题" in page.content.decode()


def test_the_outsider_gets_404_for_town_bs_draft(client, ledger):
    client.force_login(ledger.town_b_clerk)
    url = reverse("summaries:draft", kwargs={"code": ledger.town_a.code, "period": "2025-H1"})
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("summaries:export", kwargs={"code": ledger.town_a.code, "period": "2025-H1"})
        ).status_code
        == 404
    )
