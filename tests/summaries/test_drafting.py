"""The worked example: a small ledger drafted into known sentences."""

from __future__ import annotations

from tests.summaries.conftest import draft_of, texts
from zhenwu.documents import Heading, Run, Signature
from zhenwu.figures import check
from zhenwu.summaries.proofing import document_text


def test_the_title_names_the_town_year_and_period(ledger):
    assert draft_of(ledger.town_a).document.title == "青山镇2025年上半年工作总结"


def test_each_indicator_is_one_clause_written_through_the_formatter(ledger):
    assert (
        "上半年，全镇完成固定资产投资6.02亿元，同比增长8.1%，占全年目标的50.2%，超时序进度0.2个百分点；"
        "实现规上工业产值20.5亿元，同比增长3.5%，占全年目标的45.6%，低于时序进度4.4个百分点；"
        "绿化覆盖率达到41.2%，达到全年目标要求。"
    ) in texts(draft_of(ledger.town_a).document)


def test_the_opening_counts_how_the_indicators_stand(ledger):
    paragraphs = texts(draft_of(ledger.town_a).document)
    assert "纳入目标责任制考核的3项主要指标中，正常推进2项，滞后1项。现将有关情况总结如下。" in paragraphs


def test_lagging_indicators_are_listed_under_problems(ledger):
    assert "部分指标进度滞后：规上工业产值占全年目标的45.6%，低于时序进度4.4个百分点。" in texts(
        draft_of(ledger.town_a).document
    )


def test_the_plans_say_what_is_left_of_the_years_targets(ledger):
    assert (
        "对照全年目标任务，下半年要倒排工期、挂图作战：固定资产投资距全年目标还差5.98亿元；"
        "规上工业产值距全年目标还差24.5亿元，确保完成全年目标任务。"
    ) in texts(draft_of(ledger.town_a).document)


def test_the_structure_is_the_canonical_one_signed_and_dated(ledger):
    document = draft_of(ledger.town_a).document
    headings = [(block.level, block.text) for block in document.blocks if isinstance(block, Heading)]
    assert [text for level, text in headings if level == 1] == [
        "上半年主要工作成效",
        "存在问题",
        "下半年工作计划",
    ]
    signature = document.blocks[-1]
    assert isinstance(signature, Signature)
    assert (signature.org, signature.date_text) == ("青山镇人民政府", "2025年7月5日")


def test_every_figure_keeps_its_source(ledger):
    document = draft_of(ledger.town_a).document
    runs = [run for block in document.blocks for run in getattr(block, "runs", []) if isinstance(run, Run)]
    investment = next(run for run in runs if run.text == "6.02亿元")
    value_id = ledger.town_a.ledger_values.get(indicator__code="GDTZ", year=2025).pk
    assert "青山镇" in investment.comment and "固定资产投资" in investment.comment
    assert "2025年1-6月" in investment.comment and f"#{value_id}" in investment.comment


def test_the_people_s_words_go_after_the_generated_sentences_of_their_slot(ledger):
    words = {"section:economy": "我们坚持招大引强，新签约项目5个。", "problems": "部分干部担当意识不强。"}
    paragraphs = texts(draft_of(ledger.town_a, words).document)
    assert paragraphs.index("我们坚持招大引强，新签约项目5个。") > paragraphs.index(
        next(p for p in paragraphs if p.startswith("上半年，全镇完成固定资产投资"))
    )
    assert "部分干部担当意识不强。" in paragraphs


def test_the_checker_finds_nothing_in_a_generated_draft(ledger):
    assert check(document_text(draft_of(ledger.town_a).document)) == []


def test_a_county_summary_adds_up_its_towns(ledger):
    paragraphs = texts(draft_of(ledger.county).document)
    assert any(p.startswith("上半年，全县完成固定资产投资6.02亿元") for p in paragraphs)


def test_a_project_started_in_the_period_comes_with_its_site_photo(ledger):
    import datetime
    from decimal import Decimal

    from tests.projects.conftest import jpeg, make_project
    from zhenwu.documents import Photo
    from zhenwu.photos import check_photos
    from zhenwu.projects import services
    from zhenwu.projects.rates import Month

    project = make_project(ledger, ledger.town_a, name="青山镇污水管网改造工程")
    services.advance(project, ledger.county_admin, "started", datetime.date(2025, 3, 10))
    services.record_update(
        project,
        ledger.county_admin,
        month=Month(2025, 5),
        progress="管网铺设完成一半",
        investment_ytd=Decimal(3000),
        photos=check_photos([jpeg("现场.jpg")]),
        caption="管网铺设现场",
    )
    document = draft_of(ledger.town_a).document
    photos = [block for block in document.blocks if isinstance(block, Photo)]
    assert len(photos) == 1 and photos[0].caption.startswith("青山镇污水管网改造工程（")
    assert any("青山镇污水管网改造工程（总投资1.2亿元）开工建设" in text for text in texts(document))


def test_time_progress_counted_in_days_is_explained_in_the_comment(ledger):
    from zhenwu.ledger.models import ReportingRules, ScheduleBasis

    def schedule_comment():
        runs = [r for b in draft_of(ledger.town_a).document.blocks for r in getattr(b, "runs", [])]
        return next(r.comment for r in runs if isinstance(r, Run) and "时序进度" in r.text)

    assert "时序进度 50.0%（1-6月÷12个月）" in schedule_comment()
    ReportingRules.objects.create(area=ledger.town_a, schedule_basis=ScheduleBasis.DAYS)
    assert "时序进度 49.6%（已过天数÷全年天数）" in schedule_comment()
