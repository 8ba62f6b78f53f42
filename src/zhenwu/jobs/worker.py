"""The loop of ``zhenwu worker``: upkeep (reclaim dead workers' jobs, fire the schedule), then one task.

Claiming and running a queue row is django-tasks-db's own code (``get_locked`` → ``claim`` →
``Worker.run_task``); this loop only adds the upkeep between tasks.
"""

from __future__ import annotations

import logging
import os
import signal
import socket

from django.db import OperationalError, close_old_connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from zhenwu.jobs import schedule
from zhenwu.jobs.queue import STOPPING, reclaim_stale

logger = logging.getLogger(__name__)
BACKEND = "default"


def default_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"[:64]


def _executor(worker_id: str) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=BACKEND,
        startup_delay=False,
        max_tasks=1,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def claim_next(worker_id: str) -> DBTaskResult | None:
    """Take the next ready queue row for this worker: rows another worker holds are skipped (SKIP LOCKED)."""
    ready = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
    try:
        with exclusive_transaction(ready.db):
            claimed = ready.get_locked()
            if claimed is not None:
                claimed.claim(worker_id)
    except OperationalError as error:
        if is_locked_database_exception(error):  # SQLite busy: try again on the next round
            return None
        raise
    return claimed


def run_one(worker_id: str) -> bool:
    """Claim the next ready queue row and run it; False when none is ready."""
    claimed = claim_next(worker_id)
    if claimed is None:
        return False
    _executor(worker_id).run_task(claimed)
    return True


def upkeep() -> None:
    """Queue again the jobs of dead workers and fire the schedule's due slots."""
    try:
        for job_id in reclaim_stale():
            logger.warning("任务 %s 的执行进程已中断，重新排队", job_id)
        schedule.fire_due()
    except OperationalError as error:
        if not is_locked_database_exception(error):
            raise


def drain(worker_id: str = "inline") -> int:
    """Run every ready task in this process, then return how many ran (tests, ``--burst``)."""
    ran = 0
    while run_one(worker_id):
        ran += 1
    return ran


def _stop(signum, frame) -> None:
    logger.warning("收到 %s，当前任务在下一步前停下并重新排队", signal.strsignal(signum))
    STOPPING.set()


def run(*, interval: float = 1.0, burst: bool = False, worker_id: str | None = None) -> None:
    """Work until SIGTERM/SIGINT (or, with ``burst``, until nothing is ready)."""
    worker_id = worker_id or default_worker_id()
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"镇务后台任务进程 {worker_id} 已启动（按 Ctrl+C 停止）", flush=True)
    while not STOPPING.is_set():
        close_old_connections()
        upkeep()
        ran = run_one(worker_id)
        if burst and not ran:
            return
        if not ran:
            STOPPING.wait(interval)
    print(f"镇务后台任务进程 {worker_id} 已停止", flush=True)
