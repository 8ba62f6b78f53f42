"""Every change to the project ledger goes through these functions.

Each checks the user's role over the project's area (管理员 keeps the ledger, 填报员 of the
area enters the monthly updates), changes the rows in one transaction, and writes the
history itself — the status log and the revisions of corrected updates — visible here.
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
from zhenwu.figures import format_number
from zhenwu.lib.stale import Stale, StaleEdit, name_of
from zhenwu.photos import CheckedPhoto, thumbnail
from zhenwu.projects.models import (
    COMPLETED_STATUSES,
    STARTED_STATUSES,
    STATUS_ORDER,
    MonthlyUpdate,
    Project,
    Status,
    StatusChange,
    UpdatePhoto,
    UpdateRevision,
    YearPlan,
)
from zhenwu.projects.rates import Month

PROJECT_FIELDS = (
    "name",
    "category",
    "tier",
    "content",
    "owner_company",
    "department",
    "responsible_person",
    "total_investment",
    "planned_start",
    "planned_completion",
    "highlighted",
)
UPDATE_FIELDS = ("investment_month", "investment_ytd", "progress", "milestone", "problems", "help_needed")


def _require(user, area: Area, action: str) -> None:
    if not can(user, area, action):
        raise PermissionDenied(f"您的角色无权在{area.name}{Action(action).label}")


def _check_department(department: Department | None, area: Area, current_id: int | None = None) -> None:
    if department is not None and not department.area.contains(area):
        raise ValidationError(f"责任单位“{department.name}”不属于{area.name}或其上级，请重新选择。")
    if retired := retired_choice(department, current_id):
        raise ValidationError(f"责任单位{retired}。")


def _check_dates(start: datetime.date | None, completion: datetime.date | None) -> None:
    if start and completion and completion < start:
        raise ValidationError("计划竣工日期不能早于计划开工日期。")


@transaction.atomic
def create_project(user, *, area: Area, plans: dict[int, Decimal] | None = None, **fields) -> Project:
    """Put a project on the ledger of ``area`` (管理员), with its yearly planned investment."""
    _require(user, area, Action.ADMINISTER)
    unknown = set(fields) - set(PROJECT_FIELDS) - {"status"}
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    _check_department(fields.get("department"), area)
    _check_dates(fields.get("planned_start"), fields.get("planned_completion"))
    if Project.objects.filter(area=area, name=fields["name"]).exists():
        raise ValidationError(f"{area.name}已有名为“{fields['name']}”的项目。")
    project = Project.objects.create(area=area, updated_by=user, updated_at=timezone.now(), **fields)
    for year, amount in (plans or {}).items():
        YearPlan.objects.create(project=project, year=year, planned_investment=amount)
    return project


@transaction.atomic
def update_project(
    project: Project,
    user,
    *,
    version: int | None = None,
    plans: dict[int, Decimal] | None = None,
    **fields,
) -> Project:
    """Change the ledger entry of a project and its yearly planned investment (管理员).

    The status changes only through ``advance``. ``version`` is the project's version the form
    was shown; a project changed since is not saved (``StaleEdit`` says by whom and which of
    the submitted fields now read otherwise). ``None`` saves whatever the version.
    """
    _require(user, project.area, Action.ADMINISTER)
    unknown = set(fields) - set(PROJECT_FIELDS)
    if unknown:
        raise TypeError(f"unknown project fields: {sorted(unknown)}")
    locked = (
        Project.objects.select_for_update(of=("self",))
        .select_related("area", "updated_by")
        .get(pk=project.pk)
    )
    if version is not None and locked.version != version:
        raise StaleEdit([_project_stale(locked, fields, plans or {})])
    _check_department(fields.get("department", locked.department), locked.area, locked.department_id)
    for name, value in fields.items():
        setattr(locked, name, value)
    _check_dates(locked.planned_start, locked.planned_completion)
    if Project.objects.filter(area=locked.area, name=locked.name).exclude(pk=locked.pk).exists():
        raise ValidationError(f"{locked.area.name}已有名为“{locked.name}”的项目。")
    for year, amount in (plans or {}).items():
        _set_plan(locked, year, amount)
    _touch(locked, user, *fields)
    return locked


def _touch(project: Project, user, *fields: str) -> None:
    """Save ``fields`` of a locked project as changed by ``user`` now: its version goes up by one."""
    project.version += 1
    project.updated_by, project.updated_at = user, timezone.now()
    project.save(update_fields=[*fields, "version", "updated_by", "updated_at"])


def _project_stale(project: Project, fields: dict, plans: dict[int, Decimal]) -> Stale:
    """How a project changed meanwhile reads now: each submitted field that differs, and its status."""
    differs = [
        f"{Project._meta.get_field(name).verbose_name}{_shown(project, name)}"
        for name, value in fields.items()
        if getattr(project, name) != value
    ]
    stored = dict(project.year_plans.filter(year__in=plans).values_list("year", "planned_investment"))
    differs += [
        f"{year}年计划投资{format_number(stored[year])}万元"
        for year, amount in plans.items()
        if year in stored and stored[year] != amount
    ]
    differs.append(f"项目状态“{project.get_status_display()}”")
    at = timezone.localtime(project.updated_at) if project.updated_at else None
    did = "修改，现为：" + "、".join(differs)
    return Stale(
        f"项目“{project.name}”", did, "您的修改未保存", name_of(project.updated_by), at, project.version
    )


def _shown(project: Project, name: str) -> str:
    """A field of the project as the page shows it: labels for choices, names, plain numbers, "空"."""
    value = getattr(project, name)
    field = Project._meta.get_field(name)
    if field.choices:
        return getattr(project, f"get_{name}_display")()
    if value is None or value == "":
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, str):
        return f"“{value[:30]}…”" if len(value) > 30 else f"“{value}”"
    return str(value)  # a date, a department


def _set_plan(project: Project, year: int, amount: Decimal) -> YearPlan:
    if amount < 0:
        raise ValidationError("年度计划投资不能为负数。")
    plan, _ = YearPlan.objects.update_or_create(
        project=project, year=year, defaults={"planned_investment": amount}
    )
    return plan


@transaction.atomic
def set_year_plan(project: Project, user, year: int, amount: Decimal) -> YearPlan:
    """Set the investment planned for the project in ``year`` (万元, 管理员)."""
    _require(user, project.area, Action.ADMINISTER)
    locked = Project.objects.select_for_update().get(pk=project.pk)
    plan = _set_plan(locked, year, amount)
    _touch(locked, user)
    return plan


def next_statuses(project: Project) -> list[Status]:
    """The statuses a project may move on to: any later stage of the lifecycle."""
    return STATUS_ORDER[STATUS_ORDER.index(Status(project.status)) + 1 :]


@transaction.atomic
def advance(project: Project, user, to_status: str, date: datetime.date, note: str = "") -> StatusChange:
    """Move the project on in its lifecycle on ``date`` (填报员 or 管理员), logging the step.

    Stages may be skipped (a signed project can be reported straight as 在建), never undone;
    the first move into 开工 or later sets the actual start date, into 竣工 or later the
    completion date.
    """
    project = Project.objects.select_for_update().select_related("area").get(pk=project.pk)
    _require(user, project.area, Action.ENTER)
    to_status = Status(to_status)
    if to_status not in next_statuses(project):
        raise ValidationError(
            f"项目当前为“{Status(project.status).label}”，不能改为“{to_status.label}”：状态只能向后推进。"
        )
    if date > timezone.localdate():
        raise ValidationError("状态变更日期不能晚于今天。")
    last = project.status_changes.order_by("-date", "-id").first()
    if last is not None and date < last.date:
        raise ValidationError(f"日期不能早于上一次状态变更（{last.date:%Y-%m-%d}）。")
    change = StatusChange.objects.create(
        project=project, from_status=project.status, to_status=to_status, date=date, note=note, actor=user
    )
    project.status = to_status
    if to_status in STARTED_STATUSES and project.started_on is None:
        project.started_on = date
    if to_status in COMPLETED_STATUSES and project.completed_on is None:
        project.completed_on = date
    _touch(project, user, "status", "started_on", "completed_on")
    return change


def _previous_ytd(project: Project, year: int, month: int) -> Decimal:
    earlier = (
        MonthlyUpdate.objects.filter(project=project, year=year, month__lt=month)
        .order_by("-month")
        .values_list("investment_ytd", flat=True)
        .first()
    )
    return earlier if earlier is not None else Decimal(0)


def _carry_forward(project: Project, year: int, month: int) -> None:
    """Keep the 1-N月 totals of the later months of the year consistent after a change."""
    running = _previous_ytd(project, year, month + 1)
    for later in MonthlyUpdate.objects.filter(project=project, year=year, month__gt=month).order_by("month"):
        running += later.investment_month
        if later.investment_ytd != running:
            later.investment_ytd = running
            later.save(update_fields=["investment_ytd"])


@transaction.atomic
def record_update(
    project: Project,
    user,
    *,
    month: Month,
    progress: str,
    investment_month: Decimal | None = None,
    investment_ytd: Decimal | None = None,
    milestone: str = "",
    problems: str = "",
    help_needed: str = "",
    photos: list[CheckedPhoto] = (),
    caption: str = "",
    version: int | None = None,
) -> MonthlyUpdate:
    """Record (or correct) the month's update of a project (填报员 of its area).

    Give the month's investment or the 1-N月 total; the other follows from the earlier
    months. A correction keeps what the update said before as a revision, and the later
    months' totals move with it. Photos are added to those already there.

    ``version`` is the month's update version the form was shown (0: none yet); an update
    entered or corrected since is not overwritten (``StaleEdit`` says by whom and what it
    reads now). ``None`` saves whatever the version.
    """
    project = Project.objects.select_for_update().select_related("area").get(pk=project.pk)
    _require(user, project.area, Action.ENTER)
    today = timezone.localdate()
    if (month.year, month.month) > (today.year, today.month):
        raise ValidationError(f"不能填报未来月份（{month}）的进展。")
    dates = photo_dates(photos, today)
    if not progress.strip():
        raise ValidationError("请填写形象进度。")
    previous = _previous_ytd(project, month.year, month.month)
    if investment_month is None and investment_ytd is None:
        raise ValidationError("请填写当月完成投资或1-N月累计完成投资。")
    if investment_month is None:
        investment_month = investment_ytd - previous
        if investment_month < 0:
            raise ValidationError(
                f"1-{month.month}月累计完成投资 {investment_ytd} 万元小于上月累计 {previous} 万元，请核对。"
            )
    elif investment_ytd is not None and investment_ytd != previous + investment_month:
        raise ValidationError(
            f"累计完成投资应为上月累计 {previous} 万元加当月 {investment_month} 万元，"
            f"即 {previous + investment_month} 万元，填写的是 {investment_ytd} 万元。"
        )
    if investment_month < 0:
        raise ValidationError("当月完成投资不能为负数。")
    values = {
        "investment_month": investment_month,
        "investment_ytd": previous + investment_month,
        "progress": progress.strip(),
        "milestone": milestone.strip(),
        "problems": problems.strip(),
        "help_needed": help_needed.strip(),
    }
    update = (
        MonthlyUpdate.objects.filter(project=project, year=month.year, month=month.month)
        .select_related("entered_by")
        .first()
    )
    differs = update is not None and any(getattr(update, name) != value for name, value in values.items())
    if version is not None and update is not None and update.version != version and differs:
        raise StaleEdit([_update_stale(project, update, values)])
    if update is None:
        update = MonthlyUpdate.objects.create(
            project=project, year=month.year, month=month.month, entered_by=user, **values
        )
    elif differs:
        UpdateRevision.objects.create(
            update=update,
            changed_by=user,
            entered_by_id=update.entered_by_id,
            entered_at=update.entered_at,
            **{name: getattr(update, name) for name in UPDATE_FIELDS},
        )
        for name, value in values.items():
            setattr(update, name, value)
        update.entered_by = user
        update.entered_at = timezone.now()
        update.revision += 1
        update.save()
    _carry_forward(project, month.year, month.month)
    _save_photos(update, photos, dates, user, caption or f"{project.name}形象进度（{month.month}月）")
    return update


UPDATE_LABELS = {
    "investment_month": "当月完成投资",
    "progress": "形象进度",
    "milestone": "节点",
    "problems": "存在问题",
    "help_needed": "需协调事项",
}


def _update_stale(project: Project, update: MonthlyUpdate, values: dict) -> Stale:
    """How the month's update entered or corrected meanwhile reads now, where it differs from the form."""
    differs = []
    for name, label in UPDATE_LABELS.items():  # the 1-N月 total follows from the month's investment
        now = getattr(update, name)
        if now != values[name]:
            shown = (
                f"{format_number(now)}万元" if isinstance(now, Decimal) else f"“{now[:30]}”" if now else "空"
            )
            differs.append(label + shown)
    did = ("修改" if update.revision else "填报") + "，现为：" + "、".join(differs)
    at = timezone.localtime(update.entered_at)
    what = f"“{project.name}”{update.year}年{update.month}月进展"
    return Stale(what, did, "您的填报未保存", name_of(update.entered_by), at, update.version)


def taken_on(upload, today: datetime.date) -> datetime.date:
    """The day the photo was taken, from its EXIF data when the camera wrote one, else today.

    A day after ``today`` is kept as the camera wrote it, for ``photo_dates`` to refuse.
    """
    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            exif = image.getexif()
            stamp = exif.get_ifd(0x8769).get(36867) or exif.get(306)  # DateTimeOriginal, else DateTime
        day = datetime.datetime.strptime(str(stamp).strip()[:10], "%Y:%m:%d").date() if stamp else None
    except (OSError, ValueError, SyntaxError):
        day = None
    finally:
        upload.seek(0)
    if day is None or day.year < 2000:
        return today
    return day


def photo_dates(photos: list[CheckedPhoto], today: datetime.date) -> list[datetime.date]:
    """The day each photo was taken; a photo dated after today is refused before anything is saved.

    A 形象进度 photo shows the site as it was: one “taken” tomorrow comes from a phone whose clock
    is wrong or from a picture that is not of the site, and would date the progress wrongly.
    """
    dates = [taken_on(checked.upload, today) for checked in photos]
    for number, (checked, day) in enumerate(zip(photos, dates, strict=True), start=1):
        if day > today:
            name = getattr(checked.upload, "name", "") or f"第{number}张"
            raise ValidationError(
                f"照片“{name}”的拍摄日期为{day.year}年{day.month}月{day.day}日，晚于今天，"
                "请核对手机日期后重新拍摄或选择；本次填报未保存。"
            )
    return dates


def _save_photos(
    update: MonthlyUpdate, photos: list[CheckedPhoto], dates: list[datetime.date], user, caption: str
) -> None:
    for checked, day in zip(photos, dates, strict=True):
        photo = UpdatePhoto(
            update=update,
            taken_on=day,
            caption=caption[:120],
            content_type=checked.content_type,
            original_name=(getattr(checked.upload, "name", "") or "")[:200],
            uploaded_by=user,
        )
        photo.image.save(f"photo{checked.extension}", checked.upload, save=False)
        photo.thumbnail.save("thumb.jpg", thumbnail(checked.upload), save=False)
        photo.save()


@transaction.atomic
def add_photos(update: MonthlyUpdate, user, photos: list[CheckedPhoto], caption: str = "") -> None:
    """Add 形象进度 photos to an update already recorded (填报员 of the project's area)."""
    _require(user, update.project.area, Action.ENTER)
    dates = photo_dates(photos, timezone.localdate())
    _save_photos(update, photos, dates, user, caption or f"{update.project.name}形象进度（{update.month}月）")
