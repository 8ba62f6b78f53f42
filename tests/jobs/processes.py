"""Worker subprocesses on a database of their own, for the tests that kill workers or run two at once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

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
