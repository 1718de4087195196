"""Five standard pivots through the analytics engine, timed against DuckDB computing the same result from the
same data (Parquet written by bench/analytics_generate.py), plus memory and approve→visible latency.

    .venv/bin/python bench/analytics_pivots.py            # PostgreSQL database phoihop_bench
    .venv/bin/python bench/analytics_pivots.py --sqlite   # SQLite file var/bench/analytics.sqlite3

The data set is generated first when missing (or with --generate): one command does everything.

Each pivot runs once to warm up, then --runs times; medians are printed with the ratio engine ÷ DuckDB and are
written to var/bench/<backend>/pivots.json. DuckDB answers with its own SQL (not the engine's), and the two
answers are compared cell by cell. "Base tables" is the engine with its roll-up switched off (one run), for
reference: that is what "fresh" would cost without the roll-up.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analytics_generate import PG_URL, ROOT, SQLITE_PATH, YEARS, setup_django  # noqa: E402

GOAL_MS, GOAL_RATIO = 300, 3.0


@dataclass
class Pivot:
    name: str
    query: object  # engine Query
    duck_sql: str
    duck_params: list
    key: callable  # engine Row → comparable key


def duck_sql(inds: list[int], root_path: str, group_expr: str, spans: list[tuple], targets: bool = False):
    """DuckDB's own answer: values of the subtree, each unit's superseded values dropped, added up by rule."""
    span_values = ", ".join(f"({k}, DATE '{s}', DATE '{e}')" for k, s, e in spans)
    ind_list = ", ".join(str(i) for i in inds)
    sql = f"""
WITH sp(span_key, ss, se) AS (VALUES {span_values}),
v AS (
  SELECT dv.organization_id AS org, dv.indicator_id AS ind, COALESCE(dv.option_id, 0) AS opt,
         p.start AS ps, p."end" AS pe, dv.value AS val, dv.numerator AS num, dv.denominator AS den,
         i.aggregation AS rule, {group_expr} AS grp
  FROM datavalue dv
  JOIN organization o ON o.id = dv.organization_id
  JOIN period p ON p.id = dv.period_id
  JOIN indicator i ON i.id = dv.indicator_id
  WHERE dv.is_approved AND dv.indicator_id IN ({ind_list}) AND starts_with(o.path, ?)
),
vs AS (SELECT v.*, sp.span_key FROM v JOIN sp ON sp.ss <= v.ps AND v.pe <= sp.se),
contained AS (  -- sums, ratios, maxima: a longer period of the same unit (or its total) covers the value
  SELECT * FROM vs WHERE rule <> 'latest' AND NOT EXISTS (
    SELECT 1 FROM vs w WHERE w.org = vs.org AND w.ind = vs.ind AND w.span_key = vs.span_key
      AND w.ps <= vs.ps AND w.pe >= vs.pe
      AND ((w.opt = vs.opt AND (w.ps < vs.ps OR w.pe > vs.pe)) OR (w.opt = 0 AND vs.opt <> 0)))
),
latest AS (  -- stocks: each unit's last period in the span (the longest one when several end together)
  SELECT * FROM vs WHERE rule = 'latest'
  QUALIFY pe = max(pe) OVER (PARTITION BY org, ind, span_key)
      AND ps = min(ps) OVER (PARTITION BY org, ind, span_key, pe)
),
kept AS (SELECT * FROM contained UNION ALL SELECT * FROM latest)
SELECT grp, ind, span_key,
       CASE WHEN any_value(rule) = 'ratio_of_sums' THEN sum(num) * 100 / sum(den)
            WHEN any_value(rule) = 'max' THEN max(val) ELSE sum(val) END AS value
FROM kept WHERE grp IS NOT NULL GROUP BY grp, ind, span_key"""
    if targets:
        sql = f"""
WITH a AS ({sql}),
t AS (SELECT organization_id AS grp, indicator_id AS ind, sum(value) AS target FROM target
      JOIN period p ON p.id = target.period_id
      WHERE p.start = DATE '{spans[0][1]}' AND p."end" = DATE '{spans[0][2]}' AND option_id IS NULL
      GROUP BY 1, 2)
SELECT a.grp, a.ind, a.span_key, a.value * 100 / t.target AS value FROM a JOIN t USING (grp, ind)"""
    return sql, [root_path]


def build_pivots(args) -> tuple[list[Pivot], dict]:
    from phoihop.analytics.engine import Query
    from phoihop.analytics.periods import PeriodSpec
    from phoihop.orgs.models import Organization
    from phoihop.reporting.models import DataValue, Indicator

    national = Organization.objects.get(parent__isnull=True, level="national")
    province = Organization.objects.filter(parent=national).order_by("pk").first()
    district = Organization.objects.filter(parent=province).order_by("pk").first()
    indicators = list(Indicator.objects.filter(values__isnull=False).distinct().order_by("pk"))
    codes = [i.code for i in indicators]
    ids = {i.code: i.pk for i in indicators}
    by_id = {i.pk: i.code for i in indicators}
    one = indicators[0]
    target_inds = list(Indicator.objects.filter(targets__isnull=False).distinct().order_by("pk"))
    years = [PeriodSpec.year(y) for y in YEARS]
    halves = [PeriodSpec.half(y, h) for y in YEARS for h in (1, 2)]
    last = [PeriodSpec.year(YEARS[-2])]

    def spans(specs):
        return [(n, s.start, s.end) for n, s in enumerate(specs)]

    code_of_span = {}

    def key_org_period(specs):
        code_of_span[id(specs)] = [s.code for s in specs]
        return lambda r: (r.key["organization"], r.key["indicator"], r.key["period"])

    province_group = "TRY_CAST(substr(o.path, 8, 6) AS INTEGER)"
    child_group = f"TRY_CAST(substr(o.path, {len(district.path) + 1}, 6) AS INTEGER)"
    pivots = [
        Pivot(
            "1. Một chỉ tiêu theo tỉnh, 10 năm",
            Query(
                indicators=[one.code],
                organizations=[national.pk],
                level="province",
                periods=years,
                group_by=("organization", "indicator", "period"),
            ),
            *duck_sql([one.pk], national.path, province_group, spans(years)),
            key=None,
        ),
        Pivot(
            "2. Mọi chỉ tiêu của một tỉnh theo năm",
            Query(
                indicators=codes, organizations=[province.pk], periods=years, group_by=("indicator", "period")
            ),
            *duck_sql([i.pk for i in indicators], province.path, "0", spans(years)),
            key=None,
        ),
        Pivot(
            "3. Các cơ sở của một huyện theo chỉ tiêu",
            Query(
                indicators=codes,
                organizations=[district.pk],
                level="children",
                periods=last,
                group_by=("organization", "indicator", "period"),
            ),
            *duck_sql([i.pk for i in indicators], district.path, child_group, spans(last)),
            key=None,
        ),
        Pivot(
            "4. Tổng toàn quốc theo kỳ (60 chỉ tiêu, 30 kỳ)",
            Query(
                indicators=codes,
                organizations=[national.pk],
                periods=years + halves,
                group_by=("indicator", "period"),
            ),
            *duck_sql([i.pk for i in indicators], national.path, "0", spans(years + halves)),
            key=None,
        ),
        Pivot(
            "5. Tỷ lệ đạt chỉ tiêu theo tỉnh",
            Query(
                indicators=[i.code for i in target_inds],
                organizations=[national.pk],
                level="province",
                periods=last,
                group_by=("organization", "indicator", "period"),
                with_targets=True,
            ),
            *duck_sql([i.pk for i in target_inds], national.path, province_group, spans(last), targets=True),
            key=None,
        ),
    ]
    meta = {
        "national": national,
        "province": province,
        "district": district,
        "ids": ids,
        "by_id": by_id,
        "specs": [p.query.periods for p in pivots],
        "values": DataValue.objects.count(),
    }
    return pivots, meta


def engine_answer(result, measure: str = "value") -> dict:
    out = {}
    for r in result.rows:
        value = r.achievement if measure == "achievement" else r.value
        if value is None:
            continue
        out[(r.key.get("organization", 0), r.key["indicator"], r.key["period"])] = float(value)
    return out


def duck_answer(rows, meta, specs) -> dict:
    out = {}
    for grp, ind, span_key, value in rows:
        if value is None:
            continue
        out[(int(grp) if grp else 0, meta["by_id"][ind], specs[span_key].code)] = float(value)
    return out


def same(a: dict, b: dict) -> tuple[bool, str]:
    if set(a) != set(b):
        return (
            False,
            f"khóa khác nhau: {len(set(a) - set(b))} chỉ có ở engine, {len(set(b) - set(a))} chỉ có ở DuckDB",
        )
    # The engine gives 4 decimal places (2 for achievement); DuckDB keeps full precision.
    bad = [k for k in a if abs(a[k] - b[k]) > max(0.006, 1e-9 * abs(b[k]))]
    return (not bad), (f"{len(bad)} ô lệch, ví dụ {bad[0]}: {a[bad[0]]} ≠ {b[bad[0]]}" if bad else "")


def timed(fn, runs: int) -> tuple[float, object]:
    fn()  # warm-up
    times, last = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        last = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), last


def approve_latency(meta, samples: int = 5) -> list[dict]:
    """Approve a submitted half-year report, then time the next pivot that should show it."""
    from django.db import transaction

    from phoihop.analytics.engine import Query, run
    from phoihop.reporting.models import DataValue, Report

    out = []
    reports = list(
        Report.objects.filter(status="submitted", period__kind="half_year", period__start__year=YEARS[-1])
        .select_related("organization", "period")
        .order_by("pk")[:samples]
    )
    for report in reports:
        value = (
            DataValue.objects.filter(
                report=report,
                indicator__aggregation="sum",
                option__isnull=True,
            )
            .select_related("indicator")
            .first()
        )
        if value is None:
            continue
        province_pk = int(report.organization.path[7:13])
        query = Query(
            indicators=[value.indicator.code],
            organizations=[province_pk],
            periods=[f"{report.period.start.year}-H{1 if report.period.start.month == 1 else 2}"],
            group_by=("indicator",),
        )
        before = run(query).rows
        before_value = before[0].value if before else Decimal(0)
        t0 = time.perf_counter()
        with transaction.atomic():  # what approving does to the data (reporting.actions.approve)
            Report.objects.filter(pk=report.pk).update(status="approved")
            DataValue.objects.filter(report=report).update(is_approved=True)
        t1 = time.perf_counter()
        after = run(query).rows[0].value
        t2 = time.perf_counter()
        out.append(
            {
                "approve_ms": (t1 - t0) * 1000,
                "next_query_ms": (t2 - t1) * 1000,
                "visible": after == before_value + value.value,
            }
        )
        with transaction.atomic():  # put the data set back as generated, for the next run
            Report.objects.filter(pk=report.pk).update(status="submitted")
            DataValue.objects.filter(report=report).update(is_approved=False)
        run(query)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-base", action="store_true", help="skip the run without the roll-up")
    parser.add_argument(
        "--generate", action="store_true", help="generate the data set first (else only if missing)"
    )
    args = parser.parse_args(argv)
    backend = "sqlite" if args.sqlite else "postgresql"
    if args.generate or not (ROOT / "var" / "bench" / backend / "datavalue.parquet").exists():
        import subprocess

        command = [sys.executable, str(Path(__file__).with_name("analytics_generate.py"))]
        subprocess.run(command + (["--sqlite"] if args.sqlite else []), check=True)
    setup_django(f"sqlite:///{SQLITE_PATH}" if args.sqlite else PG_URL)
    import duckdb
    from django.db import connection

    from phoihop.analytics.engine import run
    from phoihop.analytics.models import RollupCell
    from phoihop.analytics.rollup import drain

    folder = ROOT / "var" / "bench" / backend
    drain()
    pivots, meta = build_pivots(args)
    print(
        f"{backend}: {meta['values']:,} số liệu, {RollupCell.objects.count():,} ô cộng dồn; "
        f"{args.runs} lần đo mỗi bảng (trung vị)\n",
        flush=True,
    )
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    engine = []
    for pivot in pivots:  # the engine first, so the process's peak memory is the engine's alone
        engine_ms, result = timed(lambda q=pivot.query: run(q), args.runs)
        tracemalloc.start()  # a separate run: tracing slows Python down several times
        run(pivot.query)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        engine.append((engine_ms, result, peak))
    rss_engine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    duck = duckdb.connect()
    for name in ("datavalue", "organization", "period", "report", "indicator", "target"):
        duck.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet('{folder / (name + '.parquet')}')")
    results = []
    for pivot, specs, (engine_ms, result, peak) in zip(pivots, meta["specs"], engine, strict=True):
        measure = "achievement" if pivot.query.with_targets else "value"
        duck_ms, rows = timed(lambda p=pivot: duck.execute(p.duck_sql, p.duck_params).fetchall(), args.runs)
        ok, why = same(engine_answer(result, measure), duck_answer(rows, meta, specs))
        base_ms = None
        if not args.no_base:
            from dataclasses import replace

            t0 = time.perf_counter()
            base = run(replace(pivot.query, use_rollup=False))
            base_ms = (time.perf_counter() - t0) * 1000
            ok_base, _ = same(engine_answer(base, measure), engine_answer(result, measure))
            ok = ok and ok_base
        line = {
            "pivot": pivot.name,
            "engine_ms": round(engine_ms, 2),
            "duckdb_ms": round(duck_ms, 2),
            "ratio": round(engine_ms / duck_ms, 3),
            "base_tables_ms": base_ms and round(base_ms, 1),
            "cells": len(result.rows),
            "same_result": ok,
            "difference": why,
            "engine_peak_python_kib": round(peak / 1024),
            "meets_goal": engine_ms <= GOAL_MS and engine_ms / duck_ms <= GOAL_RATIO,
        }
        results.append(line)
        print(
            f"{pivot.name:<48} engine {engine_ms:8.1f} ms | DuckDB {duck_ms:8.1f} ms | ×{engine_ms / duck_ms:6.2f}"
            f" | không roll-up {base_ms or 0:9.0f} ms | {len(result.rows):5} ô | cùng kết quả: "
            f"{'có' if ok else 'KHÔNG ' + why} | Python đỉnh {peak / 1024:,.0f} KiB",
            flush=True,
        )
    latency = approve_latency(meta)
    print("\nDuyệt → thấy trong bảng (truy vấn kế tiếp):")
    for item in latency:
        print(
            f"  duyệt {item['approve_ms']:7.1f} ms, truy vấn kế tiếp {item['next_query_ms']:7.1f} ms, "
            f"đã thấy: {'có' if item['visible'] else 'KHÔNG'}"
        )
    med = statistics.median(i["next_query_ms"] for i in latency) if latency else None
    size = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_size_pretty(pg_total_relation_size('reporting_datavalue')), "
                "pg_size_pretty(pg_total_relation_size('analytics_rollupcell')), "
                "current_setting('shared_buffers'), current_setting('work_mem')"
            )
            size = cursor.fetchone()
        print(
            f"\nDung lượng: số liệu {size[0]}, roll-up {size[1]}; shared_buffers {size[2]}, work_mem {size[3]}"
        )
    print(
        f"Bộ nhớ tiến trình (RSS đỉnh): {rss_start / 1024:,.0f} MiB khi bắt đầu, {rss_engine / 1024:,.0f} MiB "
        "sau các bảng của engine (trước khi DuckDB nạp dữ liệu)"
    )
    met = sum(1 for r in results if r["meets_goal"])
    print(
        f"Đạt mục tiêu (≤ {GOAL_MS} ms và ≤ {GOAL_RATIO:g}× DuckDB): {met}/{len(results)} bảng; "
        f"cùng kết quả với DuckDB: {sum(1 for r in results if r['same_result'])}/{len(results)}"
    )
    summary = {
        "backend": backend,
        "values": meta["values"],
        "runs": args.runs,
        "pivots": results,
        "approve_to_visible": latency,
        "approve_to_visible_median_ms": med,
        "rss_mib_start": round(rss_start / 1024),
        "rss_mib_engine": round(rss_engine / 1024),
        "sizes": size,
    }
    (folder / "pivots.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    return 0 if all(r["same_result"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
