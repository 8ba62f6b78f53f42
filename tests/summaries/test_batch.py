"""Drafting every town's summary at once: a background job that finishes with the browser closed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.summaries.conftest import H1
from zhenwu.jobs.models import Job, JobStatus
from zhenwu.jobs.worker import drain
from zhenwu.summaries.models import Draft

pytestmark = pytest.mark.django_db


def batch_url(name, world):
    return reverse(f"summaries:{name}", kwargs={"code": world.county.code, "period": H1.key})


def test_starting_a_batch_queues_a_job_and_goes_to_its_page(client, ledger, settings, tmp_path):
    world = ledger
    client.force_login(world.county_admin)
    response = client.post(batch_url("batch_start", world))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "jobs:detail", kwargs={"pk": job.pk}
    )
    assert job.title == "起草青溪县下辖单位2025年上半年工作总结"
    assert not Draft.objects.exists()  # nothing drafted while the request was served

    client.logout()  # the browser is closed
    drain()

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 2, 2)
    assert set(Draft.objects.values_list("area__name", flat=True)) == {"青山镇", "白沙镇"}
    client.force_login(world.county_admin)
    page = client.get(batch_url("batch", world)).content.decode()
    assert "已完成" in page and "已起草 2 个单位的2025年上半年工作总结。" in page
    assert reverse("summaries:draft", kwargs={"code": world.town_a.code, "period": H1.key}) in page


def test_a_clerk_cannot_draft_the_whole_county(client, world):
    client.force_login(world.town_a_clerk)
    assert client.post(batch_url("batch_start", world)).status_code == 404
    assert not Job.objects.exists()


def test_a_county_leader_sees_the_batch_but_may_not_start_it(client, world):
    from tests.conftest import make_user

    leader = make_user("county_leader", world.county, "leader")
    client.force_login(leader)
    page = client.get(batch_url("batch", world)).content.decode()
    assert "青山镇" in page and "开始起草" not in page
    assert client.post(batch_url("batch_start", world)).status_code == 403
