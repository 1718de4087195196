"""Benchmark: the ceiling of report submissions on this machine — the same server running only their SQL.

    .venv/bin/python bench/api_submission_ceiling.py [--clients 50] [--seconds 20] [--server granian|gunicorn]

Same set-up, server (granian, as `phoihop serve`), load (wrk, 50 connections) and PostgreSQL as bench/api_submissions.py. First every
report the replay will use is submitted once through the API by the test client, in a transaction that is rolled
back, and the SQL statements its submission ran are kept. Then the server takes two measured runs in turn:

1. replay: POST /bench/replay/{report} (bench/replay_site.py) runs that report's statements through Django's
   database connection and rolls them back — the request path, the driver and PostgreSQL doing the same writes,
   without the ORM building them, without permission checks, number parsing or validation. A rollback skips the
   WAL flush a commit makes, so this ceiling is, if anything, high;
2. the real submissions of the same reports, as bench/api_submissions.py sends them.

Prints both runs with their CPU per request by process, and /healthz as the reference of the same run. What the
goal (≥ 200 submissions/s, p95 ≤ 250 ms) asks of the application shows as the distance between the two runs and
between the replay and the goal.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_submissions import (  # noqa: E402
    BODY,
    ROOT,
    Server,
    arguments,
    environment,
    prepare,
    print_header,
    print_reference,
    report,
    submit_once,
)

REPLAY_PATH = "/bench/replay/{report}"
# Reports captured per second of load: above the ceiling seen here (about 250 /s), so a report comes back only
# after several seconds, long after its transaction ended, and no two replays wait on the same row.
REPLAY_RATE = 300


def capture(lines: list[str]) -> dict[int, list[tuple[str, object]]]:
    """The statements of each report's submission, run through the API and rolled back (the report stays a draft)."""
    from django.db import connection, transaction
    from django.test import Client

    client = Client()
    body = json.dumps(BODY, ensure_ascii=False)
    captured: dict[int, list[tuple[str, object]]] = {}
    for line in lines:
        key, report_id = line.split()
        statements: list[tuple[str, object]] = []

        def keep(execute, sql, params, many, context, statements=statements):
            # The savepoints are those of the test client's outer transaction, not the submission's.
            if not sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):
                statements.append((sql, params))
            return execute(sql, params, many, context)

        with transaction.atomic():
            with connection.execute_wrapper(keep):
                submit_once(client, key, report_id, body)
            transaction.set_rollback(True)
        captured[int(report_id)] = statements
    return captured


def main() -> None:
    args = arguments(__doc__.splitlines()[0], seconds=20)
    data_dir = tempfile.mkdtemp(prefix="phoihop-bench-")
    env = environment(data_dir)
    env["ALLOWED_HOSTS"] = os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    per_client = max(200, (args.seconds + args.warmup) * 1500 // args.clients)
    pairs = Path(data_dir) / "pairs.txt"
    total = prepare(args.clients, per_client, pairs)
    lines = pairs.read_text().splitlines()
    warm = min(len(lines) // 2, args.warmup * 1500)
    replay_warm = lines[:warm][: args.warmup * REPLAY_RATE]
    replayed = replay_warm + lines[warm:][: args.seconds * REPLAY_RATE]
    started = time.perf_counter()
    statements = capture(replayed)
    counts = sorted(len(s) for s in statements.values())
    print(
        f"Chuẩn bị {total:,} báo cáo nháp; ghi lại câu SQL của {len(statements):,} lần gửi "
        f"(trung vị {counts[len(counts) // 2]} câu mỗi lần) trong {time.perf_counter() - started:.0f} s"
    )
    statements_file = Path(data_dir) / "statements.pickle"
    statements_file.write_bytes(pickle.dumps(statements))
    env.update(
        DJANGO_SETTINGS_MODULE="replay_site",
        BENCH_STATEMENTS=str(statements_file),
        PYTHONPATH=f"{ROOT / 'src'}:{ROOT / 'bench'}",
    )
    from phoihop.reporting.models import Report

    try:
        with Server(args, env, data_dir, pairs) as server:
            # The replay first: it leaves every report a draft for the real submissions that follow.
            replay, replay_spent, _ = server.load(REPLAY_PATH, replayed, warm=len(replay_warm))
            real, real_spent, submitted = server.load(count=Report.objects.filter(status="submitted").count)
            reference = server.reference()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print_header(args)
    ceiling = report("Chỉ chạy lại câu SQL của từng lần gửi (trần)", replay, replay_spent)
    rate = report("Gửi báo cáo thật qua API", real, real_spent)
    print(f"  Báo cáo đã gửi trong CSDL: {submitted:,}")
    print(f"Gửi thật đạt {rate / ceiling:.2f} × trần của cùng máy, cùng lần chạy")
    print_reference(reference, rate)


if __name__ == "__main__":
    main()
