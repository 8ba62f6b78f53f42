"""核稿 and 汇编 refuse a .docx compression bomb before python-docx opens it, and a report past
the page or character limit — naming the limit, storing nothing, in well under two seconds."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from tests.probes import hostile
from tests.probes.conftest import refused_before_parsing, within
from zhenwu.summaries.models import CompileBatch, CompiledDocument, ExtractedFigure

REFUSAL = "解压后超过 5 MB 的上限（word/document.xml 声称 1,100 MB）"


def check(client, world, name: str, data: bytes, **extra):
    client.force_login(world.town_a_clerk)
    return client.post(reverse("checking:index"), {"document": SimpleUploadedFile(name, data), **extra})


def compile_upload(client, world, *files: tuple[str, bytes]):
    client.force_login(world.county_admin)
    url = reverse("summaries:compile", kwargs={"code": world.county.code, "period": "2025-H1"})
    return client.post(url, {"files": [SimpleUploadedFile(name, data) for name, data in files]})


def nothing_compiled() -> bool:
    return not (
        CompileBatch.objects.exists() or CompiledDocument.objects.exists() or ExtractedFigure.objects.exists()
    )


def test_a_docx_bomb_is_refused_by_the_check_page_before_parsing(client, world, bombs):
    bomb = bombs["docx"]
    with refused_before_parsing():
        response = check(client, world, "总结.docx", bomb)
    assert response.status_code == 200
    assert f"“总结.docx”无法读取：文件中单个部件{REFUSAL}" in response.content.decode()


def test_a_docx_bomb_is_refused_when_asked_for_the_annotated_copy(client, world, bombs):
    bomb = bombs["docx"]
    with refused_before_parsing():
        response = check(client, world, "总结.docx", bomb, annotate="1")
    assert response.status_code == 200 and "attachment" not in response.get("Content-Disposition", "")
    assert REFUSAL in response.content.decode()


def test_a_docx_bomb_among_the_compiled_reports_is_refused_and_nothing_is_kept(client, world, bombs):
    good, bomb = ("青山镇.txt", "上半年完成固定资产投资6.02亿元。".encode()), ("白沙镇.docx", bombs["docx"])
    with refused_before_parsing():
        response = compile_upload(client, world, good, bomb)
    assert response.status_code == 200
    assert f"“白沙镇.docx”无法读取：文件中单个部件{REFUSAL}" in response.content.decode()
    assert nothing_compiled()


def test_a_text_file_past_the_character_limit_is_refused_unread(client, world):
    data = ("上半年完成固定资产投资6.02亿元，同比增长8.1%。" * 100_000).encode()  # under the 20 MB file limit
    with within():
        response = check(client, world, "总结.txt", data)
    assert (
        f"“总结.txt”无法读取：文本有 {len(data) / 1024 / 1024:.1f} MB，超过 200,000 字的上限"
        in response.content.decode()
    )


def test_a_docx_is_read_only_up_to_the_character_limit(client, world):
    paragraph = "上半年完成固定资产投资6.02亿元，同比增长8.1%。" * 100
    data = hostile.docx(*[paragraph] * 90)  # 225,089 characters
    stop = 200_000 // (len(paragraph) + 1) + 1  # the paragraph that passes the limit; the rest is never read
    page = check(client, world, "总结.docx", data).content.decode()
    read = stop * (len(paragraph) + 1) - 1
    assert f"文字超过 200,000 字的上限（读到第 {stop} 段已有 {read:,} 字）" in page


@override_settings(MAX_PDF_PAGES=2)
def test_a_pdf_past_the_page_limit_is_refused(client, world):
    page = check(client, world, "总结.pdf", hostile.pdf("6.02", "8.1", "50.2")).content.decode()
    assert "PDF 有 3 页，超过 2 页的上限" in page


@override_settings(MAX_TEXT_CHARS=30)
def test_a_pdf_is_read_only_up_to_the_character_limit(client, world):
    data = hostile.pdf("Total 6.02 and 8.1 percent", "Total 6.02 and 8.1 percent", "never read")
    page = check(client, world, "总结.pdf", data).content.decode()
    assert "文字超过 30 字的上限（读到第 2 页已有 52 字）" in page
