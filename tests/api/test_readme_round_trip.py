"""The README's curl round trip, run line by line through Django's test client so the README stays true."""

import json
import re
import shlex
from decimal import Decimal
from pathlib import Path

from tests.conftest import make_user
from tests.ledger.factories import all_indicators, make_value
from zhenwu.areas.models import Role
from zhenwu.cli import main
from zhenwu.ledger.models import ReportedValue

README = Path(__file__).parents[2] / "README.md"


def readme_script() -> list[str]:
    """The shell lines of the README's round trip block, continuation lines joined."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"Round trip on the demo.*?```sh\n(.*?)```", text, re.S)[1]
    return [line for line in block.replace("\\\n", " ").splitlines() if line and not line.startswith("#")]


def curl(client, command: str, variables: dict):
    """Send what one ``curl -s [-X M] [-H …] [-d …] URL`` line sends; returns the response."""
    words = shlex.split(command)[1:]
    method, headers, body, url = "get", {}, None, None
    while words:
        word = words.pop(0)
        if word == "-X":
            method = words.pop(0).lower()
        elif word == "-H":
            name, value = words.pop(0).split(": ", 1)
            headers[name] = value
        elif word == "-d":
            body = words.pop(0)
        elif word != "-s":
            url = word
    for name, value in variables.items():
        url = url.replace(f"${name}", value)
        headers = {key: value_.replace(f"${name}", value) for key, value_ in headers.items()}
    path = url.removeprefix("http://127.0.0.1:8000")
    content_type = headers.pop("Content-Type", "application/octet-stream")
    send = getattr(client, method)
    return (
        send(path, body, content_type=content_type, headers=headers) if body else send(path, headers=headers)
    )


def test_the_readme_round_trip_reads_changes_and_reads_back(client, world, capsys):
    make_user("qs_clerk", world.town_a, Role.CLERK, first_name="李娟")
    all_indicators()
    make_value(world, world.town_a, code="GDTZ", value="10.5", year=2026, month=11)
    make_value(world, world.town_a, code="GDTZ", value="10.5", year=2025, month=11)
    token_line, api_line, *requests = readme_script()
    assert token_line.startswith("TOKEN=$(zhenwu token create qs_clerk")
    main(shlex.split(token_line.split("$(", 1)[1].split(" |")[0])[1:])
    variables = {
        "TOKEN": capsys.readouterr().out.strip().splitlines()[-1],
        "API": api_line.split("=", 1)[1],
    }

    answers = [curl(client, line, variables) for line in requests]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 422, 200, 404]
    read, saved, read_back, held, confirmed, elsewhere = (answer.json() for answer in answers)
    [before] = read["values"]
    assert (before["indicator"], Decimal(before["value"]), before["version"]) == ("GDTZ", Decimal("10.5"), 1)
    assert saved["detail"] == "已保存 1 项，未变 0 项。" and saved["versions"] == {"GDTZ": 2}
    [after] = read_back["values"]
    assert (Decimal(after["value"]), after["version"], after["status"]) == (Decimal("10.6"), 2, "draft")
    assert [check["indicator"] for check in held["checks"]] == ["GDTZ"]
    assert confirmed["changed"] == 1
    assert "白沙镇" not in json.dumps(elsewhere, ensure_ascii=False)
    assert ReportedValue.objects.get(area=world.town_a, year=2026, month=11).value == Decimal(1060)
