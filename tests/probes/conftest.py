"""Fixtures for the probes: the hostile files (built once per run) and a guard that no parser opens them."""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest

from tests.probes import hostile

SECONDS = 2.0  # what a refusal may take, bomb or not


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
