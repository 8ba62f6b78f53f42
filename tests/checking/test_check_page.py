"""The 核稿 page: paste a report, see every problem marked in the text and listed beside it."""

from django.urls import reverse

REPORT = "上半年完成固定资产投资6.02亿元，规模以上工业总产值达*亿元，\n完成投资额亿元，同比增长17.8。"


def test_pasted_text_comes_back_with_each_problem_marked_and_listed(client, world):
    client.force_login(world.town_a_clerk)
    response = client.post(reverse("checking:index"), {"text": REPORT})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error" title=' in page and "*亿元<sup>1</sup></mark>" in page
    assert "第 2 行" in page  # 完成投资额亿元 sits on the second line
    assert page.count('<li id="finding-') == 3
    assert "6.02亿元" in page  # the sound figure is shown, unmarked
    assert "识别数字" in page


def test_a_clean_text_says_so(client, world):
    client.force_login(world.town_a_clerk)
    page = client.post(
        reverse("checking:index"), {"text": "上半年完成固定资产投资6.02亿元，同比增长8.1%。"}
    ).content.decode()
    assert "未发现问题" in page


def test_an_empty_form_asks_for_text_or_a_file(client, world):
    client.force_login(world.town_a_clerk)
    page = client.post(reverse("checking:index"), {"text": "  "}).content.decode()
    assert "请粘贴要核对的文字，或上传一份报告。" in page


def test_an_unsupported_file_is_refused_by_name(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.town_a_clerk)
    upload = SimpleUploadedFile("总结.xls", b"\xd0\xcf\x11\xe0", content_type="application/vnd.ms-excel")
    page = client.post(reverse("checking:index"), {"document": upload}).content.decode()
    assert "“总结.xls”的格式不支持" in page


def make_docx(*paragraphs: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_uploaded_docx_is_read_and_checked(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.town_a_clerk)
    upload = SimpleUploadedFile("青山镇总结.docx", make_docx("一、工作成效", "规模以上工业总产值达*亿元。"))
    page = client.post(reverse("checking:index"), {"document": upload}).content.decode()
    assert "青山镇总结.docx：" in page
    assert "*亿元<sup>1</sup></mark>" in page and "第 2 行" in page


def test_the_annotated_docx_carries_a_comment_at_each_problem(client, world):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from docx import Document

    client.force_login(world.town_a_clerk)
    upload = SimpleUploadedFile("总结.docx", make_docx("完成投资额亿元，同比增长17.8。"))
    response = client.post(reverse("checking:index"), {"document": upload, "annotate": "1"})
    assert response.status_code == 200
    assert (
        "attachment" in response["Content-Disposition"]
        and "%E6%A0%B8%E7%A8%BF" in response["Content-Disposition"]
    )
    annotated = Document(io.BytesIO(response.content))
    comments = list(annotated.comments)
    assert len(comments) == 2
    assert annotated.paragraphs[0].text == "完成投资额亿元，同比增长17.8。"  # the text itself is untouched


def test_a_corrupt_docx_is_refused_with_its_name(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.town_a_clerk)
    upload = SimpleUploadedFile("坏文件.docx", b"PK\x03\x04 not really a zip")
    response = client.post(reverse("checking:index"), {"document": upload})
    assert response.status_code == 200
    assert "“坏文件.docx”无法读取" in response.content.decode()
