"""Background jobs (后台任务) on django-tasks' database backend, and the periodic schedule.

``zhenwu worker`` runs both; start several on PostgreSQL (they share the queue with
``SELECT … FOR UPDATE SKIP LOCKED``), one on SQLite. ``zhenwu demo`` starts one beside the site.

Queue a job (a person sees it under “我的任务” with its progress and result)::

    from zhenwu.jobs.queue import submit

    job = submit(
        "zhenwu.summaries.jobs.draft_batch",       # dotted path of def f(job: JobContext)
        title="青溪县下辖单位2026年上半年工作总结",
        user=request.user, area=area,               # who sees it; both optional (system jobs)
        params={"area": area.code, "period": "2026-H1"},   # JSON only
        max_attempts=3,                             # retried with backoff after an exception
    )
    return redirect("jobs:detail", pk=job.pk)

The function gets a ``JobContext``: ``job.params``; ``job.progress(done, total, note)``;
``job.step(key, work)`` runs ``work()`` once per key across retries (its work, its record and
the progress commit together — use it for anything that must not happen twice, like drafting a
town's summary or sending a reminder); ``job.save_result(name, bytes)`` keeps a file to
download; ``raise JobError("中文说明")`` fails the job with that message and no retry. Any other
exception is retried (30 s, 2 min, 8 min) and then shown as failed. A job whose worker was
killed is queued again once its heartbeat is older than ``ZHENWU_JOB_LEASE_SECONDS`` (120).

Register a periodic function — a plain ``def f(now: datetime)`` — by adding one entry to
``JOBS_SCHEDULE`` in ``zhenwu/settings.py``::

    JOBS_SCHEDULE = [
        {"function": "zhenwu.jobs.housekeeping.prune", "at": "03:30"},
        {"function": "zhenwu.reminders.rules.send_due", "at": "08:30"},         # daily, Beijing time
        {"function": "zhenwu.reminders.channels.retry_failed", "every": 300},  # every 5 minutes
    ]

Each slot fires once however many workers run (``ScheduleRun``), as a job called with ``now`` =
the slot's time; see ``zhenwu.jobs.schedule``. A function that sends to many people should do
each send inside ``job.step`` — or queue one job per send with ``submit``.
"""
