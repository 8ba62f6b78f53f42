"""Each channel's payload against the documented formats, 钉钉's signature, and the HTTP call itself."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from zhenwu.reminders import channels

MESSAGE = channels.Message(
    area_code="390123101000",
    area_name="青山镇",
    username="qs_clerk",
    name="李娟",
    mobile="13800001111",
    email="qs_clerk@qingxi.example",
    kind="late",
    kind_label="逾期未报提醒",
    text="【逾期提醒】青山镇2025年6月指标台账已于2025年7月5日截止，请尽快填报上报。",
    created_at="2025-07-06T08:00:00+08:00",
)

# Recorded from the robots' documentation (企业微信 “群机器人配置说明”, 钉钉 “自定义机器人发送群消息”):
# the shape every message must have, with the example values those pages use.
WECOM_TEXT_EXAMPLE = {
    "msgtype": "text",
    "text": {
        "content": "广州今日天气：29度，大部分多云，降雨概率：60%",
        "mentioned_mobile_list": ["13800001111", "@all"],
    },
}
WECOM_MARKDOWN_EXAMPLE = {
    "msgtype": "markdown",
    "markdown": {"content": '实时新增用户反馈<font color="warning">132例</font>'},
}
DINGTALK_TEXT_EXAMPLE = {
    "msgtype": "text",
    "text": {"content": "我就是我, @180xxxxxx 是不一样的烟火"},
    "at": {"atMobiles": ["180xxxxxx"], "isAtAll": False},
}
DINGTALK_MARKDOWN_EXAMPLE = {
    "msgtype": "markdown",
    "markdown": {"title": "杭州天气", "text": "#### 杭州天气 @150XXXXXXXX \n > 9度，西北风1级"},
    "at": {"atMobiles": ["150XXXXXXXX"], "isAtAll": False},
}
# 钉钉's own Python sample, run on timestamp 1577262236757 and secret "this is secret".
DINGTALK_SIGN_VECTOR = ("this is secret", 1577262236757, "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D")


def shape(value):
    """The keys and value types of a JSON document, without the values."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def test_wecom_text_has_the_documented_shape_and_mentions_the_clerk_by_mobile():
    payload = channels.wecom_payload(MESSAGE)
    assert shape(payload) == shape(WECOM_TEXT_EXAMPLE)
    assert payload == {
        "msgtype": "text",
        "text": {"content": MESSAGE.text, "mentioned_mobile_list": ["13800001111"]},
    }


def test_wecom_markdown_has_the_documented_shape():
    payload = channels.wecom_payload(MESSAGE, markdown=True)
    assert shape(payload) == shape(WECOM_MARKDOWN_EXAMPLE)
    assert payload["markdown"]["content"] == f"**逾期未报提醒** · 青山镇\n> {MESSAGE.text}"


def test_dingtalk_text_and_markdown_have_the_documented_shapes():
    text = channels.dingtalk_payload(MESSAGE)
    assert shape(text) == shape(DINGTALK_TEXT_EXAMPLE)
    assert text["at"] == {"atMobiles": ["13800001111"], "isAtAll": False}
    markdown = channels.dingtalk_payload(MESSAGE, markdown=True)
    assert shape(markdown) == shape(DINGTALK_MARKDOWN_EXAMPLE)
    assert markdown["markdown"]["text"].endswith("@13800001111")  # 钉钉 @-mentions only when the text says so


def test_dingtalk_signature_matches_the_documented_vector():
    secret, timestamp, expected = DINGTALK_SIGN_VECTOR
    assert channels.dingtalk_sign(secret, timestamp) == expected
    url = channels.dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=abc", secret, timestamp)
    assert (
        url == f"https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp={timestamp}&sign={expected}"
    )


def test_dingtalk_without_a_secret_leaves_the_url_alone():
    assert channels.dingtalk_url("https://oapi.dingtalk.com/robot/send?access_token=abc", "", 1) == (
        "https://oapi.dingtalk.com/robot/send?access_token=abc"
    )


def test_the_generic_webhook_carries_every_field_flat_and_signs_the_body():
    payload = channels.generic_payload(MESSAGE)
    assert payload == {
        "area": "390123101000",
        "area_name": "青山镇",
        "user": "qs_clerk",
        "name": "李娟",
        "mobile": "13800001111",
        "email": "qs_clerk@qingxi.example",
        "kind": "late",
        "kind_label": "逾期未报提醒",
        "message": MESSAGE.text,
        "created_at": "2025-07-06T08:00:00+08:00",
    }
    body = channels.encode(payload)
    assert json.loads(body) == payload and "青山镇".encode() in body  # UTF-8, not \\u escapes
    expected = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert channels.body_signature("s3cret", body) == f"sha256={expected}"


class Robot(BaseHTTPRequestHandler):
    """A local stand-in for a group robot: answers what the test put in ``answers``."""

    answers: list[tuple[int, bytes]] = []
    received: list[tuple[str, bytes]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Robot.received.append((self.path, body))
        status, answer = Robot.answers.pop(0)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def robot():
    Robot.answers, Robot.received = [], []
    server = HTTPServer(("127.0.0.1", 0), Robot)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/robot/send?key=k"
    server.shutdown()
    server.server_close()


def test_a_robot_that_answers_errcode_0_took_the_message(robot):
    Robot.answers.append((200, b'{"errcode":0,"errmsg":"ok"}'))
    channels.post_json(robot, channels.encode(channels.wecom_payload(MESSAGE)), robot=True)
    path, body = Robot.received[0]
    assert path == "/robot/send?key=k" and json.loads(body)["text"]["content"] == MESSAGE.text


@pytest.mark.parametrize(
    ("status", "answer", "error"),
    [
        (200, b'{"errcode":310000,"errmsg":"sign not match"}', "机器人拒收"),
        (500, b"oops", "HTTP 500"),
        (200, b"<html>", "不是 JSON"),
    ],
)
def test_a_refusal_is_an_error_that_says_why(robot, status, answer, error):
    Robot.answers.append((status, answer))
    with pytest.raises(channels.SendError, match=error):
        channels.post_json(robot, b"{}", robot=True)


def test_only_http_and_https_are_ever_requested():
    with pytest.raises(channels.SendError, match="http"):
        channels.post_json("file:///etc/passwd", b"{}")


def test_every_request_has_a_timeout(monkeypatch):
    seen = {}

    def urlopen(request, timeout=None):
        seen["timeout"] = timeout
        raise TimeoutError("timed out")

    monkeypatch.setattr(channels.urllib.request, "urlopen", urlopen)
    with pytest.raises(channels.SendError, match="无法连接"):
        channels.post_json("https://example.invalid/hook", b"{}")
    assert seen["timeout"] == channels.TIMEOUT_SECONDS
