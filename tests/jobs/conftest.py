import pytest

from tests.jobs import functions


@pytest.fixture(autouse=True)
def job_results(settings, tmp_path):
    """Result files of one test stay in its own folder."""
    settings.JOBS_RESULT_DIR = tmp_path / "jobs"
    functions.CALLS.clear()
    return settings.JOBS_RESULT_DIR


@pytest.fixture
def workers_database(tmp_path):
    """A fresh database (SQLite file, or PostgreSQL when the suite runs there) for worker subprocesses."""
    from tests.jobs import processes

    yield from processes.workers_database(tmp_path)
