"""Forms of the ledger pages (the grid's cells are checked by ``entry.check_cell``)."""

from __future__ import annotations

import re

from django import forms


def parse_period(text: str | None) -> tuple[int, int] | None:
    """Read "2025-06" (or "2025-6") as (2025, 6); anything else is None.

    >>> parse_period("2025-06"), parse_period("2025-13"), parse_period(None)
    ((2025, 6), None, None)
    """
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        return None
    return int(match[1]), int(match[2])


class UnlockForm(forms.Form):
    reason = forms.CharField(label="解锁原因", max_length=200, strip=True)


class UploadForm(forms.Form):
    file = forms.FileField(label="填好的报表（.xlsx）")


class RevisionForm(forms.Form):
    """目标调整: the new amount, the month it applies from, and why."""

    value = forms.DecimalField(label="调整后目标", max_digits=20, decimal_places=4)
    effective_month = forms.IntegerField(label="自几月起", min_value=1, max_value=12)
    reason = forms.CharField(label="调整原因", max_length=200)
