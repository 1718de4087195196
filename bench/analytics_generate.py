"""A national-scale synthetic data set, loaded with the real schema, for the analytics benchmark.

    .venv/bin/python bench/analytics_generate.py            # PostgreSQL database phoihop_bench: ≥100,000 units,
                                                            # 60 indicators, 10 years + 20 half-years, ≥10 million values
    .venv/bin/python bench/analytics_generate.py --sqlite   # SQLite file var/bench/analytics.sqlite3, ~1 million values

The database is dropped and created again (never the `test` database), migrated, filled with COPY (PostgreSQL)
or executemany (SQLite), the roll-up is rebuilt once (timed), and every table the engine reads is exported to
Parquet under var/bench/<name>/ so that bench/analytics_pivots.py can ask DuckDB the same questions.

Shape: a 4-level tree (national confederation → provinces → districts → grassroots units). Each district follows
one of 12 report forms: its grassroots units report 5 indicators a year and 3 every half-year (10% of them also
report those 3 for the whole year, as annual reports repeat the half-years: the engine must not count twice).
Indicator rules are mixed: sums, ratios (numerator/denominator), latest (stocks), max, and breakdowns by
recognition level. 3% of reports are submitted but not approved, 1% are drafts. Each province has targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_URL = "postgres://postgres@127.0.0.1:5432/phoihop_bench"
SQLITE_PATH = ROOT / "var" / "bench" / "analytics.sqlite3"
YEARS = list(range(2016, 2026))
N_INDICATORS = 60
N_FORMS = 12
YEARLY_PER_FORM = 5
HALF_PER_FORM = 3
SEED = 20250701


@dataclass
class Scale:
    name: str
    provinces: int
    districts_per_province: int
    leaves_per_district: int


PG_SCALE = Scale("postgresql", 63, 11, 145)
SQLITE_SCALE = Scale("sqlite", 20, 10, 45)


def log(message: str) -> None:
    print(message, flush=True)


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("PHOIHOP_LOCAL", "true")
    os.environ.setdefault("PHOIHOP_DATA_DIR", str(ROOT / "var"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def recreate_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS phoihop_bench WITH (FORCE)")
        conn.execute("CREATE DATABASE phoihop_bench")


# --- reference rows (indicators, periods) through the ORM ----------------------------------------------------


def indicators() -> list:
    """The catalogue's indicators plus synthetic ones up to 60, with every aggregation rule represented."""
    from phoihop.reporting.models import Disaggregation, Indicator

    existing = list(Indicator.objects.order_by("pk"))
    levels = Disaggregation.objects.get(code="recognition_level")
    rules = ["sum"] * 6 + ["ratio_of_sums", "latest", "sum", "max"]
    for n in range(len(existing), N_INDICATORS):
        rule = rules[n % len(rules)]
        Indicator.objects.create(
            code=f"bench_{n:02d}",
            name=f"Chỉ tiêu thử nghiệm số {n}",
            theme="emulation",
            unit="percent" if rule == "ratio_of_sums" else "unit",
            value_type="ratio" if rule == "ratio_of_sums" else "count",
            aggregation=rule,
            disaggregation=levels if n % 7 == 0 and rule == "sum" else None,
        )
    return list(Indicator.objects.order_by("pk")[:N_INDICATORS])


def periods() -> tuple[dict, dict, list]:
    from phoihop.reporting.models import Period

    years = {y: Period.for_year(y) for y in YEARS}
    halves = {(y, h): Period.for_half(y, h) for y in YEARS for h in (1, 2)}
    programmes = [Period.for_programme(2016, 2020), Period.for_programme(2021, 2025)]
    return years, halves, programmes


# --- bulk rows -----------------------------------------------------------------------------------------------


def not_null_defaults(table: str, given: set[str]) -> dict[str, object]:
    """Constant values for NOT NULL columns the generator does not set (fields other apps may add later)."""
    from django.db import connection

    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    out: dict[str, object] = {}
    for col in description:
        if col.name in given or col.name == "id" or col.null_ok:
            continue
        kind = (col.type_code if isinstance(col.type_code, str) else str(col.type_code)).lower()
        internal = connection.introspection.get_field_type(col.type_code, col)
        if "Bool" in internal:
            out[col.name] = False
        elif "Integer" in internal or "Decimal" in internal or "Float" in internal or "Auto" in internal:
            out[col.name] = 0
        elif "DateTime" in internal:
            out[col.name] = now
        elif "Date" in internal:
            out[col.name] = now.date()
        elif "JSON" in internal or "json" in kind:
            out[col.name] = "[]"
        else:
            out[col.name] = ""
    return out


def with_defaults(table: str, data: dict[str, pa.Array | np.ndarray | list]) -> pa.Table:
    n = len(next(iter(data.values())))
    columns = {k: (v if isinstance(v, pa.Array) else pa.array(v)) for k, v in data.items()}
    for name, value in not_null_defaults(table, set(data)).items():
        columns[name] = pa.array([value] * n)
    return pa.table(columns)


def write(table_name: str, table: pa.Table) -> None:
    """COPY on PostgreSQL, executemany on SQLite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        buf = io.BytesIO()
        pacsv.write_csv(table, buf, pacsv.WriteOptions(include_header=False, quoting_style="needed"))
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table_name} ({cols}) FROM STDIN WITH (FORMAT csv)") as copy:
                view = buf.getbuffer()
                for i in range(0, len(view), 8 << 20):
                    copy.write(view[i : i + (8 << 20)])
    else:
        cols = ", ".join(f'"{c}"' for c in table.column_names)
        marks = ", ".join(["?"] * table.num_columns)
        raw = connection.connection
        for batch in table.to_batches(200_000):
            rows = list(zip(*[_py(c) for c in batch.columns], strict=True))
            raw.executemany(f"INSERT INTO {table_name} ({cols}) VALUES ({marks})", rows)


def _py(column: pa.Array) -> list:
    values = column.to_pylist()
    if pa.types.is_timestamp(column.type):
        return [v.isoformat(" ") if v else None for v in values]
    if pa.types.is_date(column.type):
        return [v.isoformat() if v else None for v in values]
    return values


def organizations(scale: Scale) -> dict:
    """Ids, paths and levels of the 4-level tree, written in one go."""
    ids, parents, levels, kinds, names = (
        [1],
        [None],
        ["national"],
        ["national_federation"],
        ["Tổng Liên đoàn"],
    )
    provinces, districts, leaves, leaf_district = [], [], [], []
    next_id = 2
    for p in range(scale.provinces):
        pid = next_id
        next_id += 1
        provinces.append(pid)
        ids.append(pid), parents.append(1), levels.append("province"), kinds.append("labour_federation")
        names.append(f"LĐLĐ tỉnh thử nghiệm {p + 1}")
        for d in range(scale.districts_per_province):
            did = next_id
            next_id += 1
            districts.append(did)
            ids.append(did), parents.append(pid), levels.append("district"), kinds.append("labour_federation")
            names.append(f"LĐLĐ huyện {p + 1}.{d + 1}")
            first = next_id
            next_id += scale.leaves_per_district
            leaves.extend(range(first, next_id))
            leaf_district.extend([did] * scale.leaves_per_district)
    n_leaves = len(leaves)
    ids += leaves
    parents += leaf_district
    levels += ["grassroots"] * n_leaves
    kinds += ["grassroots_union"] * n_leaves
    names += [f"CĐCS {i}" for i in leaves]
    path_of: dict[int, str] = {}
    paths, depths = [], []
    for oid, parent in zip(ids, parents, strict=True):
        path = (path_of[parent] if parent else "") + f"{oid:06d}."
        path_of[oid] = path
        paths.append(path)
        depths.append(path.count("."))
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    table = with_defaults(
        "orgs_organization",
        {
            "id": ids,
            "name": names,
            "kind": kinds,
            "level": levels,
            "parent_id": parents,
            "path": paths,
            "depth": depths,
            "name_folded": [n.lower() for n in names],
            "created_at": [now] * len(ids),
            "updated_at": [now] * len(ids),
        },
    )
    write("orgs_organization", table)
    return {
        "provinces": provinces,
        "districts": districts,
        "leaves": np.array(leaves),
        "leaf_district": np.array(leaf_district),
        "paths": path_of,
    }


def values(scale: Scale, tree: dict, inds: list, years: dict, halves: dict) -> dict:
    """The reported values, form by form, in large COPY batches; returns counts and the report list."""
    from phoihop.reporting.models import DisaggregationOption, ReportForm

    rng = np.random.default_rng(SEED)
    options = list(
        DisaggregationOption.objects.filter(disaggregation__code="recognition_level")
        .order_by("order")
        .values_list("pk", flat=True)[:3]
    )
    owner = tree["provinces"][0]
    form = ReportForm.objects.create(
        code="bench", name="Biểu thử nghiệm", period_kind="half_year", owner_id=owner
    )
    leaves, leaf_district = tree["leaves"], tree["leaf_district"]
    district_index = {d: i for i, d in enumerate(tree["districts"])}
    leaf_form = np.array([district_index[d] % N_FORMS for d in leaf_district])
    flows = [i for i in inds if i.aggregation == "sum" and not i.disaggregation_id]
    total = 0
    report_rows: list[tuple] = []
    report_of: dict[tuple[int, int], int] = {}
    for g in range(N_FORMS):
        mine = leaves[leaf_form == g]
        yearly = [inds[(g * YEARLY_PER_FORM + k) % N_INDICATORS] for k in range(YEARLY_PER_FORM)]
        # Half-year indicators are ones the form does not also ask for yearly (a unit's annual figure for them
        # comes from the 10% that repeat the half-years in their annual report).
        candidates = [flows[(g * HALF_PER_FORM + k) % len(flows)] for k in range(len(flows))]
        half = [i for i in candidates if i not in yearly][:HALF_PER_FORM]
        repeat_yearly = mine[rng.random(len(mine)) < 0.10]
        plan = [
            (yearly, mine, list(years.values())),
            (half, mine, list(halves.values())),
            (half, repeat_yearly, list(years.values())),
        ]
        for ind_list, orgs, pers in plan:
            for ind in ind_list:
                for per in pers:
                    total += _emit(ind, orgs, per, options, rng, report_of, report_rows, form.pk)
        log(f"  biểu {g + 1}/{N_FORMS}: {total:,} số liệu")
    # District federations report a few figures of their own each year.
    own = np.array(tree["districts"])
    for per in years.values():
        total += _emit(inds[0], own, per, options, rng, report_of, report_rows, form.pk)
    if report_rows:
        ids, orgs, pers, statuses = zip(*report_rows, strict=True)
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        table = with_defaults(
            "reporting_report",
            {
                "id": list(ids),
                "form_id": [form.pk] * len(ids),
                "organization_id": list(orgs),
                "period_id": list(pers),
                "status": list(statuses),
                "version": [1] * len(ids),
                "is_locked": [False] * len(ids),
                "created_at": [now] * len(ids),
                "updated_at": [now] * len(ids),
            },
        )
        write("reporting_report", table)
    return {"values": total, "reports": len(report_rows)}


_pending: list[pa.Table] = []
_pending_rows = [0]


def _emit(ind, orgs: np.ndarray, per, options, rng, report_of, report_rows, form_id) -> int:
    n = len(orgs)
    if n == 0:
        return 0
    state = rng.random(n)
    submitted = state < 0.03
    draft = (state >= 0.03) & (state < 0.04)
    report_ids = np.zeros(n, dtype=np.int64)
    for idx in np.nonzero(submitted | draft)[0]:
        key = (int(orgs[idx]), per.pk)
        rid = report_of.get(key)
        if rid is None:
            rid = report_of[key] = len(report_rows) + 1
            report_rows.append((rid, key[0], per.pk, "submitted" if submitted[idx] else "draft"))
        report_ids[idx] = rid
    numerator = denominator = None
    if ind.aggregation == "ratio_of_sums":
        denominator = rng.integers(5, 60, n)
        numerator = (denominator * rng.random(n)).astype(np.int64)
        value = np.round(numerator * 100 / denominator, 4)
    elif ind.aggregation == "max":
        value = rng.integers(0, 12, n).astype(float)
    elif ind.aggregation == "latest":
        value = (
            rng.integers(50, 500, n) * (per.end.year - 2014) * (1 if per.end.month == 12 else 0.6)
        ).round()
    else:
        value = rng.integers(0, 400, n).astype(float)
    opts = options if ind.disaggregation_id else [None]
    written = 0
    for k, opt in enumerate(opts):
        part = np.maximum(np.round(value / (3**k)), 0) if opt else value
        columns = {
            "indicator_id": pa.array(np.full(n, ind.pk)),
            "organization_id": pa.array(orgs),
            "period_id": pa.array(np.full(n, per.pk)),
            "option_id": pa.array([opt] * n, type=pa.int64()),
            "report_id": pa.array(np.where(report_ids > 0, report_ids, 0), mask=report_ids == 0),
            "value": pa.array(np.asarray(part, dtype=float)),
            "numerator": pa.array(numerator, type=pa.float64())
            if numerator is not None
            else pa.nulls(n, pa.float64()),
            "denominator": (
                pa.array(denominator, type=pa.float64())
                if denominator is not None
                else pa.nulls(n, pa.float64())
            ),
            "is_approved": pa.array(~(submitted | draft)),
        }
        _pending.append(pa.table(columns))
        _pending_rows[0] += n
        written += n
        if _pending_rows[0] >= 1_000_000:
            flush_values()
    return written


def flush_values() -> None:
    if not _pending:
        return
    table = pa.concat_tables(_pending)
    _pending.clear()
    _pending_rows[0] = 0
    n = table.num_rows
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    extra = {"qualifier": "", "comment": "", "source": "demo", "source_text": "", "updated_at": now}
    for name, value in {
        **extra,
        **not_null_defaults("reporting_datavalue", set(table.column_names) | set(extra)),
    }.items():
        table = table.append_column(name, pa.array([value] * n))
    write("reporting_datavalue", table)


def targets(tree: dict, inds: list, years: dict) -> int:
    from phoihop.reporting.models import Target

    rows = [
        Target(indicator=ind, organization_id=prov, period=years[y], value=1000 + 37 * i + y % 7)
        for i, prov in enumerate(tree["provinces"])
        for ind in inds[:YEARLY_PER_FORM]
        for y in YEARS
    ]
    Target.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def reset_sequences() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in ("orgs_organization", "reporting_report"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            )


# --- Parquet for DuckDB ----------------------------------------------------------------------------------------

EXPORT = {
    "datavalue": (
        "reporting_datavalue",
        "id, indicator_id, organization_id, period_id, option_id, report_id, value, "
        "numerator, denominator, value_high, is_approved",
    ),
    "organization": ("orgs_organization", "id, parent_id, path, depth, level, name"),
    "period": ("reporting_period", 'id, kind, start, "end"'),
    "report": ("reporting_report", "id, status"),
    "indicator": ("reporting_indicator", "id, code, aggregation, disaggregation_id, value_type"),
    "target": ("reporting_target", "id, indicator_id, organization_id, period_id, option_id, value"),
}


def export_parquet(folder: Path) -> None:
    from django.db import connection

    folder.mkdir(parents=True, exist_ok=True)
    for name, (table, cols) in EXPORT.items():
        if connection.vendor == "postgresql":
            buf = io.BytesIO()
            with connection.cursor() as cursor:
                with cursor.cursor.copy(
                    f"COPY (SELECT {cols} FROM {table}) TO STDOUT WITH (FORMAT csv, HEADER)"
                ) as c:
                    for chunk in c:
                        buf.write(chunk)
            buf.seek(0)
            arrow = pacsv.read_csv(
                buf,
                convert_options=pacsv.ConvertOptions(
                    column_types={"path": pa.string(), "code": pa.string(), "is_approved": pa.bool_()},
                    true_values=["t", "true", "1"],
                    false_values=["f", "false", "0"],
                ),
            )
        else:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {cols} FROM {table}")
                names = [d[0] for d in cursor.description]
                rows = cursor.fetchall()
            arrow = pa.table({n: pa.array([r[i] for r in rows]) for i, n in enumerate(names)})
            if "is_approved" in names:
                arrow = arrow.set_column(
                    names.index("is_approved"),
                    "is_approved",
                    pa.array([bool(v) for v in arrow["is_approved"].to_pylist()]),
                )
            for col in ("start", "end"):
                if col in names:
                    arrow = arrow.set_column(
                        names.index(col),
                        col,
                        pa.array(
                            [
                                dt.date.fromisoformat(v) if isinstance(v, str) else v
                                for v in arrow[col].to_pylist()
                            ]
                        ),
                    )
        pq.write_table(arrow, folder / f"{name}.parquet")
        log(f"  {name}.parquet: {arrow.num_rows:,} dòng")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sqlite", action="store_true", help="SQLite with ~1 million values instead of PostgreSQL"
    )
    args = parser.parse_args(argv)
    scale = SQLITE_SCALE if args.sqlite else PG_SCALE
    started = time.perf_counter()
    if args.sqlite:
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        setup_django(f"sqlite:///{SQLITE_PATH}")
    else:
        recreate_postgres()
        setup_django(PG_URL)
    from django.core.management import call_command
    from django.db import connection, transaction

    from phoihop.analytics import triggers
    from phoihop.analytics.rollup import rebuild

    log(f"Tạo lược đồ ({scale.name}) …")
    call_command("migrate", verbosity=0)
    triggers.remove()  # the bulk load is absorbed by one rebuild below
    log(f"  {time.perf_counter() - started:.0f} giây")
    with transaction.atomic():
        inds = indicators()
        years, halves, _ = periods()
        log("Đơn vị …")
        tree = organizations(scale)
        log(f"  {1 + len(tree['provinces']) + len(tree['districts']) + len(tree['leaves']):,} đơn vị")
        log("Số liệu …")
        counts = values(scale, tree, inds, years, halves)
        flush_values()
        counts["targets"] = targets(tree, inds, years)
        reset_sequences()
    load_seconds = time.perf_counter() - started
    log(
        f"  {counts['values']:,} số liệu, {counts['reports']:,} báo cáo, {counts['targets']:,} chỉ tiêu kế hoạch "
        f"({load_seconds:.0f} giây)"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    triggers.install()
    log("Dựng bảng cộng dồn (roll-up) …")
    seconds = rebuild(report=log)
    from phoihop.analytics.models import RollupCell

    log(f"  {RollupCell.objects.count():,} ô cộng dồn, {seconds:.0f} giây")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    folder = ROOT / "var" / "bench" / scale.name
    log(f"Xuất Parquet vào {folder} …")
    export_parquet(folder)
    (folder / "generated.txt").write_text(
        f"values={counts['values']}\nreports={counts['reports']}\nrollup_seconds={seconds:.1f}\n"
        f"load_seconds={load_seconds:.1f}\n",
        encoding="utf-8",
    )
    log(f"Xong sau {time.perf_counter() - started:.0f} giây.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
