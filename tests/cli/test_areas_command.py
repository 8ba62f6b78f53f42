import json

from zhenwu import demo
from zhenwu.cli import main


def test_it_lists_the_tree_as_json_with_levels_and_parents(db, capsys):
    demo.load()
    assert main(["areas", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    by_code = {row["code"]: row for row in listing}
    assert by_code["390123000000"] == {
        "code": "390123000000",
        "name": "青溪县",
        "level": "county",
        "parent": "390100000000",
    }
    assert by_code["390123101000"]["level"] == "town"
    assert by_code["390123101000"]["parent"] == "390123000000"
    assert {row["level"] for row in listing} == {"province", "city", "county", "town", "village"}
    assert by_code["390000000000"]["parent"] is None


def test_it_prints_an_indented_tree_under_one_area(db, capsys):
    demo.load()
    assert main(["areas", "--under", "390123101000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("青山镇  390123101000")
    assert all(line.startswith("  ") for line in lines[1:]) and len(lines) == 16


def test_an_unknown_code_is_explained(db, capsys):
    assert main(["areas", "--under", "999999999999"]) == 2
    assert "找不到区划代码 999999999999" in capsys.readouterr().out
