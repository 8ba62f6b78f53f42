"""Long lists a page at a time: 50 rows, the pager's links keeping the filters the page was asked with."""

from __future__ import annotations

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50


def paginate(request, rows, size: int = PAGE_SIZE) -> tuple[Page, str]:
    """The page of ``rows`` that ``?page=`` asks for (the last for a number past it, the first for nonsense),
    and the rest of the query string for the links of ``web/_pager.html``."""
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
