"""`phoihop load-admin-units`: load (or refresh) the official administrative units from the shipped snapshot."""

from django.core.management.base import BaseCommand

from phoihop.orgs.admin_units import ensure_admin_units, snapshot_source
from phoihop.orgs.models import AdminUnit, AdminUnitSuccession


class Command(BaseCommand):
    help = (
        "Nạp danh mục đơn vị hành chính (34 tỉnh, 3.321 xã hiện hành; 63 tỉnh, 696 huyện, 10.051 xã cũ và bảng "
        "chuyển đổi cũ→mới) từ bản dữ liệu đi kèm phần mềm, không cần Internet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Cập nhật từ bản dữ liệu mới hơn: thêm đơn vị còn thiếu, sửa tên đã đổi (không xóa đơn vị nào)",
        )

    def handle(self, *args, update=False, **options):
        source = snapshot_source()
        created = ensure_admin_units(log=lambda msg: self.stdout.write(f"  · {msg}"), update=update)
        if not created and not update:
            self.stdout.write(
                "Danh mục đơn vị hành chính đã có sẵn; dùng --update để cập nhật từ bản dữ liệu mới."
            )
        current = AdminUnit.objects.filter(is_legacy=False)
        legacy = AdminUnit.objects.filter(is_legacy=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Nguồn: {source['package']} {source['version']} (dữ liệu ngày {source['data_version']}). "
                f"Hiện hành: {current.filter(level='province').count()} tỉnh, "
                f"{current.filter(level='commune').count()} xã. "
                f"Trước 01/7/2025: {legacy.filter(level='province').count()} tỉnh, "
                f"{legacy.filter(level='district').count()} huyện, {legacy.filter(level='commune').count()} xã. "
                f"{AdminUnitSuccession.objects.count()} liên kết cũ→mới."
            )
        )
