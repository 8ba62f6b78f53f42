"""The work summary states each creation standard's checklist: done items only once the county accepted them."""

from tests.ledger.factories import make_checklist
from tests.summaries.conftest import draft_of, texts
from zhenwu.figures import check
from zhenwu.ledger.models import ChecklistMark, MarkStatus
from zhenwu.summaries.proofing import document_text

ITEMS = [
    ("一条美丽街道", True, False, False),
    ("一个镇级公园（广场）", True, False, False),
    ("一个规范化农贸市场", True, True, False),
]


def mark(item, area, status):
    return ChecklistMark.objects.create(item=item, area=area, status=status)


def test_the_town_summary_names_what_its_standard_still_lacks(ledger):
    standard = make_checklist(ledger, items=ITEMS)
    street, park, market = standard.items.order_by("order")
    mark(street, ledger.town_a, MarkStatus.ACCEPTED)
    mark(park, ledger.town_a, MarkStatus.ACCEPTED)
    mark(market, ledger.town_a, MarkStatus.SUBMITTED)  # waiting for the county: not yet done
    document = draft_of(ledger.town_a).document
    paragraphs = texts(document)
    sentence = "美丽城镇“七个一”建设完成2项，尚缺1项：一个规范化农贸市场。"
    assert sentence in paragraphs
    assert paragraphs.index("坚持规划引领，城镇面貌持续改善") < paragraphs.index(sentence)
    assert check(document_text(document)) == []


def test_the_county_summary_says_which_towns_have_done_every_item(ledger):
    standard = make_checklist(ledger, items=ITEMS[:2])
    for item in standard.items.all():
        mark(item, ledger.town_a, MarkStatus.ACCEPTED)
    mark(standard.items.first(), ledger.town_b, MarkStatus.RETURNED)
    paragraphs = texts(draft_of(ledger.county).document)
    assert (
        "美丽城镇“七个一”建设，全县已全部完成的有青山镇1个；尚未全部完成的有白沙镇（缺2项）1个，共缺2项。"
        in paragraphs
    )


def test_a_summary_without_a_checklist_says_nothing_of_it(ledger):
    assert not any("建设完成" in text for text in texts(draft_of(ledger.town_a).document))
