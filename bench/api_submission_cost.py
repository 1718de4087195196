"""Benchmark: the CPU one report submission costs, in the application and in PostgreSQL, against two references.

    .venv/bin/python bench/api_submission_cost.py [--rounds 7] [--per-round 50]

Everything runs in one process against a local PostgreSQL (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/phoihop_bench_cost; created and emptied first):

1. submissions through the API with the same body as bench/api_submissions.py, through Django's whole request path
   (test client, no socket): CPU of this process (the application) and of the PostgreSQL backend serving it (read
   from /proc), per submission;
2. reference: GET /healthz the same way — the request path with one SELECT 1;
3. reference: the SQL statements of one submission, captured and replayed by psycopg alone (no Django), each replay
   rolled back — what the statements cost without the ORM.

Prints medians of --rounds rounds, and the ceiling each gives on this machine's cores when nothing else runs:
cores × 1000 / (application + database ms). The load test (bench/api_submissions.py) also pays for HTTP, the web server
and the load generator on the same cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--per-round", type=int, default=50)
    args = parser.parse_args()
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
    from django.test import Client

    client = Client()
    body = json.dumps(BODY, ensure_ascii=False)

    def submit(n: int) -> None:
        key, report = pairs[n]
        submit_once(client, key, report, body)

    for n in range(warm):  # plans prepared, structure cached, as in a warm server
        submit(n)
    pairs = pairs[warm:]
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
