"""Figures held back until confirmed, impossible ones refused, figures typed with their magnitude, months not
yet over, and the 校验规则 — through the 报表 grid, the save function and the 审核 they gate."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.ledger import factories as f
from zhenwu.ledger import services
from zhenwu.ledger.models import Indicator, Kind, ReportedValue, ValidationRule, ValueHistory, ValueStatus


def url(world, name="ledger:entry", area=None, year=2025, month=6, **extra):
    return reverse(name, kwargs={"code": (area or world.town_a).code, "year": year, "month": month, **extra})


def retail():
    return Indicator.objects.create(code="SXLS", name="社会消费品零售总额", unit="亿元", kind=Kind.CUMULATIVE)


def test_a_figure_115_times_last_year_is_not_saved_until_confirmed_with_a_reason(client, world):
    sxls = retail()
    ReportedValue.objects.create(indicator=sxls, area=world.town_a, year=2024, month=6, value=D("13.72"))
    client.force_login(world.town_a_clerk)
    page = client.post(url(world), {f"v-{sxls.pk}": "1583"}).content.decode()
    assert "已保存" not in page and "均未保存" in page
    assert "是上年同期（13.72）的 115.4 倍" in page and 'value="1583"' in page and "确认无误" in page
    assert not ReportedValue.objects.filter(year=2025).exists()
    page = client.post(url(world), {f"v-{sxls.pk}": "1583", "confirm": "1"}).content.decode()
    assert "须填写原因" in page and not ReportedValue.objects.filter(year=2025).exists()
    reason = "新开两家大型商超，已与统计站核对"
    response = client.post(url(world), {f"v-{sxls.pk}": "1583", "confirm": "1", "confirm_reason": reason})
    assert response.status_code == 302
    assert ReportedValue.objects.get(year=2025).value == D("1583")
    record = ValueHistory.objects.get(year=2025)
    assert "115.4 倍" in record.confirmed and record.reason == reason
    client.force_login(world.town_a_reviewer)  # the 审核员 sees what was confirmed and why
    page = client.get(url(world)).content.decode()
    assert "经填报员确认" in page and "115.4 倍" in page and reason in page


def test_the_save_function_returns_the_checks_and_saves_nothing_without_confirmation(world):
    sxls, gdtz = retail(), f.indicator()
    ReportedValue.objects.create(indicator=sxls, area=world.town_a, year=2025, month=5, value=D("12.9"))
    figures = {sxls: D("1583"), gdtz: D("6.02")}
    result = services.enter_values(world.town_a_clerk, world.town_a, 2025, 6, figures)
    assert not result.saved and [check.as_dict()["code"] for check in result.checks] == ["vs_previous"]
    assert result.checks[0].as_dict()["indicator"] == "SXLS"
    assert not ReportedValue.objects.filter(month=6).exists()  # not even the plausible 固投
    result = services.enter_values(
        world.town_a_clerk, world.town_a, 2025, 6, figures, confirm=True, reason="核实无误"
    )
    assert result.saved and result.changed == 2


def test_a_percentage_over_its_maximum_and_a_fraction_of_a_firm_are_refused_even_when_confirmed(
    client, world
):
    rate = Indicator.objects.create(code="CZHL", name="城镇化率", unit="%", kind=Kind.LEVEL, maximum=D("100"))
    firms = Indicator.objects.create(code="XZGS", name="新增规上企业", unit="家", decimals=0)
    client.force_login(world.town_a_clerk)
    data = {f"v-{rate.pk}": "600", f"v-{firms.pk}": "4.5", "confirm": "1", "confirm_reason": "确认"}
    page = client.post(url(world), data).content.decode()
    assert "不能超过 100%" in page and "单位为“家”，须为整数" in page
    assert not ReportedValue.objects.exists()
    result = services.enter_values(
        world.town_a_clerk, world.town_a, 2025, 6, {rate: D("600")}, confirm=True, reason="确认"
    )
    assert not result.saved and result.refused[0].message == "600%不能超过 100%"


@pytest.mark.parametrize("typed", ["9.84亿", "9.84亿元", "98400万", "９.８４", "984,000,000元"])
def test_a_figure_typed_with_its_magnitude_is_converted_to_the_cells_unit(client, world, typed):
    gdtz = f.indicator()
    client.force_login(world.town_a_clerk)
    check = client.post(
        url(world, "ledger:check", indicator=gdtz.pk), {f"v-{gdtz.pk}": typed}
    ).content.decode()
    assert "不是数字" not in check
    assert client.post(url(world), {f"v-{gdtz.pk}": typed}).status_code == 302
    assert ReportedValue.objects.get().value == D("9.84")
    assert 'value="9.84"' in client.get(url(world)).content.decode()


def test_the_cell_check_says_how_a_magnitude_was_read(client, world):
    gdtz = f.indicator()
    client.force_login(world.town_a_clerk)
    check = client.post(url(world, "ledger:check", indicator=gdtz.pk), {f"v-{gdtz.pk}": "98400万"})
    assert "98400万 按 9.84 亿元计" in check.content.decode()


def test_a_month_not_yet_over_takes_no_figures(client, world):
    gdtz = f.indicator()
    client.force_login(world.town_a_clerk)
    page = client.post(url(world, year=2099, month=12), {f"v-{gdtz.pk}": "6"}).content.decode()
    assert "2099年12月尚未结束，不能填报" in page
    with pytest.raises(services.LedgerError, match="尚未结束"):
        services.enter_values(world.town_a_clerk, world.town_a, 2099, 12, {gdtz: D("6")})
    assert not ReportedValue.objects.exists()


def rules(world):
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    ValidationRule.objects.create(
        area=world.county, left=gdtz, kind="not_above", right=gycz, severity="error"
    )
    ValidationRule.objects.create(
        area=world.county, left=gycz, kind="yoy_within", limit=50, severity="warning"
    )
    return gdtz, gycz


def test_an_error_rule_is_listed_for_the_reviewer_and_blocks_approval_until_fixed(client, world):
    gdtz, gycz = rules(world)
    ReportedValue.objects.create(indicator=gycz, area=world.town_a, year=2024, month=6, value=D("2"))
    for indicator, value in ((gdtz, "30"), (gycz, "20")):
        f.make_value(world, world.town_a, code=indicator.code, value=value, status=ValueStatus.SUBMITTED)
    client.force_login(world.town_a_reviewer)
    page = client.get(url(world)).content.decode()
    assert "本期 2 条校验未通过" in page and "固定资产投资 30亿元大于规上工业产值 20亿元" in page
    assert "同比增长 900%，超出 ±50%" in page
    page = client.post(url(world, "ledger:approve"), follow=True).content.decode()
    assert "本期 1 条校验未通过，改正后才能审核通过" in page
    assert not ReportedValue.objects.filter(status=ValueStatus.APPROVED).exists()
    ReportedValue.objects.filter(indicator=gdtz).update(value=D("15"))  # fixed (the warning stays)
    client.post(url(world, "ledger:approve"))
    assert ReportedValue.objects.filter(status=ValueStatus.APPROVED).count() == 2


def test_the_county_page_names_each_towns_broken_rules(client, world):
    rules(world)
    f.make_value(world, world.town_a, code="GDTZ", value="30")
    f.make_value(world, world.town_a, code="GYCZ", value="20")
    client.force_login(world.county_admin)
    page = client.get(reverse("ledger:county", kwargs={"code": world.county.code}) + "?period=2025-06")
    assert "青山镇</strong> 本期 1 条校验未通过" in page.content.decode()


def test_a_rule_comparing_indicators_of_different_units_is_refused(world):
    from django.core.exceptions import ValidationError

    rule = ValidationRule(
        area=world.county, left=f.indicator("GDTZ"), kind="not_above", right=f.indicator("LHFG")
    )
    with pytest.raises(ValidationError, match="单位不同"):
        rule.full_clean()
