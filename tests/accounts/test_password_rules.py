"""Password rules: Django's validators at strict settings, refusing in Chinese."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.conftest import make_user
from zhenwu.areas.models import Role


def refusals(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


@pytest.mark.parametrize(
    ("password", "username", "message"),
    [
        ("87654321123", "qs_leader", "密码只包含数字。"),
        ("qs_clerk1", "qs_clerk", "密码跟 用户名 太相似了。"),
        ("qs_clerk-2026", "qs_clerk", "密码跟 用户名 太相似了。"),
        ("1qaz2wsx3edc", "qs_leader", "这个密码太常见了。"),
        ("Qing-shan-7", "qs_leader", "密码长度太短。密码必须包含至少 12 个字符。"),
    ],
)
def test_the_probes_weak_passwords_are_refused_in_chinese(world, password, username, message):
    user = make_user(username, world.town_a, Role.CLERK)
    assert message in refusals(password, user)


def test_a_long_unrelated_passphrase_is_accepted(world):
    assert refusals("青山镇-dongshan-2026", world.town_a_clerk) == []
