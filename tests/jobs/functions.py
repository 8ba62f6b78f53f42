"""Job and periodic functions for the tests, named by dotted path like real ones."""

from __future__ import annotations

from zhenwu.jobs.queue import JobError

CALLS: list = []  # what the functions were called with, in this process


def count_to(job) -> None:
    """Steps one to params["n"], each recorded once."""
    keys = [str(number) for number in range(1, job.params["n"] + 1)]
    job.progress(total=len(keys))
    for key in keys:
        job.step(key, lambda key=key: CALLS.append(("step", job.job.pk, key)))
    job.finish(f"数到了 {len(keys)}")


def flaky(job) -> None:
    """Fails its first attempt with an unexpected error, succeeds on the second."""
    if job.job.attempts == 1:
        raise RuntimeError("数据库连接中断")
    job.finish("第二次成功")


def always_broken(job) -> None:
    raise RuntimeError("坏了")


def refuse(job) -> None:
    raise JobError("该考核期尚无结果，无法生成通报")


def report(job) -> None:
    job.save_result("青溪县/月报.txt", "青溪县重点项目月报".encode())


def tick(now) -> None:
    CALLS.append(("tick", now))
