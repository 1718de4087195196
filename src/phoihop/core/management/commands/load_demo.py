"""`phoihop load-demo`: the demo data reconstructed from the seed articles."""

from django.core.management.base import BaseCommand

from phoihop import demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu dựng lại từ các bài viết gốc (Hai Bà Trưng, Mỹ Đức, Bến Tre, Hà Nội, Hải Phòng, Quảng Ninh)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Xóa dữ liệu mẫu cũ rồi nạp lại")

    def handle(self, *args, reset=False, **options):
        if demo.is_loaded() and not reset:
            self.stdout.write("Dữ liệu mẫu đã có sẵn; dùng --reset để nạp lại.")
            return
        demo.load_all(reset=reset, log=lambda msg: self.stdout.write(f"  · {msg}"))
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu."))
