"""`phoihop worker`: run background tasks with the configured backend (database or RQ)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# RQ must build jobs with django-tasks-rq's class, or it cannot run a Django task (nor record its result).
RQ_JOB_CLASS = "django_tasks_rq.Job"


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý tác vụ nền (xuất văn bản, nhập Excel lớn…)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--burst", action="store_true", help="Xử lý hết các tác vụ đang chờ rồi dừng (chạy theo lịch)."
        )

    def handle(self, *args, burst=False, **options):
        backend = settings.TASK_BACKEND
        if backend == "database":
            call_command("db_worker", batch=burst)
        elif backend == "rq":
            call_command("rqworker", "default", job_class=RQ_JOB_CLASS, burst=burst)
        else:
            self.stdout.write(
                "TASK_BACKEND=immediate: tác vụ chạy ngay trong tiến trình web, không cần worker."
            )
