"""定稿: a summary issued under the office's next 文号, kept as issued, frozen until 另起新稿."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
from django.urls import reverse

from tests.issuing.factories import make_settings
from tests.summaries.conftest import H1
from zhenwu.areas.models import Membership
from zhenwu.issuing.models import IssuedNumber
from zhenwu.ledger import services as ledger_services
from zhenwu.ledger.models import Indicator, ReportedValue, ValueStatus
from zhenwu.summaries.models import Draft, DraftStatus, FinalVersion

KWARGS = {"period": H1.key}


def url(name, world, **extra):
    return reverse(f"summaries:{name}", kwargs={"code": world.town_a.code, **KWARGS, **extra})


def all_text(data: bytes) -> str:
    """Every w:t of the document body, text boxes (the 版记) included."""
    body = docx.Document(io.BytesIO(data)).element.body
    return "".join(node.text or "" for node in body.iter("{*}t"))


def office_member(world):
    Membership.objects.filter(user=world.town_a_clerk).update(department=world.department_a)
    return make_settings(world, world.town_a, copy_to="县委办公室", recipient="青溪县人民政府")


def finalize(client, world):
    return client.post(url("finalize", world), follow=True)


def test_finalizing_issues_the_summary_under_the_offices_next_number(client, ledger):
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    page = finalize(client, ledger).content.decode()
    assert "已定稿 <strong>青山政〔2026〕12号</strong>" in page
    record = IssuedNumber.objects.get()
    assert (record.code, record.kind, record.issued_by) == (
        "青山政〔2026〕12号",
        "summary",
        ledger.town_a_clerk,
    )
    version = FinalVersion.objects.get()
    assert (version.number, version.finalized_by, version.area) == (
        record,
        ledger.town_a_clerk,
        ledger.town_a,
    )
    assert Draft.objects.get(area=ledger.town_a, period=H1.key).status == DraftStatus.FINAL
    kept = client.get(reverse("issuing:issued", kwargs={"pk": record.pk}))
    text = all_text(kept.content)
    # 版头, 主送, body with the ledger's figures, 署名 of the office, 版记
    for part in (
        "青山镇人民政府文件",
        "青山政〔2026〕12号",
        "青溪县人民政府：",
        "6.02亿元",
        "抄送：县委办公室。",
    ):
        assert part in text, part


def test_a_finalized_summary_cannot_be_edited_until_a_new_draft(client, ledger):
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    finalize(client, ledger)
    page = client.get(url("draft", ledger)).content.decode()
    assert "另起新稿" in page
    assert 'name="text"' not in page and "重新生成</button>" not in page  # no editing of the 定稿
    refused = client.post(url("narrative", ledger), {"slot": "plans", "text": "改一句。"})
    assert refused.status_code == 403
    assert client.post(url("regenerate", ledger)).status_code == 403
    again = finalize(client, ledger).content.decode()
    assert "该总结已定稿（青山政〔2026〕12号）" in again
    assert IssuedNumber.objects.count() == 1  # a second click takes no second number

    client.post(url("new_draft", ledger))
    assert client.post(url("narrative", ledger), {"slot": "plans", "text": "改一句。"}).status_code == 302
    assert 'name="text"' in client.get(url("draft", ledger)).content.decode()


def test_the_issued_version_stays_as_issued_after_the_ledger_changes(client, ledger):
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    finalize(client, ledger)
    first = IssuedNumber.objects.get()
    before = client.get(reverse("issuing:issued", kwargs={"pk": first.pk})).content
    client.post(url("new_draft", ledger))
    ReportedValue.objects.filter(indicator__code="GDTZ", year=2025).update(status=ValueStatus.DRAFT)
    ledger_services.enter_values(
        ledger.town_a_clerk,
        ledger.town_a,
        2025,
        6,
        {Indicator.objects.get(code="GDTZ"): Decimal("6.5")},
        reason="更正",
    )
    page = finalize(client, ledger).content.decode()
    assert "已定稿 <strong>青山政〔2026〕13号</strong>" in page
    second = IssuedNumber.objects.get(number=13)
    assert "6.5亿元" in all_text(client.get(reverse("issuing:issued", kwargs={"pk": second.pk})).content)
    after = client.get(reverse("issuing:issued", kwargs={"pk": first.pk})).content
    assert after == before and "6.02亿元" in all_text(after)
    assert "青山政〔2026〕12号" in page and "青山政〔2026〕13号" in page  # both in 定稿记录


def test_without_dispatch_settings_nothing_is_numbered_or_frozen(client, ledger):
    Membership.objects.filter(user=ledger.town_a_clerk).update(department=ledger.department_a)
    client.force_login(ledger.town_a_clerk)
    page = finalize(client, ledger).content.decode()
    assert "没有发文设置" in page
    assert not IssuedNumber.objects.exists() and not FinalVersion.objects.exists()
    assert not Draft.objects.filter(status=DraftStatus.FINAL).exists()


def test_the_page_offers_finalizing_only_to_a_member_of_an_office_with_settings(client, ledger):
    client.force_login(ledger.town_a_clerk)
    assert "定稿印发" not in client.get(url("draft", ledger)).content.decode()
    office_member(ledger)
    assert "定稿印发" in client.get(url("draft", ledger)).content.decode()


def test_the_generic_issue_action_sends_a_summary_to_its_finalizing(client, ledger):
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    response = client.post("/issuing/issue/summary/", {"code": ledger.town_a.code, "period": H1.key})
    assert response.status_code == 403
    assert not IssuedNumber.objects.exists()


def test_the_batch_leaves_a_finalized_town_alone(client, ledger):
    from zhenwu.jobs.models import Job
    from zhenwu.jobs.worker import drain

    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    finalize(client, ledger)
    frozen_at = Draft.objects.get(area=ledger.town_a).generated_at
    client.force_login(ledger.county_admin)
    client.post(reverse("summaries:batch_start", kwargs={"code": ledger.county.code, "period": H1.key}))
    drain()
    assert Job.objects.get().message == "已起草 1 个单位的2025年上半年工作总结。青山镇已定稿，未改动。"
    draft = Draft.objects.get(area=ledger.town_a)
    assert (draft.status, draft.generated_at) == (DraftStatus.FINAL, frozen_at)


def test_a_draft_that_proofreading_finds_wrong_is_not_finalized_until_fixed(client, ledger):
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    typed = "下半年计划完成投资xx万元，新建道路3.5公里。"
    client.post(url("narrative", ledger), {"slot": "plans", "text": typed})
    page = finalize(client, ledger).content.decode()
    assert "核稿发现1处错误，未定稿、未取文号" in page
    assert "“xx万元”" in page
    assert not IssuedNumber.objects.exists() and not FinalVersion.objects.exists()
    assert not Draft.objects.filter(status=DraftStatus.FINAL).exists()
    assert 'name="text"' in page  # still a draft to edit

    client.post(
        url("narrative", ledger), {"slot": "plans", "text": "下半年计划完成投资800万元，新建道路3.5公里。"}
    )
    page = finalize(client, ledger).content.decode()
    assert "已定稿 <strong>青山政〔2026〕12号</strong>" in page
    assert IssuedNumber.objects.get().code == "青山政〔2026〕12号"


def test_a_warning_alone_does_not_stop_finalizing(client, ledger):
    from zhenwu.figures import review

    typed = "农民人均纯收入达到9950,同比增长13.4%。"
    assert [f.severity for f in review(typed).findings] == ["warning"]
    office_member(ledger)
    client.force_login(ledger.town_a_clerk)
    client.post(url("narrative", ledger), {"slot": "plans", "text": typed})
    page = finalize(client, ledger).content.decode()
    assert "已定稿 <strong>" in page
    assert "缺少单位" in page  # still listed under 核稿
