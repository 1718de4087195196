"""`phoihop import-excel FILE --user U [--commit]`: the web import's preview and commit, from the shell."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from phoihop.reporting import actions, excel_import


class Command(BaseCommand):
    help = (
        "Nhập số liệu từ tệp Excel: in bản xem trước (thay đổi và lỗi theo từng ô); chỉ ghi khi có --commit."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .xlsx tải từ trang báo cáo và đã nhập số liệu")
        parser.add_argument(
            "--user", required=True, help="Tên đăng nhập của người nhập (quyền theo người này)"
        )
        parser.add_argument("--commit", action="store_true", help="Ghi số liệu nếu không có lỗi")

    def handle(self, *args, file, user, commit=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp «{file}».")
        person = get_user_model().objects.filter(username=user, is_active=True).first()
        if person is None:
            raise CommandError(f"Không có người dùng «{user}» (hoặc tài khoản đã khóa).")
        try:
            batch = excel_import.stage(path.read_bytes(), path.name, person)
        except excel_import.FileRejected as exc:
            raise CommandError(exc.message)
        out = self.stdout
        values = sum(len(c["f"]) for c in batch.changes)
        out.write(
            f"Tệp {path.name}: {values} số liệu thay đổi, {len(batch.errors)} lỗi, {len(batch.warnings)} cảnh báo."
        )
        for change in batch.changes:
            for old, new, cell, label in change["f"].values():
                out.write(
                    f"  [{change['s']}] {cell} {change['l']} ({label}): {old or '(trống)'} → {new or '(trống)'}"
                )
        for error in batch.errors:
            out.write(self.style.ERROR(f"  LỖI [{error['s']}] {error['c']}: {error['m']}"))
        for warning in batch.warnings:
            out.write(self.style.WARNING(f"  Cảnh báo [{warning['s']}]: {warning['m']}"))
        if not batch.changes and not batch.errors:
            out.write("Không có thay đổi nào.")
            return
        if batch.errors:
            raise CommandError("Tệp còn lỗi: sửa các ô trên rồi chạy lại. Chưa có số liệu nào được ghi.")
        if not commit:
            out.write(f"Chưa ghi gì. Chạy lại với --commit để ghi (lần nhập số {batch.pk}).")
            return
        try:
            changed = excel_import.commit(batch, person)
        except (actions.ReportingError, PermissionDenied) as exc:
            raise CommandError(getattr(exc, "message", str(exc)))
        out.write(self.style.SUCCESS(f"Đã ghi {changed} số liệu."))
