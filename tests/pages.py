"""Reading a page's form the way a browser submits it, so a test posts exactly what a user saw."""

from __future__ import annotations

import lxml.html


def form_fields(page, action: str | None = None) -> dict[str, str | list[str]]:
    """The fields of one form of ``page`` as a browser would send them (hidden ones included).

    ``action`` picks the form posting to that path; without it, the first form that posts to the
    page itself (no ``action``). A name given several times maps to the list of its values.
    """
    html = page.content.decode() if hasattr(page, "content") else page
    forms = [
        form
        for form in lxml.html.document_fromstring(html).forms
        if (form.get("action") or None) == action and (form.get("method") or "get").lower() == "post"
    ]
    assert forms, f"no form posting to {action or 'the page itself'}"
    fields: dict[str, list[str]] = {}
    for name, value in forms[0].form_values():
        fields.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in fields.items()}
