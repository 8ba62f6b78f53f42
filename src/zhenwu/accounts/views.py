from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import PasswordChangeView
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from zhenwu.accounts import contacts, services
from zhenwu.accounts import tokens as api_tokens
from zhenwu.accounts.forms import (
    AccountFilterForm,
    AccountForm,
    AddRoleForm,
    ContactForm,
    NameForm,
    RoleForm,
)
from zhenwu.areas.access import get_writable_or_403
from zhenwu.areas.models import Action, Area, Membership
from zhenwu.paging import paginate


@login_required
def index(request):
    """My account; for a 管理员 also the accounts of their area (filtered, 50 a page), to reset or unlock."""
    context = {
        "own": services.account_rows(get_user_model().objects.filter(pk=request.user.pk))[0],
        "own_changes": request.user.account_changes.select_related("changed_by")[:10],
        "own_mobile": contacts.mobile_of(request.user),
        "managed": None,
    }
    if services.manages_accounts(request.user):
        context.update(_account_page(request, services.managed_users(request.user)))
    return render(request, "accounts/index.html", context)


def _account_page(request, users) -> dict:
    """The page of ``users`` the filters and ``?page=`` ask for, as account-list rows."""
    filters = AccountFilterForm(request.GET or None, auto_id="filter_%s")
    page, query = paginate(request, filters.filter(users))
    return {
        "managed": services.account_rows(page.object_list),
        "page": page,
        "query": query,
        "filters": filters,
    }


class PasswordChange(PasswordChangeView):
    """Any signed-in user changes their own password; after an admin's reset, before anything else."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:index")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            must_change=services.must_change_password(self.request.user), **kwargs
        )

    def form_valid(self, form):
        services.change_own_password(form.user, form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, "密码已修改，下次登录请使用新密码。")
        return redirect(self.get_success_url())


@sensitive_post_parameters()
@never_cache
@login_required
def reset(request, pk):
    """A 管理员 sets a new password for an account of their area, or has a temporary one made."""
    account = services.get_managed_user_or_404(request.user, pk)
    name = account.get_full_name() or account.get_username()
    if request.method == "POST" and "generate" in request.POST:
        temporary = services.set_temporary_password(request.user, account)
        return render(request, "accounts/reset_done.html", {"account": account, "temporary": temporary})
    form = SetPasswordForm(account, request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.set_password(request.user, account, form.cleaned_data["new_password1"])
        messages.success(request, f"已为 {name} 设定新密码；{name} 下次登录后须先改为自己的密码。")
        return redirect("accounts:index")
    return render(request, "accounts/reset.html", {"account": account, "form": form})


@login_required
@require_POST
def unlock(request, pk):
    """A 管理员 lifts an account's sign-in lock before its 30 minutes are up."""
    account = services.get_managed_user_or_404(request.user, pk)
    services.unlock(request.user, account)
    messages.success(request, f"已解除 {account.get_full_name() or account.get_username()} 的登录锁定。")
    return redirect("accounts:index")


@login_required
def tokens(request):
    """API 令牌: the user's own tokens, when each was made and last used; made with ``zhenwu token create``."""
    return render(request, "accounts/tokens.html", {"tokens": api_tokens.tokens_of(request.user)})


@login_required
@require_POST
def revoke_token(request, pk):
    token = api_tokens.revoke_token(request.user, pk)
    messages.success(request, f"已吊销令牌 {token.name or token.prefix}，使用它的程序将无法再访问。")
    return redirect("accounts:tokens")


# --- 设置 · 账号 ----------------------------------------------------------------------------------------------


@login_required
def setup(request, code):
    """The accounts of an area's subtree, and a new one (its temporary password is shown once)."""
    area = get_writable_or_403(Area.objects, request.user, Action.ADMINISTER, code=code)
    form = AccountForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, temporary = services.create_account(request.user, **data)
        except services.AccountError as error:
            form.add_error("username", str(error))
        else:
            context = {"account": account, "temporary": temporary, "created": True, "area": area}
            return render(request, "accounts/reset_done.html", context)
    listing = _account_page(request, services.accounts_in(request.user, area))
    return render(request, "accounts/setup.html", {"area": area, "form": form, **listing})


@login_required
def account(request, pk):
    """One account: its roles (each can be changed, another added), contact, 停用/恢复, password, history."""
    user = services.get_managed_user_or_404(request.user, pk)
    memberships = [
        (membership, RoleForm(initial={"role": membership.role}, auto_id=f"m{membership.pk}_%s"))
        for membership in user.memberships.select_related("area")
    ]
    context = {
        "account": user,
        "name_form": NameForm(initial={"name": user.get_full_name()}, auto_id="name_%s"),
        "memberships": memberships,
        "add_role_form": AddRoleForm(areas=services.role_areas(request.user), auto_id="add_%s"),
        "contact_form": _contact_form(request, user, bound=False),
        "changes": user.account_changes.select_related("changed_by"),
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def rename(request, pk):
    """修改姓名: a 管理员 corrects the name an account of their area is shown and signs under."""
    user = services.get_managed_user_or_404(request.user, pk)
    form = NameForm(request.POST)
    try:
        if not form.is_valid():
            raise services.AccountError("；".join(form.errors["name"]))
        changed = services.rename(request.user, user, form.cleaned_data["name"])
    except services.AccountError as error:
        messages.error(request, f"姓名未修改：{error}")
    else:
        if changed:
            messages.success(request, f"已将 {user.username} 的姓名改为{user.get_full_name()}。")
    return redirect("accounts:account", pk=user.pk)


@login_required
@require_POST
def change_role(request, pk, membership):
    user = services.get_managed_user_or_404(request.user, pk)
    held = get_object_or_404(Membership.objects.select_related("area", "user"), pk=membership, user=user)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "角色未变更：请选择角色")
        return redirect("accounts:account", pk=user.pk)
    try:
        services.change_role(request.user, held, form.cleaned_data["role"])
    except services.AccountError as error:
        messages.error(request, f"角色未变更：{error}")
    else:
        messages.success(
            request, f"已将 {user.get_full_name() or user.username} 的角色改为{held.get_role_display()}。"
        )
    return redirect("accounts:account", pk=user.pk)


@login_required
@require_POST
def add_role(request, pk):
    """增加角色: the account also holds another role (兼任), e.g. a town's 管理员 who also reports."""
    user = services.get_managed_user_or_404(request.user, pk)
    form = AddRoleForm(request.POST, areas=services.role_areas(request.user))
    if not form.is_valid():
        messages.error(
            request, "角色未增加：" + "；".join(e for errors in form.errors.values() for e in errors)
        )
        return redirect("accounts:account", pk=user.pk)
    try:
        membership = services.add_role(request.user, user, **form.cleaned_data)
    except services.AccountError as error:
        messages.error(request, f"角色未增加：{error}")
    else:
        name = user.get_full_name() or user.username
        messages.success(request, f"{name} 现兼任{services.place_text(membership)}。")
    return redirect("accounts:account", pk=user.pk)


@login_required
@require_POST
def remove_role(request, pk, membership):
    """取消角色: one of an account's roles ends; the account and its records stay."""
    user = services.get_managed_user_or_404(request.user, pk)
    held = get_object_or_404(Membership.objects.select_related("area", "user"), pk=membership, user=user)
    try:
        services.remove_role(request.user, held)
    except services.AccountError as error:
        messages.error(request, f"角色未取消：{error}")
    else:
        messages.success(
            request, f"已取消 {user.get_full_name() or user.username} 的{services.place_text(held)}角色。"
        )
    return redirect("accounts:account", pk=user.pk)


@login_required
@require_POST
def set_active(request, pk):
    """停用 an account (it can no longer sign in; its records stay) or 恢复 it."""
    user = services.get_managed_user_or_404(request.user, pk)
    active = request.POST.get("active") == "1"
    services.set_active(request.user, user, active)
    name = user.get_full_name() or user.username
    messages.success(
        request, f"已恢复 {name} 的账号。" if active else f"已停用 {name} 的账号，其填报和操作记录全部保留。"
    )
    return redirect("accounts:account", pk=user.pk)


def _contact_form(request, account, bound: bool = True):
    initial = {"mobile": contacts.mobile_of(account), "email": account.email}
    data = request.POST if bound and request.method == "POST" else None
    return ContactForm(data, initial=initial)


@login_required
def contact(request):
    """Any user keeps their own mobile number and e-mail up to date."""
    form = _contact_form(request, request.user)
    if form.is_valid():
        contacts.update_contact(request.user, request.user, **form.cleaned_data)
        messages.success(request, "联系方式已保存。")
        return redirect("accounts:index")
    return render(request, "accounts/contact.html", {"account": request.user, "form": form, "own": True})


@login_required
def user_contact(request, pk):
    """A 管理员 corrects the mobile number and e-mail of an account of their area."""
    account = services.get_managed_user_or_404(request.user, pk)
    form = _contact_form(request, account)
    if form.is_valid():
        contacts.update_contact(request.user, account, **form.cleaned_data)
        messages.success(request, f"已保存 {account.get_full_name() or account.username} 的联系方式。")
        return redirect("accounts:account", pk=account.pk)
    return render(request, "accounts/contact.html", {"account": account, "form": form, "own": False})
