"""The month's 报表 grid, over HTTP with the personas (town B's clerk is the outsider)."""

from decimal import Decimal as D

from django.urls import reverse

from tests.ledger import factories as f
from zhenwu.ledger.models import ReportedValue, ValueStatus


def url(world, name="ledger:entry", area=None, month=6, **extra):
    return reverse(name, kwargs={"code": (area or world.town_a).code, "year": 2025, "month": month, **extra})


def test_the_grid_shows_last_year_the_target_and_this_month_side_by_side(client, world):
    f.make_value(world, world.town_a, year=2024, value="4.76")
    f.make_target(world, world.town_a, value="12")
    f.make_value(world, world.town_a, value="6.02")
    client.force_login(world.town_a_clerk)
    page = client.get(url(world)).content.decode()
    assert "青山镇 2025年6月报表" in page
    assert "4.76" in page and "12.00" in page and 'value="6.02"' in page
    assert 'tabindex="1"' in page and "hx-post" in page


def test_a_clerk_saves_the_grid_with_thousands_separators(client, world):
    indicators = f.all_indicators()
    client.force_login(world.town_a_clerk)
    response = client.post(url(world), {f"v-{indicators[0].pk}": "1,234.5", f"v-{indicators[1].pk}": ""})
    assert response.status_code == 302
    assert ReportedValue.objects.get().value == D("1234.5")


def test_a_bad_cell_blocks_the_whole_save_and_says_why(client, world):
    gdtz, gycz, _, sgqs, lrzz = f.all_indicators()
    client.force_login(world.town_a_clerk)
    response = client.post(
        url(world),
        {f"v-{gdtz.pk}": "6.02", f"v-{gycz.pk}": "六亿吨", f"v-{sgqs.pk}": "-1", f"v-{lrzz.pk}": "-20"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "不是数字" in page and "不能为负数" in page and 'value="六亿吨"' in page
    assert not ReportedValue.objects.exists()


def test_the_cell_check_asks_to_confirm_a_cumulative_that_falls(client, world):
    gdtz = f.indicator()
    f.make_value(world, world.town_a, month=5, value="5.8")
    client.force_login(world.town_a_clerk)
    check = url(world, "ledger:check", indicator=gdtz.pk)
    assert "还小" in client.post(check, {f"v-{gdtz.pk}": "5.0"}).content.decode()
    assert "不是数字" in client.post(check, {f"v-{gdtz.pk}": "abc"}).content.decode()
    assert client.post(check, {f"v-{gdtz.pk}": "6.02"}).content.decode().strip() == ""
    assert client.post(url(world), {f"v-{gdtz.pk}": "5.0"}).status_code == 200  # held until confirmed
    assert not ReportedValue.objects.filter(month=6).exists()
    confirmed = {f"v-{gdtz.pk}": "5.0", "confirm": "1", "confirm_reason": "5月多报，已更正"}
    assert client.post(url(world), confirmed).status_code == 302


def test_submit_and_approve_buttons_follow_the_role(client, world):
    f.make_value(world, world.town_a)
    client.force_login(world.town_a_clerk)
    page = client.get(url(world)).content.decode()
    assert "上报" in page and "审核通过" not in page
    assert client.post(url(world, "ledger:submit")).status_code == 302
    assert ReportedValue.objects.get().status == ValueStatus.SUBMITTED

    client.force_login(world.town_a_reviewer)
    page = client.get(url(world)).content.decode()
    assert "审核通过" in page and "readonly" in page
    client.post(url(world, "ledger:approve"))
    assert ReportedValue.objects.get().status == ValueStatus.APPROVED


def test_an_approved_period_refuses_changes_and_only_the_admin_sees_unlock(client, world):
    gdtz = f.indicator()
    f.make_value(world, world.town_a, status=ValueStatus.APPROVED)
    client.force_login(world.town_a_clerk)
    assert "解锁" not in client.get(url(world)).content.decode()
    client.post(url(world), {f"v-{gdtz.pk}": "9"})
    assert ReportedValue.objects.get().value == D("6.02")
    assert client.post(url(world, "ledger:unlock"), {"reason": "改错"}).status_code == 403

    client.force_login(world.county_admin)
    assert "解锁原因" in client.get(url(world)).content.decode()
    client.post(url(world, "ledger:unlock"), {"reason": ""})
    assert ReportedValue.objects.get().status == ValueStatus.APPROVED
    client.post(url(world, "ledger:unlock"), {"reason": "统计局反馈更正"})
    assert ReportedValue.objects.get().status == ValueStatus.DRAFT
    history = client.get(url(world, "ledger:history")).content.decode()
    assert "统计局反馈更正" in history and "解锁" in history


def test_the_outsider_cannot_post_figures_into_town_a(client, world):
    gdtz = f.indicator()
    client.force_login(world.town_b_clerk)
    assert client.post(url(world), {f"v-{gdtz.pk}": "1"}).status_code == 404
    assert client.post(url(world, "ledger:submit")).status_code == 404
    assert not ReportedValue.objects.exists()


def test_a_month_that_does_not_exist_is_not_found(client, world):
    client.force_login(world.town_a_clerk)
    assert client.get(url(world, month=13)).status_code == 404
