"""Refusing a save made from an outdated page: who changed the thing meanwhile, to what, and when.

Every record a user edits carries a version that each change bumps. A form (or an API call)
sends back the version it was shown; when the record has moved on since, the save is refused
with a ``Stale`` that says what happened, so nobody silently undoes somebody else's change.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


def when_text(at: datetime.datetime | None) -> str:
    """A moment as the refusal names it, in the reader's local time: "12月7日 10:32".

    >>> when_text(datetime.datetime(2025, 12, 7, 10, 32, 5))
    '12月7日 10:32'
    """
    return "" if at is None else f"{at.month}月{at.day}日 {at:%H:%M}"


def name_of(user) -> str:
    """A person as a refusal names them: full name, else user name; "" for an account since deleted."""
    return "" if user is None else (user.get_full_name() or user.get_username())


@dataclass(frozen=True)
class Stale:
    """One thing a save would have changed that somebody else changed after the page was loaded.

    ``did`` says what they did ("改为 111", "清除", "退回重改"), ``kept`` what became of the
    user's own change ("您提交的 222 未保存"); ``at`` is local time; ``version`` is the
    record's version now, which a second try must send.
    """

    what: str
    did: str
    kept: str
    by: str = ""
    at: datetime.datetime | None = None
    version: int = 0

    @property
    def message(self) -> str:
        """ "社会消费品零售总额已被 周涛 于 12月7日 10:32 改为 111（您提交的 222 未保存）".

        >>> Stale("社会消费品零售总额", "改为 111", "您提交的 222 未保存", "周涛",
        ...       datetime.datetime(2025, 12, 7, 10, 32)).message
        '社会消费品零售总额已被 周涛 于 12月7日 10:32 改为 111（您提交的 222 未保存）'
        >>> Stale("问题 #3", "验收销号", "您的退回重改未执行").message
        '问题 #3已被 他人 验收销号（您的退回重改未执行）'
        """
        who = f"{self.by} 于 {when_text(self.at)}" if self.by and self.at else (self.by or "他人")
        return f"{self.what}已被 {who} {self.did}（{self.kept}）"


class StaleEdit(Exception):
    """A save refused because what it changes was changed meanwhile; nothing of it was written."""

    def __init__(self, stale: Iterable[Stale]):
        self.stale = tuple(stale)
        super().__init__("；".join(item.message for item in self.stale))


def remember_shown(form) -> None:
    """Have a form send back, hidden, the value each field was shown with (Django's ``show_hidden_initial``).

    Then ``form.changed_data`` names the fields the user changed, not those somebody else did.
    """
    for field in form.fields.values():
        if not field.widget.is_hidden and not field.widget.needs_multipart_form:
            field.show_hidden_initial = True


def keep_for_second_try(form, refused: StaleEdit, **fields) -> None:
    """Show a posted form refused as stale again for a second try, carrying the version it met.

    The fields the user changed keep what they typed; those they left as they were (with
    ``remember_shown``) take the value stored now, from the form's initial data read when it
    was posted, so a second save does not undo the other change. ``fields`` sets other hidden
    values (the month a version belongs to).
    """
    changed = set(form.changed_data)
    data = form.data.copy()
    for name, field in form.fields.items():
        if field.show_hidden_initial and name not in changed:
            data[form.add_prefix(name)] = field.prepare_value(form[name].initial)
    for name, value in {"version": refused.stale[0].version, **fields}.items():
        data[form.add_prefix(name)] = value
    form.data = data


AGAIN = "您填写的内容仍在表单中，核对后可再次保存。"
