"""The demo county's quarterly 美丽城镇 assessment."""

from django.utils import timezone

from zhenwu import demo
from zhenwu.assessment.bulletin import build_bulletin
from zhenwu.assessment.models import ManualScore, Result, ResultStatus, RuleType, Scheme, UnitKind
from zhenwu.assessment.periods import QUARTER, ended_by


def test_the_demo_ranks_twelve_towns_every_ended_quarter_with_movement(db):
    demo.load()
    scheme = Scheme.objects.get(slug="demo-quarterly")
    assert scheme.assessed.count() == 12
    assert scheme.weight_problem() == ""
    assert {RuleType(c.rule).name for c in scheme.criteria.all()} >= {
        "INDICATOR_SCHEDULE",
        "PROJECT_START_RATE",
        "INSPECTION_CLOSURE",
        "RANK_POINTS",
        "MANUAL",
        "VETO",
    }
    quarters = ended_by(QUARTER, scheme.first_year, timezone.localdate())
    results = Result.objects.filter(scheme=scheme, status=ResultStatus.PUBLISHED)
    assert sorted(results.values_list("period", flat=True)) == [q.key for q in quarters]
    assert ManualScore.objects.filter(criterion__scheme=scheme, reason__startswith="暗访发现").exists()
    latest = results.order_by("-period").first()
    assert latest.rows.count() == 12
    if len(quarters) > 1:
        assert latest.rows.exclude(movement=None).count() == 12
    assert (
        build_bulletin(latest).title
        == f"关于{latest.scheme.area.name}{latest.period_obj.label}美丽城镇建设考核结果的通报"
    )


def test_the_demo_ranks_a_towns_villages_and_the_countys_departments(db):
    """青山镇's 村干部百分考核 and the county's departments scheme, each published for a past quarter."""
    demo.load()
    villages = Scheme.objects.get(slug="demo-villages")
    assert villages.area.name == "青山镇" and villages.unit_kind == UnitKind.VILLAGES
    assert villages.weight_problem() == ""
    result = Result.objects.get(scheme=villages, status=ResultStatus.PUBLISHED)
    rows = list(result.rows.select_related("area"))
    assert len(rows) == villages.assessed.count() > 5
    assert {row.area.level for row in rows} == {"village"}
    assert [row.rank for row in rows] == sorted(row.rank for row in rows)
    document = build_bulletin(result)
    assert document.title == f"关于青山镇{result.period_obj.label}村干部百分考核结果的通报"
    assert document.recipient == "各村（社区）"

    departments = Scheme.objects.get(slug="demo-departments")
    assert departments.unit_kind == UnitKind.DEPARTMENTS and departments.weight_problem() == ""
    result = Result.objects.get(scheme=departments, status=ResultStatus.PUBLISHED)
    names = [row.unit_name for row in result.rows.select_related("department")]
    assert len(names) == 8 and "青溪县住房和城乡建设局" in names
    assert not result.rows.filter(department=None).exists()
    assert build_bulletin(result).title.startswith(
        f"关于青溪县{result.period_obj.label}县直部门服务美丽城镇建设考核"
    )
