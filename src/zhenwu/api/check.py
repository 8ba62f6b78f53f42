"""``POST /api/v1/check``: 核稿 of a pasted text or an uploaded report, the JSON ``zhenwu check --format json`` prints.

Bounded as the 核稿 page is (its ``CheckForm``: 200,000 characters, the upload size, zip bombs
refused while reading); with ``area`` the figures are also compared with that area's ledger,
which must be in the user's subtree (else 404).
"""

from __future__ import annotations

import json
from functools import partial

from ninja import Router, Schema

from zhenwu.api.common import cleaned, visible_area
from zhenwu.api.errors import FieldErrors
from zhenwu.checking.forms import CheckForm
from zhenwu.checking.inputs import UnreadableDocument, review_upload
from zhenwu.figures import review
from zhenwu.ledger.crosscheck import check_review

router = Router(tags=["核稿"])


class CheckIn(Schema):
    """JSON: the text; multipart: ``document`` (.docx/.txt/.pdf) instead. ``area``/``period`` to compare with the ledger."""

    text: str = ""
    area: str = ""
    period: str = ""


def _body_schema() -> dict:
    fields = CheckIn.model_json_schema()
    fields.pop("title", None)
    upload = json.loads(json.dumps(fields))
    upload["properties"]["document"] = {"type": "string", "format": "binary"}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": fields}, "multipart/form-data": {"schema": upload}},
        }
    }


def _input(request) -> tuple[dict, dict]:
    """The form data and files of a JSON or a multipart request."""
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError) as error:
            raise FieldErrors({"请求": "不是有效的 JSON"}) from error
        if not isinstance(body, dict) or not all(isinstance(v, str) for v in body.values()):
            raise FieldErrors({"请求": '应为对象，各项均为文本：{"text": "…"}'})
        return body, {}
    return request.POST, request.FILES


@router.post("/check", response=dict, summary="核稿：粘贴的文字或上传的报告", openapi_extra=_body_schema())
def check(request):
    data, files = _input(request)
    form = cleaned(CheckForm(data, files))
    ledger = None
    if form["area"]:
        ledger = partial(check_review, area=visible_area(request, form["area"]), period=form["period"])
    upload = form["document"]
    if upload is None:
        name, checked = "-", review(form["text"])
    else:
        try:
            name, checked = upload.name, review_upload(upload.name, upload.read())[0]
        except UnreadableDocument as error:
            raise FieldErrors({"document": f"“{upload.name}”无法读取：{error}"}) from error
    extra = {}
    if ledger is not None:
        checked, note = ledger(checked)
        extra["ledger_check"] = note.to_dict()
    return checked.to_dict(file=name, **extra)
