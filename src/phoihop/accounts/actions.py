"""The one write path for users, memberships and API tokens (pages, admin commands and the demo call these)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core import permissions
from phoihop.core.changelog import record
from phoihop.core.models import ChangeLogEntry

from .choices import Role
from .models import ApiToken, Membership

CREATE, DELETE = ChangeLogEntry.Action.CREATE, ChangeLogEntry.Action.DELETE


@transaction.atomic
def create_user(
    username: str,
    *,
    organization=None,
    role: str = Role.VIEWER,
    password: str | None = None,
    email: str = "",
    full_name: str = "",
    is_superuser: bool = False,
    actor=None,
    check_password: bool = True,
):
    """Create a user with one membership (or a superuser without); every problem names the field to fix."""
    User = get_user_model()
    username = (username or "").strip()
    errors: dict[str, list[str]] = {}
    if not username:
        errors["username"] = [_("Nhập tên đăng nhập.")]
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("Tên đăng nhập “%(name)s” đã có người dùng.") % {"name": username}]
    if role not in Role.values:
        errors["role"] = [
            _("Vai trò “%(role)s” không hợp lệ; chọn một trong: %(roles)s.")
            % {"role": role, "roles": ", ".join(f"{v} ({label})" for v, label in Role.choices)}
        ]
    if organization is None and not is_superuser:
        errors["organization"] = [_("Chọn đơn vị cho người dùng.")]
    if actor is not None and organization is not None and not permissions.can(actor, "admin", organization):
        raise PermissionDenied(
            _("Bạn không có quyền quản trị người dùng của %(org)s.") % {"org": organization}
        )
    if not password:
        errors["password"] = [_("Nhập mật khẩu.")]
    elif check_password:
        try:
            validate_password(password, User(username=username, email=email))
        except ValidationError as exc:
            errors["password"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    first, _sep, last = (
        full_name.strip().rpartition(" ") if " " in full_name.strip() else ("", "", full_name.strip())
    )
    user = User(username=username, email=email, first_name=first, last_name=last)
    user.is_superuser = user.is_staff = is_superuser
    user.set_password(password)
    user.save()
    _log_user(user, actor)
    if organization is not None:
        add_membership(user, organization, role, actor=actor)
    return user


def _log_user(user, actor) -> None:
    # Not changelog.record: a snapshot of the user row would copy the password hash into the log.
    from django.contrib.contenttypes.models import ContentType

    ChangeLogEntry.objects.create(
        user=permissions.actor(actor),
        action=CREATE,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=user.username,
        changes={"username": [None, user.username], "is_superuser": [None, str(user.is_superuser)]},
        reason=_("Tạo người dùng"),
    )


@transaction.atomic
def add_membership(user, organization, role: str, actor=None) -> Membership:
    if actor is not None and not permissions.can(actor, "admin", organization):
        raise PermissionDenied(
            _("Bạn không có quyền quản trị người dùng của %(org)s.") % {"org": organization}
        )
    membership, created = Membership.objects.update_or_create(
        user=user, organization=organization, defaults={"role": role}
    )
    record(membership, CREATE if created else ChangeLogEntry.Action.UPDATE, actor)
    return membership


@transaction.atomic
def issue_token(user, name: str) -> tuple[ApiToken, str]:
    """A new API token for the user themself; the key is returned once and only its hash is kept."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Đặt tên cho mã truy cập, ví dụ: “Máy chủ báo cáo”.")})
    if len(name) > 100:
        raise ValidationError({"name": _("Tên mã truy cập tối đa 100 ký tự.")})
    token, key = ApiToken.issue(user, name)
    record(token, CREATE, user)
    return token, key


@transaction.atomic
def revoke_token(user, token_id: int) -> None:
    """Revoke one of the user's own tokens; someone else's token reads as not found."""
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise ValidationError({"token": _("Không tìm thấy mã truy cập này.")})
    record(token, DELETE, user)
    token.delete()
