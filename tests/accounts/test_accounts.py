"""Users, memberships and API tokens: the create-user command, the account page, token auth, login throttling."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from phoihop.accounts.models import ApiToken, Membership
from phoihop.core.models import ChangeLogEntry

User = get_user_model()
STRONG = "Mật-khẩu-đủ-dài-2024"


def create_user(*args, stdin=None):
    out = io.StringIO()
    if stdin is not None:
        import sys

        real, sys.stdin = sys.stdin, io.StringIO(stdin)
        try:
            call_command("create_user", *args, stdout=out)
        finally:
            sys.stdin = real
    else:
        call_command("create_user", *args, stdout=out)
    return out.getvalue()


def test_create_user_gives_a_role_in_the_unit_named_exactly(world):
    out = create_user(
        "hbt.moi",
        "--org",
        "Liên đoàn Lao động quận Hai Bà Trưng",
        "--role",
        "editor",
        "--password",
        STRONG,
        "--email",
        "moi@example.org",
        "--full-name",
        "Trần Văn Mới",
    )
    assert (
        "Đã tạo người dùng hbt.moi (Liên đoàn Lao động quận Hai Bà Trưng – vai trò Cán bộ nhập liệu)" in out
    )
    user = User.objects.get(username="hbt.moi")
    assert (
        user.check_password(STRONG)
        and user.email == "moi@example.org"
        and user.get_full_name() == "Trần Văn Mới"
    )
    assert Membership.objects.get(user=user).organization == world.hbt_union
    entry = ChangeLogEntry.objects.get(object_repr="hbt.moi")
    assert "password" not in entry.changes


def test_create_user_accepts_an_id_and_a_password_on_stdin(world):
    create_user(
        "md.moi",
        "--org",
        str(world.md_union.pk),
        "--role",
        "approver",
        "--password-stdin",
        stdin=STRONG + "\n",
    )
    assert User.objects.get(username="md.moi").check_password(STRONG)
    assert Membership.objects.get(user__username="md.moi").role == "approver"


def test_create_user_matches_the_full_name_typed_without_diacritics(world):
    create_user("md.khongdau", "--org", "lien doan lao dong huyen my duc", "--password", STRONG)
    assert Membership.objects.get(user__username="md.khongdau").organization == world.md_union


def test_create_user_explains_an_unknown_unit_with_suggestions(world):
    with pytest.raises(CommandError) as exc:
        create_user("x", "--org", "LĐLĐ Hai Bà Trưng", "--password", STRONG)
    message = str(exc.value)
    assert message.startswith("--org: không tìm thấy đơn vị tên “LĐLĐ Hai Bà Trưng”")
    assert not User.objects.filter(username="x").exists()
    with pytest.raises(CommandError, match="không có đơn vị nào có mã số 99999"):
        create_user("x", "--org", "99999", "--password", STRONG)


def test_create_user_names_each_bad_field(world):
    with pytest.raises(CommandError) as exc:
        create_user(
            "alice", "--org", "Liên đoàn Lao động huyện Mỹ Đức", "--role", "boss", "--password", "123"
        )
    message = str(exc.value)
    assert "Tên đăng nhập: Tên đăng nhập “alice” đã có người dùng." in message
    assert "--role: Vai trò “boss” không hợp lệ" in message
    assert "Mật khẩu:" in message
    with pytest.raises(CommandError, match="--org: cần ghi đơn vị"):
        create_user("y", "--password", STRONG)


def test_create_user_makes_a_superuser_without_a_unit(db):
    create_user("quantri", "--superuser", "--password", STRONG)
    user = User.objects.get(username="quantri")
    assert user.is_superuser and user.is_staff and not user.memberships.exists()


def test_the_phoihop_command_maps_create_user_and_load_admin_units():
    from django.core.management import get_commands

    from phoihop.cli import ALIASES

    # (Running cli.main in-process would close the test's database connection: checked through the mapping.)
    assert get_commands()[ALIASES["create-user"]] == "phoihop.accounts"
    assert get_commands()[ALIASES["load-admin-units"]] == "phoihop.orgs"


def test_the_account_page_lists_memberships_and_issues_a_token_shown_once(world, client_for):
    client = client_for(world.alice)
    page = client.get(reverse("accounts:profile"))
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in page.content.decode()
    response = client.post(reverse("accounts:token_create"), {"name": "Máy chủ báo cáo"})
    assert response.status_code == 302
    first = client.get(reverse("accounts:profile")).content.decode()
    token = ApiToken.objects.get(user=world.alice)
    assert "Máy chủ báo cáo" in first and "chỉ hiển thị một lần" in first
    key = first.split('id="new-token-key">')[1].split("<")[0]
    assert ApiToken.hash(key) == token.key_hash and key.startswith(token.prefix)
    second = client.get(reverse("accounts:profile")).content.decode()
    assert key not in second and token.prefix in second


def test_a_token_authenticates_api_calls_until_revoked(world, client_for):
    token, key = ApiToken.issue(world.alice, "tích hợp")
    api = "/api/v1/organizations/"
    from django.test import Client

    outside = Client()
    assert outside.get(api, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    client_for(world.alice).post(reverse("accounts:token_revoke", args=[token.pk]))
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert outside.get(api, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_nobody_revokes_someone_elses_token(world, client_for):
    token, _ = ApiToken.issue(world.alice, "của alice")
    response = client_for(world.charlie).post(reverse("accounts:token_revoke", args=[token.pk]), follow=True)
    assert "Không tìm thấy mã truy cập này." in response.content.decode()
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_a_token_needs_a_name(world, client_for):
    response = client_for(world.alice).post(reverse("accounts:token_create"), {"name": "  "}, follow=True)
    assert "Đặt tên cho mã truy cập" in response.content.decode()
    assert not ApiToken.objects.exists()


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_login_locks_after_five_failures(world, client):
    from axes.utils import reset

    url = reverse("accounts:login")
    try:
        for _ in range(4):
            response = client.post(url, {"username": "alice", "password": "sai"})
            assert response.status_code == 200 and "không đúng" in response.content.decode()
        locked = client.post(url, {"username": "alice", "password": "sai"})
        assert locked.status_code == 429 and "Tạm khóa đăng nhập" in locked.content.decode()
        still = client.post(url, {"username": "alice", "password": "matkhau-thu-nghiem"})
        assert still.status_code == 429  # even the right password waits for the cool-off
    finally:
        reset()


def test_passwords_are_hashed_with_argon2():
    from django.conf import settings

    production = [h for h in settings.PASSWORD_HASHERS if "MD5" not in h]
    assert production[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=production):
        assert make_password("bất kỳ").startswith("argon2$")


def test_pages_send_the_security_headers(world, client_for):
    response = client_for(world.alice).get(reverse("accounts:profile"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    login = client_for(world.alice).post(
        reverse("accounts:login"), {"username": "bob", "password": "matkhau-thu-nghiem"}
    )
    cookie = login.cookies.get("sessionid")
    assert cookie is None or (cookie["httponly"] and cookie["samesite"] == "Lax")


def test_the_password_can_be_changed(world, client_for):
    client = client_for(world.alice)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "matkhau-thu-nghiem", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.check_password(STRONG)


def test_the_login_page_still_works(world, client):
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "matkhau-thu-nghiem"})
    assert response.status_code == 302 and response["Location"] == reverse("core:home")
