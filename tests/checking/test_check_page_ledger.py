"""The 核稿 page with the ledger: the figures of a report compared with an area's ledger, within the user's subtree.

The ledger is 青山镇's at the end of June 2025 (tests/summaries/conftest.py): 固定资产投资 6.02亿元.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from tests.checking.test_check_page import make_docx
from tests.summaries.conftest import ledger  # noqa: F401  (the fixture)

REPORT = "青山镇2025年上半年工作总结\n上半年，全镇完成固定资产投资6.5亿元，实现规上工业产值20.5亿元。"


def test_the_area_picker_offers_the_users_areas_and_starts_at_their_own(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("checking:index")).content.decode()
    assert f'<option value="{world.town_a.code}" selected>青山镇</option>' in page
    assert '<option value="">不比对台账</option>' in page and "东山村" in page
    assert "白沙镇" not in page
    assert "zhenwu check 报告.docx --area 区划代码" in page  # the page documents the command too


def test_a_figure_that_disagrees_with_the_ledger_is_marked_with_the_ledgers_figure(client, ledger):  # noqa: F811
    client.force_login(ledger.town_a_clerk)
    response = client.post(reverse("checking:index"), {"text": REPORT, "area": ledger.town_a.code})
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<li id="finding-') == 1
    assert "台账：青山镇 固定资产投资 2025年1-6月 为6.02亿元（已审核）" in page
    assert 'class="error" title="与台账不符' in page and "6.5亿元<sup>1</sup></mark>" in page
    assert "与台账比对：青山镇 2025年1-6月（报告期取自文中），比对 2 个数字，1 个不符" in page


def test_without_an_area_the_ledger_is_not_consulted(client, ledger):  # noqa: F811
    client.force_login(ledger.town_a_clerk)
    page = client.post(reverse("checking:index"), {"text": REPORT, "area": ""}).content.decode()
    assert "未发现问题" in page and "与台账" not in page.split('id="check-result"')[1]


def test_an_area_outside_the_users_subtree_is_not_found(client, ledger):  # noqa: F811
    client.force_login(ledger.town_b_clerk)
    response = client.post(reverse("checking:index"), {"text": REPORT, "area": ledger.town_a.code})
    assert response.status_code == 404
    client.force_login(ledger.county_admin)  # the county sees its towns' ledgers
    response = client.post(reverse("checking:index"), {"text": REPORT, "area": ledger.town_a.code})
    assert "为6.02亿元" in response.content.decode()


def test_the_period_can_be_given_when_the_text_does_not_say_it(client, ledger):  # noqa: F811
    client.force_login(ledger.town_a_clerk)
    text = "上半年，全镇完成固定资产投资6.5亿元。"
    page = client.post(reverse("checking:index"), {"text": text, "area": ledger.town_a.code}).content.decode()
    assert "未与青山镇台账比对：文中开头看不出报告期" in page and "未发现问题" in page
    data = {"text": text, "area": ledger.town_a.code, "period": "2025-H1"}
    page = client.post(reverse("checking:index"), data).content.decode()
    assert "为6.02亿元" in page and "（报告期按指定）" in page
    page = client.post(reverse("checking:index"), data | {"period": "2025-H3"}).content.decode()
    assert "报告期应写成 2025-H1（上半年）" in page


def test_the_annotated_docx_carries_the_ledgers_figure(client, ledger):  # noqa: F811
    client.force_login(ledger.town_a_clerk)
    upload = SimpleUploadedFile("青山镇总结.docx", make_docx(*REPORT.split("\n")))
    data = {"document": upload, "annotate": "1", "area": ledger.town_a.code}
    response = client.post(reverse("checking:index"), data)
    comments = list(Document(io.BytesIO(response.content)).comments)
    assert [comment.text for comment in comments] == [
        "【错误】与台账不符：文中写的是“6.5亿元”；台账：青山镇 固定资产投资 2025年1-6月 为6.02亿元（已审核）"
    ]
