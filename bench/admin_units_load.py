"""How long ensure_admin_units takes to fill an empty database (13,500 units, 15,000 old→new links).

    PHOIHOP_LOCAL=true .venv/bin/python bench/admin_units_load.py [--runs 5]
    PHOIHOP_LOCAL=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/admin_units_load.py

Creates a throwaway test database (test_<name>; for SQLite a file in a temporary folder), then empties the two unit
tables and reloads them N times. The reference, measured in the same run, is reading and parsing the snapshot alone:
the ratio shows what the database writes cost on top of it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
os.environ.setdefault("PHOIHOP_LOCAL", "true")
os.environ.setdefault("PHOIHOP_DATA_DIR", tempfile.mkdtemp(prefix="phoihop-bench-"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from phoihop.orgs.admin_units import ensure_admin_units, read_snapshot
    from phoihop.orgs.models import AdminUnit, AdminUnitSuccession

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = os.path.join(
            os.environ["PHOIHOP_DATA_DIR"], "bench.sqlite3"
        )
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        loads, parses = [], []
        for _ in range(args.runs):
            AdminUnitSuccession.objects.all()._raw_delete(connection.alias)
            AdminUnit.objects.all()._raw_delete(connection.alias)
            started = time.perf_counter()
            created = ensure_admin_units(log=lambda message: None)
            loads.append(time.perf_counter() - started)
            read_snapshot.cache_clear()
            started = time.perf_counter()
            read_snapshot()
            parses.append(time.perf_counter() - started)
        load, parse = statistics.median(loads), statistics.median(parses)
        print(f"database: {connection.vendor} ({test_name})")
        print(f"units created per load: {created}, old→new links: {AdminUnitSuccession.objects.count()}")
        print(f"ensure_admin_units, median of {args.runs}: {load:.2f} s")
        print(
            f"reference, reading the snapshot alone: {parse:.3f} s  →  load / reference = {load / parse:.1f}×"
        )
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
