"""The user's own page: their units and roles, and their API tokens (a new key is shown once)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import actions

NEW_TOKEN_KEY = "accounts:new_token"


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    new_token = request.session.pop(NEW_TOKEN_KEY, None)
    context = {
        "memberships": request.user.memberships.select_related(
            "organization", "organization__admin_unit"
        ).order_by("organization__path"),
        "tokens": request.user.api_tokens.order_by("-created_at"),
        "new_token": new_token,
        "token_error": None,
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    try:
        token, key = actions.issue_token(request.user, request.POST.get("name", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("accounts:profile")
    # Kept in the session only until the next page view, so the key is shown exactly once.
    request.session[NEW_TOKEN_KEY] = {"name": token.name, "key": key}
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        actions.revoke_token(request.user, pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã thu hồi mã truy cập."))
    return redirect("accounts:profile")
