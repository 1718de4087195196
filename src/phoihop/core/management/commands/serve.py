"""`phoihop serve`: collect static files and run gunicorn (stateless workers; scale out behind a proxy)."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy máy chủ web phoihop (gunicorn)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("PHOIHOP_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PHOIHOP_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "2")))

    def handle(self, *args, host, port, workers, threads, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        # Long work (review reports …) goes to a task worker that runs beside the web server, so its progress
        # shows while it runs; TASK_BACKEND=immediate or rq in the environment keeps the old behaviour.
        os.environ.setdefault("TASK_BACKEND", "database")
        self._print_logins()
        self.stdout.write(f"phoihop đang chạy tại http://{host}:{port}/  (Ctrl+C để dừng)")
        self.stdout.flush()
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "phoihop.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "-",
            "--timeout",
            "120",
            "--config",
            "python:phoihop.gunicorn_hooks",
        ]
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            # SQLite allows one writer at a time: fewer processes, more threads.
            cmd[cmd.index("--workers") + 1] = "1"
            cmd[cmd.index("--threads") + 1] = str(max(threads, 4))
        os.execvp(cmd[0], cmd)

    def _print_logins(self):
        from phoihop.accounts.demo import DEMO_PASSWORD, demo_logins

        logins = demo_logins()
        if not logins:
            return
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, label in logins:
            self.stdout.write(f"  {username:<16} {label}")
