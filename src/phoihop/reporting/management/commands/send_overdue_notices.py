"""`phoihop send_overdue_notices`: email units whose reports are late (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from phoihop.reporting import actions


class Command(BaseCommand):
    help = "Gửi thư nhắc các đơn vị có báo cáo quá hạn (mỗi báo cáo tối đa một lần mỗi 7 ngày)."

    def handle(self, *args, **options):
        sent = actions.send_overdue_notices()
        self.stdout.write(f"Đã nhắc {sent} báo cáo quá hạn.")
