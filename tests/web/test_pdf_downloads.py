"""下载PDF beside every generated .docx: shown where LibreOffice is installed, and a PDF a reader opens.

Without LibreOffice the link is not shown and the PDF address answers with a page that says
so in Chinese (503), never a server error.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.assessment import factories as assessment
from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from tests.issuing.factories import make_settings
from tests.summaries.conftest import H1, ledger  # noqa: F401 - the ledger of 青山镇
from zhenwu.areas.models import Membership
from zhenwu.issuing.models import IssuedNumber
from zhenwu.ledger.reporting import reporting_month

NO_SOFFICE = "zhenwu.documents.pdf.find_soffice"


def pages_with_a_docx(world) -> dict[str, tuple[str, str]]:
    """Each page offering a generated .docx → (its address, the PDF address it must offer)."""
    town = world.town_a.code
    result = assessment.make_result(world, world.town_a)
    slug, period = result.scheme.slug, assessment.PERIOD.key
    current = reporting_month(world.town_a, timezone.localdate()).current  # the 通报 the page lists first
    return {
        "summary": (
            reverse("summaries:draft", kwargs={"code": town, "period": H1.key}),
            reverse("summaries:export_pdf", kwargs={"code": town, "period": H1.key}),
        ),
        "ranking": (
            reverse("assessment:result", kwargs={"slug": slug, "period": period}),
            reverse("assessment:bulletin_pdf", kwargs={"slug": slug, "period": period}),
        ),
        "inspections": (
            reverse("inspections:index"),
            reverse(
                "inspections:bulletin_pdf",
                kwargs={"code": town, "year": current.year, "month": current.month},
            ),
        ),
        "projects": (
            reverse("projects:overview") + "?month=2026-11",
            reverse("projects:report_pdf", kwargs={"code": town}) + "?month=2026-11",
        ),
        "projects preview": (
            reverse("projects:report_preview", kwargs={"code": town}) + "?month=2026-11",
            reverse("projects:report_pdf", kwargs={"code": town}) + "?month=2026-11",
        ),
    }


def test_every_page_with_a_docx_offers_its_pdf(client, world):
    client.force_login(world.town_a_clerk)
    for name, (page, pdf) in pages_with_a_docx(world).items():
        html = client.get(page).content.decode()
        assert f'href="{pdf}' in html.replace("&amp;", "&"), name
        assert "下载PDF" in html, name


def test_without_libreoffice_no_page_offers_a_pdf_and_the_address_says_why(client, world, monkeypatch):
    monkeypatch.setattr(NO_SOFFICE, lambda: None)
    client.force_login(world.town_a_clerk)
    for name, (page, pdf) in pages_with_a_docx(world).items():
        assert "下载PDF" not in client.get(page).content.decode(), name
        response = client.get(pdf)
        assert response.status_code == 503, name
        assert "本服务器没有安装 LibreOffice" in response.content.decode(), name


def test_the_summarys_pdf_is_the_draft_on_its_pages(client, ledger):  # noqa: F811
    client.force_login(ledger.town_a_clerk)
    response = client.get(
        reverse("summaries:export_pdf", kwargs={"code": ledger.town_a.code, "period": H1.key})
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        "filename*=utf-8''" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    )
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "").replace("\n", "")
        assert len(pdf.pages) == 2  # the summary of three indicators, with its chart
    assert "青山镇2025年上半年工作总结" in text
    assert "完成固定资产投资6.02亿元" in text


def test_an_issued_bulletins_pdf_carries_its_number_and_is_kept(client, world, monkeypatch):
    Membership.objects.filter(user=world.town_a_clerk).update(department=world.department_a)
    make_settings(world, world.town_a, copy_to="县委办公室")
    client.force_login(world.town_a_clerk)
    issued = client.post("/issuing/issue/inspections/", {"code": world.town_a.code, "month": "2026-03"})
    assert issued.status_code == 200
    record = IssuedNumber.objects.get()
    register = client.get(reverse("issuing:office", kwargs={"pk": world.department_a.pk})).content.decode()
    assert reverse("issuing:issued_pdf", kwargs={"pk": record.pk}) in register
    kept_docx = client.get(reverse("issuing:issued", kwargs={"pk": record.pk}))
    assert kept_docx.content == issued.content  # the register downloads what was issued

    response = client.get(reverse("issuing:issued_pdf", kwargs={"pk": record.pk}))
    assert response.content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) % 2 == 0  # the 版记 on the back of the last sheet
        first = pdf.pages[0].extract_text().replace(" ", "")
        last = pdf.pages[-1].extract_text().replace(" ", "")
    assert "青山政〔2026〕12号" in first and "抄送：县委办公室。" in last

    def no_second_conversion(*args, **kwargs):
        raise AssertionError("the kept PDF is served, not converted again")

    monkeypatch.setattr("zhenwu.web.downloads.convert_to_pdf", no_second_conversion)
    again = client.get(reverse("issuing:issued_pdf", kwargs={"pk": record.pk}))
    assert again.content == response.content


@pytest.mark.parametrize("failure", ["LibreOffice 转换 PDF 超时（90 秒）"])
def test_a_failed_conversion_is_a_page_not_a_server_error(client, world, monkeypatch, failure):
    from zhenwu.documents.pdf import PdfError

    def fails(*args, **kwargs):
        raise PdfError(failure)

    monkeypatch.setattr("zhenwu.web.downloads.convert_to_pdf", fails)
    client.force_login(world.town_a_clerk)
    url = reverse("inspections:bulletin_pdf", kwargs={"code": world.town_a.code, "year": 2026, "month": 3})
    response = client.get(url)
    assert response.status_code == 503
    assert "PDF 生成失败" in response.content.decode() and failure in response.content.decode()
