"""Submitting jobs and running them in this process: progress, results, errors, retries, dead workers."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.jobs.functions import CALLS
from zhenwu.jobs.models import Job, JobStatus, JobStep
from zhenwu.jobs.queue import reclaim_stale, submit
from zhenwu.jobs.worker import drain

pytestmark = pytest.mark.django_db


def refreshed(job: Job) -> Job:
    job.refresh_from_db()
    return job


def test_a_submitted_job_waits_in_the_queue_until_a_worker_runs_it(world):
    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 3})
    assert job.status == JobStatus.QUEUED
    assert DBTaskResult.objects.get(id=job.task_id).status == TaskResultStatus.READY
    assert CALLS == []

    assert drain() == 1

    job = refreshed(job)
    assert (job.status, job.done, job.total, job.percent, job.attempts) == (JobStatus.DONE, 3, 3, 100, 1)
    assert job.message == "数到了 3"
    assert [call[2] for call in CALLS] == ["1", "2", "3"]
    assert DBTaskResult.objects.get(id=job.task_id).status == TaskResultStatus.SUCCESSFUL


def test_a_wrong_function_path_is_refused_when_submitting():
    with pytest.raises(ImportError):
        submit("tests.jobs.functions.no_such_function", title="无")
    assert not Job.objects.exists()


def test_a_result_file_is_kept_in_the_data_directory(world, job_results):
    job = submit("tests.jobs.functions.report", title="月报", user=world.town_a_clerk)
    drain()
    job = refreshed(job)
    assert job.result_name == "青溪县_月报.txt"
    assert (job_results / str(job.pk) / "青溪县_月报.txt").read_text(encoding="utf-8") == "青溪县重点项目月报"


def test_a_refusal_fails_at_once_with_its_chinese_message(world):
    job = submit("tests.jobs.functions.refuse", title="通报", user=world.town_a_clerk)
    drain()
    job = refreshed(job)
    assert (job.status, job.attempts) == (JobStatus.FAILED, 1)
    assert job.error == "该考核期尚无结果，无法生成通报"


def test_an_unexpected_error_is_retried_after_a_backoff(world):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        job = submit("tests.jobs.functions.flaky", title="不稳", user=world.town_a_clerk)
        drain()
        job = refreshed(job)
        assert (job.status, job.attempts) == (JobStatus.QUEUED, 1)
        assert "稍后重试" in job.note

        assert drain() == 0  # the retry waits its 30 seconds
        clock.shift(datetime.timedelta(seconds=31))
        assert drain() == 1

    job = refreshed(job)
    assert (job.status, job.attempts, job.message) == (JobStatus.DONE, 2, "第二次成功")


def test_a_job_failing_every_attempt_says_so_in_chinese(world):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        job = submit("tests.jobs.functions.always_broken", title="坏", user=world.town_a_clerk)
        for _ in range(3):
            drain()
            clock.shift(datetime.timedelta(minutes=10))
    job = refreshed(job)
    assert (job.status, job.attempts) == (JobStatus.FAILED, 3)
    assert job.error.startswith("任务出错，已尝试 3 次仍未完成")


def simulate_killed_worker(job: Job, steps_done: list[str], at: datetime.datetime) -> None:
    """What a worker killed with SIGKILL leaves: the job and its queue row running, some steps done."""
    DBTaskResult.objects.filter(id=job.task_id).update(status=TaskResultStatus.RUNNING, started_at=at)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, attempts=1, worker="dead", heartbeat_at=at)
    for key in steps_done:
        JobStep.objects.create(job=job, key=key, attempt=1)


def test_a_job_whose_worker_died_is_queued_again_after_the_lease_and_skips_the_steps_done(world, settings):
    settings.JOBS_LEASE_SECONDS = 120
    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 4})
    first_task = job.task_id
    died = timezone.now()
    simulate_killed_worker(job, ["1", "2"], died)

    assert reclaim_stale(died + datetime.timedelta(seconds=60)) == []  # still within its lease
    assert reclaim_stale(died + datetime.timedelta(seconds=121)) == [job.pk]
    assert reclaim_stale(died + datetime.timedelta(seconds=122)) == []  # reclaimed once only

    assert DBTaskResult.objects.get(id=first_task).status == TaskResultStatus.FAILED
    assert drain() == 1
    job = refreshed(job)
    assert (job.status, job.attempts, job.done) == (JobStatus.DONE, 2, 4)
    assert [call[2] for call in CALLS] == ["3", "4"]
    assert sorted(JobStep.objects.filter(job=job).values_list("key", "attempt")) == [
        ("1", 1),
        ("2", 1),
        ("3", 2),
        ("4", 2),
    ]


def test_a_job_whose_workers_keep_dying_fails_after_its_attempts(world):
    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 2})
    died = timezone.now()
    simulate_killed_worker(job, [], died)
    Job.objects.filter(pk=job.pk).update(attempts=3)
    reclaim_stale(died + datetime.timedelta(hours=1))
    job = refreshed(job)
    assert job.status == JobStatus.FAILED
    assert job.error == "执行任务的进程中断了 3 次，任务未完成，请联系管理员。"


def test_a_stale_attempt_that_wakes_up_cannot_overwrite_the_job(world):
    """A worker presumed dead (its job reclaimed) that carries on learns it lost the job at its next step."""
    from zhenwu.jobs.queue import JobContext, JobLost

    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 2})
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker="new-owner", attempts=2)
    stale = JobContext(refreshed(job), token="old-owner")
    with pytest.raises(JobLost):
        stale.step("1", lambda: CALLS.append("stale work"))
    assert not JobStep.objects.filter(job=job).exists()


def test_a_job_whose_worker_died_right_after_claiming_its_queue_row_is_queued_again(world):
    job = submit("tests.jobs.functions.count_to", title="数数", user=world.town_a_clerk, params={"n": 1})
    died = timezone.now()
    DBTaskResult.objects.filter(id=job.task_id).update(status=TaskResultStatus.RUNNING, started_at=died)

    assert reclaim_stale(died + datetime.timedelta(seconds=60)) == []
    assert reclaim_stale(died + datetime.timedelta(seconds=121)) == [job.pk]
    assert reclaim_stale(died + datetime.timedelta(seconds=122)) == []
    assert drain() == 1
    assert refreshed(job).status == JobStatus.DONE
