"""Demo photos carry a camera's date stamp, not English words (“before”) that end up in a 通报."""

import random
import re

from zhenwu.demo import areas, inspections


def test_demo_finding_photos_carry_no_english_labels(db, monkeypatch):
    labels = []
    scene = inspections.scene

    def recording(label, *args):
        labels.append(label)
        return scene(label, *args)

    monkeypatch.setattr(inspections, "scene", recording)
    county, rng = areas.DemoCounty(), random.Random(1)
    areas.build(county, rng)
    inspections.build(county, rng)
    assert labels
    assert [label for label in labels if re.search("[A-Za-z]", label)] == []
