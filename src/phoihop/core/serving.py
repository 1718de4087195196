"""What `phoihop serve` runs: the web server (granian, WSGI) and the task workers beside it, started and stopped
together.

The web server is granian: its HTTP/1.1 handling is in Rust and keeps client connections open between requests.
On report submissions through the API it took about a fifth less of the application's CPU per submission than
gunicorn's sync workers, run side by side on one machine (`bench/api_submissions.py --side-by-side`); it also runs on
Windows, which gunicorn does not.

With the database task backend (what `phoihop serve` uses unless TASK_BACKEND says otherwise), long work such as
rendering a review report runs outside the request, and its progress page shows real progress. TASK_WORKERS
`phoihop worker` processes (2 by default, so one long render does not hold up the next) are started with the web
server, each restarted if it dies, and stopped with it. Set PHOIHOP_SERVE_WORKER=false to run workers yourself
(e.g. several, on other machines).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time

log = logging.getLogger("phoihop.serve")


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


def web_processes(environ=os.environ) -> int:
    """Web server processes: WEB_CONCURRENCY, else the CPU count (at least 2)."""
    return int(environ.get("WEB_CONCURRENCY", "0")) or max(2, os.cpu_count() or 2)


def web_threads(environ=os.environ) -> int:
    """Threads per web server process: WEB_THREADS, else 3."""
    return int(environ.get("WEB_THREADS", "3"))


def web_command(host: str, port: int, processes: int, threads: int, access_log: bool = True) -> list[str]:
    """granian serving phoihop's WSGI application: `processes` processes of `threads` threads each."""
    cmd = [
        sys.executable, "-m", "granian", "--interface", "wsgi", "--host", host, "--port", str(port),
        "--workers", str(processes), "--blocking-threads", str(threads), "--no-ws",
        "--workers-kill-timeout", "20", "--log-level", "warning",
    ]  # fmt: skip
    if access_log:
        cmd.append("--access-log")
    return [*cmd, "phoihop.wsgi:application"]


class TaskWorkers:
    """`phoihop worker` processes beside the web server, each restarted (at most every 10 seconds) if it dies."""

    def __init__(self, count: int):
        self.count = count
        self.running: list[subprocess.Popen] = []
        self.stopping = threading.Event()

    def _start(self) -> subprocess.Popen:
        worker = subprocess.Popen([sys.executable, "-m", "phoihop.cli", "worker"])
        log.info("Tiến trình tác vụ nền đã chạy (pid %s).", worker.pid)
        return worker

    def start(self) -> None:
        self.running = [self._start() for _ in range(self.count)]
        threading.Thread(target=self._watch, name="phoihop-worker-watch", daemon=True).start()

    def _watch(self) -> None:
        while not self.stopping.wait(2):
            for n, worker in enumerate(self.running):
                if worker.poll() is not None:
                    log.warning("Tiến trình tác vụ nền đã dừng (mã %s); chạy lại.", worker.returncode)
                    if self.stopping.wait(8):
                        return
                    self.running[n] = self._start()

    def stop(self) -> None:
        self.stopping.set()
        running = [worker for worker in self.running if worker.poll() is None]
        for worker in running:
            worker.terminate()
        deadline = time.monotonic() + 15
        for worker in running:
            try:
                worker.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.kill()


def run(web: list[str], workers: TaskWorkers | None) -> int:
    """Start the task workers and the web server; on SIGTERM or Ctrl+C stop the web server gracefully, then the
    workers. Returns the web server's exit code."""
    if workers is not None:
        workers.start()
    server = subprocess.Popen(web)

    def stop(_signum, _frame):
        if workers is not None:
            workers.stopping.set()
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        return server.wait()
    finally:
        if workers is not None:
            workers.stop()
