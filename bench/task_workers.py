"""Benchmark: several review-report renders queued at once, with one task worker and with TASK_WORKERS of them.

    .venv/bin/python bench/task_workers.py [--renders 4] [--workers 2] [--format pdf]

Builds the demo in an embedded database of its own (a temporary folder), then runs `phoihop serve` twice: with
TASK_WORKERS=1 (the reference, in the same run) and with --workers. Each time it queues --renders renders of the demo's
final review report at once, as several officials pressing "Xuất PDF" in the same minute would, and times how
long until each is done. Prints the wait of the first and the last render and the ratio between the two runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def phoihop(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "phoihop.cli", *args], env=env, check=True, capture_output=True)


def renders_done(renders: int, fmt: str) -> list[float]:
    """Queue `renders` renders at once; seconds until each one is done, in the order they finished."""
    from django.db import transaction

    from phoihop.documents import actions
    from phoihop.documents.choices import DocumentKind, RenderStatus
    from phoihop.documents.models import GeneratedDocument, ReviewReport

    report = ReviewReport.objects.order_by("pk").first()
    started = time.monotonic()
    with transaction.atomic():
        ids = [
            actions.start_render(None, DocumentKind.REVIEW_REPORT, fmt, report=report).pk
            for _ in range(renders)
        ]
    finished: dict[int, float] = {}
    deadline = started + 600
    while len(finished) < renders and time.monotonic() < deadline:
        for pk, status in GeneratedDocument.objects.filter(pk__in=ids).values_list("pk", "status"):
            if status == RenderStatus.FAILED:
                raise SystemExit(f"Bản xuất #{pk} bị lỗi.")
            if status == RenderStatus.DONE and pk not in finished:
                finished[pk] = time.monotonic() - started
        time.sleep(0.1)
    if len(finished) < renders:
        raise SystemExit("Quá 10 phút mà chưa xuất xong.")
    return sorted(finished.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--format", default="pdf", choices=["pdf", "docx"])
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="phoihop-bench-")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(PHOIHOP_DATA_DIR=data, PHOIHOP_LOCAL="true", LOG_LEVEL="WARNING", TASK_BACKEND="database")
    env["PYTHONPATH"] = str(ROOT / "src")
    started = time.perf_counter()
    phoihop(env, "migrate", "--noinput")
    phoihop(env, "load-demo")
    print(f"Dữ liệu mẫu trong CSDL nhúng riêng ({time.perf_counter() - started:.0f} s)")
    os.environ.update(env, DJANGO_SETTINGS_MODULE="phoihop.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    from phoihop.core.serve_process import start_serve

    django.setup()
    results = {}
    for workers in (1, args.workers):
        server = start_serve({**env, "TASK_WORKERS": str(workers)})
        try:
            results[workers] = renders_done(args.renders, args.format)
        finally:
            server.terminate()
            server.wait(timeout=30)
        times = results[workers]
        print(
            f"TASK_WORKERS={workers}: {args.renders} bản {args.format.upper()} xếp hàng cùng lúc; bản đầu xong sau "
            f"{times[0]:.1f} s, bản cuối sau {times[-1]:.1f} s"
        )
    one, many = results[1][-1], results[args.workers][-1]
    print(
        f"Bản cuối xong nhanh hơn {one / many:.2f} × với {args.workers} tiến trình (so với 1, cùng lần chạy)"
    )


if __name__ == "__main__":
    main()
