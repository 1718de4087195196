"""Demo users: one per role in several units, so scoping can be seen.

Reads ctx["orgs"] (hbt_union, md_union, hn_union, bt_union, hbt_gov); puts nothing into ctx. Every demo user has
the password DEMO_PASSWORD. Display names describe the role, never a real official's name.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from .actions import add_membership, create_user
from .choices import Role

DEMO_PASSWORD = "phoihop2024"

ROLE_WORDS = {
    Role.ADMIN: ("quantri", "Quản trị"),
    Role.EDITOR: ("nhaplieu", "Nhập liệu"),
    Role.APPROVER: ("duyet", "Lãnh đạo duyệt"),
    Role.VIEWER: ("xem", "Xem"),
}
# (username prefix, org key, unit label)
UNITS = [
    ("hbt", "hbt_union", "LĐLĐ quận Hai Bà Trưng"),
    ("mydu", "md_union", "LĐLĐ huyện Mỹ Đức"),
    ("hanoi", "hn_union", "LĐLĐ thành phố Hà Nội"),
    ("bentre", "bt_union", "LĐLĐ tỉnh Bến Tre"),
]
EXTRA = [("hbt.ubnd", "hbt_gov", Role.EDITOR, "Nhập liệu – UBND quận Hai Bà Trưng")]


def _users() -> list[tuple[str, str | None, str | None, str]]:
    """(username, org key, role, label) for every demo login, the superuser first."""
    users = [("admin", None, None, "Quản trị hệ thống (toàn quyền)")]
    for prefix, org_key, unit in UNITS:
        for role, (word, label) in ROLE_WORDS.items():
            users.append((f"{prefix}.{word}", org_key, role, f"{label} – {unit}"))
    users += EXTRA
    return users


def demo_logins() -> list[tuple[str, str]]:
    """The demo logins that exist in this database, with a Vietnamese label (printed by `phoihop serve`)."""
    existing = set(
        get_user_model()
        .objects.filter(username__in=[u[0] for u in _users()])
        .values_list("username", flat=True)
    )
    return [(username, label) for username, _org, _role, label in _users() if username in existing]


def load(ctx: dict) -> None:
    orgs = ctx["orgs"]
    User = get_user_model()
    for username, org_key, role, label in _users():
        if User.objects.filter(username=username).exists():
            continue
        user = create_user(
            username,
            organization=orgs[org_key] if org_key else None,
            role=role or Role.VIEWER,
            password=DEMO_PASSWORD,
            full_name=label,
            is_superuser=org_key is None,
            check_password=False,  # the shared demo password is deliberately simple
        )
        if username == "hanoi.duyet":
            # The city federation's approver also approves for the city people's committee side.
            add_membership(user, orgs["hn_gov"], Role.APPROVER)


def reset() -> None:
    get_user_model().objects.filter(username__in=[u[0] for u in _users()]).delete()
