"""API tokens: made by ``zhenwu token create``, stored hashed, expiring, revoked on the "API 令牌" page."""

import hashlib
from datetime import timedelta

import time_machine
from django.utils import timezone

from zhenwu.accounts.models import ApiToken
from zhenwu.cli import main

AREAS = "/api/v1/areas"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_the_command_prints_the_token_alone_on_its_last_line_and_it_works(client, world, capsys):
    assert main(["token", "create", "town_a_clerk", "--name", "省统计平台", "--days", "30"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]

    response = client.get(AREAS, headers=bearer(token))

    assert response.status_code == 200
    assert {row["name"] for row in response.json()["items"]} == {"青山镇", "东山村", "西岙村"}
    row = ApiToken.objects.get()
    assert (row.name, row.user) == ("省统计平台", world.town_a_clerk)
    assert row.digest == hashlib.sha256(token.encode()).hexdigest() and token not in str(vars(row).values())
    assert row.last_used_at is not None
    assert timedelta(days=29) < row.expires_at - timezone.now() <= timedelta(days=30)


def test_the_command_refuses_an_unknown_account(world, capsys):
    assert main(["token", "create", "nobody"]) == 2
    assert "找不到启用的账号 nobody" in capsys.readouterr().out


def test_an_expired_or_wrong_token_is_401(client, world, capsys):
    main(["token", "create", "town_a_clerk", "--days", "1"])
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert client.get(AREAS, headers=bearer(token[:-1] + "x")).status_code == 401
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert client.get(AREAS, headers=bearer(token)).status_code == 401


def test_a_revoked_token_stops_working_and_only_its_owner_revokes_it(client, world, capsys):
    main(["token", "create", "town_a_clerk", "--name", "钉钉"])
    token = capsys.readouterr().out.strip().splitlines()[-1]
    row = ApiToken.objects.get()

    client.force_login(world.town_b_clerk)
    assert client.post(f"/accounts/tokens/{row.pk}/revoke/").status_code == 404
    assert client.get(AREAS, headers=bearer(token)).status_code == 200

    client.force_login(world.town_a_clerk)
    page = client.get("/accounts/tokens/").content.decode()
    assert "钉钉" in page and f"zw_{row.prefix}" in page and "有效" in page and token not in page
    client.post(f"/accounts/tokens/{row.pk}/revoke/")
    client.logout()
    assert client.get(AREAS, headers=bearer(token)).status_code == 401
    client.force_login(world.town_a_clerk)
    assert "已吊销" in client.get("/accounts/tokens/").content.decode()


def test_a_token_of_a_disabled_account_is_401(client, world, capsys):
    main(["token", "create", "town_a_clerk"])
    token = capsys.readouterr().out.strip().splitlines()[-1]
    world.town_a_clerk.is_active = False
    world.town_a_clerk.save()
    assert client.get(AREAS, headers=bearer(token)).status_code == 401
