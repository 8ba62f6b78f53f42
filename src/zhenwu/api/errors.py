"""Refusals as JSON, worded as the pages word them: 401, 403, 404, 409 and 422 with a message per field."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RuleBroken
from django.http import Http404
from ninja.errors import AuthenticationError, ValidationError

from zhenwu.assessment.services import AssessmentError
from zhenwu.inspections.rectification import StepNotAllowed
from zhenwu.ledger.services import LedgerError
from zhenwu.lib.stale import StaleEdit

# pydantic's error types, as a 填报员 reads them
_TYPE_MESSAGES = {
    "missing": "必填",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "string_type": "应为文本",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "dict_type": "应为对象（{…}）",
    "list_type": "应为列表（[…]）",
    "json_invalid": "不是有效的 JSON",
    "model_attributes_type": "应为对象（{…}）",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "string_too_long": "文字过长",
}


class FieldErrors(Exception):
    """Input the API refuses before any service runs: ``{field: 中文 message}`` → 422."""

    def __init__(self, errors: dict[str, str], detail: str = "输入有误，均未保存"):
        super().__init__(detail)
        self.errors, self.detail = errors, detail


def _field(loc) -> str:
    """``("query", "period")`` → ``period``; ``("body", "payload", "values", "A01")`` → ``values.A01``."""
    parts = [str(part) for part in loc]
    if parts[:1] in (["query"], ["body"], ["path"], ["form"], ["file"]):
        parts = parts[1:]
    if parts[:1] == ["payload"]:
        parts = parts[1:]
    return ".".join(parts) or "请求"


def _message(error: dict) -> str:
    if error.get("type") == "value_error":
        return str(error.get("ctx", {}).get("error") or error.get("msg", "")).removeprefix("Value error, ")
    return _TYPE_MESSAGES.get(error.get("type", ""), f"格式不正确（{error.get('msg', '')}）")


def install(api) -> None:
    """Register the handlers that turn refusals into the API's JSON."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc: ValidationError):
        errors = {}
        for error in exc.errors:
            errors.setdefault(_field(error.get("loc", ())), _message(error))
        return api.create_response(request, {"detail": "输入有误", "errors": errors}, status=422)

    @api.exception_handler(FieldErrors)
    def field_errors(request, exc: FieldErrors):
        return api.create_response(request, {"detail": exc.detail, "errors": exc.errors}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(
            request, {"detail": "请先登录，或在 Authorization 头中提供有效的 Bearer 令牌"}, status=401
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(request, {"detail": str(exc) or "您的角色无权进行此操作"}, status=403)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": str(exc) or "未找到"}, status=404)

    @api.exception_handler(LedgerError)
    @api.exception_handler(StepNotAllowed)
    @api.exception_handler(AssessmentError)
    def refused(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=422)

    @api.exception_handler(RuleBroken)
    def rule_broken(request, exc: RuleBroken):
        """A service's own refusal (``django.core.exceptions.ValidationError``), worded as the page shows it."""
        return api.create_response(request, {"detail": "；".join(exc.messages)}, status=422)

    @api.exception_handler(StaleEdit)
    def stale(request, exc: StaleEdit):
        """Changed by somebody else since it was read: who, what, when, and the version to send next time."""
        stale = [
            {"what": item.what, "message": item.message, "by": item.by, "version": item.version}
            for item in exc.stale
        ]
        return api.create_response(request, {"detail": str(exc), "stale": stale}, status=409)
