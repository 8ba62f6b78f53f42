"""What a county office would otherwise correct by hand in the 督查通报 (issue 19)."""

import datetime

from tests.inspections.factories import make_photo
from zhenwu.areas.models import Area, Level
from zhenwu.documents import Heading, Table
from zhenwu.inspections.bulletin import build_bulletin
from zhenwu.inspections.models import Status
from zhenwu.inspections.tallies import Period

from .test_bulletin import MARCH, TODAY, march  # noqa: F401 - the shared fixture


def _table(doc, caption):
    return next(b for b in doc.blocks if isinstance(b, Table) and b.caption == caption)


def test_every_town_is_listed_with_0_and_the_table_ends_with_a_total(march):  # noqa: F811
    Area.objects.add_child(
        march.county, create_kwargs={"code": "390123103000", "name": "梅岭镇", "level": Level.TOWN}
    )
    march.county.refresh_from_db()
    doc = build_bulletin(march.county, MARCH, TODAY)
    table = _table(doc, "2026年3月各地督查整改情况")
    names = [row[0] for row in table.rows]
    assert names == ["青山镇", "白沙镇", "梅岭镇", "合计"]
    assert table.rows[2][1:] == [0, 0, "—", 0]
    assert table.rows[-1][1] == sum(row[1] for row in table.rows[:-1])


def _typical(doc):
    start = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text == "典型问题")
    return [b.text for b in doc.blocks[start + 1 :] if isinstance(b, Heading) and b.level == 2]


def test_typical_cases_name_town_and_village_and_put_open_and_overdue_first(world, media):
    closed = make_photo(world, world.village_a1).finding
    closed.found_on, closed.status, closed.closed_on = (
        datetime.date(2026, 3, 2),
        Status.CLOSED,
        datetime.date(2026, 3, 5),
    )
    closed.location = "东山村村口桥头"
    closed.save()
    overdue = make_photo(world, world.village_b1).finding  # found in February, still not rectified
    overdue.found_on, overdue.deadline, overdue.location = (
        datetime.date(2026, 2, 20),
        datetime.date(2026, 3, 1),
        "老街",
    )
    overdue.save()
    headings = _typical(build_bulletin(world.county, Period.month(2026, 3), TODAY))
    assert headings[0].startswith("白沙镇南塘村老街")
    assert headings[-1].startswith("青山镇东山村村口桥头")
