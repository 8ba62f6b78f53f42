"""Text caps per request: a paste into 核稿 and the reports of one compile upload are bounded,
each refusal names its limit, a refused paste stays in the form, and the compile page stays small."""

from __future__ import annotations

import re

from django.test import override_settings
from django.urls import reverse

from tests.ledger import factories as f
from tests.probes.conftest import within
from tests.probes.test_document_uploads import compile_upload, nothing_compiled
from zhenwu.lib.periods import parse_period
from zhenwu.summaries import services, views
from zhenwu.summaries.models import ExtractedFigure

SENTENCE = "上半年完成固定资产投资6.02亿元，同比增长8.1%。"


def paste(client, world, text: str):
    client.force_login(world.town_a_clerk)
    return client.post(reverse("checking:index"), {"text": text})


def test_a_20_mb_paste_gets_a_page_naming_the_limit_not_a_bare_400(client, world):
    text = SENTENCE * (20 * 1024 * 1024 // len(SENTENCE.encode()))
    with within():
        response = paste(client, world, text)
    page = response.content.decode()
    assert response.status_code == 413
    assert "提交的文字超过 2.5 MB 的上限" in page and "没有保存任何内容" in page
    assert "核稿一次最多 200,000 字" in page


def test_a_paste_past_the_character_limit_is_refused_and_kept_in_the_form(client, world):
    text = (SENTENCE * 8_000)[:200_001]
    with within():
        page = paste(client, world, text).content.decode()
    assert "文字超过 200,000 字的上限（有 200,001 字）" in page
    kept = re.search(r'<textarea name="text"[^>]*>\n?(.*?)</textarea>', page, re.S)[1]
    assert kept == text
    assert 'id="check-result"></div>' in page  # nothing was checked


def test_the_form_tells_the_browser_the_limits_so_it_refuses_first(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("checking:index")).content.decode()
    assert 'data-max-chars="200000"' in page and 'data-max-bytes="20971520"' in page
    assert "zhenwu/limits.js" in page


def test_a_4_mb_compile_upload_is_refused_at_once_and_stores_nothing(client, world):
    f.all_indicators()
    data = (SENTENCE * (4 * 1024 * 1024 // len(SENTENCE.encode()))).encode()
    with within():
        response = compile_upload(client, world, ("青山镇.txt", data))
    assert "“青山镇.txt”无法读取：文本有 4.0 MB，超过 200,000 字的上限" in response.content.decode()
    assert nothing_compiled()


@override_settings(MAX_COMPILE_FILES=2)
def test_more_reports_than_the_file_limit_are_refused(client, world):
    files = [(f"{n}.txt", SENTENCE.encode()) for n in range(3)]
    page = compile_upload(client, world, *files).content.decode()
    assert "一次最多汇编 2 份材料（选了 3 份），请分批上传" in page
    assert nothing_compiled()


@override_settings(MAX_DOCUMENT_BYTES=1024)
def test_a_report_past_the_size_limit_is_refused_by_name(client, world):
    page = compile_upload(client, world, ("白沙镇.txt", (SENTENCE * 40).encode())).content.decode()
    assert "“白沙镇.txt”有 2.5 KB，超过 1.0 KB 的上限" in page
    assert nothing_compiled()


@override_settings(MAX_COMPILE_FIGURES=5)
def test_a_report_with_more_figures_than_the_limit_is_refused(client, world):
    f.all_indicators()
    good = ("青山镇.txt", SENTENCE.encode())
    page = compile_upload(client, world, good, ("白沙镇.txt", (SENTENCE * 6).encode())).content.decode()
    assert "“白沙镇.txt”中找到 6 个数字，超过每份材料 5 个的上限" in page
    assert nothing_compiled()


def test_the_compile_page_shows_one_page_of_figures_at_a_time(client, world):
    f.all_indicators()
    text = "\n".join(f"上半年完成固定资产投资{n}.5亿元。" for n in range(1, 251))
    batch = services.create_batch(
        world.county_admin, world.county, parse_period("2025-H1"), [("青山镇.txt", text.encode())]
    )
    assert ExtractedFigure.objects.filter(document__batch=batch).count() == 250
    client.force_login(world.county_admin)
    url = reverse("summaries:compile_batch", kwargs={"pk": batch.pk})
    first = client.get(url).content.decode()
    assert first.count('<tr id="figure-') == views.FIGURES_PER_PAGE
    assert "第 1 / 2 页（共 250 个数字）" in first and "1.5亿元" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count('<tr id="figure-') == 250 - views.FIGURES_PER_PAGE
    assert "250.5亿元" in second and "青山镇.txt" in second  # the report is named above its figures
