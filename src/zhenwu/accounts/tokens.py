"""API tokens: made on the command line, used as ``Authorization: Bearer``, revoked on the "API 令牌" page.

A token is ``zw_`` + 8 characters of lookup prefix + a random secret (32 bytes). Only its sha256
is stored, so a copy of the database opens nothing; the prefix finds the row by an index.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from zhenwu.accounts.models import ApiToken

TOKEN_START = "zw_"
PREFIX_LENGTH = 8
# Writing last_used_at on every request would make each read a write; once a minute says enough.
LAST_USED_STEP = timedelta(minutes=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _prefix_of(token: str) -> str:
    return token[len(TOKEN_START) : len(TOKEN_START) + PREFIX_LENGTH]


@transaction.atomic
def create_token(user, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """Make a token for ``user`` valid for ``days`` (for ever without); return it and the secret, shown once."""
    if days is not None and days < 1:
        raise ValueError(f"有效天数应为正整数，收到 {days}")
    while True:
        token = TOKEN_START + secrets.token_urlsafe(6)[:PREFIX_LENGTH] + secrets.token_urlsafe(32)
        if (
            len(_prefix_of(token)) == PREFIX_LENGTH
            and not ApiToken.objects.filter(prefix=_prefix_of(token)).exists()
        ):
            break
    expires = timezone.now() + timedelta(days=days) if days else None
    row = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=_prefix_of(token), digest=_digest(token), expires_at=expires
    )
    return row, token


def user_for_token(token: str):
    """The active user a live token belongs to, or ``None`` (unknown, revoked, expired, user disabled)."""
    if not token.startswith(TOKEN_START):
        return None
    row = (
        ApiToken.objects.live()
        .select_related("user")
        .filter(prefix=_prefix_of(token), user__is_active=True)
        .first()
    )
    if row is None or not hmac.compare_digest(row.digest, _digest(token)):
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_STEP:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


def tokens_of(user):
    return ApiToken.objects.filter(user=user)


def revoke_token(user, pk: int) -> ApiToken:
    """Revoke one of the user's own tokens; another's is a 404, as if it did not exist."""
    row = tokens_of(user).filter(pk=pk).first()
    if row is None:
        raise Http404("没有这个令牌")
    if row.revoked_at is None:
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
    return row
