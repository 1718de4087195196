"""Gunicorn hooks for `phoihop serve`: the task workers start and stop with the web server.

With the database task backend (what `phoihop serve` uses unless TASK_BACKEND says otherwise), long work such as
rendering a review report runs outside the request, and its progress page shows real progress. TASK_WORKERS
`phoihop worker` processes (2 by default, so one long render does not hold up the next) are started when gunicorn
is ready, each restarted if it dies, and stopped with the server. Set PHOIHOP_SERVE_WORKER=false to run workers
yourself (e.g. several, on other machines).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

_workers: list[subprocess.Popen] = []
_stopping = threading.Event()


def wants_worker(environ=os.environ) -> bool:
    return (
        environ.get("TASK_BACKEND") == "database" and environ.get("PHOIHOP_SERVE_WORKER", "true") != "false"
    )


def worker_count(environ=os.environ) -> int | None:
    """How many task workers to run: TASK_WORKERS (default 2), at least 1; None when it is not a number."""
    try:
        return max(1, int(environ.get("TASK_WORKERS", "2")))
    except ValueError:
        return None


def _start(server) -> subprocess.Popen:
    worker = subprocess.Popen([sys.executable, "-m", "phoihop.cli", "worker"])
    server.log.info("Tiến trình tác vụ nền đã chạy (pid %s).", worker.pid)
    return worker


def _watch(server) -> None:
    """Restart a worker that died, at most once every 10 seconds each."""
    while not _stopping.wait(2):
        for n, worker in enumerate(_workers):
            if worker.poll() is not None:
                server.log.warning("Tiến trình tác vụ nền đã dừng (mã %s); chạy lại.", worker.returncode)
                time.sleep(8)
                if not _stopping.is_set():
                    _workers[n] = _start(server)


def when_ready(server) -> None:
    if not wants_worker():
        return
    count = worker_count()
    if count is None:
        server.log.warning(
            "TASK_WORKERS=%r không phải là số; chạy 2 tiến trình tác vụ nền.", os.environ["TASK_WORKERS"]
        )
        count = 2
    _workers[:] = [_start(server) for _ in range(count)]
    threading.Thread(target=_watch, args=(server,), name="phoihop-worker-watch", daemon=True).start()


def on_exit(server) -> None:
    _stopping.set()
    running = [worker for worker in _workers if worker.poll() is None]
    for worker in running:
        worker.terminate()
    deadline = time.monotonic() + 15
    for worker in running:
        try:
            worker.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            worker.kill()
