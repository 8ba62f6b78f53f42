"""工作总结 over JSON: the draft's text with each figure's source, and the .docx the page downloads."""

import io

import pdfplumber
from docx import Document

from tests.documents.test_rendering import libreoffice  # noqa: F401 - fails when LibreOffice is missing
from tests.ledger.factories import all_indicators, make_target, make_value


def test_a_town_draft_states_the_ledgers_figures_with_their_sources(api_as, world):
    all_indicators()
    make_target(world, world.town_a)
    make_value(world, world.town_a, value="6.02")
    query = {"area": world.town_a.code, "period": "2025-H1"}

    draft = api_as(world.town_a_clerk).get("/api/v1/summaries/draft", **query)

    assert draft.status_code == 200, draft.content
    body = draft.json()
    assert body["title"] == "青山镇2025年上半年工作总结" and body["period"] == "2025-H1"
    assert body["text"].startswith("青山镇2025年上半年工作总结\n") and "6.02" in body["text"]
    assert any("6.02" in item["text"] and item["source"] for item in body["sources"])


def test_the_docx_is_a_word_document_of_the_same_draft(api_as, world):
    all_indicators()
    make_value(world, world.town_a, value="6.02")
    response = api_as(world.town_a_clerk).get(
        "/api/v1/summaries/docx", area=world.town_a.code, period="2025-H1"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "青山镇2025年上半年工作总结" in text and "6.02" in text


def test_a_malformed_period_is_422(api_as, world):
    refused = api_as(world.town_a_clerk).get(
        "/api/v1/summaries/draft", area=world.town_a.code, period="2025-H3"
    )
    assert refused.status_code == 422 and "报告期无效" in refused.json()["errors"]["period"]


def test_the_pdf_is_the_same_draft_on_its_pages(api_as, world, libreoffice):  # noqa: F811
    all_indicators()
    make_value(world, world.town_a, value="6.02")
    response = api_as(world.town_a_clerk).get(
        "/api/v1/summaries/pdf", area=world.town_a.code, period="2025-H1"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and ".pdf" in response["Content-Disposition"]
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "").replace("\n", "")
    assert "青山镇2025年上半年工作总结" in text and "6.02亿元" in text


def test_without_libreoffice_the_pdf_is_503_saying_why(api_as, world, monkeypatch):
    monkeypatch.setattr("zhenwu.documents.pdf.find_soffice", lambda: None)
    response = api_as(world.town_a_clerk).get(
        "/api/v1/summaries/pdf", area=world.town_a.code, period="2025-H1"
    )
    assert response.status_code == 503
    assert "本服务器没有安装 LibreOffice" in response.json()["detail"]


def test_the_schema_documents_the_pdf_and_its_503(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/summaries/pdf"]["get"]
    assert "application/pdf" in operation["responses"]["200"]["content"]
    assert "503" in operation["responses"]
