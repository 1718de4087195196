"""What the registry commands share: which registry, and whose permissions they act with."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from phoihop.registries.registry import all_registries, get_registry


def registry_arg(slug: str):
    registry = get_registry(slug)
    if registry is None:
        names = ", ".join(r.slug for r in all_registries())
        raise CommandError(f"Không có sổ «{slug}». Các sổ: {names}")
    return registry


def acting_user(username: str | None):
    """Commands act as a named user, with that user's scope; only a superuser sees everything."""
    if not username:
        raise CommandError("Ghi --user TÊN_ĐĂNG_NHẬP: lệnh chạy với phạm vi quyền của người dùng đó.")
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(f"Không có người dùng «{username}».")
