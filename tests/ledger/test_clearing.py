"""Clearing a figure from the 报表 grid: the figure goes, its history stays; locked figures stay put."""

from decimal import Decimal as D

from django.urls import reverse

from tests.ledger import factories as f
from zhenwu.ledger import services
from zhenwu.ledger.models import HistoryAction, ReportedValue, ValueHistory, ValueStatus


def url(world, name="ledger:entry", area=None):
    return reverse(name, kwargs={"code": (area or world.town_a).code, "year": 2025, "month": 6})


def enter(world, code, value):
    services.enter_values(world.town_a_clerk, world.town_a, 2025, 6, {f.indicator(code): D(value)})


def emptied(indicator):
    """The form as posted when the clerk deleted the figure the grid showed in this cell."""
    return {f"v-{indicator.pk}": "", f"had-{indicator.pk}": "1"}


def test_an_emptied_cell_clears_the_figure_and_the_history_still_shows_it(client, world):
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    enter(world, "GDTZ", "6.02")
    enter(world, "GYCZ", "31.5")
    client.force_login(world.town_a_clerk)
    page = client.get(url(world)).content.decode()
    assert f'name="had-{gdtz.pk}"' in page  # the grid marks cells that show a stored figure

    response = client.post(
        url(world), emptied(gdtz) | {f"v-{gycz.pk}": "31.5", f"had-{gycz.pk}": "1"}, follow=True
    )
    assert "已保存 0 项，清除 1 项，未变 1 项。" in response.content.decode()
    assert list(ReportedValue.objects.values_list("indicator__code", flat=True)) == ["GYCZ"]
    cleared = ValueHistory.objects.get(action=HistoryAction.CLEAR)
    assert (cleared.reported, cleared.indicator, cleared.area) == (None, gdtz, world.town_a)
    assert (cleared.old_value, cleared.new_value, cleared.user) == (D("6.02"), None, world.town_a_clerk)
    assert ValueHistory.objects.filter(indicator=gdtz).count() == 2  # the entry and the clearing

    history = client.get(url(world, "ledger:history")).content.decode()
    assert history.split("<tbody>")[1].count("固定资产投资") == 2  # two rows (the filter names it once more)
    assert "清除" in history and "6.02" in history and "已清除" in history


def test_a_figure_entered_again_after_clearing_keeps_one_history(client, world):
    gdtz = f.indicator()
    enter(world, "GDTZ", "6.02")
    client.force_login(world.town_a_clerk)
    client.post(url(world), emptied(gdtz))
    client.post(url(world), {f"v-{gdtz.pk}": "6.20"})
    assert ReportedValue.objects.get().value == D("6.20")
    actions = list(
        ValueHistory.objects.filter(area=world.town_a, indicator=gdtz).values_list("action", "new_value")
    )
    assert actions == [
        (HistoryAction.ENTER, D("6.02")),
        (HistoryAction.CLEAR, None),
        (HistoryAction.ENTER, D("6.20")),
    ]


def test_an_empty_cell_the_form_did_not_show_filled_changes_nothing(client, world):
    """A figure entered by someone else after the grid was opened is not cleared by the stale form."""
    gdtz = f.indicator()
    enter(world, "GDTZ", "6.02")
    client.force_login(world.town_a_clerk)
    response = client.post(url(world), {f"v-{gdtz.pk}": ""}, follow=True)
    assert "已保存 0 项，未变 0 项。" in response.content.decode()  # an empty cell is no figure
    assert ReportedValue.objects.get().value == D("6.02")


def test_the_cell_check_says_an_emptied_cell_will_be_cleared(client, world):
    gdtz = f.indicator()
    enter(world, "GDTZ", "6.02")
    client.force_login(world.town_a_clerk)
    check = reverse(
        "ledger:check", kwargs={"code": world.town_a.code, "year": 2025, "month": 6, "indicator": gdtz.pk}
    )
    assert "保存后将清除" in client.post(check, {f"v-{gdtz.pk}": ""}).content.decode()


def test_a_locked_figure_cannot_be_cleared(client, world):
    gdtz = f.indicator()
    f.make_value(world, world.town_a, value="6.02", status=ValueStatus.APPROVED)
    client.force_login(world.town_a_clerk)
    assert f'name="had-{gdtz.pk}"' not in client.get(url(world)).content.decode()
    client.post(url(world), emptied(gdtz))  # a forged form changes nothing either
    assert ReportedValue.objects.get().value == D("6.02")
    assert not ValueHistory.objects.filter(action=HistoryAction.CLEAR).exists()


def test_the_service_refuses_to_clear_a_locked_figure_and_writes_nothing(world):
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    f.make_value(world, world.town_a, value="6.02", status=ValueStatus.APPROVED)
    try:
        services.enter_values(world.town_a_clerk, world.town_a, 2025, 6, {gycz: D("31.5")}, clear=[gdtz])
    except services.LockedError as error:
        assert "已审核锁定" in str(error) and "固定资产投资" in str(error)
    else:
        raise AssertionError("clearing a locked figure must be refused")
    assert list(ReportedValue.objects.values_list("indicator__code", flat=True)) == ["GDTZ"]


def test_the_outsider_cannot_clear_town_as_figures(client, world):
    gdtz = f.indicator()
    enter(world, "GDTZ", "6.02")
    client.force_login(world.town_b_clerk)
    assert client.post(url(world), emptied(gdtz)).status_code == 404
    assert ReportedValue.objects.get().value == D("6.02")
