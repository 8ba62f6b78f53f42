"""Strict readers for environment variables: a bad value stops start-up naming the variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping


class ConfigError(Exception):
    """A configuration variable holds a value Zhenwu cannot use."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, environ: Mapping[str, str] | None = None) -> str | None:
    """Return the variable stripped, or ``default`` when it is unset or blank."""
    value = (os.environ if environ is None else environ).get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Read a yes/no flag.

    >>> env_bool("X", environ={"X": "true"})
    True
    >>> env_bool("X", environ={"X": "maybe"})
    Traceback (most recent call last):
    ...
    zhenwu.lib.env.ConfigError: 环境变量 X 的值 'maybe' 无效：应为 true/false、1/0、yes/no 或 on/off
    """
    raw = (os.environ if environ is None else environ).get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"环境变量 {name} 的值 {raw!r} 无效：应为 true/false、1/0、yes/no 或 on/off")


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    """Read a comma-separated list; blank items are dropped.

    >>> env_list("H", ["x"], environ={"H": "a.cn, b.cn,"})
    ['a.cn', 'b.cn']
    """
    raw = env_str(name, environ=environ)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_meta_key(name: str, default: str, environ: Mapping[str, str] | None = None) -> str:
    """Read an HTTP request header's name as the key Django files it under in ``request.META``.

    >>> env_meta_key("H", "REMOTE_ADDR", environ={"H": "X-Real-IP"})
    'HTTP_X_REAL_IP'
    >>> env_meta_key("H", "REMOTE_ADDR", environ={})
    'REMOTE_ADDR'
    >>> env_meta_key("H", "REMOTE_ADDR", environ={"H": "X Real IP"})
    Traceback (most recent call last):
    ...
    zhenwu.lib.env.ConfigError: 环境变量 H 的值 'X Real IP' 无效：应为请求头的名称，例如 X-Real-IP 或 X-Forwarded-For
    """
    raw = env_str(name, environ=environ)
    if raw is None:
        return default
    if not re.fullmatch(r"[A-Za-z0-9-]+", raw):
        raise ConfigError(
            f"环境变量 {name} 的值 {raw!r} 无效：应为请求头的名称，例如 X-Real-IP 或 X-Forwarded-For"
        )
    return "HTTP_" + raw.upper().replace("-", "_")


def env_int(name: str, default: int, minimum: int = 0, environ: Mapping[str, str] | None = None) -> int:
    """Read a whole number not below ``minimum``.

    >>> env_int("N", 120, environ={"N": "5"})
    5
    >>> env_int("N", 120, minimum=3, environ={"N": "1"})
    Traceback (most recent call last):
    ...
    zhenwu.lib.env.ConfigError: 环境变量 N 的值 '1' 无效：应为不小于 3 的整数
    """
    raw = env_str(name, environ=environ)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ConfigError(f"环境变量 {name} 的值 {raw!r} 无效：应为不小于 {minimum} 的整数")
    return value
