"""Several workers on one PostgreSQL queue: a row one worker holds is skipped by the others, never shared."""

from __future__ import annotations

import signal
import threading

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from tests.jobs.processes import start_worker, wait_until, zhenwu
from zhenwu.jobs.queue import submit
from zhenwu.jobs.worker import claim_next

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED is PostgreSQL's; SQLite runs one worker"
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_worker_skips_the_row_another_worker_is_claiming():
    first = submit("tests.jobs.functions.count_to", title="一", params={"n": 1})
    second = submit("tests.jobs.functions.count_to", title="二", params={"n": 1})
    holding, release = threading.Event(), threading.Event()
    held = []

    def other_worker():
        try:
            with transaction.atomic():
                held.append(DBTaskResult.objects.ready().get_locked())
                holding.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert holding.wait(30)
        claimed = claim_next("worker-b")  # does not wait for, nor take, the row held above
    finally:
        release.set()
        thread.join()
    assert {str(held[0].id), str(claimed.id)} == {first.task_id, second.task_id}
    assert claimed.worker_ids == ["worker-b"]


@on_postgresql
def test_two_worker_processes_run_every_job_exactly_once(workers_database, tmp_path):
    env, connect = workers_database
    zhenwu(env, "zhenwu", "manage", "migrate", "--verbosity", "0")
    zhenwu(env, "tests.jobs.seed_jobs", "40")
    db = connect()
    log = tmp_path / "workers.log"
    workers = [start_worker(env, log), start_worker(env, log)]
    try:
        wait_until(
            lambda: db.value("SELECT COUNT(*) FROM jobs_job WHERE status <> 'done'") == 0, "all jobs done"
        )
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
    assert db.rows("SELECT DISTINCT attempts FROM jobs_job") == [(1,)]
    assert db.value("SELECT COUNT(*) FROM jobs_jobstep") == 40 * 3
    rows = db.rows("SELECT worker_ids FROM django_tasks_database_dbtaskresult")
    # one queue row per job (the 40, and the schedule's housekeeping), each claimed by one worker
    assert len(rows) == db.value("SELECT COUNT(*) FROM jobs_job") and all(len(ids) == 1 for (ids,) in rows)
    assert all(worker.returncode == 0 for worker in workers), log.read_text()
