"""`phoihop create-user USERNAME --org "Tên đơn vị" --role editor`: create a user with a role in one unit."""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from phoihop.accounts import actions
from phoihop.accounts.choices import Role
from phoihop.core.text import fold
from phoihop.orgs.models import Organization

FIELD_LABELS = {
    "username": "Tên đăng nhập",
    "role": "--role",
    "organization": "--org",
    "password": "Mật khẩu",
}


def find_organization(value: str) -> Organization:
    """The unit named exactly `value` (letter case and spacing aside) or with that id; otherwise a clear error."""
    value = value.strip()
    if value.isdigit():
        org = Organization.objects.filter(pk=int(value)).first()
        if org is None:
            raise CommandError(f"--org: không có đơn vị nào có mã số {value}.")
        return org
    exact = list(Organization.objects.filter(name__iexact=value))
    if not exact:
        exact = [
            o
            for o in Organization.objects.filter(name_folded__startswith=fold(value))
            if fold(o.name) == fold(value)
        ]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        listing = "\n".join(
            f"  {o.pk}: {o.name} ({o.get_kind_display()}, {o.parent or 'cấp cao nhất'})" for o in exact
        )
        raise CommandError(
            f"--org: có {len(exact)} đơn vị cùng tên “{value}”; ghi mã số thay cho tên:\n{listing}"
        )
    similar = Organization.objects.search(value)[:5]
    hint = "".join(f"\n  {o.pk}: {o.name}" for o in similar)
    raise CommandError(
        f"--org: không tìm thấy đơn vị tên “{value}”. Ghi đúng tên đầy đủ hoặc mã số đơn vị."
        + (f" Có thể bạn muốn:{hint}" if hint else "")
    )


class Command(BaseCommand):
    help = "Tạo người dùng và gán vào một đơn vị với một vai trò (quản trị, nhập liệu, duyệt, xem)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="Tên đăng nhập")
        parser.add_argument(
            "--org", help='Tên đầy đủ hoặc mã số của đơn vị, ví dụ: "Liên đoàn Lao động quận Hai Bà Trưng"'
        )
        parser.add_argument(
            "--role",
            default=Role.VIEWER,
            help="Vai trò: " + ", ".join(f"{value} ({label})" for value, label in Role.choices),
        )
        secret = parser.add_mutually_exclusive_group()
        secret.add_argument(
            "--password", help="Mật khẩu (lưu ý: lộ trong lịch sử lệnh; nên dùng --password-stdin)"
        )
        secret.add_argument("--password-stdin", action="store_true", help="Đọc mật khẩu từ đầu vào chuẩn")
        parser.add_argument("--email", default="")
        parser.add_argument("--full-name", default="", help="Họ và tên hiển thị")
        parser.add_argument(
            "--superuser", action="store_true", help="Quản trị hệ thống (toàn quyền, không cần --org)"
        )

    def handle(
        self, *args, username, org, role, password, password_stdin, email, full_name, superuser, **options
    ):
        organization = find_organization(org) if org else None
        if organization is None and not superuser:
            raise CommandError(
                "--org: cần ghi đơn vị của người dùng (hoặc dùng --superuser cho quản trị hệ thống)."
            )
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        elif password is None:
            if not sys.stdin.isatty():
                raise CommandError(
                    "Mật khẩu: dùng --password-stdin hoặc --password khi chạy không tương tác."
                )
            password = getpass.getpass("Mật khẩu: ")
            if getpass.getpass("Nhập lại mật khẩu: ") != password:
                raise CommandError("Mật khẩu: hai lần nhập không khớp.")
        try:
            user = actions.create_user(
                username,
                organization=organization,
                role=role,
                password=password,
                email=email,
                full_name=full_name,
                is_superuser=superuser,
            )
        except ValidationError as exc:
            lines = [
                f"{FIELD_LABELS.get(field, field)}: {' '.join(messages)}"
                for field, messages in exc.message_dict.items()
            ]
            raise CommandError("Chưa tạo người dùng.\n" + "\n".join(lines))
        where = f"{organization.name} – vai trò {Role(role).label}" if organization else "quản trị hệ thống"
        self.stdout.write(self.style.SUCCESS(f"Đã tạo người dùng {user.username} ({where})."))
