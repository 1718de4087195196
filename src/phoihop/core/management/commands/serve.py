"""`phoihop serve`: collect static files and run the web server (granian) with its task workers (stateless web
processes; scale out behind a proxy)."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from phoihop.core import serving


class Command(BaseCommand):
    help = "Chạy máy chủ web phoihop (granian) cùng các tiến trình tác vụ nền."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("PHOIHOP_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PHOIHOP_PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=serving.web_processes(),
            help="số tiến trình web (mặc định: số lõi CPU, ít nhất 2)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=serving.web_threads(),
            help="số luồng mỗi tiến trình",
        )

    def handle(self, *args, host, port, workers, threads, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        # Long work (review reports …) goes to a task worker that runs beside the web server, so its progress
        # shows while it runs; TASK_BACKEND=immediate or rq in the environment keeps the old behaviour.
        os.environ.setdefault("TASK_BACKEND", "database")
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            # SQLite allows one writer at a time: one process, more threads.
            workers, threads = 1, max(threads, 4)
        task_workers = None
        if serving.wants_worker():
            count = serving.worker_count()
            if count is None:
                self.stderr.write(
                    f"TASK_WORKERS={os.environ['TASK_WORKERS']!r} không phải là số; chạy 2 tiến trình tác vụ nền."
                )
                count = 2
            task_workers = serving.TaskWorkers(count)
        self._print_logins()
        self.stdout.write(f"phoihop đang chạy tại http://{host}:{port}/  (Ctrl+C để dừng)")
        self.stdout.flush()
        sys.exit(serving.run(serving.web_command(host, port, workers, threads), task_workers))

    def _print_logins(self):
        from phoihop.accounts.demo import DEMO_PASSWORD, demo_logins

        logins = demo_logins()
        if not logins:
            return
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, label in logins:
            self.stdout.write(f"  {username:<16} {label}")
