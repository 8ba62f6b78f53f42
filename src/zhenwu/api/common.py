"""What every endpoint needs: the area and period of the query string, read as the pages read them."""

from __future__ import annotations

from django.http import HttpResponse
from ninja.pagination import PageNumberPagination
from ninja.renderers import JSONRenderer

from zhenwu.api.errors import FieldErrors
from zhenwu.areas.access import get_visible_or_404
from zhenwu.areas.models import Area
from zhenwu.lib.periods import check_year, parse_month


class ChineseJSON(JSONRenderer):
    """JSON with Chinese as it is written, not as \\u escapes: a curl user reads the messages."""

    json_dumps_params = {"ensure_ascii": False}


def rendered(request, data: dict, status: int = 200) -> HttpResponse:
    """``data`` as the API renders any answer, skipping ninja's re-validation of the response schema.

    Only for an answer already built to its schema where the validation is the time spent
    (a county's month); tests hold the answer to the schema.
    """
    body = ChineseJSON().render(request, data, response_status=status)
    return HttpResponse(
        body, status=status, content_type=f"{ChineseJSON.media_type}; charset={ChineseJSON.charset}"
    )


class Page(PageNumberPagination):
    """``?page=N`` (from 1) and ``?page_size=`` (100 unless asked, at most 1000); answers ``{items, count}``."""

    def __init__(self, **kwargs):
        super().__init__(page_size=100, max_page_size=1000, **kwargs)


def visible_area(request, code: str) -> Area:
    """The area of ``?area=CODE``: 404 outside the user's subtree, as on the pages."""
    return get_visible_or_404(Area.objects, request.user, code=code)


def month_of(period: str) -> tuple[int, int]:
    try:
        return parse_month(period)
    except ValueError as error:
        raise FieldErrors({"period": f"报告期无效：{error}（应写作 2025-06）"}) from error


def year_of(year: int) -> int:
    try:
        return check_year(year)
    except ValueError as error:
        raise FieldErrors({"year": str(error)}) from error


def cleaned(form) -> dict:
    """The form's cleaned data: the API validates input with the very form the page posts to.

    Refused input is 422 with the form's own Chinese messages, one entry per field ("请求" for
    the whole form).
    """
    if form.is_valid():
        return form.cleaned_data
    raise FieldErrors(
        {("请求" if name == "__all__" else name): "；".join(errors) for name, errors in form.errors.items()}
    )


def multipart(fields: type, files: str = "photos", *, required: bool = True) -> dict:
    """``openapi_extra`` declaring a multipart body: the fields of the Schema ``fields`` and files ``files``.

    The endpoint reads ``request.POST`` and ``request.FILES`` into the page's form itself, so
    the schema only documents them.
    """
    schema = fields.model_json_schema()
    schema["properties"][files] = {"type": "array", "items": {"type": "string", "format": "binary"}}
    schema.pop("title", None)
    return {"requestBody": {"required": required, "content": {"multipart/form-data": {"schema": schema}}}}
