"""Whose account a 管理员 may reset, the reset itself, and whether a password must be changed first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset as reset_axes_attempts
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet, Sum, prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.crypto import get_random_string

from zhenwu.accounts.contacts import update_contact
from zhenwu.accounts.models import PASSWORD_ACTIONS, RESET_ACTIONS, AccountAction, AccountChange
from zhenwu.areas.access import grants_of, subtree_filter
from zhenwu.areas.changes import require_admin
from zhenwu.areas.models import ROLE_ACTIONS, Action, Area, Membership, Role

# No 0/O, 1/l/i: a temporary password is read out over the telephone.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def managed_users(admin) -> QuerySet:
    """Accounts whose every membership lies inside areas where ``admin`` is 管理员.

    An account that also works elsewhere is left to an admin above both places, so a town's
    admin never takes over an account that reaches into another town or up to the county.
    """
    users = get_user_model().objects.exclude(pk=admin.pk)
    if admin.is_superuser and admin.is_active:
        return users
    paths = [grant.path for grant in grants_of(admin) if Action.ADMINISTER in ROLE_ACTIONS[grant.role]]
    if not paths:
        return users.none()
    inside = Q()
    for path in paths:
        inside |= Q(area__path__startswith=path)
    return (
        users.filter(is_superuser=False, pk__in=Membership.objects.filter(inside).values("user"))
        .exclude(pk__in=Membership.objects.exclude(inside).values("user"))
        .order_by("username")
    )


def get_managed_user_or_404(admin, pk):
    """One account the admin may reset: 404 outside their subtree, 403 where they may only look."""
    user = managed_users(admin).filter(pk=pk).first()
    if user is not None:
        return user
    if Membership.objects.for_user(admin).filter(user_id=pk).exists():
        raise PermissionDenied("您无权重置此账号的密码：只有该账号所有任职区划的管理员才可以")
    raise Http404("未找到，或不在您的管辖范围内")


def set_password(admin, user, password: str) -> None:
    """An admin gives ``user`` a password (already validated); its owner replaces it at next sign-in."""
    _reset(admin, user, password, AccountAction.PASSWORD_SET)


def set_temporary_password(admin, user) -> str:
    """An admin gives ``user`` a random one-time password and gets it back to pass on."""
    password = "-".join(get_random_string(4, TEMPORARY_ALPHABET) for _ in range(3))
    _reset(admin, user, password, AccountAction.PASSWORD_GENERATED)
    return password


def _reset(admin, user, password: str, action: str) -> None:
    """A new hash signs the user out of every session; a lock on their sign-in goes with the old one."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        AccountChange.objects.create(user=user, action=action, changed_by=admin)
        reset_axes_attempts(username=user.get_username())


def change_own_password(user, password: str) -> None:
    """The user picks their own password (already validated), which ends a pending reset."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        AccountChange.objects.create(user=user, action=AccountAction.OWN_CHANGE, changed_by=user)


def must_change_password(user) -> bool:
    """True while the user still signs in with a password an admin chose."""
    latest = (
        AccountChange.objects.filter(user=user, action__in=PASSWORD_ACTIONS)
        .values_list("action", flat=True)
        .first()
    )
    return latest in RESET_ACTIONS


def unlock(admin, user) -> None:
    """Lift the sign-in lock of ``user`` from every address before the cool-off ends."""
    with transaction.atomic():
        reset_axes_attempts(username=user.get_username())
        AccountChange.objects.create(user=user, action=AccountAction.UNLOCK, changed_by=admin)


def locked_out_usernames(usernames) -> set[str]:
    """Those of ``usernames`` that some address may not sign in as now (django-axes' lock)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return set(
        AccessAttempt.objects.filter(username__in=list(usernames), attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .values_list("username", flat=True)
    )


@dataclass(frozen=True)
class AccountRow:
    """One line of the account list: who, where, and what last happened to the account."""

    user: object
    places: str
    last_change: AccountChange | None
    locked: bool
    must_change: bool

    @property
    def last_login(self) -> datetime | None:
        return self.user.last_login


def manages_accounts(user) -> bool:
    """True for a 管理员 anywhere (and a superuser): they get the list of the accounts they manage."""
    if user.is_superuser and user.is_active:
        return True
    return any(Action.ADMINISTER in ROLE_ACTIONS[grant.role] for grant in grants_of(user))


def account_rows(users) -> list[AccountRow]:
    """The account list's rows for ``users``, in a fixed number of queries."""
    users = list(users)
    prefetch_related_objects(users, "memberships__area")
    changes: dict[int, AccountChange] = {}
    pending: dict[int, bool] = {}
    for change in AccountChange.objects.filter(user__in=users).select_related("changed_by"):
        changes.setdefault(change.user_id, change)  # newest first
        if change.action in PASSWORD_ACTIONS:
            pending.setdefault(change.user_id, change.action in RESET_ACTIONS)
    locked = locked_out_usernames(user.get_username() for user in users)
    return [
        AccountRow(
            user=user,
            places="、".join(
                f"{membership.area.name}{membership.get_role_display()}"
                for membership in user.memberships.all()
            ),
            last_change=changes.get(user.pk),
            locked=user.get_username() in locked,
            must_change=pending.get(user.pk, False),
        )
        for user in users
    ]


# --- accounts a 管理员 sets up ------------------------------------------------------------------------------


class AccountError(Exception):
    """An account change that cannot be made as asked; the message says why, in words for the page."""


def place_text(membership: Membership) -> str:
    """A role where it is held, as the pages say it: “青山镇 填报员”."""
    return f"{membership.area.name} {membership.get_role_display()}"


def accounts_in(admin, area) -> QuerySet:
    """The accounts ``admin`` manages that hold a role in ``area``'s subtree, inactive ones included."""
    return managed_users(admin).filter(memberships__area__path__startswith=area.path).distinct()


def create_account(
    admin,
    *,
    username: str,
    name: str,
    area,
    role: str,
    second_role: str = "",
    mobile: str = "",
    email: str = "",
) -> tuple[object, str]:
    """Open an account with one role (or two in the same area), its contact, and a temporary password.

    The password is returned once, to be passed on; its owner replaces it at the first sign-in,
    as after any reset.
    """
    require_admin(admin, area)
    username = username.strip()
    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError(f"用户名“{username}”已被使用，请换一个")
    roles = [role] + ([second_role] if second_role and second_role != role else [])
    with transaction.atomic():
        user = User.objects.create_user(username=username, first_name=name.strip())
        memberships = [Membership.objects.create(user=user, area=area, role=held) for held in roles]
        AccountChange.objects.create(
            user=user,
            action=AccountAction.CREATED,
            changed_by=admin,
            new_text="、".join(place_text(membership) for membership in memberships),
        )
        if mobile or email:
            update_contact(admin, user, mobile, email)
        password = set_temporary_password(admin, user)
    return user, password


def role_areas(admin) -> QuerySet:
    """The areas where ``admin`` may give an account a role: those of the subtrees they administer."""
    return Area.objects.filter(subtree_filter(admin, "path", Action.ADMINISTER))


def add_role(admin, user, area, role: str) -> Membership:
    """Give an account a further role (兼任), in an area the admin administers; kept in its history."""
    require_admin(admin, area)
    get_managed_user_or_404(admin, user.pk)
    if Membership.objects.filter(user=user, area=area, role=role).exists():
        raise AccountError(f"该账号在{area.name}已有{Role(role).label}角色")
    with transaction.atomic():
        membership = Membership.objects.create(user=user, area=area, role=role)
        AccountChange.objects.create(
            user=user, action=AccountAction.ROLE_ADDED, changed_by=admin, new_text=place_text(membership)
        )
    return membership


def remove_role(admin, membership: Membership) -> None:
    """Take one role from an account that keeps another; an account's last role is ended by 停用 instead."""
    require_admin(admin, membership.area)
    user = get_managed_user_or_404(admin, membership.user_id)
    if not Membership.objects.filter(user=user).exclude(pk=membership.pk).exists():
        raise AccountError("这是该账号唯一的角色；不再使用此账号请停用")
    with transaction.atomic():
        AccountChange.objects.create(
            user=user, action=AccountAction.ROLE_REMOVED, changed_by=admin, old_text=place_text(membership)
        )
        membership.delete()


def change_role(admin, membership: Membership, role: str) -> Membership:
    """Give an account another role in the same area; the old one is kept in the account's history."""
    require_admin(admin, membership.area)
    get_managed_user_or_404(admin, membership.user_id)
    if membership.role == role:
        return membership
    if Membership.objects.filter(user=membership.user, area=membership.area, role=role).exists():
        raise AccountError(f"该账号在{membership.area.name}已有{Role(role).label}角色")
    with transaction.atomic():
        before = place_text(membership)
        membership.role = role
        membership.save(update_fields=["role"])
        AccountChange.objects.create(
            user=membership.user,
            action=AccountAction.ROLE_CHANGED,
            changed_by=admin,
            old_text=before,
            new_text=place_text(membership),
        )
    return membership


def rename(admin, user, name: str) -> bool:
    """Correct an account's 姓名 (kept as before and after); False when it is already so named."""
    get_managed_user_or_404(admin, user.pk)
    name = name.strip()
    if not name:
        raise AccountError("请填写姓名")
    old = user.get_full_name()
    if old == name:
        return False
    with transaction.atomic():
        user.first_name, user.last_name = name, ""
        user.save(update_fields=["first_name", "last_name"])
        AccountChange.objects.create(
            user=user, action=AccountAction.NAME_CHANGED, changed_by=admin, old_text=old, new_text=name
        )
    return True


def set_active(admin, user, active: bool) -> None:
    """Stop an account signing in (停用) or let it again; what it entered and did stays, under its name."""
    get_managed_user_or_404(admin, user.pk)
    if user.is_active == active:
        return
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        AccountChange.objects.create(
            user=user,
            action=AccountAction.REACTIVATED if active else AccountAction.DEACTIVATED,
            changed_by=admin,
            old_text="停用" if active else "启用",
            new_text="启用" if active else "停用",
        )
