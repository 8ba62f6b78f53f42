"""我的任务: each user sees their own jobs (an admin also those of the areas administered), live progress."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.jobs.factories import make_finished_job, make_job
from zhenwu.jobs.models import JobStatus
from zhenwu.jobs.queue import submit
from zhenwu.jobs.worker import drain

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_users_own_jobs_with_status_and_progress(client, world):
    make_job(
        world,
        world.town_a,
        world.town_a_clerk,
        title="青山镇月报",
        status=JobStatus.RUNNING,
        done=3,
        total=12,
    )
    make_job(world, world.town_a, world.town_a_reviewer, title="审核员的导出")
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("jobs:index")).content.decode()
    assert "青山镇月报" in page and "进行中" in page and "3 / 12" in page
    assert "审核员的导出" not in page
    assert 'hx-trigger="every 3s"' in page  # refreshes itself while a job runs


def test_a_county_admin_also_sees_the_jobs_of_the_towns_below(client, world):
    make_job(world, world.town_b, world.town_b_clerk, title="白沙镇导出")
    client.force_login(world.county_admin)
    assert "白沙镇导出" in client.get(reverse("jobs:index")).content.decode()
    client.force_login(world.town_a_clerk)
    assert "白沙镇导出" not in client.get(reverse("jobs:index")).content.decode()


def test_a_colleague_in_the_same_town_cannot_open_someone_elses_job(client, world):
    job = make_job(world, world.town_a, world.town_a_clerk)
    client.force_login(world.town_a_reviewer)
    assert client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).status_code == 404


def test_the_status_block_polls_until_the_job_has_finished(client, world):
    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 2})
    client.force_login(world.town_a_clerk)
    url = reverse("jobs:status", kwargs={"pk": job.pk})
    before = client.get(url).content.decode()
    assert "排队中" in before and f'hx-get="{url}"' in before

    drain()
    after = client.get(url).content.decode()
    assert "已完成" in after and "100%" in after and "hx-get" not in after and "数到了 2" in after


def test_a_failed_job_shows_its_error_in_chinese(client, world):
    job = submit("tests.jobs.functions.refuse", title="通报", user=world.town_a_clerk)
    drain()
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert "失败" in page and "该考核期尚无结果，无法生成通报" in page


def test_the_result_downloads_from_the_job_page(client, world):
    job = make_finished_job(world, world.town_a, world.town_a_clerk)
    client.force_login(world.town_a_clerk)
    page = client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert reverse("jobs:download", kwargs={"pk": job.pk}) in page
    response = client.get(reverse("jobs:download", kwargs={"pk": job.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == "月报"
    assert "attachment" in response["Content-Disposition"]


def test_a_job_without_a_result_file_has_nothing_to_download(client, world):
    job = make_job(world, world.town_a, world.town_a_clerk, result_path="/etc/passwd", result_name="passwd")
    client.force_login(world.town_a_clerk)
    assert client.get(reverse("jobs:download", kwargs={"pk": job.pk})).status_code == 404
