"""Issuing a draft as a 公文: take the office's next 文号 from its register, add 版头 and 版记.

A number is taken inside one transaction that locks the office's settings row, and the
register's unique constraint (office, year, number) is the last guard: two users issuing at
the same moment get two numbers, never one twice.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max

from zhenwu.areas.access import can
from zhenwu.areas.models import Action, Area, Department, Membership
from zhenwu.documents import Colophon, Document, Letterhead, Signature
from zhenwu.documents.placing import fit_colophon
from zhenwu.issuing.models import DispatchSettings, IssuedNumber

RETRIES = 3


class IssueError(Exception):
    """The document cannot be issued; the message says why, in Chinese."""


def own_department(user, area: Area | None = None) -> Department | None:
    """The office the user works in (their membership's 所在部门), nearest to ``area`` first.

    A report is signed by the office of the person who makes it, not by an office named
    after the area.
    """
    memberships = (
        Membership.objects.filter(user=user, department__isnull=False, department__is_active=True)
        .select_related("department", "area")
        .order_by("-area__depth")
    )
    for membership in memberships:
        if area is None or membership.area.contains(area) or area.contains(membership.area):
            return membership.department
    return None


def signer(user, area: Area, default: str = "") -> str:
    """署名 of a draft made by ``user``: their office's 发文 署名 or name, else ``default``."""
    department = own_department(user, area)
    if department is None:
        return default
    settings = DispatchSettings.objects.filter(department=department).first()
    return settings.signed_as if settings else department.name


def issuing_office(user, area: Area) -> Department | None:
    """The user's own office when it has 发文 settings: then report pages offer 印发."""
    department = own_department(user, area)
    if department is not None and DispatchSettings.objects.filter(department=department).exists():
        return department
    return None


def may_issue(user, department: Department) -> bool:
    """Members of the office issue under its number; so does a 管理员 over the office's area."""
    if Membership.objects.filter(user=user, department=department).exists():
        return True
    return can(user, department.area, Action.ADMINISTER)


def settings_of(department: Department) -> DispatchSettings:
    settings = DispatchSettings.objects.filter(department=department).first()
    if settings is None:
        raise IssueError(f"{department.name}没有发文设置：请管理员先在“发文设置”中填写发文机关标志和机关代字")
    return settings


def take_number(
    department: Department, *, title: str, kind: str, source: str, user, today: datetime.date
) -> IssuedNumber:
    """Register the office's next 文号 of ``today``'s year for this document and return it."""
    if not department.is_active:
        raise IssueError(f"{department.name}已停用，不能再以其名义印发")
    for attempt in range(RETRIES):
        try:
            return _take(department, title=title, kind=kind, source=source, user=user, today=today)
        except IntegrityError:  # another issue took the number between our read and write
            if attempt == RETRIES - 1:
                raise IssueError("文号被同时占用，请重试") from None
    raise AssertionError("unreachable")


@transaction.atomic
def _take(department, *, title, kind, source, user, today) -> IssuedNumber:
    settings = DispatchSettings.objects.select_for_update().filter(department=department).first()
    if settings is None:
        settings_of(department)  # raises with the message
    year = today.year
    if settings.year != year:  # a new year starts at 1
        settings.year, settings.next_number = year, 1
    highest = IssuedNumber.objects.filter(department=department, year=year).aggregate(m=Max("number"))["m"]
    number = max(settings.next_number, (highest or 0) + 1)
    record = IssuedNumber.objects.create(
        department=department,
        year=year,
        number=number,
        code=settings.code(year, number),
        title=title[:200],
        kind=kind,
        source=source[:120],
        issued_by=user if getattr(user, "pk", None) else None,
    )
    settings.next_number = number + 1
    settings.save(update_fields=["year", "next_number"])
    return record


def dress(document: Document, settings: DispatchSettings, code: str, today: datetime.date) -> Document:
    """The draft as the office issues it: 版头 with ``code``, its 主送, 署名 and 版记."""
    blocks = [
        Signature(settings.signed_as, today, sealed=block.sealed) if isinstance(block, Signature) else block
        for block in document.blocks
    ]
    return dataclasses.replace(
        document,
        blocks=blocks,
        recipient=settings.recipient or document.recipient,
        letterhead=Letterhead(settings.mark, code),
        colophon=Colophon(settings.printer, today, settings.copy_to),
    )


def issue(
    document: Document, department: Department, *, kind: str, source: str, user, today: datetime.date
) -> tuple[Document, IssuedNumber]:
    """Take the office's next 文号 and return the issued document with its register entry.

    Where LibreOffice is installed the 版记 is placed from its layout (on the body's last
    page when that is an even page with room); see ``zhenwu.documents.placing``.
    """
    if "草稿" in document.title:
        raise IssueError("草稿不能印发：请先发布考核结果")
    settings = settings_of(department)
    record = take_number(department, title=document.title, kind=kind, source=source, user=user, today=today)
    return fit_colophon(dress(document, settings, record.code, today)), record


def keep(record: IssuedNumber, docx: bytes) -> IssuedNumber:
    """Store the issued .docx with its register entry (in the data directory), never to be rebuilt."""
    if record.document:
        raise IssueError(f"{record.code}的印发文件已保存，不能替换")
    record.document.save(f"{record.number}.docx", ContentFile(docx), save=False)
    record.save(update_fields=["document"])
    return record


def keep_pdf(record: IssuedNumber, pdf: bytes) -> IssuedNumber:
    """Store the PDF made from the kept .docx, so it is converted once."""
    record.pdf.save(f"{record.number}.pdf", ContentFile(pdf), save=False)
    record.save(update_fields=["pdf"])
    return record


def kept_docx(record: IssuedNumber) -> bytes:
    with record.document.open("rb") as kept:
        return kept.read()


def kept_pdf(record: IssuedNumber, convert: Callable[[bytes], bytes]) -> bytes:
    """The kept PDF of the issued document; made from the kept .docx by ``convert`` the first time."""
    if record.pdf:
        with record.pdf.open("rb") as kept:
            return kept.read()
    pdf = convert(kept_docx(record))
    keep_pdf(record, pdf)
    return pdf
