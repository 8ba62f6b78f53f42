"""The message formats of each channel, as their makers document them, and the one HTTP call.

- 企业微信群机器人: POST JSON ``{"msgtype": "text", "text": {"content", "mentioned_mobile_list"}}`` or
  ``{"msgtype": "markdown", "markdown": {"content"}}`` to the robot's ``…/webhook/send?key=…``.
- 钉钉群机器人: POST JSON ``{"msgtype": "text", "text": {"content"}, "at": {"atMobiles", "isAtAll"}}`` or
  ``{"msgtype": "markdown", "markdown": {"title", "text"}, "at": …}``; with 加签 the URL gets
  ``&timestamp=<ms>&sign=<urlencode(base64(HmacSHA256(secret, f"{timestamp}\\n{secret}")))>``.
  Both robots answer ``{"errcode": 0, "errmsg": "ok"}`` when the message was taken.
- 通用 JSON 接口 (an SMS gateway, a provincial platform): our own flat object; with a secret, the
  body's HMAC-SHA256 in ``X-Zhenwu-Signature: sha256=<hex>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

TIMEOUT_SECONDS = 10
MAX_RESPONSE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Message:
    """What every channel needs to know about one reminder."""

    area_code: str
    area_name: str
    username: str
    name: str
    mobile: str
    email: str
    kind: str
    kind_label: str
    text: str
    created_at: str  # ISO 8601


def wecom_payload(message: Message, markdown: bool = False) -> dict:
    """企业微信群机器人: text @-mentions the person by mobile; markdown bolds the heading instead."""
    if markdown:
        return {
            "msgtype": "markdown",
            "markdown": {"content": f"**{message.kind_label}** · {message.area_name}\n> {message.text}"},
        }
    text = {"content": message.text}
    if message.mobile:
        text["mentioned_mobile_list"] = [message.mobile]
    return {"msgtype": "text", "text": text}


def dingtalk_payload(message: Message, markdown: bool = False) -> dict:
    """钉钉群机器人: the person is @-mentioned by mobile (in markdown the ``@mobile`` must be in the text)."""
    at = {"atMobiles": [message.mobile] if message.mobile else [], "isAtAll": False}
    if markdown:
        mention = f" @{message.mobile}" if message.mobile else ""
        body = f"#### {message.kind_label} · {message.area_name}\n> {message.text}{mention}"
        return {"msgtype": "markdown", "markdown": {"title": message.kind_label, "text": body}, "at": at}
    return {"msgtype": "text", "text": {"content": message.text}, "at": at}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """钉钉 加签: base64 of HmacSHA256 keyed with the secret over ``"{timestamp}\\n{secret}"``, URL-encoded."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest))


def dingtalk_url(url: str, secret: str, timestamp_ms: int) -> str:
    """The robot's URL with ``timestamp`` and ``sign`` added when a 加签 secret is set."""
    if not secret:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}timestamp={timestamp_ms}&sign={dingtalk_sign(secret, timestamp_ms)}"


def generic_payload(message: Message) -> dict:
    """Our own JSON for any receiver: every field named, nothing nested."""
    return {
        "area": message.area_code,
        "area_name": message.area_name,
        "user": message.username,
        "name": message.name,
        "mobile": message.mobile,
        "email": message.email,
        "kind": message.kind,
        "kind_label": message.kind_label,
        "message": message.text,
        "created_at": message.created_at,
    }


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def body_signature(secret: str, body: bytes) -> str:
    """``sha256=<hex>`` of the body keyed with the secret, for the generic webhook's receiver to check."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class SendError(Exception):
    """The receiver could not be reached or refused the message; the text says why, in Chinese."""


def post_json(url: str, body: bytes, headers: dict[str, str] | None = None, robot: bool = False) -> None:
    """POST ``body`` with a timeout; a robot must also answer ``errcode`` 0. Raises SendError otherwise."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise SendError("只能发送到 http:// 或 https:// 地址")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = response.read(MAX_RESPONSE_BYTES)
    except urllib.error.HTTPError as error:
        raise SendError(f"对方返回 HTTP {error.code}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise SendError(f"无法连接：{getattr(error, 'reason', error)}") from error
    if robot:
        try:
            errcode = json.loads(answer).get("errcode")
        except (ValueError, AttributeError):
            raise SendError("机器人的应答不是 JSON") from None
        if errcode != 0:
            raise SendError(f"机器人拒收：{answer[:200].decode('utf-8', 'replace')}")
