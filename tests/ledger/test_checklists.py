"""创建标准 清单项: a town marks an item done with real evidence, the county accepts or returns it."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.conftest import make_user
from tests.ledger.factories import indicator, make_checklist, make_value
from zhenwu.areas.models import Role, SettingChange
from zhenwu.ledger.models import CatalogueEntry, ChecklistMark, ChecklistPhoto, MarkStatus

ITEMS = [
    ("一条美丽街道", True, False, False),
    ("一个规范化农贸市场", False, True, True),
    ("一个公共停车场", True, False, False),
]


def jpeg(name="街道.jpg", size=(64, 48)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf(name="验收意见.pdf", extra=0) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n" + b"0" * extra + b"\n%%EOF\n", content_type="application/pdf"
    )


@pytest.fixture
def standard(world):
    catalogue = make_checklist(world, items=ITEMS)
    entry_indicator = indicator("LHFG")
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=entry_indicator, threshold=Decimal(40))
    make_value(world, world.town_a, code="LHFG", month=6, value="41.2")
    return catalogue


@pytest.fixture
def county_reviewer(world):
    return make_user("county_reviewer", world.county, Role.REVIEWER, first_name="赵磊")


def item(standard, number):
    return standard.items.order_by("order")[number]


def mark_url(world, standard, number, area=None):
    return reverse("ledger:checklist_mark", args=[(area or world.town_a).code, item(standard, number).pk])


def standards_page(client, area) -> str:
    return client.get(reverse("ledger:standards", args=[area.code]) + "?period=2025-06").content.decode()


def review(client, mark, verdict, reason=""):
    return client.post(
        reverse("ledger:checklist_review", args=[mark.pk]),
        {"verdict": verdict, "reason": reason},
        follow=True,
    )


def test_a_photo_mark_accepted_by_the_county_counts_toward_the_standard(
    client, world, standard, county_reviewer
):
    client.force_login(world.town_a_clerk)
    assert "清单项 0/3 通过" in standards_page(client, world.town_a)
    response = client.post(
        mark_url(world, standard, 0), {"photos": [jpeg()], "note": "主街立面改造完成"}, follow=True
    )
    assert "待青溪县审核" in response.content.decode()
    mark = ChecklistMark.objects.get()
    assert mark.status == MarkStatus.SUBMITTED and mark.marked_by == world.town_a_clerk
    photo = ChecklistPhoto.objects.get(mark=mark)
    assert client.get(reverse("ledger:checklist_photo", args=[photo.pk]))["Content-Type"] == "image/jpeg"
    assert "清单项 0/3 通过" in standards_page(client, world.town_a)  # 待审核 does not count

    client.force_login(county_reviewer)
    assert "青山镇“一条美丽街道”已通过" in review(client, mark, "accept").content.decode()
    county_page = standards_page(client, world.county)
    assert "数值指标 1/1 达标，清单项 1/3 通过" in county_page
    assert "未达标" in county_page


def test_the_area_is_达标_only_when_every_item_is_accepted_and_every_figure_met(
    client, world, standard, county_reviewer
):
    client.force_login(world.town_a_clerk)
    client.post(mark_url(world, standard, 0), {"photos": [jpeg()]})
    client.post(mark_url(world, standard, 1), {"document": pdf(), "done_on": "2025-05-20"})
    client.post(mark_url(world, standard, 2), {"photos": [jpeg("停车场.jpg")]})
    client.force_login(county_reviewer)
    for mark in ChecklistMark.objects.all():
        review(client, mark, "accept")
    page = standards_page(client, world.town_a)
    assert "数值指标 1/1 达标，清单项 3/3 通过" in page
    assert "<strong>达标</strong>" in page


def test_a_returned_item_goes_back_to_the_town_with_its_reason_and_the_old_mark_is_kept(
    client, world, standard, county_reviewer
):
    client.force_login(world.town_a_clerk)
    client.post(mark_url(world, standard, 0), {"photos": [jpeg()]})
    mark = ChecklistMark.objects.get()
    client.force_login(county_reviewer)
    refused = review(client, mark, "return").content.decode()
    assert "退回须填写理由" in refused
    mark.refresh_from_db()
    assert mark.status == MarkStatus.SUBMITTED
    review(client, mark, "return", "照片看不出路面改造，请补拍")

    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:checklist", args=[world.town_a.code, standard.pk])).content.decode()
    assert "退回理由：照片看不出路面改造，请补拍" in page
    client.post(mark_url(world, standard, 0), {"photos": [jpeg("补拍.jpg")]})
    marks = list(ChecklistMark.objects.order_by("marked_at", "id"))
    assert [m.status for m in marks] == [MarkStatus.RETURNED, MarkStatus.SUBMITTED]
    assert marks[0].reason == "照片看不出路面改造，请补拍" and marks[0].photos.count() == 1
    page = client.get(reverse("ledger:checklist", args=[world.town_a.code, standard.pk])).content.decode()
    assert page.count("照片看不出路面改造，请补拍") == 1  # in the history, no longer the current reason


def test_a_mark_without_the_evidence_the_item_needs_is_refused(client, world, standard):
    client.force_login(world.town_a_clerk)
    page = client.post(mark_url(world, standard, 1), {"document": pdf()}, follow=True).content.decode()
    assert "需要完成日期" in page
    page = client.post(mark_url(world, standard, 0), {"note": "已完成"}, follow=True).content.decode()
    assert "需要照片" in page
    assert not ChecklistMark.objects.exists()


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        ("document", lambda: pdf(extra=3000), "超过"),
        ("document", lambda: SimpleUploadedFile("说明.txt", b"plain text"), "类型不受支持"),
        ("document", lambda: SimpleUploadedFile("验收.docx", b"not a zip at all"), "不是Word文件"),
        ("document", lambda: SimpleUploadedFile("验收.pdf", b"MZ\x90\x00"), "不是有效的 PDF"),
        ("photos", lambda: SimpleUploadedFile("街道.jpg", b"not an image"), "不是图片"),
        ("photos", lambda: jpeg(size=(20, 20)), "超过"),
    ],
    ids=["too-large-document", "txt", "fake-docx", "fake-pdf", "not-a-photo", "too-large-photo"],
)
def test_a_bad_upload_is_refused_in_chinese_and_nothing_is_written(
    client, world, standard, settings, media_root, monkeypatch, field, upload, message
):
    settings.MAX_DOCUMENT_BYTES = 2000
    if field == "photos":
        monkeypatch.setattr("zhenwu.photos.MAX_PHOTO_BYTES", 200)
        data = {"photos": [upload()]}
        number = 0
    else:
        data = {"document": upload(), "done_on": "2025-05-20"}
        number = 1
    client.force_login(world.town_a_clerk)
    page = client.post(mark_url(world, standard, number), data, follow=True).content.decode()
    assert "未提交" in page and message in page
    assert not ChecklistMark.objects.exists()
    assert not any(path.is_file() for path in media_root.rglob("*"))


def test_a_done_date_after_today_is_refused(client, world, standard):
    client.force_login(world.town_a_clerk)
    page = client.post(
        mark_url(world, standard, 1), {"document": pdf(), "done_on": "2999-01-01"}, follow=True
    ).content.decode()
    assert "晚于今天" in page
    assert not ChecklistMark.objects.exists()


def test_only_the_county_above_reviews_and_only_the_town_marks_its_own(
    client, world, standard, county_reviewer
):
    client.force_login(world.town_a_clerk)
    client.post(mark_url(world, standard, 0), {"photos": [jpeg()]})
    mark = ChecklistMark.objects.get()
    assert review(client, mark, "accept").status_code == 403  # the clerk who marked it
    client.force_login(world.town_a_reviewer)
    assert review(client, mark, "accept").status_code == 403  # the town's own 审核员
    client.force_login(world.town_b_clerk)
    assert review(client, mark, "accept").status_code == 404
    assert client.post(mark_url(world, standard, 0), {"photos": [jpeg()]}).status_code == 404
    assert client.post(mark_url(world, standard, 0, world.town_b), {"photos": [jpeg()]}).status_code == 302
    mark.refresh_from_db()
    assert mark.status == MarkStatus.SUBMITTED
    client.force_login(county_reviewer)  # a 审核员 reviews but does not mark a town's items
    assert client.post(mark_url(world, standard, 2), {"photos": [jpeg()]}).status_code == 403


def test_the_issuing_admin_keeps_the_items_with_history(client, world):
    catalogue = make_checklist(world, items=[("一条美丽街道", True, False, False)])
    client.force_login(world.county_admin)
    code = world.county.code
    client.post(
        reverse("ledger:setup_item_add", args=[code, catalogue.pk]),
        {"text": "一个公共停车场", "needs_photos": "on", "needs_date": "on"},
    )
    first, second = catalogue.items.order_by("order")
    assert second.text == "一个公共停车场" and second.needs_date and not second.needs_document
    client.post(reverse("ledger:setup_item_move", args=[code, second.pk]), {"direction": "up"})
    assert [i.text for i in catalogue.items.order_by("order")] == ["一个公共停车场", "一条美丽街道"]
    client.post(
        reverse("ledger:setup_item_change", args=[code, first.pk]),
        {"text": "一条美丽街道（主干道）", "needs_document": "on"},
    )
    ChecklistMark.objects.create(item=second, area=world.town_a)
    client.post(reverse("ledger:setup_item_remove", args=[code, second.pk]))
    second.refresh_from_db()
    assert not second.is_active  # marked by a town: retired, its marks kept
    client.post(reverse("ledger:setup_item_remove", args=[code, first.pk]))
    assert not catalogue.items.filter(pk=first.pk).exists()
    page = client.get(reverse("ledger:setup_catalogue", args=[code, catalogue.pk])).content.decode()
    assert "清单项：一条美丽街道（主干道）" in page
    assert "佐证要求：文件" in page  # the change: photos no longer, a document instead
    changes = SettingChange.objects.filter(subject=f"catalogue:{catalogue.pk}")
    assert changes.count() == 5  # add, move, change, retire, remove


def test_an_empty_item_is_refused_in_chinese(client, world):
    catalogue = make_checklist(world)
    client.force_login(world.county_admin)
    page = client.post(
        reverse("ledger:setup_item_add", args=[world.county.code, catalogue.pk]), {"text": "  "}, follow=True
    ).content.decode()
    assert "清单项未加入" in page
    assert catalogue.items.count() == 1


def test_nobody_reviews_their_own_mark(client, world, standard):
    client.force_login(world.county_admin)  # a 管理员 may mark a town's item, but not pass it too
    client.post(mark_url(world, standard, 0), {"photos": [jpeg()]})
    mark = ChecklistMark.objects.get()
    assert "不能审核本人提交的标记" in review(client, mark, "accept").content.decode()
    mark.refresh_from_db()
    assert mark.status == MarkStatus.SUBMITTED
