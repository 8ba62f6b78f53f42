"""Two people on the same 报表: a save made from an older page never silently undoes a newer figure.

李娟 (town A's 填报员) and 王建国 (the county's 管理员) both open 青山镇's June grid; each posts
the form exactly as their browser would, hidden fields included.
"""

from decimal import Decimal as D

from django.test import Client
from django.urls import reverse

from tests.ledger import factories as f
from tests.pages import form_fields
from zhenwu.ledger import services
from zhenwu.ledger.models import HistoryAction, ReportedValue, ValueHistory

URL_ARGS = (2025, 6)


def url(world):
    return reverse("ledger:entry", args=[world.town_a.code, *URL_ARGS])


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def figures():
    return dict(ReportedValue.objects.values_list("indicator__code", "value"))


def opened(client, world):
    """The grid's form as the page was loaded."""
    return form_fields(client.get(url(world)))


def test_a_figure_saved_from_an_older_page_is_refused_naming_who_changed_it(world):
    gdtz = f.indicator("GDTZ")
    f.all_indicators()
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_clerk, seen_by_admin = opened(clerk, world), opened(admin, world)

    assert clerk.post(url(world), seen_by_clerk | {f"v-{gdtz.pk}": "111"}).status_code == 302
    response = admin.post(url(world), seen_by_admin | {f"v-{gdtz.pk}": "222"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "固定资产投资已被 李娟 于" in page and "改为 111（您提交的 222 未保存）" in page
    assert "已保存" not in page
    assert figures() == {"GDTZ": D("111")}
    assert form_fields(page)[f"v-{gdtz.pk}"] == "222"  # the input is kept for a second try


def test_the_second_try_after_a_refusal_saves_and_keeps_both_changes_in_history(world):
    gdtz = f.indicator("GDTZ")
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_clerk, seen_by_admin = opened(clerk, world), opened(admin, world)
    clerk.post(url(world), seen_by_clerk | {f"v-{gdtz.pk}": "111"})
    refused = admin.post(url(world), seen_by_admin | {f"v-{gdtz.pk}": "222"})

    response = admin.post(url(world), form_fields(refused), follow=True)

    assert "已保存 1 项" in response.content.decode()
    assert figures() == {"GDTZ": D("222")}
    history = ValueHistory.objects.filter(indicator=gdtz).order_by("id")
    assert [(h.old_value, h.new_value, h.user) for h in history] == [
        (None, D("111"), world.town_a_clerk),
        (D("111"), D("222"), world.county_admin),
    ]


def test_an_emptied_cell_on_an_older_page_does_not_delete_a_newer_figure(world):
    gdtz = f.indicator("GDTZ")
    f.make_value(world, world.town_a, value="100")
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_clerk, seen_by_admin = opened(clerk, world), opened(admin, world)

    clerk.post(url(world), seen_by_clerk | {f"v-{gdtz.pk}": "111"})
    page = admin.post(url(world), seen_by_admin | {f"v-{gdtz.pk}": ""}).content.decode()

    assert "固定资产投资已被 李娟 于" in page and "改为 111（您提交的清除未执行）" in page
    assert figures() == {"GDTZ": D("111")}
    assert not ValueHistory.objects.filter(action=HistoryAction.CLEAR).exists()


def test_cells_the_older_page_left_alone_do_not_undo_newer_figures(world):
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    f.make_value(world, world.town_a, value="100")
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_clerk, seen_by_admin = opened(clerk, world), opened(admin, world)

    clerk.post(url(world), seen_by_clerk | {f"v-{gdtz.pk}": "111"})
    response = admin.post(url(world), seen_by_admin | {f"v-{gycz.pk}": "31.5"}, follow=True)

    assert "已保存 1 项" in response.content.decode()
    assert figures() == {"GDTZ": D("111"), "GYCZ": D("31.5")}


def test_one_stale_cell_saves_nothing_of_the_form_and_keeps_every_input(world):
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_clerk, seen_by_admin = opened(clerk, world), opened(admin, world)

    clerk.post(url(world), seen_by_clerk | {f"v-{gdtz.pk}": "111"})
    page = admin.post(url(world), seen_by_admin | {f"v-{gdtz.pk}": "222", f"v-{gycz.pk}": "31.5"})

    assert "均未保存" in page.content.decode()
    assert figures() == {"GDTZ": D("111")}
    kept = form_fields(page)
    assert (kept[f"v-{gdtz.pk}"], kept[f"v-{gycz.pk}"]) == ("222", "31.5")


def test_a_figure_cleared_and_entered_again_meanwhile_is_still_a_newer_figure(world):
    """The version never starts over: a figure cleared and typed anew is not the one the page showed."""
    gdtz = f.indicator("GDTZ")
    f.make_value(world, world.town_a, value="100")
    clerk, admin = signed_in(world.town_a_clerk), signed_in(world.county_admin)
    seen_by_admin = opened(admin, world)
    clerk.post(url(world), opened(clerk, world) | {f"v-{gdtz.pk}": ""})
    clerk.post(url(world), opened(clerk, world) | {f"v-{gdtz.pk}": "100"})

    page = admin.post(url(world), seen_by_admin | {f"v-{gdtz.pk}": "222"}).content.decode()

    assert "固定资产投资已被 李娟 于" in page and "改为 100（您提交的 222 未保存）" in page
    assert figures() == {"GDTZ": D("100")}


def test_the_save_service_tells_any_caller_what_is_stale_and_writes_nothing(world):
    """The result a web page or an API call gets: each stale figure with its value, version, author and time."""
    gdtz, gycz = f.indicator("GDTZ"), f.indicator("GYCZ")
    first = services.enter_values(
        world.town_a_clerk, world.town_a, *URL_ARGS, {gdtz: D("111")}, versions={gdtz: 0}
    )
    assert first.saved and first.versions == {(world.town_a.pk, gdtz.pk): 1}

    result = services.enter_values(
        world.county_admin,
        world.town_a,
        *URL_ARGS,
        {gdtz: D("222"), gycz: D("31.5")},
        versions={gdtz: 0, gycz: 0},
    )

    assert not result.saved and result.changed == 0
    (stale,) = result.stale
    assert (stale.indicator, stale.submitted, stale.current, stale.version, stale.by) == (
        gdtz,
        D("222"),
        D("111"),
        1,
        "李娟",
    )
    assert stale.at is not None and stale.message.endswith("改为 111（您提交的 222 未保存）")
    assert figures() == {"GDTZ": D("111")}
