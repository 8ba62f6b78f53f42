"""Data for the access tests: every area-owned model and every view gets an entry here.

When a capability adds a model that belongs to an area, it adds a ``ScopedModelCase``; when
it adds a URL, a ``ViewCase``. ``tests/web/test_every_view.py`` fails for a URL without one.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.files.base import ContentFile
from PIL import Image

from zhenwu.areas.models import Department, Membership


@dataclass(frozen=True)
class ScopedModelCase:
    """How to make one row of ``model`` in town A and one in town B of the test world."""

    model: type
    make: Callable  # (world, area) -> instance

    def __str__(self) -> str:
        return self.model.__name__


@dataclass(frozen=True)
class ViewCase:
    """A URL, the kwargs naming one of town B's objects, and how its owner may use it."""

    url_name: str
    kwargs: Callable = field(default=lambda world: {})  # (world) -> reverse() kwargs for a town B object
    method: str = "get"
    data: Callable = field(default=lambda world: {})  # (world) -> POST data about a town B object
    owner_status: int = 200  # what town B's own clerk gets
    public: bool = False
    names_object: bool = False  # the URL or data names a town B object: the outsider must get 404

    def __str__(self) -> str:
        return self.url_name


SCOPED_MODELS = [
    ScopedModelCase(
        Department, lambda world, area: Department.objects.create(area=area, name=f"{area.name}办")
    ),
    ScopedModelCase(
        Membership,
        lambda world, area: Membership.objects.create(user=world.county_admin, area=area, role="leader"),
    ),
]

VIEW_CASES = [
    ViewCase("login", public=True, owner_status=302),  # signed in: straight on
    ViewCase("logout", method="post", public=True, owner_status=302),
    ViewCase("home"),
    ViewCase("search"),  # what a query finds is scoped: tests/web/test_search.py
    ViewCase("help:index"),
    ViewCase("help:topic", lambda world: {"topic": "ledger"}),
    ViewCase("checking:index"),
    ViewCase(  # comparing a report with town B's ledger
        "checking:index",
        method="post",
        data=lambda world: {"text": "上半年完成固定资产投资6.02亿元。", "area": world.town_b.code},
        names_object=True,
    ),
    ViewCase("areas:detail", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
    ViewCase(
        "areas:switch",
        method="post",
        data=lambda world: {"code": world.town_b.code},
        owner_status=302,
        names_object=True,
    ),
]


# 督查整改 (zhenwu.inspections)
def _inspections_cases():
    from tests.inspections import factories as f
    from zhenwu.inspections.models import Finding, FindingPhoto, Inspection, Transition

    def finding(world):
        return {"pk": f.make_finding(world, world.village_b1).pk}

    def photo(world):  # a real tiny JPEG, written to the suite's own data directory
        return {"pk": f.make_photo(world, world.town_b).pk}

    models = [
        ScopedModelCase(Inspection, f.make_inspection),
        ScopedModelCase(Finding, f.make_finding),
        ScopedModelCase(FindingPhoto, f.make_photo_row),
        ScopedModelCase(Transition, f.make_transition),
    ]
    views = [
        ViewCase("inspections:index"),
        ViewCase("inspections:todo"),
        ViewCase("inspections:new_finding"),
        ViewCase("inspections:grid_report"),
        ViewCase("inspections:inspections"),
        ViewCase("inspections:new_inspection"),
        ViewCase(
            "inspections:inspection",
            kwargs=lambda world: {"pk": f.make_inspection(world, world.town_b).pk},
            names_object=True,
        ),
        ViewCase("inspections:finding", kwargs=finding, names_object=True),
        ViewCase("inspections:submit", kwargs=finding, names_object=True),
        ViewCase("inspections:start", kwargs=finding, method="post", owner_status=302, names_object=True),
        # a 填报员 may not assign, close or return: visible but forbidden
        ViewCase("inspections:assign", kwargs=finding, method="post", owner_status=403, names_object=True),
        ViewCase("inspections:close", kwargs=finding, method="post", owner_status=403, names_object=True),
        ViewCase("inspections:return", kwargs=finding, method="post", owner_status=403, names_object=True),
        ViewCase("inspections:photo", kwargs=photo, names_object=True),
        ViewCase("inspections:photo_thumbnail", kwargs=photo, names_object=True),
        ViewCase(
            "inspections:bulletin",
            kwargs=lambda world: {"code": world.town_b.code, "year": 2026, "month": 3},
            names_object=True,
        ),
        ViewCase(
            "inspections:bulletin_pdf",
            kwargs=lambda world: {"code": world.town_b.code, "year": 2026, "month": 3},
            names_object=True,
        ),
        ViewCase(
            "inspections:bulletin_job",
            kwargs=lambda world: {"code": world.town_b.code, "year": 2026, "month": 3},
            method="post",
            owner_status=302,
            names_object=True,
        ),
    ]
    return models, views


_models, _views = _inspections_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 指标台账 (zhenwu.ledger)
def _ledger_cases():
    from tests.ledger import factories as f
    from zhenwu.ledger.models import (
        ChecklistMark,
        ChecklistPhoto,
        ReportedValue,
        ReportingDeadline,
        ReportingRules,
        RulesChange,
        Target,
        TargetChange,
        TargetPart,
        TargetVersion,
        ValidationRule,
        ValueHistory,
    )

    def period(world):
        return {"code": world.town_b.code, "year": 2025, "month": 6}

    def cell(world):
        return period(world) | {"indicator": f.indicator().pk}

    def town_b_year(world):
        return {"code": world.town_b.code, "year": 2025}

    def town_b_target(world):
        return {"pk": f.make_target(world, world.town_b).pk}

    def town_b_part(world):
        return {"pk": f.make_target_part(world, world.town_b).pk}

    def target_change(world, area):
        target = f.make_target(world, area)
        return TargetChange.objects.create(target=target, kind="owner", old_text="陈明", new_text="王芳")

    def deadline(world, area):
        return ReportingDeadline.objects.create(
            area=area, year=2025, month=6, due=date(2025, 7, 12), reason="顺延"
        )

    def checklist_mark(world, area):
        mark = f.make_mark(world, area, document_name="验收意见.pdf")
        mark.document.save("document.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        return mark

    def checklist_photo(world, area):
        out = io.BytesIO()
        Image.new("RGB", (8, 8), (0, 120, 0)).save(out, "JPEG")
        photo = ChecklistPhoto(mark=f.make_mark(world, area))
        photo.image.save("photo.jpg", ContentFile(out.getvalue()), save=False)
        photo.thumbnail.save("thumb.jpg", ContentFile(out.getvalue()), save=False)
        photo.save()
        return photo

    def town_b_standard(world):
        return {"code": world.town_b.code, "pk": f.make_checklist(world).pk}

    def town_b_item(world):
        return {"code": world.town_b.code, "pk": f.make_checklist(world).items.get().pk}

    models = [
        ScopedModelCase(ChecklistMark, checklist_mark),
        ScopedModelCase(ChecklistPhoto, checklist_photo),
        ScopedModelCase(ReportingDeadline, deadline),
        ScopedModelCase(Target, f.make_target),
        ScopedModelCase(TargetVersion, f.make_target_version),
        ScopedModelCase(TargetPart, f.make_target_part),
        ScopedModelCase(TargetChange, target_change),
        ScopedModelCase(ReportedValue, f.make_value),
        ScopedModelCase(ValueHistory, f.make_history),
        ScopedModelCase(ReportingRules, lambda world, area: ReportingRules.objects.create(area=area)),
        ScopedModelCase(
            ValidationRule,
            lambda world, area: ValidationRule.objects.create(
                area=area, left=f.indicator(), kind="yoy_within", limit=50, severity="warning"
            ),
        ),
        ScopedModelCase(
            RulesChange,
            lambda world, area: RulesChange.objects.create(
                area=area, old_text="系统默认", new_text="本级设置"
            ),
        ),
    ]
    views = [
        ViewCase("ledger:index"),
        ViewCase("ledger:upload"),
        ViewCase("ledger:county", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        ViewCase(
            "ledger:indicator",
            kwargs=lambda world: {"code": world.town_b.code, "pk": f.indicator().pk},
            names_object=True,
        ),
        ViewCase("ledger:county_export", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        ViewCase("ledger:entry", kwargs=period, names_object=True),
        ViewCase("ledger:check", kwargs=cell, method="post", names_object=True),
        ViewCase("ledger:submit", kwargs=period, method="post", owner_status=302, names_object=True),
        # a 填报员 may not approve or unlock: visible but forbidden
        ViewCase("ledger:approve", kwargs=period, method="post", owner_status=403, names_object=True),
        ViewCase("ledger:unlock", kwargs=period, method="post", owner_status=403, names_object=True),
        ViewCase("ledger:history", kwargs=period, names_object=True),
        ViewCase("ledger:template", kwargs=period, names_object=True),
        ViewCase("ledger:county_template", kwargs=period, names_object=True),
        ViewCase("ledger:export", kwargs=period, names_object=True),
        ViewCase(
            "ledger:targets",
            kwargs=lambda world: {"code": world.town_b.code, "year": 2025},
            names_object=True,
        ),
        ViewCase("ledger:standards", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        # 创建标准 清单项: town B's clerk reads and marks its own; only the county above reviews
        ViewCase("ledger:checklist", kwargs=town_b_standard, names_object=True),
        ViewCase(
            "ledger:checklist_mark", kwargs=town_b_item, method="post", owner_status=302, names_object=True
        ),
        ViewCase(
            "ledger:checklist_review",
            kwargs=lambda world: {"pk": f.make_mark(world, world.town_b).pk},
            method="post",
            data=lambda world: {"verdict": "accept"},
            owner_status=403,
            names_object=True,
        ),
        ViewCase(
            "ledger:checklist_document",
            kwargs=lambda world: {"pk": checklist_mark(world, world.town_b).pk},
            names_object=True,
        ),
        ViewCase(
            "ledger:checklist_photo",
            kwargs=lambda world: {"pk": checklist_photo(world, world.town_b).pk},
            names_object=True,
        ),
        ViewCase(
            "ledger:checklist_photo_thumbnail",
            kwargs=lambda world: {"pk": checklist_photo(world, world.town_b).pk},
            names_object=True,
        ),
        ViewCase("ledger:rules", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        # a 填报员 reads the deadlines; only a 管理员 sets or removes one
        ViewCase(
            "ledger:deadline_set",
            kwargs=lambda world: {"code": world.town_b.code},
            method="post",
            data=lambda world: {"period": "2025-06", "due": "2025-07-12", "reason": "顺延"},
            owner_status=403,
            names_object=True,
        ),
        ViewCase(
            "ledger:deadline_remove",
            kwargs=lambda world: {"pk": deadline(world, world.town_b).pk},
            method="post",
            owner_status=403,
            names_object=True,
        ),
        ViewCase(
            "ledger:revise",
            kwargs=lambda world: {"pk": f.make_target(world, world.town_b).pk},
            method="post",
            owner_status=403,  # a 填报员 may not change targets
            names_object=True,
        ),
        # 年度目标 and 考核指标: a 填报员 reads them; only a 管理员 may change them
        ViewCase("ledger:catalogue", kwargs=town_b_year, names_object=True),
        ViewCase("ledger:target_sheet", kwargs=town_b_year, names_object=True),
        ViewCase("ledger:target_new", kwargs=town_b_year, method="post", owner_status=403, names_object=True),
        ViewCase(
            "ledger:target_sheet_upload",
            kwargs=town_b_year,
            method="post",
            owner_status=403,
            names_object=True,
        ),
        ViewCase(
            "ledger:target_owner", kwargs=town_b_target, method="post", owner_status=403, names_object=True
        ),
        ViewCase(
            "ledger:target_part_add", kwargs=town_b_target, method="post", owner_status=403, names_object=True
        ),
        ViewCase(
            "ledger:target_part_change",
            kwargs=town_b_part,
            method="post",
            owner_status=403,
            names_object=True,
        ),
        ViewCase(
            "ledger:target_part_remove",
            kwargs=town_b_part,
            method="post",
            owner_status=403,
            names_object=True,
        ),
    ]
    return models, views


_models, _views = _ledger_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 重点项目 (zhenwu.projects)
def _projects_cases():
    from tests.projects import factories as f
    from zhenwu.projects.models import (
        MonthlyUpdate,
        Project,
        StatusChange,
        UpdatePhoto,
        UpdateRevision,
        YearPlan,
    )

    def project(world):
        return {"pk": f.make_project(world, world.town_b).pk}

    def photo(world):  # a real tiny JPEG, written to the suite's own data directory
        return {"pk": f.make_photo(world, world.town_b).pk}

    models = [
        ScopedModelCase(Project, f.make_project),
        ScopedModelCase(YearPlan, f.make_year_plan),
        ScopedModelCase(StatusChange, f.make_status_change),
        ScopedModelCase(MonthlyUpdate, f.make_update),
        ScopedModelCase(UpdateRevision, f.make_revision),
        ScopedModelCase(UpdatePhoto, f.make_photo_row),
    ]
    views = [
        ViewCase("projects:index"),
        ViewCase("projects:overview"),
        ViewCase("projects:new"),  # a 填报员 is told the role may not register projects
        ViewCase("projects:detail", kwargs=project, names_object=True),
        ViewCase("projects:update", kwargs=project, names_object=True),
        ViewCase(
            "projects:advance",
            kwargs=project,
            method="post",
            data=lambda world: {"to_status": "signed", "date": "2025-01-05"},
            owner_status=302,
            names_object=True,
        ),
        # a 填报员 may not edit the ledger entry: visible but forbidden
        ViewCase("projects:edit", kwargs=project, owner_status=403, names_object=True),
        ViewCase("projects:photo", kwargs=photo, names_object=True),
        ViewCase("projects:report", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        ViewCase("projects:report_pdf", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        ViewCase(
            "projects:report_preview", kwargs=lambda world: {"code": world.town_b.code}, names_object=True
        ),
        ViewCase("projects:export", kwargs=lambda world: {"code": world.town_b.code}, names_object=True),
        ViewCase(
            "projects:background",
            kwargs=lambda world: {"code": world.town_b.code, "kind": "report"},
            method="post",
            owner_status=302,
            names_object=True,
        ),
        ViewCase("projects:import"),
        ViewCase("projects:photo_thumbnail", kwargs=photo, names_object=True),
    ]
    return models, views


_models, _views = _projects_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 工作总结 (zhenwu.summaries)
def _summaries_cases():
    from tests.summaries import factories as f
    from zhenwu.summaries.models import (
        CompileBatch,
        CompiledDocument,
        Draft,
        ExtractedFigure,
        FinalVersion,
        NarrativeBlock,
        NarrativeRevision,
    )

    def draft(world):
        return {"code": world.town_b.code, "period": f.PERIOD}

    models = [
        ScopedModelCase(Draft, f.make_draft),
        ScopedModelCase(NarrativeBlock, f.make_narrative),
        ScopedModelCase(NarrativeRevision, f.make_revision),
        ScopedModelCase(CompileBatch, f.make_batch),
        ScopedModelCase(CompiledDocument, f.make_document),
        ScopedModelCase(ExtractedFigure, f.make_figure),
        ScopedModelCase(FinalVersion, f.make_final_version),
    ]
    views = [
        ViewCase("summaries:index"),
        ViewCase("summaries:draft", kwargs=draft, names_object=True),
        ViewCase(
            "summaries:narrative",
            kwargs=draft,
            method="post",
            data=lambda world: {"slot": "plans", "text": "下半年抓好项目建设。"},
            owner_status=302,
            names_object=True,
        ),
        ViewCase("summaries:regenerate", kwargs=draft, method="post", owner_status=302, names_object=True),
        ViewCase("summaries:export", kwargs=draft, names_object=True),
        ViewCase("summaries:export_pdf", kwargs=draft, names_object=True),
        # town B's 填报员 has no office with 发文 settings: refused with a message, nothing issued
        ViewCase("summaries:finalize", kwargs=draft, method="post", owner_status=302, names_object=True),
        ViewCase("summaries:new_draft", kwargs=draft, method="post", owner_status=302, names_object=True),
        ViewCase("summaries:batch", kwargs=draft, names_object=True),
        ViewCase("summaries:batch_start", kwargs=draft, method="post", owner_status=302, names_object=True),
        ViewCase("summaries:compile", kwargs=draft, names_object=True),
        ViewCase(
            "summaries:compile_batch",
            kwargs=lambda world: {"pk": f.make_batch(world, world.town_b).pk},
            names_object=True,
        ),
        ViewCase(
            "summaries:compile_document",
            kwargs=lambda world: {"pk": f.make_document(world, world.town_b).pk},
            method="post",
            owner_status=302,
            names_object=True,
        ),
        ViewCase(
            "summaries:compile_figure",
            kwargs=lambda world: {"pk": f.make_figure(world, world.town_b).pk},
            method="post",
            data=lambda world: {"status": "ignored"},
            owner_status=302,
            names_object=True,
        ),
        ViewCase(
            "summaries:compile_load",
            kwargs=lambda world: {"pk": f.make_batch(world, world.town_b).pk},
            method="post",
            owner_status=302,
            names_object=True,
        ),
    ]
    return models, views


_models, _views = _summaries_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 考核排名 (zhenwu.assessment)
def _assessment_cases():
    from tests.assessment import factories as f
    from zhenwu.assessment.models import Criterion, ManualScore, Result, ResultRow, Scheme, ScoreDetail

    def scheme(world):  # town B ranks its villages; the result of 2026-Q1 is published
        return {"slug": f.make_result(world, world.town_b).scheme.slug}

    def period(world):
        return scheme(world) | {"period": f.PERIOD.key}

    models = [
        ScopedModelCase(Scheme, f.make_scheme),
        ScopedModelCase(Criterion, f.make_criterion),
        ScopedModelCase(ManualScore, f.make_manual_score),
        ScopedModelCase(Result, f.make_result),
        ScopedModelCase(ResultRow, f.make_row),
        ScopedModelCase(ScoreDetail, f.make_detail),
        # a departments scheme: its lines and scores name a department, and follow the issuing area
        ScopedModelCase(ManualScore, f.make_department_score),
        ScopedModelCase(ResultRow, f.make_department_row),
    ]

    def villages(world):  # town B's 村干部考核 over its villages, 2026-Q1 published
        return {"slug": f.make_villages_scheme(world, world.town_b).slug, "period": f.PERIOD.key}

    def departments(world):  # town B ranks its departments
        return {"slug": f.make_departments_scheme(world, world.town_b).slug, "period": f.PERIOD.key}

    views = [
        ViewCase("assessment:index"),
        ViewCase("assessment:scheme", kwargs=scheme, names_object=True),
        ViewCase("assessment:history", kwargs=scheme, names_object=True),
        ViewCase("assessment:result", kwargs=period, names_object=True),
        ViewCase("assessment:bulletin", kwargs=period, names_object=True),
        ViewCase("assessment:bulletin_pdf", kwargs=period, names_object=True),
        ViewCase(
            "assessment:bulletin_job", kwargs=period, method="post", owner_status=302, names_object=True
        ),
        ViewCase("assessment:recompute", kwargs=period, names_object=True),
        ViewCase(
            "assessment:detail",
            kwargs=lambda world: {"pk": f.make_detail(world, world.town_b).pk},
            names_object=True,
        ),
        # a 填报员 may not compute, publish or score: visible but forbidden
        ViewCase("assessment:compute", kwargs=period, method="post", owner_status=403, names_object=True),
        ViewCase("assessment:publish", kwargs=period, method="post", owner_status=403, names_object=True),
        ViewCase("assessment:manual", kwargs=period, owner_status=403, names_object=True),
        # the same pages for a villages scheme and a departments scheme
        ViewCase("assessment:result", kwargs=villages, names_object=True),
        ViewCase("assessment:bulletin", kwargs=villages, names_object=True),
        ViewCase("assessment:manual", kwargs=villages, owner_status=403, names_object=True),
        ViewCase("assessment:result", kwargs=departments, names_object=True),
        ViewCase("assessment:manual", kwargs=departments, owner_status=403, names_object=True),
    ]
    return models, views


_models, _views = _assessment_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 账号与密码 (zhenwu.accounts)
def _accounts_cases():
    from tests.conftest import make_user
    from zhenwu.areas.models import Role

    def account(world):  # an account of town B's village, named by the reset and unlock URLs
        return {"pk": make_user("nantang_clerk", world.village_b1, Role.CLERK).pk}

    def token(world):  # one of town B's clerk's API tokens
        from zhenwu.accounts.tokens import create_token

        return {"pk": create_token(world.town_b_clerk, "统计平台")[0].pk}

    views = [
        ViewCase("accounts:index"),
        ViewCase("accounts:password_change"),
        # a 填报员 sees that town B's accounts exist but may not reset or unlock them
        ViewCase("accounts:reset", kwargs=account, owner_status=403, names_object=True),
        ViewCase("accounts:unlock", kwargs=account, method="post", owner_status=403, names_object=True),
        ViewCase("accounts:tokens"),
        ViewCase("accounts:contact"),
        ViewCase("accounts:user_contact", kwargs=account, owner_status=403, names_object=True),
        # a token is its owner's alone: town B's clerk revokes their own, anyone else gets 404
        ViewCase("accounts:token_revoke", kwargs=token, method="post", owner_status=302, names_object=True),
    ]
    return [], views


_models, _views = _accounts_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 设置 (the 管理员's setup pages of ledger, assessment, areas and accounts): a 填报员 is refused (403)
# on their own area, the outsider gets 404.
def _setup_cases():
    from tests.assessment import factories as assessment
    from tests.conftest import make_user
    from tests.ledger import factories as ledger
    from zhenwu.areas.models import Role, SettingChange
    from zhenwu.ledger.models import Catalogue, CatalogueEntry, CatalogueKind

    def town_b(world):
        return {"code": world.town_b.code}

    def indicator(world):
        return town_b(world) | {"pk": ledger.indicator().pk}

    def catalogue(world):
        return town_b(world) | {"pk": _catalogue(world).pk}

    def _catalogue(world):
        return Catalogue.objects.create(
            name="白沙镇考核指标", kind=CatalogueKind.ASSESSMENT, issued_by=world.town_b, year=2025
        )

    def entry(world):
        made = CatalogueEntry.objects.create(catalogue=_catalogue(world), indicator=ledger.indicator())
        return town_b(world) | {"pk": made.pk}

    def item(world):
        standard = ledger.make_checklist(world, issued_by=world.town_b, name="白沙镇村庄创建标准")
        return town_b(world) | {"pk": standard.items.get().pk}

    def standard(world):
        made = ledger.make_checklist(world, issued_by=world.town_b, name="白沙镇村庄创建标准")
        return town_b(world) | {"pk": made.pk}

    def scheme(world):
        return town_b(world) | {"slug": assessment.make_scheme(world, world.town_b).slug}

    def criterion(world):
        return town_b(world) | {"pk": assessment.make_criterion(world, world.town_b).pk}

    def department(world):
        return town_b(world) | {"pk": world.department_b.pk}

    def account(world):
        return {"pk": make_user("nantang_reporter", world.village_b1, Role.CLERK).pk}

    def membership(world):
        user = make_user("nantang_reporter", world.village_b1, Role.CLERK)
        return {"pk": user.pk, "membership": user.memberships.get().pk}

    models = [
        ScopedModelCase(
            SettingChange,
            lambda world, area: SettingChange.objects.create(
                area=area, subject="department:1", label="部门“党政办”", after="名称：党政办"
            ),
        ),
    ]
    forbidden = {"owner_status": 403, "names_object": True}
    views = [
        ViewCase("settings", kwargs=town_b, **forbidden),
        ViewCase("ledger:setup_indicators", kwargs=town_b, **forbidden),
        ViewCase("ledger:setup_indicator", kwargs=indicator, **forbidden),
        ViewCase("ledger:setup_indicator_active", kwargs=indicator, method="post", **forbidden),
        ViewCase("ledger:setup_catalogues", kwargs=town_b, **forbidden),
        ViewCase("ledger:setup_catalogue_copy", kwargs=town_b, method="post", **forbidden),
        ViewCase("ledger:setup_catalogue", kwargs=catalogue, **forbidden),
        ViewCase("ledger:setup_entry_change", kwargs=entry, method="post", **forbidden),
        ViewCase("ledger:setup_entry_remove", kwargs=entry, method="post", **forbidden),
        ViewCase("ledger:setup_entry_move", kwargs=entry, method="post", **forbidden),
        ViewCase("ledger:setup_item_add", kwargs=standard, method="post", **forbidden),
        ViewCase("ledger:setup_item_change", kwargs=item, method="post", **forbidden),
        ViewCase("ledger:setup_item_remove", kwargs=item, method="post", **forbidden),
        ViewCase("ledger:setup_item_move", kwargs=item, method="post", **forbidden),
        ViewCase("assessment:setup_schemes", kwargs=town_b, **forbidden),
        ViewCase("assessment:setup_scheme", kwargs=scheme, **forbidden),
        ViewCase("assessment:setup_criterion_add", kwargs=scheme, method="post", **forbidden),
        ViewCase("assessment:setup_preview", kwargs=scheme, **forbidden),
        ViewCase("assessment:setup_criterion", kwargs=criterion, **forbidden),
        ViewCase("assessment:setup_criterion_remove", kwargs=criterion, method="post", **forbidden),
        ViewCase("areas:departments", kwargs=town_b, **forbidden),
        ViewCase("areas:history", kwargs=town_b, **forbidden),
        ViewCase("areas:department_change", kwargs=department, method="post", **forbidden),
        ViewCase("areas:department_active", kwargs=department, method="post", **forbidden),
        ViewCase("areas:department_remove", kwargs=department, method="post", **forbidden),
        ViewCase("accounts:setup", kwargs=town_b, **forbidden),
        ViewCase("accounts:account", kwargs=account, **forbidden),
        ViewCase("accounts:role", kwargs=membership, method="post", **forbidden),
        ViewCase("accounts:role_add", kwargs=account, method="post", **forbidden),
        ViewCase("accounts:role_remove", kwargs=membership, method="post", **forbidden),
        ViewCase("accounts:active", kwargs=account, method="post", **forbidden),
        ViewCase("accounts:name", kwargs=account, method="post", **forbidden),
    ]
    return models, views


_models, _views = _setup_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 提醒与催报 (zhenwu.reminders)
def _reminders_cases():
    from zhenwu.reminders.models import Channel, ChannelKind, Delivery, Reminder, ReminderRules

    def reminder(world, area=None):
        area = area or world.town_b
        recipient = world.town_b_clerk if area == world.town_b else world.town_a_clerk
        return Reminder.objects.create(
            area=area, recipient=recipient, kind="chase", message="请尽快上报", key=f"t:{area.code}"
        )

    def delivery(world, area):
        return Delivery.objects.create(
            reminder=reminder(world, area), channel=ChannelKind.WEBHOOK, status="failed"
        )

    models = [
        ScopedModelCase(ReminderRules, lambda world, area: ReminderRules.objects.create(area=area)),
        ScopedModelCase(
            Channel, lambda world, area: Channel.objects.create(area=area, kind=ChannelKind.EMAIL)
        ),
        ScopedModelCase(Reminder, reminder),
        ScopedModelCase(Delivery, delivery),
    ]
    town_b = lambda world: {"code": world.town_b.code}  # noqa: E731
    views = [
        ViewCase("reminders:inbox"),
        # a reminder is its recipient's alone: town B's clerk marks it read, anyone else gets 404
        ViewCase(
            "reminders:read",
            kwargs=lambda world: {"pk": reminder(world).pk},
            method="post",
            owner_status=302,
            names_object=True,
        ),
        ViewCase("reminders:area", kwargs=town_b, names_object=True),
        # rules and channels are the 管理员's; 催报 is for the reviewers and admins above the town
        ViewCase("reminders:settings", kwargs=town_b, owner_status=403, names_object=True),
        ViewCase("reminders:chase", kwargs=town_b, method="post", owner_status=403, names_object=True),
        ViewCase(
            "reminders:retry",
            kwargs=lambda world: {"pk": delivery(world, world.town_b).pk},
            method="post",
            owner_status=403,
            names_object=True,
        ),
    ]
    return models, views


_models, _views = _reminders_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# 发文 (zhenwu.issuing)
def _issuing_cases():
    from tests.issuing import factories as f
    from zhenwu.issuing.models import DispatchSettings, IssuedNumber

    models = [
        ScopedModelCase(DispatchSettings, f.make_settings),
        ScopedModelCase(IssuedNumber, f.make_issued),
    ]
    office = lambda world: {"pk": world.department_b.pk}  # noqa: E731
    issued = lambda world: {"pk": f.make_issued(world, world.town_b, kept=True).pk}  # noqa: E731
    views = [
        ViewCase("issuing:index"),
        ViewCase("issuing:office", kwargs=office, names_object=True),
        # only the area's 管理员 changes the settings
        ViewCase(
            "issuing:office",
            kwargs=office,
            method="post",
            data=lambda world: {
                "mark": "白沙镇人民政府文件",
                "prefix": "白政",
                "year": 2026,
                "next_number": 1,
            },
            owner_status=403,
            names_object=True,
        ),
        # a 填报员 without an office issues nothing
        ViewCase(
            "issuing:issue",
            kwargs=lambda world: {"kind": "inspections"},
            method="post",
            data=lambda world: {"code": world.town_b.code, "month": "2026-03"},
            owner_status=403,
            names_object=True,
        ),
        ViewCase("issuing:issued", kwargs=issued, names_object=True),
        ViewCase("issuing:issued_pdf", kwargs=issued, names_object=True),
    ]
    return models, views


_models, _views = _issuing_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views


# The Django admin (/admin/): every registered model, held to the admin's subtree like every page.
@dataclass(frozen=True)
class AdminCase:
    """How to make a row of ``model`` in an area, and the add form's data for a row in an area.

    ``add`` is ``None`` where the admin adds no rows of the model (they come from the pages, which
    keep the history). ``shared`` rows belong to no area (indicators, categories): every 管理员
    reads them and only the county's (or a superuser) changes them.
    """

    model: type
    make: Callable  # (world, area) -> a row belonging to ``area``
    add: Callable | None = None  # (world, area) -> POST data of the add form, for a row in ``area``
    shared: bool = False

    def __str__(self) -> str:
        return self.model._meta.label


def inline_management(model) -> dict:
    """The empty management forms of the model's admin inlines (the add form needs them)."""
    from django.contrib import admin
    from django.forms.models import _get_foreign_key

    data = {}
    for inline in admin.site.get_model_admin(model).inlines:
        fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
        prefix = fk.remote_field.get_accessor_name(model=False).replace("+", "")
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def _admin_cases():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tests.conftest import make_user
    from tests.inspections import factories as inspections
    from tests.ledger import factories as ledger
    from zhenwu.areas.models import Area
    from zhenwu.assessment.models import Result, Scheme
    from zhenwu.inspections.models import Finding, FindingCategory, FindingPhoto, Inspection
    from zhenwu.ledger.models import (
        Catalogue,
        Indicator,
        ReportedValue,
        RulesChange,
        Target,
        TargetChange,
        ValidationRule,
        ValueHistory,
    )
    from zhenwu.projects.models import MonthlyUpdate, Project

    made = {case.model: case.make for case in SCOPED_MODELS}

    def scoped(model, add=None):
        return AdminCase(model, made[model], add)

    def area_form(world, area):
        return {"parent": area.pk, "code": area.code[:9] + "299", "name": "新建村", "level": "village"}

    def indicator_form(world, area):
        return {
            "code": "XJZB",
            "name": "新建指标",
            "unit": "个",
            "decimals": "0",
            "direction": "higher",
            "kind": "cumulative",
            "aggregation": "sum",
            "ratio_scale": "100",
            "theme": "economy",
            "frequency": "monthly",
            "sort_order": "0",
            "is_active": "on",
        }

    def category_form(world, area):
        return {
            "name": "新问题类别",
            "theme": "cityscape",
            "count_unit": "处",
            "count_verb": "查处",
            "default_days": "7",
            "order": "0",
            "active": "on",
        }

    def finding_form(world, area):
        return {
            "category": inspections.category().pk,
            "area": area.pk,
            "location": "新街口",
            "description": "占道经营",
            "severity": "general",
            "found_on": "2025-06-12",
            "deadline": "2025-06-19",
        } | inline_management(Finding)

    def project_form(world, area):
        return {
            "area": area.pk,
            "name": "新建厂房项目",
            "category": "industry",
            "tier": "county",
            "total_investment": "5000",
            "created_at_0": "2025-06-01",
            "created_at_1": "08:00:00",
        } | inline_management(Project)

    def scheme_form(world, area):
        return {
            "area": area.pk,
            "name": "新考核方案",
            "slug": f"new-{area.code}",
            "period_type": "quarter",
            "assessed": [area.pk],
            "grades": '[["达标", 60], ["不达标", 0]]',
            "first_year": "2025",
        } | inline_management(Scheme)

    return [
        AdminCase(
            get_user_model(),
            lambda world, area: make_user(f"user_{area.code}", area, "clerk"),
            lambda world, area: {
                "username": f"new_{area.code}",
                "password1": "Qx-9fT-long-pass",
                "password2": "Qx-9fT-long-pass",
                "usable_password": "true",
            },
        ),
        AdminCase(
            Group,
            lambda world, area: Group.objects.create(name=f"{area.name}组"),
            lambda world, area: {"name": f"{area.name}新组"},
        ),
        AdminCase(Area, lambda world, area: area, area_form),
        scoped(Department, lambda world, area: {"area": area.pk, "name": "新设办公室"}),
        scoped(
            Membership,
            lambda world, area: {"user": world.town_b_clerk.pk, "area": area.pk, "role": "leader"},
        ),
        AdminCase(Indicator, lambda world, area: ledger.indicator(), indicator_form, shared=True),
        AdminCase(
            Catalogue,
            lambda world, area: Catalogue.objects.create(
                name=f"{area.name}创建标准", kind="standard", issued_by=area
            ),
            lambda world, area: (
                {"name": "新目录", "kind": "standard", "issued_by": area.pk, "year": "2025"}
                | inline_management(Catalogue)
            ),
        ),
        scoped(Target),
        scoped(ReportedValue),
        scoped(ValueHistory),
        scoped(TargetChange),
        scoped(RulesChange),
        scoped(
            ValidationRule,
            lambda world, area: {
                "area": area.pk,
                "left": ledger.indicator().pk,
                "kind": "yoy_within",
                "limit": "50",
                "severity": "warning",
                "is_active": "on",
            },
        ),
        AdminCase(FindingCategory, lambda world, area: inspections.category(), category_form, shared=True),
        scoped(
            Inspection,
            lambda world, area: {
                "area": area.pk,
                "title": "专项督查",
                "kind": "scheduled",
                "theme": "cityscape",
                "date": "2025-06-12",
                "covered_areas": [area.pk],
            },
        ),
        scoped(Finding, finding_form),
        scoped(FindingPhoto),
        scoped(Project, project_form),
        scoped(MonthlyUpdate),
        scoped(Scheme, scheme_form),
        scoped(Result),
    ]


ADMIN_CASES = _admin_cases()


# The JSON API (/api/v1/): every operation of its schema, with the query naming town B's area.
@dataclass(frozen=True)
class ApiCase:
    """One API operation: what town B's clerk (owner) and a 领导 of town B (reader) get; anonymous: 401.

    ``query`` names town B's area, so town A's clerk (the outsider) gets 404. ``prepare`` makes
    what the owner's call needs (a figure to submit).
    """

    method: str
    path: str  # as the schema lists it: ``{pk}`` filled from ``kwargs``
    query: Callable = field(default=lambda world: {})
    body: dict | None = None
    owner_status: int = 200
    reader_status: int = 200  # a 领导 reads but changes nothing: 403 for every change
    names_object: bool = True
    public: bool = False
    prepare: Callable = field(default=lambda world: None)
    kwargs: Callable = field(default=lambda world: {})  # (world) -> the path's ``{pk}`` of a town B object
    form: Callable | None = None  # (world) -> multipart fields and files, sent instead of ``body``

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}"

    def url(self, world) -> str:
        return self.path.format(**self.kwargs(world))


def _town_b_month(world):
    return {"area": world.town_b.code, "period": "2025-06"}


def _draft_in_town_b(world):
    from tests.ledger.factories import make_value

    make_value(world, world.town_b)


def _api_cases_beyond_the_ledger() -> list[ApiCase]:
    """年度目标, 重点项目, 督查整改, 考核排名, 工作总结 and 核稿: what town B's clerk and a 领导 of town B may do."""
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.assessment import factories as assessment
    from tests.inspections import factories as inspections
    from tests.ledger.factories import all_indicators, make_target
    from tests.projects import factories as projects

    def town_b(world):
        return {"area": world.town_b.code}

    def town_b_year(world):
        return {"area": world.town_b.code, "year": 2025}

    def target(world):
        return {"pk": make_target(world, world.town_b).pk}

    def project(world):
        return {"pk": projects.make_project(world, world.town_b).pk}

    def finding(world):
        return {"pk": inspections.make_finding(world, world.village_b1).pk}

    def photo(name="现场.jpg"):
        return SimpleUploadedFile(name, inspections.jpeg_bytes(), content_type="image/jpeg")

    def grid_report(world):
        category = inspections.category()
        return {
            "source": "grid",
            "category": category.pk,
            "location": "南塘村村口桥头",
            "description": "桥头堆放建筑垃圾",
            "photos": [photo()],
        }

    def result(world):
        scheme = assessment.make_result(world, world.town_b).scheme
        return {"scheme": scheme.slug, "period": assessment.PERIOD.key}

    def half_year(world):
        all_indicators()
        return {"area": world.town_b.code, "period": "2025-H1"}

    update = {"month": "2025-06", "investment_month": "120", "progress": "主体结构施工至第5层"}
    findings = "/api/v1/inspections/findings"
    deadline = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    return [
        ApiCase("get", "/api/v1/ledger/targets", town_b_year),
        # only a 管理员 issues or revises targets
        ApiCase(
            "post",
            "/api/v1/ledger/targets",
            town_b_year,
            body={"indicator": "GDTZ", "value": "12"},
            owner_status=403,
            reader_status=403,
            prepare=lambda world: all_indicators(),
        ),
        ApiCase(
            "post",
            "/api/v1/ledger/targets/{pk}/revise",
            kwargs=target,
            body={"value": "14", "effective_month": 7, "reason": "县里调高任务"},
            owner_status=403,
            reader_status=403,
        ),
        ApiCase("get", "/api/v1/projects", town_b),
        ApiCase("get", "/api/v1/projects/{pk}", kwargs=project),
        ApiCase("get", "/api/v1/projects/{pk}/updates", kwargs=project),
        ApiCase(
            "post",
            "/api/v1/projects/{pk}/updates",
            kwargs=project,
            form=lambda world: update | {"photos": [photo()]},
            owner_status=201,
            reader_status=403,
        ),
        ApiCase("get", findings, town_b),
        ApiCase("get", findings + "/{pk}", kwargs=finding),
        ApiCase("post", findings, town_b, form=grid_report, owner_status=201, reader_status=403),
        # a 填报员 rectifies; only a 督查员 or 管理员 assigns, closes or returns
        ApiCase(
            "post",
            findings + "/{pk}/assign",
            kwargs=finding,
            body={"deadline": deadline},
            owner_status=403,
            reader_status=403,
        ),
        ApiCase("post", findings + "/{pk}/start", kwargs=finding, body={}, reader_status=403),
        ApiCase(
            "post",
            findings + "/{pk}/rectify",
            kwargs=finding,
            form=lambda world: {"note": "已拆除并清运", "photos": [photo("整改后.jpg")]},
            reader_status=403,
        ),
        ApiCase(
            "post", findings + "/{pk}/close", kwargs=finding, body={}, owner_status=403, reader_status=403
        ),
        ApiCase(
            "post",
            findings + "/{pk}/return",
            kwargs=finding,
            body={"note": "照片不清楚"},
            owner_status=403,
            reader_status=403,
        ),
        ApiCase("get", "/api/v1/assessment/schemes", names_object=False),
        ApiCase("get", "/api/v1/assessment/results", result),
        ApiCase("get", "/api/v1/summaries/draft", half_year),
        ApiCase("get", "/api/v1/summaries/docx", half_year),
        ApiCase("get", "/api/v1/summaries/pdf", half_year),
        ApiCase(
            "post",
            "/api/v1/check",
            lambda world: {},
            body=None,
            form=lambda world: {"text": "上半年完成固定资产投资6.02亿元。", "area": world.town_b.code},
        ),
    ]


API_CASES = [
    ApiCase("get", "/api/v1/openapi.json", public=True, names_object=False),
    ApiCase("get", "/api/v1/docs", public=True, names_object=False),
    ApiCase("get", "/api/v1/areas", names_object=False),
    ApiCase("get", "/api/v1/ledger/indicators", lambda world: {"area": world.town_b.code, "year": 2025}),
    ApiCase("get", "/api/v1/ledger/values", _town_b_month),
    ApiCase("get", "/api/v1/ledger/progress", _town_b_month),
    ApiCase("put", "/api/v1/ledger/values", _town_b_month, body={"values": {}}, reader_status=403),
    ApiCase("post", "/api/v1/ledger/submit", _town_b_month, reader_status=403, prepare=_draft_in_town_b),
    # a 填报员 may neither approve nor unlock
    ApiCase("post", "/api/v1/ledger/approve", _town_b_month, owner_status=403, reader_status=403),
    ApiCase(
        "post",
        "/api/v1/ledger/unlock",
        _town_b_month,
        body={"reason": "更正"},
        owner_status=403,
        reader_status=403,
    ),
    *_api_cases_beyond_the_ledger(),
]


# 我的任务 (zhenwu.jobs)
def _jobs_cases():
    from tests.jobs import factories as f
    from zhenwu.jobs.models import Job, JobStep

    def own_job(world):
        return {"pk": f.make_job(world, world.town_b, world.town_b_clerk).pk}

    def finished(world):
        return {"pk": f.make_finished_job(world, world.town_b, world.town_b_clerk).pk}

    def finished_report(world):
        return {"pk": f.make_finished_report_job(world, world.town_b, world.town_b_clerk).pk}

    models = [ScopedModelCase(Job, f.make_job), ScopedModelCase(JobStep, f.make_step)]
    views = [
        ViewCase("jobs:index"),
        ViewCase("jobs:detail", kwargs=own_job, names_object=True),
        ViewCase("jobs:status", kwargs=own_job, names_object=True),
        ViewCase("jobs:download", kwargs=finished, names_object=True),
        ViewCase("jobs:download_pdf", kwargs=finished_report, names_object=True),
    ]
    return models, views


_models, _views = _jobs_cases()
SCOPED_MODELS += _models
VIEW_CASES += _views
