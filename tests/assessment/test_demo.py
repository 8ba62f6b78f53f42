"""The demo county's quarterly 美丽城镇 assessment."""

from django.utils import timezone

from zhenwu import demo
from zhenwu.assessment.bulletin import build_bulletin
from zhenwu.assessment.models import ManualScore, Result, ResultStatus, RuleType, Scheme
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
