"""The 帮助 pages say what each figure means, with the thresholds in force where the user works."""

from django.urls import reverse

from zhenwu.ledger import services
from zhenwu.web.help import TOPICS


def test_every_capability_has_a_help_page(client, world):
    client.force_login(world.town_a_clerk)
    index = client.get(reverse("help:index")).content.decode()
    for topic in TOPICS:
        assert reverse("help:topic", args=[topic.slug]) in index
        page = client.get(reverse("help:topic", args=[topic.slug]))
        assert page.status_code == 200 and f"{topic.title}：数字的含义" in page.content.decode()
    assert client.get(reverse("help:topic", args=["nothing"])).status_code == 404


def test_the_ledger_help_quotes_the_countys_own_thresholds(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("help:topic", args=["ledger"])).content.decode()
    for figure in ("完成率", "时序进度", "差距", "超序时", "严重滞后"):
        assert figure in page
    assert "5 个百分点及以上为“超序时”" in page  # the defaults

    services.set_rules(
        world.county_admin,
        world.county,
        due_day=10,
        ahead_from=8,
        lagging_below=-2,
        severe_below=-15,
        schedule_basis="months",
    )
    page = client.get(reverse("help:topic", args=["ledger"])).content.decode()
    assert "8 个百分点及以上为“超序时”" in page and "低于 -15 个百分点为“严重滞后”" in page


def test_the_pages_with_figures_link_to_their_help(client, world):
    client.force_login(world.county_admin)
    for url_name, topic in [
        ("ledger:index", "ledger"),
        ("projects:overview", "projects"),
        ("inspections:index", "inspections"),
        ("assessment:index", "assessment"),
        ("projects:index", "projects"),
        ("checking:index", "checking"),
        ("summaries:index", "summaries"),
    ]:
        page = client.get(reverse(url_name)).content.decode()
        assert reverse("help:topic", args=[topic]) in page, url_name
    for url in (  # the thresholds' own page, and the month's grid that is judged by them
        reverse("ledger:rules", args=[world.county.code]),
        reverse("ledger:entry", args=[world.town_a.code, 2025, 6]),
    ):
        page = client.get(url).content.decode()
        assert reverse("help:topic", args=["ledger"]) in page, url
