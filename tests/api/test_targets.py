"""年度目标 over JSON: read with versions and shares; 下达 and 目标调整 by a 管理员 under the page's rules."""

from decimal import Decimal

import pytest

from tests.ledger.factories import all_indicators, make_target_part
from zhenwu.ledger.models import Target, TargetVersion

TARGETS = "/api/v1/ledger/targets"


@pytest.fixture
def year(world):
    all_indicators()
    return {"area": world.town_a.code, "year": 2025}


def test_a_county_admin_issues_a_target_and_a_clerk_reads_it(api_as, world, year):
    issued = api_as(world.county_admin).post(
        TARGETS, {"indicator": "GDTZ", "value": "12.5", "person": "陈明"}, **year
    )

    assert issued.status_code == 201, issued.content
    assert Decimal(issued.json()["amount"]) == Decimal("12.5") and issued.json()["person"] == "陈明"
    [row] = api_as(world.town_a_clerk).get(TARGETS, **year).json()["items"]
    assert (row["indicator"], row["name"], row["version"]) == ("GDTZ", "固定资产投资", 1)
    [version] = row["versions"]
    assert (Decimal(version["value"]), version["number"], version["created_by"]) == (
        Decimal("12.5"),
        1,
        "王建国",
    )


def test_the_list_shows_each_share_of_a_decomposed_target(api_as, world):
    part = make_target_part(world, world.town_a)
    [row] = api_as(world.town_a_clerk).get(TARGETS, area=world.town_a.code, year=2025).json()["items"]
    assert row["parts"] == [
        {"id": part.pk, "owner": "青山镇经发办", "value": "5.0000", "person": "", "version": part.version}
    ]


def test_a_clerk_may_not_issue_targets(api_as, world, year):
    refused = api_as(world.town_a_clerk).post(TARGETS, {"indicator": "GDTZ", "value": "12"}, **year)
    assert refused.status_code == 403 and "无权" in refused.json()["detail"]
    assert not Target.objects.exists()


def test_bad_input_is_422_per_field_in_chinese(api_as, world, year):
    admin = api_as(world.county_admin)
    wrong = admin.post(TARGETS, {"indicator": "NOPE", "value": "十二"}, **year)
    assert wrong.status_code == 422
    assert set(wrong.json()["errors"]) == {"indicator", "value"}
    assert "有效" in wrong.json()["errors"]["indicator"] and "数" in wrong.json()["errors"]["value"]
    negative = admin.post(TARGETS, {"indicator": "GDTZ", "value": "-3"}, **year)
    assert negative.status_code == 422 and negative.json()["detail"] == "“固定资产投资”的目标不能为负数"
    assert not Target.objects.exists()


def test_a_revision_needs_a_reason_and_keeps_the_old_version(api_as, world, year):
    admin = api_as(world.county_admin)
    target = admin.post(TARGETS, {"indicator": "GDTZ", "value": "12"}, **year).json()
    revise = f"{TARGETS}/{target['id']}/revise"

    without = admin.post(revise, {"value": "14", "effective_month": 7, "reason": ""})
    assert without.status_code == 422 and set(without.json()["errors"]) == {"reason"}

    revised = admin.post(
        revise, {"value": "14", "effective_month": 7, "reason": "县里调高任务", "version": 1}
    )
    assert revised.status_code == 200, revised.content
    assert [(v["number"], Decimal(v["value"]), v["effective_month"]) for v in revised.json()["versions"]] == [
        (1, Decimal(12), 1),
        (2, Decimal(14), 7),
    ]
    assert revised.json()["version"] == 2


def test_a_revision_from_an_outdated_read_is_409_naming_who_revised(api_as, world, year):
    admin = api_as(world.county_admin)
    target = admin.post(TARGETS, {"indicator": "GDTZ", "value": "12"}, **year).json()
    revise = f"{TARGETS}/{target['id']}/revise"
    admin.post(revise, {"value": "14", "effective_month": 7, "reason": "调高", "version": 1})

    stale = admin.post(revise, {"value": "15", "effective_month": 8, "reason": "再调", "version": 1})

    assert stale.status_code == 409
    assert "王建国" in stale.json()["detail"] and "您提交的 15 未保存" in stale.json()["detail"]
    assert stale.json()["stale"][0]["version"] == 2
    assert TargetVersion.objects.count() == 2
