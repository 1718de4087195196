"""`phoihop create_due_reports`: create the reports of every active form whose period has opened (run daily)."""

from django.core.management.base import BaseCommand

from phoihop.reporting import actions


class Command(BaseCommand):
    help = "Giao các báo cáo đến kỳ của mọi biểu mẫu đang dùng."

    def handle(self, *args, **options):
        created = actions.open_due_reports()
        self.stdout.write(f"Đã giao {len(created)} báo cáo mới.")
