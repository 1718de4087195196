"""`phoihop manage registry_export <sổ> --user U [-o FILE] [--q TỪ_KHÓA]`: the registry as Excel."""

from pathlib import Path

from django.core.management.base import BaseCommand

from phoihop.registries.excel import export_workbook
from phoihop.registries.registry import Context

from ._common import acting_user, registry_arg


class Command(BaseCommand):
    help = "Xuất một sổ theo dõi ra tệp Excel (trong phạm vi quyền của người dùng)."

    def add_arguments(self, parser):
        parser.add_argument("registry")
        parser.add_argument("--user")
        parser.add_argument("-o", "--output", help="Tệp ra (mặc định <sổ>.xlsx)")
        parser.add_argument("--q", default="", help="Chỉ xuất bản ghi khớp từ khóa (không cần dấu)")
        parser.add_argument("--template", action="store_true", help="Chỉ xuất tệp mẫu (không có dữ liệu)")

    def handle(self, registry, user=None, output=None, q="", template=False, **options):
        reg = registry_arg(registry)
        actor = acting_user(user)
        qs = reg.model.objects.none() if template else reg.queryset(actor)
        if q:
            qs = reg.search(qs, q)
        target = Path(output or f"{reg.slug}.xlsx")
        target.write_bytes(export_workbook(reg, qs, Context(actor, reg)))
        self.stdout.write(self.style.SUCCESS(f"Đã xuất {qs.count()} bản ghi ra {target}."))
