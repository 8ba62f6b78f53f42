"""Two people on the same project: an edit or a monthly update from an older page never silently undoes a newer one.

Each posts the form exactly as their browser would, hidden fields included.
"""

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user
from tests.pages import form_fields
from zhenwu.areas.models import Role
from zhenwu.projects.models import MonthlyUpdate, Project, UpdateRevision


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def town_admin(world):
    return signed_in(make_user("town_a_admin", world.town_a, Role.ADMIN, first_name="刘洋"))


@pytest.fixture
def county_admin(world):
    return signed_in(world.county_admin)


def page(client, name, project):
    return client.get(reverse(f"projects:{name}", args=[project.pk]))


def post(client, name, project, data):
    return client.post(reverse(f"projects:{name}", args=[project.pk]), data)


def test_an_edit_from_an_older_page_is_refused_naming_who_changed_what(project_a, town_admin, county_admin):
    seen_by_town, seen_by_county = (
        form_fields(page(town_admin, "edit", project_a)),
        form_fields(page(county_admin, "edit", project_a)),
    )
    assert (
        post(town_admin, "edit", project_a, seen_by_town | {"total_investment": "15000"}).status_code == 302
    )

    response = post(county_admin, "edit", project_a, seen_by_county | {"responsible_person": "张三"})

    text = response.content.decode()
    assert response.status_code == 200
    assert "项目“溪东片区老旧小区改造工程”已被 刘洋 于" in text
    assert "修改，现为：责任人“陈立”、总投资（万元）15000、项目状态“谋划”（您的修改未保存）" in text
    project = Project.objects.get()
    assert (project.total_investment, project.responsible_person) == (D(15000), "陈立")
    kept = form_fields(response)
    assert (kept["responsible_person"], kept["total_investment"]) == ("张三", "15000.00")


def test_the_second_try_saves_the_users_change_and_keeps_the_other(project_a, town_admin, county_admin):
    seen_by_county = form_fields(page(county_admin, "edit", project_a))
    post(
        town_admin,
        "edit",
        project_a,
        form_fields(page(town_admin, "edit", project_a)) | {"total_investment": "15000"},
    )
    refused = post(county_admin, "edit", project_a, seen_by_county | {"responsible_person": "张三"})

    assert post(county_admin, "edit", project_a, form_fields(refused)).status_code == 302

    project = Project.objects.get()
    assert (project.total_investment, project.responsible_person, project.version) == (D(15000), "张三", 3)


def test_a_monthly_update_from_an_older_page_is_refused_and_kept(world, project_a, county_admin):
    clerk = signed_in(world.town_a_clerk)
    seen_by_clerk, seen_by_county = (
        form_fields(page(clerk, "update", project_a)),
        form_fields(page(county_admin, "update", project_a)),
    )
    first = seen_by_clerk | {"investment_month": "500", "progress": "主体结构封顶"}
    assert post(clerk, "update", project_a, first).status_code == 302

    second = seen_by_county | {"investment_month": "800", "progress": "主体结构施工至第5层"}
    response = post(county_admin, "update", project_a, second)

    text = response.content.decode()
    assert response.status_code == 200
    assert "“溪东片区老旧小区改造工程”" in text and "进展已被 李娟 于" in text
    assert "填报，现为：当月完成投资500万元、形象进度“主体结构封顶”（您的填报未保存）" in text
    update = MonthlyUpdate.objects.get()
    assert (update.investment_month, update.progress) == (D(500), "主体结构封顶")
    assert not UpdateRevision.objects.exists()
    kept = form_fields(response)
    assert (kept["investment_month"], kept["progress"]) == ("800", "主体结构施工至第5层")

    assert post(county_admin, "update", project_a, kept).status_code == 302  # the second try
    update.refresh_from_db()
    assert (update.investment_month, update.revision) == (D(800), 1)
    assert UpdateRevision.objects.get().investment_month == D(500)  # the first entry stays on record
