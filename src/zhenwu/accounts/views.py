from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import PasswordChangeView
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from zhenwu.accounts import contacts, services
from zhenwu.accounts import tokens as api_tokens
from zhenwu.accounts.forms import ContactForm


@login_required
def index(request):
    """My account; for a 管理员 also the accounts of their area, to reset or unlock."""
    search = request.GET.get("q", "").strip()
    managed, more = (
        services.account_list(request.user, search)
        if services.manages_accounts(request.user)
        else (None, False)
    )
    context = {
        "own": services.account_rows(get_user_model().objects.filter(pk=request.user.pk))[0],
        "own_changes": request.user.account_changes.select_related("changed_by")[:10],
        "own_mobile": contacts.mobile_of(request.user),
        "managed": managed,
        "more": more,
        "search": search,
    }
    return render(request, "accounts/index.html", context)


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


def _contact_form(request, account):
    initial = {"mobile": contacts.mobile_of(account), "email": account.email}
    return ContactForm(request.POST if request.method == "POST" else None, initial=initial)


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
        return redirect("accounts:index")
    return render(request, "accounts/contact.html", {"account": account, "form": form, "own": False})
