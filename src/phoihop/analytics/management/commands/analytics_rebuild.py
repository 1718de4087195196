"""Rebuild the analytics roll-up from the reported values (after a bulk load done with the triggers off)."""

from django.core.management.base import BaseCommand

from phoihop.analytics import triggers
from phoihop.analytics.models import RollupCell
from phoihop.analytics.rollup import rebuild


class Command(BaseCommand):
    help = "Tính lại toàn bộ bảng cộng dồn (roll-up) từ số liệu đã báo cáo; cài lại trigger nếu thiếu."

    def handle(self, *args, **options):
        if triggers.install():
            self.stdout.write("Đã cài lại trigger ghi nhận thay đổi số liệu.")
        seconds = rebuild(report=self.stdout.write)
        self.stdout.write(
            f"Xong: {RollupCell.objects.count():,} ô cộng dồn, {seconds:.1f} giây.".replace(",", ".")
        )
