"""Two people on the same finding: a step taken from an older page never acts on a state it did not see.

刘敏 (county 督查员) and 王建国 (county 管理员) verify; 李娟 and 陈静 (town A's 填报员) rectify.
Each posts the form exactly as their browser would, hidden fields included.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user
from tests.inspections.factories import jpeg_bytes, make_finding
from tests.pages import form_fields
from zhenwu.areas.models import Role
from zhenwu.inspections.models import Finding, Status, Step, Transition


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail(client, finding):
    return client.get(reverse("inspections:finding", args=[finding.pk]))


def step_form(page, name, finding):
    return form_fields(page, reverse(f"inspections:{name}", args=[finding.pk]))


def submit_evidence(client, finding, page=None, note="已拆除彩钢棚"):
    url = reverse("inspections:submit", args=[finding.pk])
    fields = form_fields(page or client.get(url))
    photo = SimpleUploadedFile("after.jpg", jpeg_bytes(), "image/jpeg")
    return client.post(url, fields | {"note": note, "photos": photo}, follow=True)


def steps(finding):
    return list(Transition.objects.filter(finding=finding).order_by("id").values_list("step", flat=True))


def test_closing_from_a_page_older_than_a_resubmission_is_refused(world, media, county_inspector):
    finding = make_finding(world, world.town_a, status=Status.SUBMITTED)
    inspector, admin, clerk = (
        signed_in(county_inspector),
        signed_in(world.county_admin),
        signed_in(world.town_a_clerk),
    )
    seen_by_inspector, seen_by_admin = detail(inspector, finding), detail(admin, finding)
    returned = step_form(seen_by_inspector, "return", finding) | {"return-note": "照片看不清"}
    inspector.post(reverse("inspections:return", args=[finding.pk]), returned)
    submit_evidence(clerk, finding, note="重新拆除并拍照")

    close = step_form(seen_by_admin, "close", finding) | {"close-note": "整改到位"}
    response = admin.post(reverse("inspections:close", args=[finding.pk]), close, follow=True)

    page = response.content.decode()
    assert (
        f"问题 #{finding.pk}" in page and "已被 李娟 于" in page and "提交整改（您的验收销号未执行）" in page
    )
    assert Finding.objects.get().status == Status.SUBMITTED
    assert steps(finding) == [Step.RETURN, Step.SUBMIT]
    kept = step_form(page, "close", finding)
    assert kept["close-note"].strip() == "整改到位"  # kept for a second try, having seen the new evidence
    admin.post(reverse("inspections:close", args=[finding.pk]), kept)
    assert Finding.objects.get().status == Status.CLOSED


def test_returning_from_a_page_older_than_the_closing_names_who_closed(world, county_inspector):
    finding = make_finding(world, world.town_a, status=Status.SUBMITTED)
    inspector, admin = signed_in(county_inspector), signed_in(world.county_admin)
    seen_by_inspector, seen_by_admin = detail(inspector, finding), detail(admin, finding)
    inspector.post(
        reverse("inspections:close", args=[finding.pk]), step_form(seen_by_inspector, "close", finding)
    )

    returned = step_form(seen_by_admin, "return", finding) | {"return-note": "还有残留"}
    page = admin.post(
        reverse("inspections:return", args=[finding.pk]), returned, follow=True
    ).content.decode()

    assert "已被 刘敏 于" in page and "验收销号（您的退回重改未执行）" in page
    assert Finding.objects.get().status == Status.CLOSED


def test_evidence_from_a_page_older_than_a_return_is_refused_and_kept(world, media, county_inspector):
    finding = make_finding(world, world.town_a, status=Status.IN_PROGRESS)
    first = signed_in(world.town_a_clerk)
    second = signed_in(make_user("town_a_clerk2", world.town_a, Role.CLERK, first_name="陈静"))
    submit_page = second.get(reverse("inspections:submit", args=[finding.pk]))
    submit_evidence(first, finding)
    inspector = signed_in(county_inspector)
    returned = step_form(detail(inspector, finding), "return", finding) | {"return-note": "照片看不清"}
    inspector.post(reverse("inspections:return", args=[finding.pk]), returned)

    page = submit_evidence(second, finding, page=submit_page, note="我这边也拆了").content.decode()

    assert "已被 刘敏 于" in page and "退回重改（您的提交整改未执行）" in page
    assert Finding.objects.get().status == Status.RETURNED
    assert "我这边也拆了" in page
