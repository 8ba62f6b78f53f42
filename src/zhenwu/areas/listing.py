"""The area tree as a flat list other tools read: ``zhenwu areas --json`` and ``GET /api/v1/areas``."""

from __future__ import annotations

from django.db.models import QuerySet

from zhenwu.areas.models import Area


def flat_listing(areas: QuerySet) -> list[dict]:
    """``[{code, name, level, parent}]`` in tree order; ``parent`` is the parent's code (``None`` at the top)."""
    rows = list(areas.order_by("path").values_list("code", "name", "level", "path"))
    parent_paths = {path[: -Area.steplen] for *_, path in rows}
    code_by_path = dict(Area.objects.filter(path__in=parent_paths).values_list("path", "code"))
    return [
        {"code": code, "name": name, "level": level, "parent": code_by_path.get(path[: -Area.steplen])}
        for code, name, level, path in rows
    ]
