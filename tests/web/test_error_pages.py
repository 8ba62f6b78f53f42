"""Errors answer in Chinese inside the site's layout, with a way back; the API keeps answering JSON."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.projects.factories import make_project


def test_an_unknown_page_is_a_chinese_404_in_the_layout(client, world):
    client.force_login(world.town_a_clerk)
    response = client.get("/no-such-page/", HTTP_REFERER="http://testserver/ledger/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "没有找到这一页" in page and "Not Found" not in page
    assert 'href="http://testserver/ledger/"' in page and "返回上一页" in page  # the way back
    assert 'href="/"' in page and "回到首页" in page
    assert 'aria-label="功能"' in page  # the site's navigation is there


def test_an_object_outside_the_subtree_says_so_in_chinese(client, world):
    project = make_project(world, world.town_b)
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("projects:detail", args=[project.pk]))
    assert response.status_code == 404
    assert "不在您的管辖范围内" in response.content.decode()


def test_a_role_that_may_not_act_gets_a_chinese_403_with_the_reason(client, world):
    client.force_login(world.town_a_clerk)
    response = client.post(reverse("ledger:rules", args=[world.town_a.code]), {"due_day": "5"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "无权进行此操作" in page and "只有管理员可以修改台账规则" in page
    assert "Forbidden" not in page


def test_a_crash_is_a_chinese_500_page(world, monkeypatch):
    from zhenwu.web import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "home_tasks", broken)
    client = Client(raise_request_exception=False)
    client.force_login(world.town_a_clerk)
    response = client.get(reverse("home"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "系统出错了" in page and "boom" not in page


@pytest.mark.parametrize(
    "path", ["/api/v1/no-such-thing", "/api/v1/ledger/values?area=390123102000&period=2026-01"]
)
def test_the_api_keeps_answering_json(client, world, path):
    client.force_login(world.town_a_clerk)
    response = client.get(path)
    assert response.status_code in (401, 404)
    assert response["Content-Type"].startswith("application/json")


def test_a_chinese_path_that_matches_nothing_shows_no_internals(client, world):
    client.force_login(world.town_a_clerk)
    page = client.get("/青山镇/台账/").content.decode()
    assert "没有找到这一页" in page and "tried" not in page and "URLPattern" not in page
