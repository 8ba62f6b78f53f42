"""The 年度目标 page (issue, assign, revise, decompose, 变更记录) and the 考核指标 page."""

import re
from decimal import Decimal as D

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import make_user
from tests.ledger import factories as f
from zhenwu.areas.models import Department, Role
from zhenwu.ledger.models import (
    Catalogue,
    CatalogueEntry,
    ChangeKind,
    Target,
    TargetChange,
    TargetPart,
    TargetVersion,
)


@pytest.fixture
def town_a_admin(world):
    return make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="刘洋")


def page_of(client, area, year=2025) -> str:
    return client.get(reverse("ledger:targets", args=[area.code, year])).content.decode()


def post(client, name, args, data) -> str:
    """POST as a form does, follow the redirect back to the page, and return the page."""
    response = client.post(reverse(f"ledger:{name}", args=args), data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def make_part(world, target, *, value="5", person="王书记"):
    return TargetPart.objects.create(
        target=target, village=world.village_a1, value=D(value), responsible_person=person
    )


# --- 下达目标 ----------------------------------------------------------------------------------------


def test_a_town_admin_issues_a_target_with_its_responsible_unit_and_person(client, world, town_a_admin):
    f.indicator("GDTZ")
    client.force_login(town_a_admin)
    page = post(
        client,
        "target_new",
        [world.town_a.code, 2025],
        {
            "indicator": f.indicator().pk,
            "value": "12.5",
            "department": world.department_a.pk,
            "person": "陈明",
        },
    )
    target = Target.objects.get(area=world.town_a, year=2025)
    assert (target.department, target.responsible_person) == (world.department_a, "陈明")
    assert list(target.versions.values_list("number", "value")) == [(1, D("12.5"))]
    assert "已下达2025年目标" in page and "党政综合办公室 / 陈明" in page


def test_an_indicator_that_already_has_a_target_cannot_be_issued_again(client, world, town_a_admin):
    f.make_target(world, world.town_a, value="12")
    client.force_login(town_a_admin)
    page = post(
        client, "target_new", [world.town_a.code, 2025], {"indicator": f.indicator().pk, "value": "20"}
    )
    assert "目标未下达：指标：" in page
    assert list(TargetVersion.objects.values_list("value", flat=True)) == [D(12)]


def test_bad_input_is_named_by_its_field_and_nothing_is_issued(client, world, town_a_admin):
    client.force_login(town_a_admin)
    page = post(
        client,
        "target_new",
        [world.town_a.code, 2025],
        {"indicator": f.indicator().pk, "value": "约5亿", "department": world.department_b.pk},
    )
    assert "目标未下达：" in page and "全年目标：" in page and "责任单位：" in page
    assert not Target.objects.exists()


def test_a_target_below_zero_is_refused_for_an_indicator_that_cannot_be_negative(client, world, town_a_admin):
    client.force_login(town_a_admin)
    page = post(
        client, "target_new", [world.town_a.code, 2025], {"indicator": f.indicator().pk, "value": "-3"}
    )
    assert "“固定资产投资”的目标不能为负数" in page
    assert not Target.objects.exists()


# --- 责任单位 / 责任人 -------------------------------------------------------------------------------------


def test_changing_the_owner_keeps_the_old_names_in_the_change_record(client, world, town_a_admin):
    target = f.make_target(world, world.town_a)  # 责任人 陈明, no unit
    client.force_login(town_a_admin)
    page = post(
        client,
        "target_owner",
        [target.pk],
        {"department": world.department_a.pk, "person": "王芳", "reason": "人事调整"},
    )
    target.refresh_from_db()
    assert (target.department, target.responsible_person) == (world.department_a, "王芳")
    change = TargetChange.objects.get(target=target)
    assert (change.kind, change.old_text, change.new_text, change.user) == (
        ChangeKind.OWNER,
        "未指定责任单位 / 陈明",
        "党政综合办公室 / 王芳",
        town_a_admin,
    )
    assert "刘洋 责任单位/责任人：未指定责任单位 / 陈明 → 党政综合办公室 / 王芳（人事调整）" in page


def test_the_owner_must_be_a_department_of_the_targets_own_town(client, world):
    target = f.make_target(world, world.town_a)
    client.force_login(world.county_admin)
    page = post(client, "target_owner", [target.pk], {"department": world.department_b.pk, "person": "张伟"})
    assert "责任单位/责任人未更改：责任单位：" in page
    target.refresh_from_db()
    assert target.department is None and target.responsible_person == "陈明"
    assert not TargetChange.objects.exists()


# --- 目标分解 ----------------------------------------------------------------------------------------------


def test_a_target_is_decomposed_to_a_department_and_a_village_with_the_warning_in_view(
    client, world, town_a_admin
):
    target = f.make_target(world, world.town_a, value="12")
    client.force_login(town_a_admin)
    post(client, "target_part_add", [target.pk], {"owner": f"d{world.department_a.pk}", "value": "4"})
    page = post(
        client,
        "target_part_add",
        [target.pk],
        {"owner": f"v{world.village_a1.pk}", "value": "5", "person": "王书记"},
    )
    assert sorted(target.parts.values_list("value", flat=True)) == [D(4), D(5)]
    assert "东山村 5.00（王书记）" in page and "比目标 12 少 3" in page
    assert list(TargetChange.objects.filter(target=target).values_list("kind", "new_text")) == [
        (ChangeKind.PART_ADDED, "党政综合办公室 4 亿元"),
        (ChangeKind.PART_ADDED, "东山村 5 亿元（王书记）"),
    ]


def test_a_share_cannot_go_to_another_towns_village_or_twice_to_the_same_owner(client, world, town_a_admin):
    target = f.make_target(world, world.town_a)
    make_part(world, target)
    client.force_login(town_a_admin)
    page = post(client, "target_part_add", [target.pk], {"owner": f"v{world.village_b1.pk}", "value": "5"})
    assert "目标分解未保存：分解给：" in page
    page = post(client, "target_part_add", [target.pk], {"owner": f"v{world.village_a1.pk}", "value": "2"})
    assert "“东山村”已有分解目标，请修改原有一项" in page
    assert target.parts.count() == 1


def test_changing_a_share_keeps_its_old_amount_in_the_record(client, world, town_a_admin):
    target = f.make_target(world, world.town_a, value="12")
    part = make_part(world, target, value="5")
    client.force_login(town_a_admin)
    page = post(
        client, "target_part_change", [part.pk], {"value": "7", "person": "王书记", "reason": "村里新增项目"}
    )
    part.refresh_from_db()
    assert part.value == D(7)
    change = TargetChange.objects.get(target=target)
    assert (change.kind, change.old_value, change.new_value) == (ChangeKind.PART_CHANGED, D(5), D(7))
    assert "东山村 5 亿元（王书记） → 东山村 7 亿元（王书记）（村里新增项目）" in page
    assert "比目标 12 少 5" in page


def test_removing_a_share_leaves_its_old_amount_in_the_record(client, world, town_a_admin):
    target = f.make_target(world, world.town_a, value="12")
    part = make_part(world, target, value="5")
    client.force_login(town_a_admin)
    page = post(client, "target_part_remove", [part.pk], {"reason": "改由镇经发办承担"})
    assert not TargetPart.objects.filter(pk=part.pk).exists()
    change = TargetChange.objects.get(target=target)
    assert (change.kind, change.old_value, change.old_text, change.user) == (
        ChangeKind.PART_REMOVED,
        D(5),
        "东山村 5 亿元（王书记）",
        town_a_admin,
    )
    assert "删除分解：删除：东山村 5 亿元（王书记）（改由镇经发办承担）" in page
    assert "未分解" in page


def test_a_revision_still_works_from_the_page_and_keeps_the_first_version(client, world, town_a_admin):
    target = f.make_target(world, world.town_a, value="12")
    client.force_login(town_a_admin)
    page = post(client, "revise", [target.pk], {"value": "10", "effective_month": 7, "reason": "项目延期"})
    assert list(target.versions.values_list("number", "value")) == [(1, D(12)), (2, D(10))]
    assert "第2版 7月起 10.00：项目延期" in page


# --- who may do what --------------------------------------------------------------------------------------


def test_a_town_clerk_reads_the_page_without_forms_and_every_change_is_forbidden(client, world):
    target = f.make_target(world, world.town_a, value="12")
    part = make_part(world, target)
    TargetChange.objects.create(target=target, kind=ChangeKind.OWNER, old_text="陈明", new_text="王芳")
    client.force_login(world.town_a_clerk)
    page = page_of(client, world.town_a)
    assert "东山村 5.00（王书记）" in page and "陈明 → 王芳" in page
    assert 'method="post"' not in page.split("<main>")[1]
    for words in ("下达目标", "更改责任单位", "新增分解", "调整目标", "删除此项", "目标任务分解表"):
        assert words not in page

    posts = [
        ("target_new", [world.town_a.code, 2025], {"indicator": f.indicator("GYCZ").pk, "value": "3"}),
        ("target_owner", [target.pk], {"person": "李娟"}),
        ("revise", [target.pk], {"value": "1", "effective_month": 7, "reason": "想改"}),
        ("target_part_add", [target.pk], {"owner": f"d{world.department_a.pk}", "value": "1"}),
        ("target_part_change", [part.pk], {"value": "1"}),
        ("target_part_remove", [part.pk], {}),
        ("target_sheet_upload", [world.town_a.code, 2025], {"effective_month": 1}),
    ]
    for name, args, data in posts:
        assert client.post(reverse(f"ledger:{name}", args=args), data).status_code == 403, name
    assert Target.objects.count() == 1 and TargetPart.objects.get() == part
    assert TargetVersion.objects.count() == 1 and TargetChange.objects.count() == 1


def test_the_outsider_gets_404_for_the_other_towns_targets(client, world):
    target = f.make_target(world, world.town_a)
    part = make_part(world, target)
    client.force_login(world.town_b_clerk)
    assert client.get(reverse("ledger:targets", args=[world.town_a.code, 2025])).status_code == 404
    assert client.get(reverse("ledger:catalogue", args=[world.town_a.code, 2025])).status_code == 404
    assert (
        client.post(reverse("ledger:target_owner", args=[target.pk]), {"person": "张伟"}).status_code == 404
    )
    assert client.post(reverse("ledger:target_part_remove", args=[part.pk])).status_code == 404
    assert TargetPart.objects.filter(pk=part.pk).exists()


def test_a_town_admin_cannot_touch_the_other_towns_targets(client, world, town_a_admin):
    target = f.make_target(world, world.town_b)
    client.force_login(town_a_admin)
    url = reverse("ledger:target_new", args=[world.town_b.code, 2025])
    assert client.post(url, {"indicator": f.indicator("GYCZ").pk, "value": "3"}).status_code == 404
    assert (
        client.post(reverse("ledger:target_owner", args=[target.pk]), {"person": "刘洋"}).status_code == 404
    )


def test_the_county_admin_gets_the_decomposition_sheet_and_a_town_admin_does_not(client, world, town_a_admin):
    client.force_login(world.county_admin)
    assert "目标任务分解表（下辖单位 × 指标）" in page_of(client, world.county)
    client.force_login(town_a_admin)
    page = page_of(client, world.town_a)
    assert "下达目标" in page and "目标任务分解表" not in page


def test_the_county_sees_what_it_issued_to_each_town_as_in_force_with_totals(client, world):
    f.make_target(world, world.town_a, value="12")
    revised = f.make_target(world, world.town_b, value="8")
    TargetVersion.objects.create(target=revised, number=2, value=D(9), effective_month=7, reason="新增项目")
    f.make_target(world, world.town_a, code="LHFG", value="40.5")  # a rate: towns' targets do not add up
    client.force_login(world.county_admin)
    page = page_of(client, world.county)
    issued = page.split('id="issued"')[1].split("</section>")[0]
    rows = {
        row.split("</th>")[0].split("<th>")[-1].split(" <span")[0]: row for row in issued.split("<tr>")[2:]
    }
    cells = lambda name: re.findall(r'<td class="num">(?:<strong>)?([^<]*)<', rows[name])  # noqa: E731
    assert cells("固定资产投资") == ["12.00", "9.00", "21.00", "—"]  # 青山镇, 白沙镇 (第2版), 合计, 县目标
    assert cells("绿化覆盖率") == ["40.5", "—", "—", "—"]
    assert "规上工业产值" not in issued  # no town has a target for it
    assert reverse("ledger:targets", args=[world.town_b.code, 2025]) in issued
    assert "青溪县本级2025年没有目标" in page

    f.make_target(world, world.county, value="25")  # the county's own: its towns' targets fall short
    page = page_of(client, world.county)
    assert "下辖单位合计 21，比目标 25 少 4" in page.split('id="issued"')[1].split("</section>")[0]


def test_the_department_choices_are_the_towns_own(client, world, town_a_admin):
    Department.objects.create(area=world.town_b, name="白沙镇经发办")
    f.make_target(world, world.town_a)
    client.force_login(town_a_admin)
    page = page_of(client, world.town_a)
    assert "党政综合办公室" in page and "西岙村" in page
    assert "白沙镇" not in page and "南塘村" not in page


# --- 考核指标 ---------------------------------------------------------------------------------------------


@pytest.fixture
def assessment(world):
    catalogue = Catalogue.objects.create(
        name="青溪县2025年度乡镇目标考核指标", kind="assessment", issued_by=world.county, year=2025
    )
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=f.indicator("GDTZ"), weight=D(20))
    CatalogueEntry.objects.create(catalogue=catalogue, indicator=f.indicator("SGQS"), weight=D("7.5"))
    return catalogue


def test_the_county_sees_its_catalogue_with_weights_targets_and_towns_covered(client, world, assessment):
    county_target = f.make_target(world, world.county, value="30")
    county_target.department = Department.objects.create(area=world.county, name="县发改局")
    county_target.save()
    f.make_target(world, world.town_a, value="12")
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:catalogue", args=[world.county.code, 2025])).content.decode()
    assert "青溪县2025年度乡镇目标考核指标" in page and "权重合计 27.5 分" in page
    assert "经济发展" in page and "越高越好" in page and "越低越好" in page
    assert "30.00" in page and "县发改局 / 陈明" in page and "未下达" in page
    assert "1/2" in page and "0/2" in page
    assert reverse("ledger:standards", args=[world.county.code]) in page
    assert reverse("ledger:targets", args=[world.county.code, 2025]) in page


def test_a_town_sees_the_countys_catalogue_with_its_own_targets_only(client, world, assessment):
    f.make_target(world, world.town_a, value="12")
    f.make_target(world, world.town_b, value="99")
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:catalogue", args=[world.town_a.code, 2025])).content.decode()
    assert "青溪县2025年度乡镇目标考核指标" in page and "12.00" in page
    assert "99.00" not in page and "白沙镇" not in page and "已下达目标的下辖单位" not in page


def test_a_catalogue_of_another_year_does_not_apply(client, world, assessment):
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:catalogue", args=[world.county.code, 2026])).content.decode()
    assert "青溪县2025年度乡镇目标考核指标" not in page and "还没有适用于青溪县的年度目标考核指标" in page


@time_machine.travel("2025-07-20 10:00 +0800", tick=False)  # the month being reported is June 2025
def test_the_ledger_links_to_the_catalogue(client, world):
    f.make_value(world, world.town_a)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("ledger:index")).content.decode()
    assert reverse("ledger:catalogue", args=[world.town_a.code, 2025]) in page
