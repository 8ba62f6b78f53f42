"""发文 settings of the county offices that issue the demo's 通报 and reports."""

from __future__ import annotations

import random

from zhenwu.areas.models import Department
from zhenwu.demo.areas import DemoCounty
from zhenwu.issuing.models import DispatchSettings

RECIPIENT = "各乡镇人民政府、街道办事处，县级有关部门"
COPY_TO = "县委办公室，县人大常委会办公室，县政府办公室，县政协办公室"
# (department short name, 发文机关标志, 机关代字, next number: as if some were issued on paper)
OFFICES = [
    ("美丽城镇办", "青溪县美丽城镇建设工作领导小组办公室文件", "青美城办", 12),
    ("县委督查室", "中共青溪县委督查室", "青委督", 31),
    ("发改局", "青溪县发展和改革局文件", "青发改", 87),
]


def build(demo: DemoCounty, rng: random.Random) -> None:
    for short, mark, prefix, number in OFFICES:
        department = Department.objects.get(area=demo.county, short_name=short)
        DispatchSettings.objects.create(
            department=department,
            mark=mark,
            prefix=prefix,
            recipient=RECIPIENT,
            copy_to=COPY_TO,
            printed_by=department.name,
            year=demo.today.year,
            next_number=number,
        )
