"""The demo county's ledger: what a newcomer should see in the first minute."""

from collections import Counter

from zhenwu import demo
from zhenwu.demo.ledger import COUNTY_OWNERS, Calendar
from zhenwu.ledger import tables
from zhenwu.ledger.models import Indicator, ReportedValue, RulesChange, Target, TargetPart, TargetVersion


def test_the_demo_ledger_has_a_years_story_with_late_lagging_and_county_figures(db):
    county = demo.load()
    calendar = Calendar.on(county.today)
    assert 28 <= Indicator.objects.count() <= 32
    years = set(ReportedValue.objects.values_list("year", flat=True))
    assert years == {calendar.previous, calendar.current}

    table = tables.county_table(county.county, calendar.current, calendar.last_month)
    states = Counter(child.state for child in table.children)
    assert states["已审核"] >= 5 and states["未填报"] == 1 and states["填报中"] >= 2
    ranks = {child.area.name: child.rank for child in table.children}
    assert ranks["金鸡乡"] == 12  # nothing reported: last, not left out of the ranking
    assert table.children[0].cells  # the matrix is filled

    overview = tables.area_table(county.county, calendar.current, calendar.last_month)
    standings = Counter(row.progress.standing for row in overview.rows)
    # lagging towns pull totals behind, but towns still to report do not: a partial total is judged
    # against the reporting towns' targets (see tests/demo/test_demo_partial_totals.py)
    assert standings["严重滞后"] + standings["滞后"] >= 6 and standings["正常"] >= 3
    assert any(row.partial for row in overview.rows)
    assert standings["无数据"] <= 2  # the county reports what does not add up over towns itself
    owned = {row.indicator.code: row.department for row in overview.rows if row.department}
    assert set(owned) == set(COUNTY_OWNERS) and owned["PM25"] == "清江市生态环境局青溪分局"

    assert (
        TargetPart.objects.exclude(department=None).exists()
        and TargetPart.objects.exclude(village=None).exists()
    )
    assert TargetVersion.objects.filter(number=2).exclude(reason="").exists()  # a 目标调整 with its reason
    assert Target.objects.filter(area=county.county).count() == 2 * len(COUNTY_OWNERS)
    changes = RulesChange.objects.filter(area=county.county)
    assert {change.user.username for change in changes} == {"qx_admin"} and changes.count() == 2
    assert tables.deadline(county.county, calendar.current, 1).reason == "春节顺延"
