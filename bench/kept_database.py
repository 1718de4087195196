"""What the benchmarks that keep their PostgreSQL database between runs share: choosing and creating it, starting
Django on it, and timing a call.

A script calls `configure(default_url)` before Django is imported, then `start_django(rebuild)` in its main.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def configure(default_url: str) -> str:
    """The database URL (BENCH_DATABASE_URL or `default_url`), set for Django; never `test` or `postgres`."""
    url = os.environ.get("BENCH_DATABASE_URL", default_url)
    if url.rsplit("/", 1)[-1] in ("test", "postgres"):
        sys.exit("Chọn một cơ sở dữ liệu riêng cho benchmark, không dùng «test» hay «postgres».")
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
    os.environ.setdefault("PHOIHOP_LOCAL", "true")
    os.environ.setdefault("PHOIHOP_DATA_DIR", tempfile.mkdtemp(prefix="phoihop-bench-"))
    return url


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true")
    return parser.parse_args()


def ensure_database(url: str, rebuild: bool) -> None:
    """Create the database when missing; with `rebuild`, drop it first."""
    import psycopg

    name = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and rebuild:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def start_django(rebuild: bool) -> None:
    """The database made ready, Django started on it and migrated."""
    ensure_database(os.environ["DATABASE_URL"], rebuild)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(fn, runs: int) -> float:
    """Median milliseconds of `fn()` over `runs` calls, after one call that warms the caches."""
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000
