"""Mobile numbers and e-mail addresses: who may change them, and who may see them beside a name."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from zhenwu.accounts.models import AccountAction, AccountChange, Contact
from zhenwu.areas.access import roles_over
from zhenwu.areas.models import Area, Membership, Role

# The roles that chase or supervise an area see its people's numbers; a 填报员 sees only names.
CONTACT_ROLES = frozenset({Role.ADMIN, Role.REVIEWER, Role.INSPECTOR, Role.LEADER})


def may_see_contacts(viewer, area: Area) -> bool:
    """True when ``viewer`` supervises ``area`` (any role but 填报员 over it) or is a superuser."""
    if viewer.is_superuser and viewer.is_active:
        return True
    return bool(roles_over(viewer, area) & CONTACT_ROLES)


def mobiles_of(users) -> dict[int, str]:
    """user id → mobile number, for those of ``users`` that have one."""
    return dict(Contact.objects.filter(user__in=users).values_list("user_id", "mobile"))


def mobile_of(user) -> str:
    return mobiles_of([user]).get(user.pk, "")


def clerk_contacts(viewer, areas: list[Area]) -> dict[int, str]:
    """area id → its 填报员 with their numbers (“李娟 13812345678、钱多”), for the areas ``viewer`` may
    see numbers of and where some clerk left one; the others are left out, so the page shows names only."""
    shown = [area for area in areas if may_see_contacts(viewer, area)]
    memberships = list(
        Membership.objects.filter(area__in=shown, role=Role.CLERK, user__is_active=True)
        .select_related("user")
        .order_by("user__username")
    )
    mobiles = mobiles_of([membership.user for membership in memberships])
    lines = defaultdict(list)
    known = set()
    for membership in memberships:
        user = membership.user
        name = user.get_full_name() or user.username
        lines[membership.area_id].append(f"{name} {mobiles[user.pk]}" if user.pk in mobiles else name)
        if user.pk in mobiles:
            known.add(membership.area_id)
    return {area_id: "、".join(people) for area_id, people in lines.items() if area_id in known}


def contact_text(mobile: str, email: str) -> str:
    """A contact as the account's history says it: “手机 13812345678；邮箱 li@qx.cn”."""
    return f"手机 {mobile or '（空）'}；邮箱 {email or '（空）'}"


def update_contact(editor, user, mobile: str, email: str) -> None:
    """Set ``user``'s mobile number and e-mail (already validated), kept in the account's history.

    An empty ``mobile`` leaves the number as it is (a new account whose owner fills it in later).
    """
    with transaction.atomic():
        before = contact_text(mobile_of(user), user.email)
        if mobile:
            Contact.objects.update_or_create(
                user=user, defaults={"mobile": mobile, "updated_by": editor, "updated_at": timezone.now()}
            )
        if user.email != email:
            user.email = email
            user.save(update_fields=["email"])
        after = contact_text(mobile_of(user), user.email)
        if after != before:
            AccountChange.objects.create(
                user=user,
                action=AccountAction.CONTACT_CHANGED,
                changed_by=editor,
                old_text=before,
                new_text=after,
            )
