"""Two 管理员 on the same 年度目标 page: a change made from an older page never silently undoes a newer one.

刘洋 (town A's 管理员) and 王建国 (the county's) both open 青山镇's 2025 targets; each posts the
form exactly as their browser would, hidden fields included.
"""

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import make_user
from tests.ledger import factories as f
from tests.pages import form_fields
from zhenwu.areas.models import Role
from zhenwu.ledger.models import ChangeKind, Target, TargetChange, TargetPart


@pytest.fixture
def town_admin(world):
    client = Client()
    client.force_login(make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="刘洋"))
    return client


@pytest.fixture
def county_admin(world):
    client = Client()
    client.force_login(world.county_admin)
    return client


@pytest.fixture
def target(world):
    return f.make_target(world, world.town_a, value="12")


@pytest.fixture
def part(world, target):
    return TargetPart.objects.create(
        target=target, village=world.village_a1, value=D(5), responsible_person="王书记"
    )


def targets_page(client, world):
    return client.get(reverse("ledger:targets", args=[world.town_a.code, 2025]))


def form_of(page, name, pk):
    return form_fields(page, reverse(f"ledger:{name}", args=[pk]))


def post(client, name, pk, data):
    return client.post(reverse(f"ledger:{name}", args=[pk]), data, follow=True)


def amounts(target):
    return list(target.versions.order_by("number").values_list("value", flat=True))


def test_a_revision_from_an_older_page_is_refused_naming_who_revised_and_kept(
    world, target, town_admin, county_admin
):
    seen_by_town, seen_by_county = targets_page(town_admin, world), targets_page(county_admin, world)
    town_form = form_of(seen_by_town, "revise", target.pk) | {
        "value": "10",
        "effective_month": "7",
        "reason": "项目延期",
    }
    post(town_admin, "revise", target.pk, town_form)

    county_form = form_of(seen_by_county, "revise", target.pk) | {
        "value": "15",
        "effective_month": "7",
        "reason": "加压",
    }
    page = post(county_admin, "revise", target.pk, county_form).content.decode()

    assert "青山镇2025年“固定资产投资”目标已被 刘洋 于" in page and "调整为 10（您提交的 15 未保存）" in page
    assert amounts(target) == [D(12), D(10)]
    kept = form_of(page, "revise", target.pk)
    assert (kept["value"], kept["reason"]) == ("15", "加压")
    post(county_admin, "revise", target.pk, kept)  # the second try, knowing of the 10
    assert amounts(target) == [D(12), D(10), D(15)]


def test_an_owner_change_from_an_older_page_is_refused_and_the_second_try_keeps_the_other_change(
    world, target, town_admin, county_admin
):
    seen_by_town, seen_by_county = targets_page(town_admin, world), targets_page(county_admin, world)
    unit = {"department": str(world.department_a.pk)}
    post(town_admin, "target_owner", target.pk, form_of(seen_by_town, "target_owner", target.pk) | unit)

    form = form_of(seen_by_county, "target_owner", target.pk) | {"person": "李四"}
    page = post(county_admin, "target_owner", target.pk, form).content.decode()

    assert "目标已被 刘洋 于" in page and "改为 党政综合办公室 / 陈明（您的更改未保存）" in page
    assert owner() == (world.department_a, "陈明")
    kept = form_of(page, "target_owner", target.pk)
    assert (kept["person"], kept["department"]) == ("李四", str(world.department_a.pk))
    post(county_admin, "target_owner", target.pk, kept)
    assert owner() == (world.department_a, "李四")


def owner():
    target = Target.objects.get()
    return target.department, target.responsible_person


def test_a_share_changed_from_an_older_page_is_refused(world, part, town_admin, county_admin):
    seen_by_town, seen_by_county = targets_page(town_admin, world), targets_page(county_admin, world)
    change = form_of(seen_by_town, "target_part_change", part.pk) | {"value": "7"}
    post(town_admin, "target_part_change", part.pk, change)

    stale = form_of(seen_by_county, "target_part_change", part.pk) | {"value": "9"}
    page = post(county_admin, "target_part_change", part.pk, stale).content.decode()

    assert "“固定资产投资”分解给东山村的目标已被 刘洋 于" in page
    assert "改为 东山村 7 亿元（王书记）（您提交的 9 未保存）" in page
    assert TargetPart.objects.get().value == D(7)


def test_a_share_removed_from_an_older_page_is_refused_when_it_changed_meanwhile(
    world, part, town_admin, county_admin
):
    seen_by_town, seen_by_county = targets_page(town_admin, world), targets_page(county_admin, world)
    change = form_of(seen_by_town, "target_part_change", part.pk) | {"value": "7"}
    post(town_admin, "target_part_change", part.pk, change)

    form = form_of(seen_by_county, "target_part_remove", part.pk) | {"reason": "不再分解"}
    page = post(county_admin, "target_part_remove", part.pk, form).content.decode()

    assert "改为 东山村 7 亿元（王书记）（您的删除未执行）" in page
    assert TargetPart.objects.get().value == D(7)
    assert not TargetChange.objects.filter(kind=ChangeKind.PART_REMOVED).exists()


def download_sheet(client, world):
    response = client.get(reverse("ledger:target_sheet", args=[world.county.code, 2025]))
    return load_workbook(io.BytesIO(response.content))


def upload_sheet(client, world, workbook, reason="县政府常务会议调整"):
    buffer = io.BytesIO()
    workbook.save(buffer)
    file = SimpleUploadedFile("分解表.xlsx", buffer.getvalue())
    url = reverse("ledger:target_sheet_upload", args=[world.county.code, 2025])
    return client.post(url, {"file": file, "effective_month": 7, "reason": reason}, follow=True)


def cell_of(sheet, area, code="GDTZ"):
    row = next(r for r in range(6, sheet.max_row + 1) if sheet.cell(r, 1).value == area.code)
    column = next(c for c in range(3, sheet.max_column + 1) if sheet.cell(4, c).value == code)
    return sheet.cell(row, column)


def test_a_sheet_does_not_overwrite_a_target_revised_after_its_download(
    world, target, town_admin, county_admin
):
    workbook = download_sheet(county_admin, world)
    form = form_of(targets_page(town_admin, world), "revise", target.pk)
    post(
        town_admin, "revise", target.pk, form | {"value": "10", "effective_month": "7", "reason": "项目延期"}
    )
    sheet = workbook["目标任务分解"]
    cell_of(sheet, world.town_a).value = 15
    cell_of(sheet, world.town_b).value = 8

    page = upload_sheet(county_admin, world, workbook).content.decode()

    assert "青山镇2025年“固定资产投资”目标已被 刘洋 于" in page and "调整为 10（您提交的 15 未保存）" in page
    assert amounts(target) == [D(12), D(10)]
    assert Target.objects.count() == 1  # 白沙镇's 8 is not issued either: the sheet is all or nothing


def test_a_target_left_as_downloaded_is_not_revised_back(world, target, town_admin, county_admin):
    workbook = download_sheet(county_admin, world)
    form = form_of(targets_page(town_admin, world), "revise", target.pk)
    post(
        town_admin, "revise", target.pk, form | {"value": "10", "effective_month": "7", "reason": "项目延期"}
    )
    sheet = workbook["目标任务分解"]
    assert cell_of(sheet, world.town_a).value == 12
    cell_of(sheet, world.town_b).value = 8

    page = upload_sheet(county_admin, world, workbook).content.decode()

    assert "新下达 1 项，调整 0 项" in page
    assert (
        "青山镇固定资产投资：下载分解表后已被 刘洋 于" in page and "调整为 10，表中的原数 12 未导入" in page
    )
    assert amounts(target) == [D(12), D(10)]
