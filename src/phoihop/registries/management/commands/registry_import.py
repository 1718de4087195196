"""`phoihop manage registry_import <sổ> FILE --user U [--commit]`: preview an Excel file, then write it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from phoihop.registries import excel

from ._common import acting_user, registry_arg


class Command(BaseCommand):
    help = "Nhập tệp Excel vào một sổ theo dõi: xem trước, thêm --commit để ghi (một giao dịch, không ghi dở dang)."

    def add_arguments(self, parser):
        parser.add_argument("registry", help="Mã sổ, ví dụ sang-kien, khen-thuong, quan-he-lao-dong")
        parser.add_argument("file")
        parser.add_argument("--user", help="Người dùng mà lệnh mang quyền")
        parser.add_argument("--commit", action="store_true", help="Ghi vào sổ khi không có dòng lỗi")

    def handle(self, registry, file, user=None, commit=False, **options):
        reg = registry_arg(registry)
        actor = acting_user(user)
        path = Path(file)
        if not path.exists():
            raise CommandError(f"Không thấy tệp {file}.")
        data = path.read_bytes()
        try:
            preview = (
                excel.commit_import(reg, actor, data) if commit else excel.build_preview(reg, actor, data)
            )
        except excel.FileError as exc:
            raise CommandError(str(exc))
        except excel.ImportRejected as exc:
            preview = exc.preview
        s = preview.summary()
        self.stdout.write(
            f"{s['rows']} dòng: {s['new']} thêm mới, {s['update']} cập nhật, {s['same']} không đổi, {s['error']} lỗi."
        )
        for item in s["errors"]:
            for message in item["errors"]:
                self.stdout.write(f"  Dòng {item['row']}: {message}")
        if preview.has_errors:
            raise CommandError("Có dòng lỗi: chưa ghi gì vào sổ. Sửa tệp rồi chạy lại.")
        if commit:
            self.stdout.write(self.style.SUCCESS("Đã ghi vào sổ."))
        else:
            self.stdout.write("Chưa ghi: chạy lại với --commit để ghi vào sổ.")
