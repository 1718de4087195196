"""`phoihop worker` and `phoihop serve` as real processes: a task queued by one process is run by the worker, on
the database queue and on RQ; the web server starts its worker and stops it with itself."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from phoihop.core.serve_process import start_serve

pytestmark = pytest.mark.slow
REDIS_TEST_DB = "15"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated embedded database of its own, and the environment the processes run in."""
    data = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        PHOIHOP_DATA_DIR=str(data),
        PHOIHOP_LOCAL="true",
        RQ_REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_TEST_DB}",
        LOG_LEVEL="WARNING",
    )
    phoihop(env, "migrate", "--verbosity", "0")
    return env


def phoihop(env, *args, timeout=120) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "phoihop.cli", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell(env, code: str) -> str:
    return phoihop(env, "manage", "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


ENQUEUE = "from phoihop.reporting.tasks import open_due_reports; print(open_due_reports.enqueue().id)"
STATUS = "from phoihop.reporting.tasks import open_due_reports; r = open_due_reports.get_result({!r}); print(r.status)"


def _redis_or_skip():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379; CI runs the RQ worker test against it")
        pytest.skip("Redis is not running on 127.0.0.1:6379")


@pytest.mark.parametrize("backend", ["database", "rq"])
def test_a_task_queued_by_one_process_is_run_by_phoihop_worker(site, backend):
    if backend == "rq":
        _redis_or_skip()
        import redis

        redis.Redis(db=int(REDIS_TEST_DB)).flushdb()
    env = {**site, "TASK_BACKEND": backend}
    task_id = shell(env, ENQUEUE)
    assert shell(env, STATUS.format(task_id)) == "READY"  # queued: nothing runs it yet
    phoihop(env, "worker", "--burst")  # what an office runs, here until the queue is empty
    assert shell(env, STATUS.format(task_id)) == "SUCCESSFUL"


def _children(pid: int) -> list[tuple[int, str]]:
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.append((int(entry.name), cmdline))
    return out


def _stop(server) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def test_serve_runs_a_task_worker_beside_the_web_server_and_stops_it_with_itself(site):
    server = start_serve(site)  # no TASK_BACKEND set: serve uses the database queue and its own worker
    try:
        deadline = time.monotonic() + 15
        workers = []
        while time.monotonic() < deadline and not workers:
            workers = [pid for pid, cmd in _children(server.pid) if "phoihop.cli worker" in cmd]
            time.sleep(0.2)
        time.sleep(1)  # both started together; give the second a moment to show
        workers = [pid for pid, cmd in _children(server.pid) if "phoihop.cli worker" in cmd]
        assert len(workers) == 2, _children(
            server.pid
        )  # TASK_WORKERS' default: a long render holds up no other
        web = [cmd for _pid, cmd in _children(server.pid) if " granian " in cmd]
        # On SQLite (one writer at a time) the web server is one process with at least 4 threads.
        assert len(web) == 1 and "--workers 1 " in web[0] and "--blocking-threads 4 " in web[0], web
        task_id = shell({**site, "TASK_BACKEND": "database"}, ENQUEUE)
        status, deadline = "", time.monotonic() + 30
        while time.monotonic() < deadline and status != "SUCCESSFUL":
            status = shell({**site, "TASK_BACKEND": "database"}, STATUS.format(task_id))
        assert status == "SUCCESSFUL"  # run by the server's worker, nobody else
    finally:
        _stop(server)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_task_workers_sets_how_many_workers_serve_runs():
    from phoihop.core.serving import worker_count

    assert worker_count({}) == 2
    assert worker_count({"TASK_WORKERS": "4"}) == 4
    assert worker_count({"TASK_WORKERS": "0"}) == 1
    assert worker_count({"TASK_WORKERS": "hai"}) is None


def test_serve_leaves_workers_to_the_operator_when_told(site):
    server = start_serve({**site, "PHOIHOP_SERVE_WORKER": "false"})
    try:
        time.sleep(2)
        assert not [pid for pid, cmd in _children(server.pid) if "phoihop.cli worker" in cmd]
    finally:
        _stop(server)
