"""Fixtures for the probes: the hostile files (built once per run), a guard that no parser opens them,
and on SQLite a database file for probes with many connections."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager

import pytest
from django.db import connection

from tests.probes import hostile

SECONDS = 10.0  # what a refusal may take on a shared, loaded core; parsing a bomb takes minutes


class Bombs(dict):
    """The files the probe of the demo used, at their real sizes (each unzips to 1.1 GB), built when first asked for."""

    def __missing__(self, name: str) -> bytes:
        if name == "docx":
            self[name] = hostile.docx_bomb()
        elif name == "whitespace":
            self[name] = hostile.whitespace_sheet("填报")
        else:
            self[name] = hostile.xlsx_bomb(name)  # a sheet of that name
        return self[name]


@pytest.fixture(scope="session")
def bombs() -> Bombs:
    return Bombs()


@contextmanager
def within(seconds: float = SECONDS):
    start = time.monotonic()
    yield
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"


@contextmanager
def refused_before_parsing(seconds: float = SECONDS):
    """Fail the moment openpyxl or python-docx is asked to open the upload, or when the answer is slow."""

    def parse(*args, **kwargs):
        raise AssertionError("the upload reached the parser")

    with pytest.MonkeyPatch.context() as patch, within(seconds):
        patch.setattr("zhenwu.workbooks.load_workbook", parse)
        patch.setattr("docx.Document", parse)
        yield


@pytest.fixture
def database_file(transactional_db, tmp_path):
    """On SQLite, move the test database into a file for the test, with the deployment's settings.

    The test database lives in memory, where concurrent writers fail at once ("database table is
    locked") instead of waiting their turn as they do on the file a deployment uses (write-ahead
    log, transactions that take the write lock when they begin). Threads started in the test
    connect to the file. On PostgreSQL the test database is used as it is.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    memory = connection.settings_dict["NAME"]
    keeper = sqlite3.connect(memory, uri=True)  # a database in memory lives while a connection to it is open
    path = tmp_path / "probe.sqlite3"
    copy = sqlite3.connect(path)
    keeper.backup(copy)
    copy.close()
    connection.settings_dict["NAME"] = str(path)
    connection.close()  # Django keeps a connection to a database in memory open; to a file it closes it
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory
        connection.ensure_connection()
        keeper.close()
