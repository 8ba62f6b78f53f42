"""A real ``zhenwu worker`` killed with SIGKILL in the middle of drafting 12 towns' summaries.

The test kills the worker as soon as it sees the second town's summary committed (a town takes a
fifth of a second or more, so the worker is caught on the third or so, possibly inside its
transaction), starts another worker, and checks the batch finishes with no town's summary drafted
twice. It runs on the database the suite runs on (a fresh SQLite file, or a fresh PostgreSQL
database).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

CHECKOUT = Path(__file__).resolve().parents[2]
WAIT = 180  # seconds: a guard against a hang on a busy machine, not a speed requirement


class Database:
    """A connection of the test's own to the workers' database, outside Django."""

    def __init__(self, sqlite_path: Path | None, pg: dict | None):
        if sqlite_path is not None:
            self.connection = sqlite3.connect(sqlite_path, isolation_level=None, timeout=60)
        else:
            import psycopg

            self.connection = psycopg.connect(autocommit=True, **pg)

    def rows(self, sql: str) -> list[tuple]:
        return list(self.connection.execute(sql).fetchall())

    def value(self, sql: str):
        return self.rows(sql)[0][0]


@pytest.fixture
def workers_database(tmp_path):
    """A fresh database for the subprocesses, of the kind the suite runs on; yields (env, Database)."""
    default = settings.DATABASES["default"]
    env = {**os.environ, "ZHENWU_DATA_DIR": str(tmp_path), "ZHENWU_JOB_LEASE_SECONDS": "3"}
    if default["ENGINE"].endswith("sqlite3"):
        path = tmp_path / "workers.sqlite3"
        env["ZHENWU_DATABASE_URL"] = f"sqlite:///{path}"
        yield env, lambda: Database(path, None)
        return
    import psycopg

    server = {
        "host": default["HOST"] or "127.0.0.1",
        "port": default["PORT"] or 5432,
        "user": default["USER"],
        "password": default["PASSWORD"] or None,
    }
    name = f"zhenwu_workers_{os.getpid()}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    password = f":{server['password']}" if server["password"] else ""
    env["ZHENWU_DATABASE_URL"] = (
        f"postgresql://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    )
    yield env, lambda: Database(None, {**server, "dbname": name})
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def zhenwu(env, *args) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=WAIT
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def start_worker(env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "zhenwu", "worker", "--interval", "0.1"],
        cwd=CHECKOUT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )


def wait_until(condition, what: str, worker=None) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if worker is not None and worker.poll() is not None:
            raise AssertionError(f"the worker exited early ({worker.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"no {what} within {WAIT} s")
        time.sleep(0.01)


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
        first.wait(timeout=WAIT)
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
        second.wait(timeout=WAIT)

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
