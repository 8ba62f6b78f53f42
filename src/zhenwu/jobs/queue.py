"""Putting work on the queue and doing it: ``submit`` a job, the worker calls ``run_job``.

django-tasks' database backend stores and hands out the queue rows (``SELECT … FOR UPDATE SKIP
LOCKED`` on PostgreSQL, an exclusive transaction on SQLite). It has no retries and no notion of a
worker that died: a row whose worker was killed stays "running" for ever. The ``Job`` row adds the
thinnest layer for both: each attempt is one queue row; a heartbeat older than the lease makes
``reclaim_stale`` queue the job again; a failure is retried with backoff up to ``max_attempts``;
``JobContext.step`` records each finished step in the step's own transaction, so no attempt
repeats a step another attempt finished.
"""

from __future__ import annotations

import datetime
import logging
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.base import TaskResultStatus

from zhenwu.jobs.models import Job, JobStatus, JobStep
from zhenwu.lib.files import safe_filename

logger = logging.getLogger(__name__)

# Set by the worker on SIGTERM/SIGINT: the running job stops at its next step and is queued again.
STOPPING = threading.Event()


class JobError(Exception):
    """The job cannot be done as asked; the message (Chinese) is shown to the user, no retry."""


class JobInterrupted(Exception):
    """The worker is stopping: the job goes back to the queue without using up an attempt."""


class JobLost(Exception):
    """Another worker has taken the job over (this one was presumed dead): stop quietly."""


def submit(
    function: str,
    *,
    title: str,
    user=None,
    area=None,
    params: dict | None = None,
    max_attempts: int = 3,
) -> Job:
    """Queue ``function`` (dotted path of ``def f(job: JobContext)``) to run in ``zhenwu worker``.

    ``params`` must be JSON; the job row and its queue row are written in one transaction.
    """
    import_string(function)  # a wrong path fails here, at the caller, not later in the worker
    with transaction.atomic():
        job = Job.objects.create(
            function=function,
            title=title[:200],
            user=user,
            area=area,
            params=params or {},
            max_attempts=max_attempts,
        )
        _enqueue(job)
    return job


def _enqueue(job: Job, delay: datetime.timedelta | None = None) -> None:
    queued = run_job.using(run_after=timezone.now() + delay) if delay else run_job
    job.task_id = str(queued.enqueue(job.pk).id)
    Job.objects.filter(pk=job.pk).update(task_id=job.task_id)


def lease() -> datetime.timedelta:
    """How long a running job may go without a heartbeat before it is presumed dead."""
    return datetime.timedelta(seconds=settings.JOBS_LEASE_SECONDS)


class JobContext:
    """What a job function gets: its parameters, and ways to report progress and keep its result."""

    def __init__(self, job: Job, token: str):
        self.job = job
        self.params = job.params
        self.token = token

    def _update(self, **fields) -> None:
        """Change the job's row if this attempt still owns it; a stale attempt learns it lost the job."""
        fields["heartbeat_at"] = timezone.now()
        if not Job.objects.filter(pk=self.job.pk, worker=self.token).update(**fields):
            raise JobLost(self.job.pk)

    def progress(self, done: int | None = None, total: int | None = None, note: str | None = None) -> None:
        fields = {
            name: value
            for name, value in (("done", done), ("total", total), ("note", note and note[:200]))
            if value is not None
        }
        self._update(**fields)

    def step(self, key: str, work: Callable[[], object]) -> bool:
        """Do ``work`` unless a step ``key`` of this job is already done; False when skipped.

        The work, the step's record and the progress count commit together: a worker killed in the
        middle leaves none of them, and the retry does the step once.
        """
        if STOPPING.is_set():
            raise JobInterrupted(self.job.pk)
        with transaction.atomic():
            if JobStep.objects.filter(job_id=self.job.pk, key=key).exists():
                return False
            work()
            JobStep.objects.create(job_id=self.job.pk, key=key[:100], attempt=self.job.attempts)
            self._update(done=JobStep.objects.filter(job_id=self.job.pk).count())
        return True

    def save_result(self, name: str, data: bytes, message: str = "") -> None:
        """Keep the result file in the data directory for download from the job's page."""
        folder = Path(settings.JOBS_RESULT_DIR) / str(self.job.pk)
        folder.mkdir(parents=True, exist_ok=True)
        name = safe_filename(name)
        (folder / name).write_bytes(data)
        self._update(result_name=name, result_path=str(folder / name), message=message[:300])

    def finish(self, message: str, link: str = "") -> None:
        """A line for the user on what was done, and the page that shows it (on the job's page)."""
        self._update(message=message[:300], link=link[:300])


@task()
def run_job(job_id: int) -> None:
    """One attempt at a job: claim it, call its function, record success, retry or failure."""
    token = uuid.uuid4().hex
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        attempts=F("attempts") + 1,
        worker=token,
        heartbeat_at=now,
        started_at=Coalesce(F("started_at"), now),
    )
    if not claimed:  # finished already, or a duplicate queue row: nothing to do
        return
    job = Job.objects.get(pk=job_id)
    context = JobContext(job, token)
    with _heartbeat(job.pk, token):
        try:
            import_string(job.function)(context)
        except JobLost:
            logger.warning("任务 %s 已由其他进程接手，本进程停止", job_id)
        except JobInterrupted:
            _settle(job, token, status=JobStatus.QUEUED, attempts=F("attempts") - 1)
            _enqueue(job)
        except JobError as error:
            _settle(job, token, status=JobStatus.FAILED, error=str(error), finished_at=timezone.now())
        except Exception as error:
            logger.exception("任务 %s（%s）出错", job_id, job.function)
            _retry_or_fail(job, token, f"{type(error).__name__}: {error}")
        else:
            _settle(job, token, status=JobStatus.DONE, finished_at=timezone.now(), done=F("total"))


def _settle(job: Job, token: str, **fields) -> None:
    Job.objects.filter(pk=job.pk, worker=token).update(**fields)


def _retry_or_fail(job: Job, token: str, detail: str) -> None:
    job.refresh_from_db(fields=["attempts", "max_attempts"])
    if job.attempts >= job.max_attempts:
        _settle(
            job,
            token,
            status=JobStatus.FAILED,
            finished_at=timezone.now(),
            error=f"任务出错，已尝试 {job.attempts} 次仍未完成，请联系管理员。（{detail[:200]}）",
        )
        return
    with transaction.atomic():
        _settle(job, token, status=JobStatus.QUEUED, worker="", note=f"第 {job.attempts} 次出错，稍后重试")
        _enqueue(job, retry_delay(job.attempts))


def retry_delay(attempts: int) -> datetime.timedelta:
    """Backoff before the next attempt: the base, then four times as long each time."""
    return datetime.timedelta(seconds=settings.JOBS_RETRY_SECONDS * 4 ** (attempts - 1))


class _heartbeat:
    """Touch the job's heartbeat every third of the lease while its function runs (own connection)."""

    def __init__(self, job_id: int, token: str):
        self.job_id, self.token = job_id, token
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True, name=f"heartbeat-{job_id}")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()

    def _beat(self) -> None:
        interval = settings.JOBS_LEASE_SECONDS / 3
        try:
            while not self.stop.wait(interval):
                try:
                    Job.objects.filter(pk=self.job_id, worker=self.token).update(heartbeat_at=timezone.now())
                except DatabaseError:  # SQLite busy with the job's own write: the next beat will do
                    close_old_connections()
        finally:
            connection.close()


def reclaim_stale(now: datetime.datetime | None = None) -> list[int]:
    """Queue again each running job whose heartbeat is older than the lease (its worker died).

    The compare-and-set on the job's worker token makes only one of several workers reclaim it.
    Returns the reclaimed jobs' ids.
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    reclaimed = []
    stale = Job.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=now - lease())
    for job in stale.only("pk", "worker", "task_id", "attempts", "max_attempts"):
        with transaction.atomic():
            if not Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, worker=job.worker).update(
                status=JobStatus.QUEUED, worker="", note="执行进程中断，已重新排队"
            ):
                continue
            DBTaskResult.objects.filter(id=job.task_id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED, finished_at=now
            )
            if job.attempts >= job.max_attempts:
                Job.objects.filter(pk=job.pk).update(
                    status=JobStatus.FAILED,
                    finished_at=now,
                    error=f"执行任务的进程中断了 {job.attempts} 次，任务未完成，请联系管理员。",
                )
            else:
                _enqueue(job)
            reclaimed.append(job.pk)
    return reclaimed + _requeue_unstarted(now)


def _requeue_unstarted(now: datetime.datetime) -> list[int]:
    """Queue again the jobs whose queue row a worker claimed but died before starting (a narrow window)."""
    from django_tasks_db.models import DBTaskResult

    claimed = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - lease())
    task_ids = [str(task_id) for task_id in claimed.values_list("id", flat=True)]
    requeued = []
    for job in Job.objects.filter(status=JobStatus.QUEUED, task_id__in=task_ids):
        with transaction.atomic():
            if DBTaskResult.objects.filter(id=job.task_id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED, finished_at=now
            ):
                _enqueue(job)
                requeued.append(job.pk)
    return requeued
