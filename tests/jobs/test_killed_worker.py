"""A real ``zhenwu worker`` killed with SIGKILL in the middle of drafting 12 towns' summaries.

The test kills the worker as soon as it sees the second town's summary committed (a town takes a
fifth of a second or more, so the worker is caught on the third or so, possibly inside its
transaction), starts another worker, and checks the batch finishes with no town's summary drafted
twice. It runs on the database the suite runs on (a fresh SQLite file, or a fresh PostgreSQL
database).
"""

from __future__ import annotations

import signal

from tests.jobs.processes import start_worker, wait_until, zhenwu


def test_a_worker_killed_mid_batch_is_replaced_and_no_summary_is_drafted_twice(workers_database, tmp_path):
    env, connect = workers_database
    zhenwu(env, "zhenwu", "manage", "migrate", "--verbosity", "0")
    job_id = int(zhenwu(env, "tests.jobs.seed_batch").strip().splitlines()[-1])
    db = connect()
    steps = f"SELECT COUNT(*) FROM jobs_jobstep WHERE job_id = {job_id}"
    drafts = "SELECT area_id, generated_at FROM summaries_draft"
    log = tmp_path / "worker.log"

    first = start_worker(env, log)
    try:
        wait_until(lambda: db.value(steps) >= 2, "second town drafted", first)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    done_before = db.rows(drafts)
    assert 1 <= len(done_before) < 12, "the worker was not caught in the middle of the batch"
    assert (
        db.value(f"SELECT status FROM jobs_job WHERE id = {job_id}") == "running"
    )  # as the dead worker left it

    second = start_worker(env, log)
    try:
        wait_until(
            lambda: db.value(f"SELECT status FROM jobs_job WHERE id = {job_id}") in ("done", "failed"),
            "finished batch",
            second,
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)

    status, attempts, done, total = db.rows(
        f"SELECT status, attempts, done, total FROM jobs_job WHERE id = {job_id}"
    )[0]
    assert (status, attempts, done, total) == ("done", 2, 12, 12), log.read_text()
    after = dict(db.rows(drafts))
    assert len(after) == 12
    for area_id, generated_at in done_before:  # drafted before the kill, never again
        assert after[area_id] == generated_at
    attempts_of_steps = db.rows(
        f"SELECT attempt, COUNT(*) FROM jobs_jobstep WHERE job_id = {job_id} GROUP BY attempt ORDER BY attempt"
    )
    assert attempts_of_steps == [(1, len(done_before)), (2, 12 - len(done_before))]
    assert "执行进程已中断，重新排队" in log.read_text() or "已中断" in log.read_text()
