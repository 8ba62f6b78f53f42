"""The 发文设置 page and the 印发 action, through HTTP."""

from __future__ import annotations

import io

import docx

from tests.issuing.factories import make_settings
from zhenwu.areas.models import Membership, Role
from zhenwu.issuing.models import DispatchSettings, IssuedNumber


def test_the_towns_admin_sets_up_the_offices_settings(client, world):
    from tests.conftest import make_user

    admin = make_user("town_a_admin", world.town_a, Role.ADMIN)
    client.force_login(admin)
    response = client.post(
        f"/issuing/offices/{world.department_a.pk}/",
        {
            "mark": "青山镇人民政府文件",
            "prefix": "青山政",
            "year": 2026,
            "next_number": 7,
            "copy_to": "县委办",
        },
    )
    assert response.status_code == 302
    settings = DispatchSettings.objects.get(department=world.department_a)
    assert settings.code(settings.year, settings.next_number) == "青山政〔2026〕7号"


def test_a_prefix_with_brackets_is_refused_with_a_reason(client, world):
    client.force_login(world.county_admin)
    response = client.post(
        f"/issuing/offices/{world.department_a.pk}/",
        {"mark": "青山镇人民政府文件", "prefix": "青山政〔2026〕", "year": 2026, "next_number": 1},
    )
    assert response.status_code == 200
    assert "机关代字只填代字本身" in response.content.decode()
    assert not DispatchSettings.objects.exists()


def test_a_clerk_sees_the_settings_but_cannot_change_them(client, world):
    make_settings(world, world.town_a)
    client.force_login(world.town_a_clerk)
    page = client.get(f"/issuing/offices/{world.department_a.pk}/").content.decode()
    assert "只有本区划的管理员可以修改" in page and "青山政" in page


def _member_of_office(world):
    Membership.objects.filter(user=world.town_a_clerk).update(department=world.department_a)
    return make_settings(world, world.town_a, copy_to="县委办公室")


def test_issuing_a_bulletin_takes_the_offices_next_number_and_registers_it(client, world):
    _member_of_office(world)
    client.force_login(world.town_a_clerk)
    response = client.post("/issuing/issue/inspections/", {"code": world.town_a.code, "month": "2026-03"})
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "青山镇人民政府文件" in text and "青山政〔2026〕12号" in text
    record = IssuedNumber.objects.get()
    assert (record.code, record.issued_by, record.kind) == (
        "青山政〔2026〕12号",
        world.town_a_clerk,
        "inspections",
    )
    second = client.post("/issuing/issue/inspections/", {"code": world.town_a.code, "month": "2026-03"})
    assert second.status_code == 200
    assert IssuedNumber.objects.order_by("number").last().code == "青山政〔2026〕13号"


def test_a_plain_download_is_signed_by_the_makers_office(client, world):
    _member_of_office(world)
    client.force_login(world.town_a_clerk)
    response = client.get(f"/inspections/bulletin/{world.town_a.code}/2026-03/")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert world.department_a.name in text
    assert "督查整改工作办公室" not in text
    assert "青山政〔" not in text  # a download is a plain draft without 文号
