"""`phoihop worker`: run background tasks with the configured backend (database or RQ)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý tác vụ nền (xuất văn bản, nhập Excel lớn…)."

    def handle(self, *args, **options):
        backend = settings.TASK_BACKEND
        if backend == "database":
            call_command("db_worker")
        elif backend == "rq":
            call_command("rqworker", "default")
        else:
            self.stdout.write(
                "TASK_BACKEND=immediate: tác vụ chạy ngay trong tiến trình web, không cần worker."
            )
