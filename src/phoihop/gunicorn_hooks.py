"""Gunicorn hooks for `phoihop serve`: the task worker starts and stops with the web server.

With the database task backend (what `phoihop serve` uses unless TASK_BACKEND says otherwise), long work such as
rendering a review report runs outside the request, and its progress page shows real progress. One `phoihop worker`
process is enough for an office; it is started when gunicorn is ready, restarted if it dies, and stopped with the
server. Set PHOIHOP_SERVE_WORKER=false to run workers yourself (e.g. several, on other machines).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

_worker: subprocess.Popen | None = None
_stopping = threading.Event()


def wants_worker(environ=os.environ) -> bool:
    return (
        environ.get("TASK_BACKEND") == "database" and environ.get("PHOIHOP_SERVE_WORKER", "true") != "false"
    )


def _start(server) -> None:
    global _worker
    _worker = subprocess.Popen([sys.executable, "-m", "phoihop.cli", "worker"])
    server.log.info("Tiến trình tác vụ nền đã chạy (pid %s).", _worker.pid)


def _watch(server) -> None:
    """Restart the worker if it dies, at most once every 10 seconds."""
    while not _stopping.wait(2):
        if _worker is not None and _worker.poll() is not None:
            server.log.warning("Tiến trình tác vụ nền đã dừng (mã %s); chạy lại.", _worker.returncode)
            time.sleep(8)
            if not _stopping.is_set():
                _start(server)


def when_ready(server) -> None:
    if not wants_worker():
        return
    _start(server)
    threading.Thread(target=_watch, args=(server,), name="phoihop-worker-watch", daemon=True).start()


def on_exit(server) -> None:
    _stopping.set()
    if _worker is None or _worker.poll() is not None:
        return
    _worker.terminate()
    try:
        _worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        _worker.kill()
