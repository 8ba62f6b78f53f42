"""The 文号 register: numbers in order from the office's next number, never one twice."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection, connections

from tests.issuing.factories import make_settings
from zhenwu.documents import Document, Paragraph, Signature
from zhenwu.issuing.dispatch import IssueError, issue, take_number
from zhenwu.issuing.models import IssuedNumber

TODAY = datetime.date(2026, 12, 7)


def take(department, today=TODAY):
    return take_number(
        department, title="关于……的通报", kind="inspections", source="x", user=None, today=today
    )


def test_numbers_start_at_the_offices_next_number_and_count_up(world):
    settings = make_settings(world, world.town_a, next_number=12)
    codes = [take(settings.department).code for _ in range(3)]
    assert codes == ["青山政〔2026〕12号", "青山政〔2026〕13号", "青山政〔2026〕14号"]
    settings.refresh_from_db()
    assert settings.next_number == 15


def test_a_new_year_starts_again_at_1(world):
    settings = make_settings(world, world.town_a, next_number=40)
    assert take(settings.department, datetime.date(2027, 1, 4)).code == "青山政〔2027〕1号"


def test_a_number_lowered_by_hand_is_not_issued_twice(world):
    settings = make_settings(world, world.town_a, next_number=5)
    take(settings.department)
    settings.refresh_from_db()
    settings.next_number = 1
    settings.save()
    assert take(settings.department).number == 6


def test_an_office_without_settings_cannot_issue(world):
    document = Document("关于……的通报", blocks=[Paragraph("正文")])
    with pytest.raises(IssueError, match="没有发文设置"):
        issue(document, world.department_a, kind="inspections", source="", user=None, today=TODAY)


def test_issuing_signs_with_the_office_and_adds_letterhead_and_colophon(world):
    settings = make_settings(world, world.town_a, copy_to="县委办公室", recipient="各村（社区）")
    draft = Document(
        "关于……的通报", recipient="某某", blocks=[Paragraph("正文"), Signature("别的办公室", TODAY)]
    )
    issued, record = issue(draft, settings.department, kind="inspections", source="", user=None, today=TODAY)
    assert issued.letterhead.number == record.code == "青山政〔2026〕12号"
    assert issued.letterhead.mark == "青山镇人民政府文件"
    assert issued.recipient == "各村（社区）"
    assert issued.blocks[-1].org == settings.department.name
    assert issued.colophon.copy_to == "县委办公室"
    assert issued.colophon.printed_text == "2026年12月7日印发"
    assert draft.letterhead is None  # the draft itself stays a plain draft


def test_a_draft_result_cannot_be_issued(world):
    settings = make_settings(world, world.town_a)
    with pytest.raises(IssueError, match="草稿"):
        issue(
            Document("关于……的通报（草稿）"),
            settings.department,
            kind="ranking",
            source="",
            user=None,
            today=TODAY,
        )


@pytest.mark.django_db(transaction=True)
def test_two_users_at_once_never_get_the_same_number():
    from tests.conftest import build_world

    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (SQLite writes one at a time)")
    world = build_world()
    department = make_settings(world, world.town_a, next_number=1).department
    barrier = threading.Barrier(4)
    errors = []

    def issue_some():
        try:
            barrier.wait()
            for _ in range(5):
                take(department)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue_some) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(IssuedNumber.objects.filter(department=department).values_list("number", flat=True))
    assert numbers == list(range(1, 21))
