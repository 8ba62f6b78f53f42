"""``GET /api/v1/areas``: the areas the user sees, as ``zhenwu areas --json`` lists them."""

from __future__ import annotations

from ninja import Router, Schema
from ninja.pagination import paginate

from zhenwu.api.common import Page
from zhenwu.areas.listing import flat_listing
from zhenwu.areas.models import Area

router = Router(tags=["区划"])


class AreaOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None


@router.get("/areas", response=list[AreaOut], summary="我能看到的区划")
@paginate(Page)
def areas(request):
    return flat_listing(Area.objects.for_user(request.user))
