"""Recording, assigning, rectifying and closing findings: roles, the transition log, repeats."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.inspections.conftest import stored_files
from tests.inspections.factories import category, jpeg_bytes
from zhenwu.inspections import services
from zhenwu.inspections.models import Finding, PhotoKind, Source, Status, Step
from zhenwu.inspections.rectification import StepNotAllowed
from zhenwu.photos import check_photo


def photo(name="IMG_0001.jpg"):
    return check_photo(ContentFile(jpeg_bytes(), name=name))


def record(user, area, **extra):
    extra.setdefault("photos", [photo()])
    return services.record_finding(
        user,
        area=area,
        category=extra.pop("category", category()),
        location=extra.pop("location", "东山村村口桥头"),
        description="沿河违规搭建简易棚",
        found_on=extra.pop("found_on", datetime.date(2026, 3, 2)),
        **extra,
    )


def test_a_county_inspector_records_in_every_town_of_the_county(world, media, county_inspector):
    in_a = record(county_inspector, world.village_a1)
    in_b = record(county_inspector, world.town_b, location="白沙镇老街")
    assert {in_a.area, in_b.area} == {world.village_a1, world.town_b}
    assert in_a.status == Status.ASSIGNED
    assert in_a.deadline == datetime.date(2026, 3, 17)  # 违法建设: 15 days by default
    assert [t.step for t in in_a.transitions.all()] == [Step.RECORD]
    assert in_a.photos.get().kind == PhotoKind.FINDING
    assert len(stored_files(media)) == 4  # two photos, two thumbnails


def test_a_town_clerk_may_not_record_an_inspection_finding(world, media):
    with pytest.raises(PermissionDenied):
        record(world.town_a_clerk, world.village_a1)
    assert not Finding.objects.exists()


def test_a_grid_worker_reports_only_in_the_village_and_waits_to_be_assigned(
    world, media, grid_worker, county_inspector
):
    finding = record(grid_worker, world.village_a1, source=Source.GRID, category=category("乱堆乱放"))
    assert (finding.status, finding.deadline) == (Status.REPORTED, None)
    with pytest.raises(PermissionDenied):
        record(grid_worker, world.village_a2, source=Source.GRID)

    deadline = timezone.localdate() + datetime.timedelta(days=7)
    services.assign(finding, county_inspector, deadline=deadline, department=world.department_a)
    finding.refresh_from_db()
    assert (finding.status, finding.deadline, finding.department) == (
        Status.ASSIGNED,
        deadline,
        world.department_a,
    )


def test_a_department_of_another_town_cannot_be_made_responsible(world, media, county_inspector):
    with pytest.raises(ValidationError, match="不属于"):
        record(county_inspector, world.village_a1, department=world.department_b)


def test_the_whole_rectification_is_kept_step_by_step(world, media, county_inspector):
    finding = record(county_inspector, world.village_a1)
    clerk = world.town_a_clerk
    services.start(finding, clerk, note="已安排拆除")
    services.submit(finding, clerk, note="已拆除", photos=[photo("after.jpg")])
    services.return_for_rework(finding, county_inspector, note="仍有残留建材")
    services.submit(finding, clerk, note="已清运残留建材", photos=[photo("after2.jpg")])
    services.close(finding, county_inspector)

    finding.refresh_from_db()
    assert finding.status == Status.CLOSED
    assert finding.closed_on is not None
    log = [(t.step, t.from_status, t.to_status, t.actor.username) for t in finding.transitions.all()]
    assert log == [
        (Step.RECORD, "", Status.ASSIGNED, "county_inspector"),
        (Step.START, Status.ASSIGNED, Status.IN_PROGRESS, "town_a_clerk"),
        (Step.SUBMIT, Status.IN_PROGRESS, Status.SUBMITTED, "town_a_clerk"),
        (Step.RETURN, Status.SUBMITTED, Status.RETURNED, "county_inspector"),
        (Step.SUBMIT, Status.RETURNED, Status.SUBMITTED, "town_a_clerk"),
        (Step.CLOSE, Status.SUBMITTED, Status.CLOSED, "county_inspector"),
    ]
    assert finding.transitions.get(note="仍有残留建材").step == Step.RETURN
    assert finding.photos.filter(kind=PhotoKind.EVIDENCE).count() == 2


def test_a_clerk_may_not_close_and_an_inspector_may_not_submit_for_the_town(world, media, county_inspector):
    finding = record(county_inspector, world.village_a1)
    services.submit(finding, world.town_a_clerk, note="已拆除", photos=[photo()])
    with pytest.raises(PermissionDenied):
        services.close(finding, world.town_a_clerk)
    with pytest.raises(PermissionDenied):
        services.submit(finding, county_inspector, note="代为提交", photos=[photo()])
    assert finding.transitions.count() == 2


def test_the_other_town_may_not_rectify(world, media, county_inspector):
    finding = record(county_inspector, world.village_a1)
    with pytest.raises(PermissionDenied):
        services.start(finding, world.town_b_clerk)


def test_closing_needs_a_submission_and_submitting_needs_a_photo_and_a_note(world, media, county_inspector):
    finding = record(county_inspector, world.village_a1)
    with pytest.raises(StepNotAllowed, match="待整改"):
        services.close(finding, county_inspector)
    with pytest.raises(ValidationError, match="照片"):
        services.submit(finding, world.town_a_clerk, note="已拆除", photos=[])
    with pytest.raises(ValidationError, match="整改情况"):
        services.submit(finding, world.town_a_clerk, note=" ", photos=[photo()])
    services.submit(finding, world.town_a_clerk, note="已拆除", photos=[photo()])
    with pytest.raises(ValidationError, match="理由"):
        services.return_for_rework(finding, county_inspector, note="")
    finding.refresh_from_db()
    assert finding.status == Status.SUBMITTED


def test_a_repeat_at_the_same_place_is_noticed(world, media, county_inspector):
    first = record(county_inspector, world.village_a1, location="东山村村口桥头")
    again = record(
        county_inspector, world.village_a1, location="东山村 村口桥头", found_on=datetime.date(2026, 5, 2)
    )
    elsewhere = record(
        county_inspector, world.village_a1, location="东山村文化礼堂", found_on=datetime.date(2026, 5, 3)
    )
    other_kind = record(
        county_inspector, world.village_a1, category=category("乱堆乱放"), found_on=datetime.date(2026, 5, 4)
    )
    assert again.repeat_of == first
    assert elsewhere.repeat_of is None and other_kind.repeat_of is None


def test_coordinates_within_fifty_metres_make_a_repeat(world, media, county_inspector):
    from decimal import Decimal

    first = record(county_inspector, world.village_a1, latitude=Decimal("29.1"), longitude=Decimal("119.6"))
    near = record(
        county_inspector,
        world.village_a1,
        location="另一种说法",
        latitude=Decimal("29.10030"),
        longitude=Decimal("119.6"),
        found_on=datetime.date(2026, 4, 1),
    )
    assert near.repeat_of == first


def test_overdue_findings_are_flagged(world, media, county_inspector):
    finding = record(county_inspector, world.village_a1, found_on=datetime.date(2026, 3, 2))
    assert finding in Finding.objects.overdue(datetime.date(2026, 3, 18))
    assert finding not in Finding.objects.overdue(datetime.date(2026, 3, 17))
    services.submit(finding, world.town_a_clerk, note="已拆除", photos=[photo()])
    assert not Finding.objects.overdue(datetime.date(2026, 12, 1)).exists()  # 待验收 waits on the inspector
    services.return_for_rework(finding, county_inspector, note="未拆除到位")
    assert finding in Finding.objects.overdue(datetime.date(2026, 12, 1))
    services.submit(finding, world.town_a_clerk, note="已全部拆除", photos=[photo()])
    services.close(finding, county_inspector)
    assert not Finding.objects.overdue(datetime.date(2026, 12, 1)).exists()


def test_an_inspection_covers_only_areas_in_the_inspectors_scope(world, county_inspector):
    inspection = services.record_inspection(
        county_inspector,
        area=world.county,
        title="3月暗访",
        date=datetime.date(2026, 3, 2),
        kind="unannounced",
        theme="cityscape",
        covered_areas=[world.town_a, world.town_b],
    )
    assert list(inspection.inspectors.all()) == [county_inspector]
    with pytest.raises(PermissionDenied):
        services.record_inspection(
            world.town_a_clerk,
            area=world.town_a,
            title="x",
            date=datetime.date(2026, 3, 2),
            kind="scheduled",
            theme="cityscape",
        )
