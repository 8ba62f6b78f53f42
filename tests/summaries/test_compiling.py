"""Compile round trip: a town's draft → .docx → compile → the same values in the ledger → the county's summary."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.summaries.conftest import FIGURES, H1, draft_of, texts
from zhenwu.documents import write_docx
from zhenwu.ledger.models import ReportedValue, ValueHistory
from zhenwu.summaries import services
from zhenwu.summaries.models import ExtractedFigure, FigureStatus


def _round_trip_batch(world):
    data = write_docx(draft_of(world.town_a).document)
    ReportedValue.objects.filter(area=world.town_a, year=2025).delete()
    return services.create_batch(world.county_admin, world.county, H1, [("青山镇上半年工作总结.docx", data)])


def test_the_town_and_indicators_are_proposed(ledger):
    batch = _round_trip_batch(ledger)
    document = batch.documents.get()
    assert document.town == ledger.town_a
    proposed = {f.proposed.code: f.span for f in document.figures.filter(status=FigureStatus.PROPOSED)}
    assert proposed == {"GDTZ": "6.02亿元", "GYCZ": "20.5亿元", "LHFG": "41.2%"}


def test_the_confirmed_values_load_into_the_ledger_unchanged_with_the_report_as_source(ledger):
    batch = _round_trip_batch(ledger)
    for figure in ExtractedFigure.objects.filter(document__batch=batch, status=FigureStatus.PROPOSED):
        services.decide_figure(ledger.county_admin, figure, figure.indicator, FigureStatus.CONFIRMED)
    assert services.load_batch(ledger.county_admin, batch) == 3
    loaded = dict(
        ReportedValue.objects.filter(area=ledger.town_a, year=2025, month=6).values_list(
            "indicator__code", "value"
        )
    )
    assert loaded == {code: Decimal(now) for code, (now, _, _) in FIGURES.items()}
    history = ValueHistory.objects.filter(reported__area=ledger.town_a, reported__year=2025).first()
    assert "青山镇上半年工作总结.docx" in history.reason and history.user == ledger.county_admin
    county = texts(draft_of(ledger.county).document)
    assert any(p.startswith("上半年，全县完成固定资产投资6.02亿元") for p in county)


def test_a_figure_cannot_be_confirmed_as_an_indicator_of_another_unit(ledger):
    batch = _round_trip_batch(ledger)
    figure = ExtractedFigure.objects.get(document__batch=batch, proposed__code="LHFG")
    investment = ExtractedFigure.objects.get(document__batch=batch, proposed__code="GDTZ").indicator
    with pytest.raises(services.CompileError):
        services.decide_figure(ledger.county_admin, figure, investment, FigureStatus.CONFIRMED)


def test_the_county_uploads_reports_and_confirms_in_the_table(client, ledger):
    client.force_login(ledger.county_admin)
    data = write_docx(draft_of(ledger.town_a).document)
    url = reverse("summaries:compile", kwargs={"code": ledger.county.code, "period": "2025-H1"})
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(url, {"files": [SimpleUploadedFile("青山镇.docx", data)]})
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "6.02亿元" in page.content.decode()
    figure = ExtractedFigure.objects.get(proposed__code="GDTZ")
    row = client.post(
        reverse("summaries:compile_figure", kwargs={"pk": figure.pk}),
        {"status": "confirmed", "indicator": "GDTZ"},
        HTTP_HX_REQUEST="true",
    )
    assert row.status_code == 200 and "已确认" in row.content.decode()


def test_an_unreadable_file_is_named(ledger):
    with pytest.raises(services.CompileError, match=r"坏文件\.docx"):
        services.create_batch(ledger.county_admin, ledger.county, H1, [("坏文件.docx", b"not a docx")])
