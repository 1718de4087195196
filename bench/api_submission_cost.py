"""Benchmark: the CPU one report submission costs, in the application and in PostgreSQL, against two references.

    .venv/bin/python bench/api_submission_cost.py [--rounds 7] [--per-round 50]
    .venv/bin/python bench/api_submission_cost.py --instructions [--per-round 100]   # needs valgrind

Everything runs in one process against a local PostgreSQL (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/phoihop_bench_cost; created and emptied first):

1. submissions through the API with the same body as bench/api_submissions.py, through the WSGI application a server
   calls (phoihop.wsgi: a call with a token takes the short middleware chain), without a socket: CPU of this
   process (the application) and of the PostgreSQL backend serving it (read from /proc), per submission;
2. reference: GET /healthz the same way — the request path with one SELECT 1;
3. reference: the SQL statements of one submission, captured and replayed by psycopg alone (no Django), each replay
   rolled back — what the statements cost without the ORM.

Prints medians of --rounds rounds, and the ceiling each gives on this machine's cores when nothing else runs:
cores × 1000 / (application + database ms). The load test (bench/api_submissions.py) also pays for HTTP, the web server
and the load generator on the same cores.

--instructions counts instead the machine instructions the application runs per submission and per /healthz, with
valgrind's callgrind (--per-round of each, after a warm-up): the same count on every run of the same code, however
busy or slow the machine, so two versions of the code compare exactly where timings drift by a fifth between runs.
It counts this process only (not PostgreSQL) and takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_submissions import BODY, ROOT, ensure_database, prepare, submit_once  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/phoihop_bench_cost"


def backend_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a local PostgreSQL backend, or None when /proc does not show it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(rounds: int, per_round: int, work, pid: int) -> tuple[float, float | None]:
    """Median CPU ms per call of `work(i)` in this process and in the database backend."""
    app, db = [], []
    calls = 0
    for _ in range(rounds):
        db0, app0 = backend_cpu(pid), time.process_time()
        for _ in range(per_round):
            work(calls)
            calls += 1
        app.append((time.process_time() - app0) * 1000 / per_round)
        db1 = backend_cpu(pid)
        if db0 is not None and db1 is not None:
            db.append((db1 - db0) * 1000 / per_round)
    return statistics.median(app), statistics.median(db) if db else None


class WsgiClient:
    """Requests straight into phoihop.wsgi.application, as a WSGI server passes them (no socket, no test client)."""

    class Response:
        def __init__(self, status: str, content: bytes):
            self.status_code, self.content = int(status.split()[0]), content

    def __init__(self):
        from django.test import RequestFactory

        from phoihop.wsgi import application

        self.factory, self.application = RequestFactory(), application

    def _call(self, request) -> WsgiClient.Response:
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = status

        result = self.application(request.environ, start_response)
        try:
            content = b"".join(result)
        finally:
            result.close()
        return self.Response(started["status"], content)

    def post(self, path, data, content_type, **extra):
        return self._call(self.factory.post(path, data, content_type=content_type, **extra))

    def get(self, path, **extra):
        return self._call(self.factory.get(path, **extra))


def instructions(per_round: int) -> None:
    """Run this benchmark's submissions and /healthz under callgrind; print instructions per request."""
    if not shutil.which("valgrind"):
        raise SystemExit("Thiếu valgrind: cài bằng `apt-get install valgrind` (gói Debian).")
    out = Path(tempfile.mkdtemp(prefix="phoihop-bench-")) / "callgrind.out"
    cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
           sys.executable, __file__, "--counted-child", "--per-round", str(per_round)]  # fmt: skip
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    # Dump 1: the submissions; dump 2: /healthz (callgrind_control --dump between them zeroes the counts).
    counts = []
    for n in (1, 2):
        text = Path(f"{out}.{n}").read_text()
        counts.append(int(re.search(r"^totals: (\d+)", text, re.M).group(1)) / per_round)
    shutil.rmtree(out.parent, ignore_errors=True)
    submission, healthz = counts
    print(
        f"Lệnh máy ứng dụng chạy mỗi yêu cầu (callgrind, {per_round} yêu cầu mỗi loại, không tính PostgreSQL)"
    )
    print(f"Gửi báo cáo qua API (5 số liệu)            {submission / 1e6:7.2f} triệu lệnh")
    print(f"Tham chiếu: GET /healthz (một SELECT 1)    {healthz / 1e6:7.2f} triệu lệnh")
    print(f"Một lần gửi = {submission / healthz:.1f} × /healthz")


def callgrind(*args: str) -> None:
    subprocess.run(["callgrind_control", *args, str(os.getpid())], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--per-round", type=int, default=50)
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with valgrind's callgrind"
    )
    parser.add_argument(
        "--counted-child", action="store_true", help=argparse.SUPPRESS
    )  # the run under callgrind
    args = parser.parse_args()
    if args.instructions:
        instructions(args.per_round)
        return
    counted = args.counted_child
    if counted:
        args.rounds = 1
    db = os.environ.get("DATABASE_URL", DEFAULT_DB)
    if not db.startswith("postgres"):
        raise SystemExit("Benchmark này chạy trên PostgreSQL: đặt DATABASE_URL=postgres://…")
    ensure_database(db)
    data_dir = tempfile.mkdtemp(prefix="phoihop-bench-")
    os.environ.update(
        DATABASE_URL=db,
        PHOIHOP_DATA_DIR=data_dir,
        PHOIHOP_LOCAL="true",
        DEBUG="false",
        DJANGO_SETTINGS_MODULE="phoihop.settings",
        LOG_LEVEL="ERROR",
        ALLOWED_HOSTS="testserver",
        PYTHONPATH=str(ROOT / "src"),
    )
    clients = 10
    warm = 20
    per_client = (args.rounds * args.per_round + warm + 2) // clients + 2
    pairs_path = Path(data_dir) / "pairs.txt"
    prepare(clients, per_client, pairs_path)
    pairs = [line.split() for line in pairs_path.read_text().splitlines()]

    from django.db import connection

    client = WsgiClient()
    body = json.dumps(BODY, ensure_ascii=False)

    def submit(n: int) -> None:
        key, report = pairs[n]
        submit_once(client, key, report, body)

    for n in range(warm):  # plans prepared, structure cached, as in a warm server
        submit(n)
    pairs = pairs[warm:]
    if counted:
        callgrind("--instr=on")
        for n in range(args.per_round):
            submit(n)
        callgrind("--dump=submissions")
        for _n in range(args.per_round):
            client.get("/healthz")
        callgrind("--dump=healthz")
        callgrind("--instr=off")
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]

    # One more submission, its statements captured for the replay; then the measured ones.
    captured: list[tuple[str, object, bool]] = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, params, many))
        return execute(sql, params, many, context)

    replayed = int(pairs[0][1])
    with connection.execute_wrapper(capture):
        submit(0)
    pairs = pairs[1:]
    app_ms, db_ms = measure(args.rounds, args.per_round, submit, pid)

    def healthz(_n: int) -> None:
        client.get("/healthz")

    for n in range(warm):
        healthz(n)
    hz_app, hz_db = measure(args.rounds, args.per_round, healthz, pid)

    # Replay: put the captured report back to draft, run its statements, roll back; the reset alone is measured
    # the same way and taken off.
    from psycopg import Rollback

    from phoihop.reporting.models import Report

    version = Report.objects.get(pk=replayed).version - 1
    reset = [
        (
            "DELETE FROM reporting_valuechange WHERE data_value_id IN "
            "(SELECT id FROM reporting_datavalue WHERE report_id = %s)",
            (replayed,),
        ),
        ("DELETE FROM reporting_datavalue WHERE report_id = %s", (replayed,)),
        ("UPDATE reporting_report SET status = 'draft', version = %s WHERE id = %s", (version, replayed)),
    ]
    raw = connection.connection

    def replay(statements):
        def run(_n: int) -> None:
            with raw.transaction():
                with raw.cursor() as cursor:
                    for sql, params, many in statements:
                        if many:
                            cursor.executemany(sql, params)
                        else:
                            cursor.execute(sql, params)
                            if cursor.description:
                                cursor.fetchall()
                    raise Rollback()

        return run

    statements = [(sql, params, False) for sql, params in reset]
    for n in range(warm):
        replay(statements + captured)(n)
    reset_app, reset_db = measure(args.rounds, args.per_round, replay(statements), pid)
    full_app, full_db = measure(args.rounds, args.per_round, replay(statements + captured), pid)
    sql_app = max(full_app - reset_app, 0.0)
    sql_db = None if full_db is None or reset_db is None else max(full_db - reset_db, 0.0)

    cores = os.cpu_count() or 1

    def line(label: str, app: float, dbms: float | None) -> None:
        total = app + (dbms or 0.0)
        db_text = f"{dbms:.1f} ms" if dbms is not None else "không đo được"
        print(
            f"{label:<52} ứng dụng {app:5.1f} ms · CSDL {db_text:>7} · trần {cores} lõi ≈ {cores * 1000 / total:,.0f} /giây"
        )

    print(
        f"CPU cho mỗi yêu cầu (trung vị {args.rounds} vòng × {args.per_round}), PostgreSQL cục bộ, {cores} lõi"
    )
    line("Gửi báo cáo qua API (5 số liệu)", app_ms, db_ms)
    line("Tham chiếu: GET /healthz (một SELECT 1)", hz_app, hz_db)
    line(f"Tham chiếu: {len(captured)} câu SQL của một lần gửi, chạy thẳng", sql_app, sql_db)
    print(
        f"Một lần gửi = {app_ms / hz_app:.1f} × /healthz (ứng dụng); cả đường xử lý so với SQL thẳng: "
        f"{app_ms / sql_app:.1f} ×"
        if sql_app
        else ""
    )


if __name__ == "__main__":
    main()
