"""Every change to inspections and findings goes through these functions.

Each checks the user's role over the area, changes the rows in one transaction, and writes
the transition log itself — visible here, not in a signal.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from zhenwu.areas.access import can
from zhenwu.areas.departments import retired_choice
from zhenwu.areas.models import Action, Area, Department
from zhenwu.inspections.models import (
    Finding,
    FindingCategory,
    FindingPhoto,
    Inspection,
    PhotoKind,
    Source,
    Status,
    Step,
    Transition,
)
from zhenwu.inspections.rectification import (
    REPEAT_WINDOW_DAYS,
    Place,
    action_for,
    deadline_problem,
    default_deadline,
    is_repeat,
    next_status,
)
from zhenwu.lib.stale import Stale, StaleEdit, name_of
from zhenwu.photos import CheckedPhoto, thumbnail


def _require(user, area: Area, action: str) -> None:
    if not can(user, area, action):
        raise PermissionDenied(f"您的角色无权在{area.name}{Action(action).label}")


def _check_department(department: Department | None, area: Area, current_id: int | None = None) -> None:
    if department is not None and not department.area.contains(area):
        raise ValidationError(f"责任单位“{department.name}”不属于{area.name}或其上级，请重新选择。")
    if retired := retired_choice(department, current_id):
        raise ValidationError(f"责任单位{retired}。")


@transaction.atomic
def record_inspection(
    user,
    *,
    area: Area,
    title: str,
    date: datetime.date,
    kind: str,
    theme: str,
    covered_areas=(),
    inspectors=(),
    checklist: str = "",
    note: str = "",
) -> Inspection:
    """Record an inspection round organised by ``area``; every covered area must lie in the user's 督查 scope."""
    _require(user, area, Action.INSPECT)
    for covered in covered_areas:
        if not area.contains(covered):
            raise ValidationError(f"{covered.name}不在{area.name}的范围内。")
        _require(user, covered, Action.INSPECT)
    inspection = Inspection.objects.create(
        area=area,
        title=title,
        date=date,
        kind=kind,
        theme=theme,
        checklist=checklist,
        note=note,
        created_by=user,
    )
    inspection.covered_areas.set(covered_areas)
    inspection.inspectors.set(list(inspectors) or [user])
    return inspection


def find_repeat(
    area: Area,
    category: FindingCategory,
    location: str,
    latitude: Decimal | None,
    longitude: Decimal | None,
    found_on: datetime.date,
    exclude_pk: int | None = None,
) -> Finding | None:
    """The latest earlier finding of the same category at the same place within a year, if any."""
    new = Place(area.pk, category.pk, location, latitude, longitude)
    earlier = (
        Finding.objects.filter(
            area=area,
            category=category,
            found_on__lte=found_on,
            found_on__gte=found_on - datetime.timedelta(days=REPEAT_WINDOW_DAYS),
        )
        .exclude(pk=exclude_pk)
        .order_by("-found_on", "-id")
        .only("pk", "area_id", "category_id", "location", "latitude", "longitude", "found_on")
    )
    for candidate in earlier:
        old = Place(
            candidate.area_id,
            candidate.category_id,
            candidate.location,
            candidate.latitude,
            candidate.longitude,
        )
        if is_repeat(new, old):
            return candidate
    return None


def _save_photos(
    finding: Finding, photos: list[CheckedPhoto], kind: str, user, transition=None, at=None
) -> None:
    for checked in photos:
        photo = FindingPhoto(
            finding=finding,
            transition=transition,
            kind=kind,
            content_type=checked.content_type,
            original_name=(getattr(checked.upload, "name", "") or "")[:200],
            uploaded_by=user,
            uploaded_at=at or timezone.now(),
        )
        photo.image.save(f"photo{checked.extension}", checked.upload, save=False)
        photo.thumbnail.save("thumb.jpg", thumbnail(checked.upload), save=False)
        photo.save()


# The fields of FindingForm that record_finding takes, as the page and the API both submit them.
_FORM_FIELDS = (
    "area", "category", "location", "description", "photos", "quantity", "latitude", "longitude",
    "deadline", "department", "inspection",
)  # fmt: skip


def record_from_form(user, source: str, cleaned: dict) -> Finding:
    """Record what a valid ``FindingForm`` holds: the 记录问题 page and ``POST /api/v1/inspections/findings``."""
    fields = {name: cleaned.get(name) for name in _FORM_FIELDS}
    return record_finding(user, source=source, severity=cleaned.get("severity") or "general", **fields)


@transaction.atomic
def record_finding(
    user,
    *,
    area: Area,
    category: FindingCategory,
    location: str,
    description: str,
    photos: list[CheckedPhoto] = (),
    source: str = Source.INSPECTION,
    inspection: Inspection | None = None,
    department: Department | None = None,
    severity: str = "general",
    quantity: Decimal | None = None,
    deadline: datetime.date | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    found_on: datetime.date | None = None,
    at: datetime.datetime | None = None,
) -> Finding:
    """Record a finding with its photos.

    A 督查发现 needs the 督查 role over the area and is assigned at once, with the category's
    default deadline unless one is given. A 网格上报 (事件上报) needs the 填报 role and waits
    for a 督查员 to assign it (待交办), unless the reporter may assign it too.
    """
    at = at or timezone.now()
    found_on = found_on or timezone.localdate(at)
    if source == Source.INSPECTION:
        _require(user, area, Action.INSPECT)
    elif not (can(user, area, Action.ENTER) or can(user, area, Action.INSPECT)):
        raise PermissionDenied(f"您的角色无权在{area.name}上报问题")
    if inspection is not None and not inspection.area.contains(area):
        raise ValidationError(f"所选督查“{inspection.title}”不覆盖{area.name}。")
    _check_department(department, area)
    _check_deadline(deadline, found_on, timezone.localdate(at))
    assigned = source == Source.INSPECTION
    finding = Finding.objects.create(
        inspection=inspection,
        source=source,
        category=category,
        area=area,
        department=department,
        location=location,
        latitude=latitude,
        longitude=longitude,
        description=description,
        severity=severity,
        quantity=quantity,
        found_on=found_on,
        deadline=(deadline or default_deadline(found_on, category.default_days)) if assigned else deadline,
        status=Status.ASSIGNED if assigned else Status.REPORTED,
        repeat_of=find_repeat(area, category, location, latitude, longitude, found_on),
        reported_by=user,
        created_at=at,
    )
    transition = Transition.objects.create(
        finding=finding,
        step=Step.RECORD if assigned else Step.REPORT,
        from_status="",
        to_status=finding.status,
        actor=user,
        at=at,
        note=f"限期{finding.deadline:%Y年%m月%d日}前整改" if finding.deadline else "",
    )
    _save_photos(finding, list(photos), PhotoKind.FINDING, user, transition, at)
    return finding


def _check_deadline(deadline: datetime.date | None, found_on: datetime.date, today: datetime.date) -> None:
    if (problem := deadline_problem(deadline, found_on, today)) is not None:
        raise ValidationError(f"{problem}，请重新选择整改期限。")


def _take_step(
    finding: Finding, user, step: str, note: str, at: datetime.datetime | None, version: int | None = None
) -> tuple[Finding, Transition]:
    """Lock the finding, check role, version and status, move it on and log the transition.

    ``version`` is the finding's version the page was shown; a finding that moved on since is
    not acted on (``StaleEdit`` names the step taken meanwhile). ``None`` acts whatever the version.
    """
    locked = (
        Finding.objects.select_for_update(of=("self",)).select_related("area", "category").get(pk=finding.pk)
    )
    _require(user, locked.area, action_for(step))
    if version is not None and locked.version != version:
        raise StaleEdit([_finding_stale(locked, step)])
    at = at or timezone.now()
    before = locked.status
    locked.status = next_status(before, step)
    locked.closed_on = timezone.localdate(at) if locked.status == Status.CLOSED else None
    locked.version += 1
    locked.save(update_fields=["status", "closed_on", "version"])
    transition = Transition.objects.create(
        finding=locked, step=step, from_status=before, to_status=locked.status, actor=user, at=at, note=note
    )
    # the caller's copy is current too
    finding.status, finding.closed_on, finding.version = locked.status, locked.closed_on, locked.version
    return locked, transition


def _finding_stale(finding: Finding, step: str) -> Stale:
    """The last step taken on a finding, by whom and when, refusing ``step`` asked from an older page."""
    last = finding.transitions.select_related("actor").order_by("-at", "-id").first()
    what = f"问题 #{finding.pk}（{finding.category.name} · {finding.location}）"
    did = Step(last.step).label if last else "办理"
    at = timezone.localtime(last.at) if last else None
    return Stale(
        what, did, f"您的{Step(step).label}未执行", name_of(last.actor) if last else "", at, finding.version
    )


@transaction.atomic
def assign(
    finding: Finding,
    user,
    *,
    deadline: datetime.date,
    department: Department | None = None,
    note: str = "",
    at: datetime.datetime | None = None,
    version: int | None = None,
) -> Transition:
    """交办 a reported problem: set the responsible unit and the deadline (``version``: see ``_take_step``)."""
    _check_department(department, finding.area, finding.department_id)
    _check_deadline(deadline, finding.found_on, timezone.localdate(at or timezone.now()))
    locked, transition = _take_step(
        finding, user, Step.ASSIGN, note or f"限期{deadline:%Y年%m月%d日}前整改", at, version
    )
    locked.deadline = deadline
    locked.department = department or locked.department
    locked.save(update_fields=["deadline", "department"])
    finding.deadline, finding.department = locked.deadline, locked.department
    return transition


@transaction.atomic
def start(
    finding: Finding, user, *, note: str = "", at: datetime.datetime | None = None, version: int | None = None
) -> Transition:
    """The responsible town or village starts rectifying (整改中)."""
    return _take_step(finding, user, Step.START, note, at, version)[1]


@transaction.atomic
def submit(
    finding: Finding,
    user,
    *,
    note: str,
    photos: list[CheckedPhoto],
    at: datetime.datetime | None = None,
    version: int | None = None,
) -> Transition:
    """Submit the rectification with evidence: what was done and at least one photo after."""
    if not photos:
        raise ValidationError("提交整改须附整改后的照片。")
    if not note.strip():
        raise ValidationError("请说明整改情况。")
    locked, transition = _take_step(finding, user, Step.SUBMIT, note, at, version)
    _save_photos(locked, list(photos), PhotoKind.EVIDENCE, user, transition, transition.at)
    return transition


@transaction.atomic
def close(
    finding: Finding, user, *, note: str = "", at: datetime.datetime | None = None, version: int | None = None
) -> Transition:
    """Verify the evidence and close the finding (验收销号)."""
    return _take_step(finding, user, Step.CLOSE, note or "经核查，整改到位，予以销号。", at, version)[1]


@transaction.atomic
def return_for_rework(
    finding: Finding, user, *, note: str, at: datetime.datetime | None = None, version: int | None = None
) -> Transition:
    """Send the rectification back (退回重改); the reason is required."""
    if not note.strip():
        raise ValidationError("退回须说明理由。")
    return _take_step(finding, user, Step.RETURN, note, at, version)[1]


STEP_FUNCTIONS = {
    Step.START: start,
    Step.CLOSE: close,
    Step.RETURN: return_for_rework,
}


def allowed_steps(finding: Finding, user) -> list[str]:
    """The steps the user may take on the finding now: its status allows them and the role permits."""
    from zhenwu.inspections.rectification import steps_from

    return [step for step in steps_from(finding.status) if can(user, finding.area, action_for(step))]
