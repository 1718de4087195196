"""`phoihop manage registry_recompute`: rebuild every registry-computed figure (after a bulk load or repair)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from phoihop.registries.compute import recompute_all


class Command(BaseCommand):
    help = "Tính lại toàn bộ số liệu tính từ sổ theo dõi cho mọi đơn vị và mọi kỳ báo cáo."

    def handle(self, *args, **options):
        with transaction.atomic():
            total = recompute_all(log=lambda m: self.stdout.write(f"  · {m}"))
        self.stdout.write(self.style.SUCCESS(f"Đã tính {total} ô số liệu."))
