"""The 报表 over JSON: read a town's month, change one figure, read it back — under the page's rules."""

from decimal import Decimal

import pytest

from tests.ledger.factories import all_indicators, make_target, make_value
from zhenwu.ledger.models import ReportedValue, ValueHistory, ValueStatus

VALUES = "/api/v1/ledger/values"


@pytest.fixture
def month(world):
    all_indicators()
    make_target(world, world.town_a)
    return {"area": world.town_a.code, "period": "2025-06"}


def test_it_lists_the_indicators_with_what_to_type(api_as, world, month):
    response = api_as(world.town_a_clerk).get("/api/v1/ledger/indicators", area=world.town_a.code, year=2025)
    assert response.status_code == 200
    rows = {row["code"]: row for row in response.json()["items"]}
    assert rows["GDTZ"] == {
        "code": "GDTZ",
        "name": "固定资产投资",
        "unit": "亿元",
        "kind": "cumulative",
        "entry": "cumulative",
    }
    assert rows["SGQS"]["entry"] == "month" and rows["LHFG"]["entry"] == "level"
    assert response.json()["count"] == 5


def test_a_clerk_changes_one_figure_and_reads_it_back(api_as, world, month):
    clerk = api_as(world.town_a_clerk)
    make_value(world, world.town_a, code="GDTZ", value="6.02")
    before = clerk.get(VALUES, **month).json()
    assert before["area"] == world.town_a.code and before["period"] == "2025-06"
    [figure] = before["values"]
    assert (figure["indicator"], Decimal(figure["value"]), figure["status"]) == (
        "GDTZ",
        Decimal("6.02"),
        "draft",
    )

    saved = clerk.put(
        VALUES,
        {"values": {"GDTZ": "6.5", "GYCZ": "１２.3"}, "versions": {"GDTZ": figure["version"]}},
        **month,
    )

    assert saved.status_code == 200, saved.content
    assert saved.json()["detail"] == "已保存 2 项，未变 0 项。"
    after = {row["indicator"]: row for row in clerk.get(VALUES, **month).json()["values"]}
    assert Decimal(after["GDTZ"]["value"]) == Decimal("6.5") and Decimal(after["GYCZ"]["value"]) == Decimal(
        "12.3"
    )
    assert after["GDTZ"]["updated_by"] == "李娟"
    assert after["GDTZ"]["version"] == saved.json()["versions"]["GDTZ"] == figure["version"] + 1
    record = ValueHistory.objects.filter(indicator__code="GDTZ").latest("at")
    assert (record.old_value, record.new_value, record.user) == (
        Decimal("6.02"),
        Decimal("6.5"),
        world.town_a_clerk,
    )


def test_a_figure_changed_since_it_was_read_is_refused_with_409_naming_who(api_as, world, month):
    clerk = api_as(world.town_a_clerk)
    assert clerk.get(VALUES, **month).json()["values"] == []  # nothing yet: version 0
    assert clerk.put(VALUES, {"values": {"GDTZ": "6.02"}}, **month).status_code == 200
    admin = api_as(world.county_admin)
    assert admin.put(VALUES, {"values": {"GDTZ": "7"}, "versions": {"GDTZ": 1}}, **month).status_code == 200

    stale = clerk.put(VALUES, {"values": {"GDTZ": "8"}, "versions": {"GDTZ": 1}}, **month)

    assert stale.status_code == 409
    assert "王建国" in stale.json()["detail"] and "您提交的 8 未保存" in stale.json()["detail"]
    assert ReportedValue.objects.get(indicator__code="GDTZ").value == Decimal(7)


def test_bad_figures_are_422_with_a_chinese_message_per_field_and_nothing_saved(api_as, world, month):
    response = api_as(world.town_a_clerk).put(
        VALUES, {"values": {"GDTZ": "约5亿", "GYCZ": "-3", "NOPE": "1", "LRZZ": "-3"}}, **month
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "values.GDTZ": "固定资产投资：请填写确数，不要带“约”",
        "values.GYCZ": "规上工业产值：不能为负数",
        "values.NOPE": "2025年6月不填报指标 NOPE",
    }
    assert not ReportedValue.objects.exists()


def test_a_malformed_query_or_body_is_422_in_chinese(api_as, world, month):
    clerk = api_as(world.town_a_clerk)
    assert clerk.get(VALUES, area=world.town_a.code, period="2025-13").json()["errors"] == {
        "period": "报告期无效：月份应在 1 到 12 之间，收到 13（应写作 2025-06）"
    }
    missing = clerk.get(VALUES, area=world.town_a.code)
    assert missing.status_code == 422 and missing.json()["errors"] == {"period": "必填"}
    wrong = clerk.put(VALUES, {"values": {"GDTZ": "1"}, "versions": {"GDTZ": "x"}}, **month)
    assert wrong.status_code == 422 and wrong.json()["errors"] == {"versions.GDTZ": "应为整数"}


def test_an_approved_month_is_locked_422(api_as, world, month):
    make_value(world, world.town_a, value="6.02", status=ValueStatus.APPROVED)
    response = api_as(world.town_a_clerk).put(VALUES, {"values": {"GDTZ": "7"}}, **month)
    assert response.status_code == 422
    assert "已审核锁定" in response.json()["detail"]
    assert ReportedValue.objects.get().value == Decimal("6.02")


def test_submit_approve_and_unlock_as_the_page_does(api_as, world, month):
    clerk, reviewer, admin = (
        api_as(world.town_a_clerk),
        api_as(world.town_a_reviewer),
        api_as(world.county_admin),
    )
    clerk.put(VALUES, {"values": {"GDTZ": "6.02"}}, **month)
    assert clerk.post("/api/v1/ledger/submit", **month).json() == {"detail": "已处理 1 项数据。", "count": 1}
    assert reviewer.post("/api/v1/ledger/approve", **month).json()["count"] == 1
    assert ReportedValue.objects.get().status == ValueStatus.APPROVED
    refused = admin.post("/api/v1/ledger/unlock", {"reason": " "}, **month)
    assert refused.status_code == 422 and refused.json()["detail"] == "解锁必须填写原因"
    assert admin.post("/api/v1/ledger/unlock", {"reason": "更正统计口径"}, **month).status_code == 200
    assert ReportedValue.objects.get().status == ValueStatus.DRAFT


def test_a_county_reads_its_towns_month_and_progress_in_one_request(api_as, world, month):
    make_value(world, world.town_a, value="6.02")
    make_value(world, world.town_b, value="3")
    admin = api_as(world.county_admin)
    county = {"area": world.county.code, "period": "2025-06"}
    answer = admin.get(VALUES, children="true", **county).json()
    towns = {child["name"]: child["values"] for child in answer["children"]}
    assert [Decimal(v["value"]) for v in towns["青山镇"]] == [Decimal("6.02")]
    assert [Decimal(v["value"]) for v in towns["白沙镇"]] == [Decimal(3)]
    progress = admin.get("/api/v1/ledger/progress", **county).json()
    assert progress["towns"] == {"reported": 0, "total": 2}  # both still 填报中
    town = {row["code"]: row for row in admin.get("/api/v1/ledger/progress", **month).json()["indicators"]}
    assert Decimal(town["GDTZ"]["completion"]).quantize(Decimal("0.1")) == Decimal("50.2")
    assert Decimal(town["GDTZ"]["schedule"]) == Decimal(50) and town["GDTZ"]["status"] == "正常"


def test_a_browser_session_needs_the_csrf_token_to_change_figures(client, world, month):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.town_a_clerk)
    body = '{"values": {"GDTZ": "6.02"}}'
    url = f"{VALUES}?area={world.town_a.code}&period=2025-06"
    assert browser.get(url).status_code == 200
    assert browser.put(url, body, content_type="application/json").status_code == 403
    assert not ReportedValue.objects.exists()
    token = browser.cookies["csrftoken"].value if "csrftoken" in browser.cookies else None
    if token is None:
        browser.get("/accounts/tokens/")
        token = browser.cookies["csrftoken"].value
    saved = browser.put(url, body, content_type="application/json", headers={"X-CSRFToken": token})
    assert saved.status_code == 200


def test_a_figure_a_hundred_times_last_years_is_422_until_confirmed_with_a_reason(api_as, world, month):
    clerk = api_as(world.town_a_clerk)
    make_value(world, world.town_a, code="GDTZ", value="6.02", year=2024)

    held = clerk.put(VALUES, {"values": {"GDTZ": "602"}}, **month)

    assert held.status_code == 422, held.content
    [check] = held.json()["checks"]
    assert check["indicator"] == "GDTZ" and check["message"]
    assert not ReportedValue.objects.filter(indicator__code="GDTZ", year=2025).exists()
    without_reason = clerk.put(VALUES, {"values": {"GDTZ": "602"}, "confirm": True}, **month)
    assert without_reason.status_code == 422
    confirmed = clerk.put(
        VALUES, {"values": {"GDTZ": "602"}, "confirm": True, "reason": "新增大项目"}, **month
    )
    assert confirmed.status_code == 200, confirmed.content
    assert ReportedValue.objects.get(indicator__code="GDTZ", year=2025).value == Decimal(602)


def test_a_month_not_yet_over_is_422(api_as, world):
    all_indicators()
    refused = api_as(world.town_a_clerk).put(
        VALUES, {"values": {"GDTZ": "6"}}, area=world.town_a.code, period="2099-12"
    )
    assert refused.status_code == 422
    assert not ReportedValue.objects.exists()


def test_a_county_month_answer_holds_to_its_schema(api_as, world, month):
    """The county read skips ninja's response validation for speed: the answer must still be a ``MonthOut``."""
    from zhenwu.api.ledger import MonthOut

    make_value(world, world.town_a, value="6.02")
    make_value(world, world.county, code="GYCZ", value="40")
    response = api_as(world.county_admin).get(
        VALUES, children="true", area=world.county.code, period="2025-06"
    )
    assert response["Content-Type"] == "application/json; charset=utf-8"
    answer = response.json()
    assert MonthOut.model_validate(answer).model_dump(mode="json", exclude_none=True).keys() == answer.keys()
    [own] = answer["values"]
    assert set(own) == set(MonthOut.model_fields["values"].annotation.__args__[0].model_fields)
    assert own["updated_at"] is None or own["updated_at"].endswith("Z")
    assert [child["name"] for child in answer["children"]] == ["青山镇", "白沙镇"]
