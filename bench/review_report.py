"""Final review report of a province: 1,000 subordinate units × 60 indicators × 10 periods.

    PHOIHOP_LOCAL=true .venv/bin/python bench/review_report.py [--runs 3] [--units 1000]
    PHOIHOP_LOCAL=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/phoihop_bench_docs \
        .venv/bin/python bench/review_report.py

Creates a throwaway database (test_<name>; for SQLite a file in a temporary folder) with a province federation and
people's committee, 25 district federations with 40 grassroots units each (1,000 units that report), 60 indicators
(the catalogue plus synthetic ones, a fifth disaggregated by recognition level) and approved yearly values for
2015-2024 (10 periods). The report is the final review of the 2020-2024 programme, compared with 2015-2019, with
tables and charts. Times are medians of --runs renders after one warm-up (which also absorbs the roll-up);
peak memory is tracemalloc's peak of Python allocations during one render, and the process's maximum RSS.
The reference, measured in the same run, is the analytics engine's answer alone (the figures the report states):
the ratios show what drafting, laying out and writing the document cost on top of reading the data.
Targets: .docx ≤ 5 s, PDF ≤ 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
os.environ.setdefault("PHOIHOP_LOCAL", "true")
os.environ.setdefault("PHOIHOP_DATA_DIR", tempfile.mkdtemp(prefix="phoihop-bench-"))

DISTRICTS = 25
INDICATORS = 60
YEARS = range(2015, 2025)


def build(units: int) -> tuple:
    """The synthetic province; returns (report, organisation ids of the reporting bodies)."""
    from django.db import transaction

    from phoihop.documents import actions
    from phoihop.orgs.choices import OrgKind, OrgLevel
    from phoihop.orgs.models import Organization
    from phoihop.programs.models import Agreement, AgreementParty, ContentArea
    from phoihop.reporting.choices import ReportStatus, Theme, Unit, ValueType
    from phoihop.reporting.models import (
        DataValue,
        DisaggregationOption,
        Indicator,
        Period,
        Report,
        ReportForm,
    )

    rng = random.Random(2024)
    with transaction.atomic():
        union = Organization.objects.create(
            name="Liên đoàn Lao động tỉnh Thử Nghiệm", kind=OrgKind.LABOUR_FEDERATION, level=OrgLevel.PROVINCE,
            abbreviation="LĐLĐ",
        )  # fmt: skip
        gov = Organization.objects.create(
            name="Ủy ban nhân dân tỉnh Thử Nghiệm", kind=OrgKind.PEOPLE_COMMITTEE, level=OrgLevel.PROVINCE,
            abbreviation="UBND",
        )  # fmt: skip
        per_district = max(1, units // DISTRICTS)
        grassroots = []
        for d in range(DISTRICTS):
            district = Organization.objects.create(
                name=f"Liên đoàn Lao động huyện Số {d + 1}", kind=OrgKind.LABOUR_FEDERATION,
                level=OrgLevel.DISTRICT, parent=union,
            )  # fmt: skip
            for g in range(per_district):
                grassroots.append(
                    Organization.objects.create(
                        name=f"Công đoàn cơ sở Công ty {d + 1:02d}-{g + 1:03d}",
                        kind=OrgKind.GRASSROOTS_UNION,
                        level=OrgLevel.GRASSROOTS,
                        parent=district,
                    )  # fmt: skip
                )
        indicators = list(Indicator.objects.filter(is_active=True).order_by("order"))[:INDICATORS]
        levels = list(DisaggregationOption.objects.filter(disaggregation__code="recognition_level"))[:3]
        themes = [t for t, _label in Theme.choices]
        for i in range(len(indicators), INDICATORS):
            indicators.append(
                Indicator.objects.create(
                    code=f"bench_{i:02d}",
                    name=f"Chỉ tiêu thử nghiệm số {i + 1}",
                    theme=themes[i % len(themes)],
                    unit=Unit.COUNT,
                    value_type=ValueType.COUNT,
                    order=1000 + i,
                    disaggregation=levels[0].disaggregation if i % 5 == 0 else None,
                )  # fmt: skip
            )
        agreement = Agreement.objects.create(
            kind="programme", number="05/CTr-UBND-LĐLĐ", title="Phối hợp công tác giai đoạn 2020-2024",
            signed_date=dt.date(2020, 3, 1), place="Thử Nghiệm", period_start_year=2020, period_end_year=2024,
        )  # fmt: skip
        AgreementParty.objects.create(agreement=agreement, organization=gov, order=0, is_lead=True)
        AgreementParty.objects.create(agreement=agreement, organization=union, order=1)
        for a in range(4):
            area = ContentArea.objects.create(
                agreement=agreement, order=a + 1, title=f"Nội dung phối hợp số {a + 1}"
            )
            area.indicators.set(indicators[a * 15 : (a + 1) * 15])
        # The programme under review and the one before it (the previous period the report compares with).
        Period.for_programme(2015, 2019)
        Period.for_programme(2020, 2024)
        form = ReportForm.objects.create(code="bench", name="Báo cáo năm", period_kind="year", owner=union)
        rows = []
        for year in YEARS:
            period = Period.for_year(year)
            reports = Report.objects.bulk_create(
                Report(form=form, organization=org, period=period, status=ReportStatus.APPROVED)
                for org in grassroots
            )
            for report in reports:
                for indicator in indicators:
                    if indicator.value_type == ValueType.RATIO:
                        den = Decimal(rng.randint(5, 40))
                        num = Decimal(rng.randint(0, int(den)))
                        rows.append(DataValue(indicator=indicator, organization_id=report.organization_id,
                                              period=period, report=report, numerator=num, denominator=den,
                                              value=(num * 100 / den).quantize(Decimal("0.01")), is_approved=True))  # fmt: skip
                    elif indicator.disaggregation_id:
                        options = [o for o in levels if o.disaggregation_id == indicator.disaggregation_id][
                            :3
                        ]
                        for k, option in enumerate(options):
                            rows.append(DataValue(indicator=indicator, option=option, organization_id=report.organization_id,
                                                  period=period, report=report, value=Decimal(rng.randint(0, 50 // (k + 1))),
                                                  is_approved=True))  # fmt: skip
                    else:
                        scale = 10**9 if indicator.value_type == ValueType.AMOUNT else 100
                        rows.append(DataValue(indicator=indicator, organization_id=report.organization_id,
                                              period=period, report=report, value=Decimal(rng.randint(0, scale)),
                                              is_approved=True))  # fmt: skip
            DataValue.objects.bulk_create(rows, batch_size=5000)
            rows.clear()
        report = actions.create_report(
            None, kind="final", agreement=agreement, period=Period.for_programme(2020, 2024), place="Thử Nghiệm",
            date=dt.date(2025, 3, 15),
        )  # fmt: skip
    return report, [gov.pk, union.pk], len(grassroots), DataValue.objects.count()


def timed(fn, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def peak(fn) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    fn()
    _current, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return high / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="print where one .docx render spends its time")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    from phoihop.analytics.engine import run
    from phoihop.documents import rendering
    from phoihop.documents.choices import DocumentKind
    from phoihop.documents.figures import engine_query
    from phoihop.reporting.models import Indicator

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = os.path.join(
            os.environ["PHOIHOP_DATA_DIR"], "bench.sqlite3"
        )
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        report, org_ids, units, values = build(args.units)
        print(f"database: {connection.vendor} ({test_name})")
        print(f"built {units} units × {60} indicators × {len(YEARS)} periods = {values:,} values "
              f"in {time.perf_counter() - started:.1f} s".replace(",", "."))  # fmt: skip

        catalogue = list(Indicator.objects.filter(is_active=True))

        def engine():
            return run(engine_query(catalogue, org_ids, report.period))

        def docx():
            return rendering.produce(DocumentKind.REVIEW_REPORT, "docx", report=report)

        def pdf():
            return rendering.produce(DocumentKind.REVIEW_REPORT, "pdf", report=report)

        def xlsx():
            return rendering.produce(DocumentKind.APPENDIX, "xlsx", report=report)

        started = time.perf_counter()
        warm = docx()
        print(f"warm-up render (absorbs the roll-up of the new values): {time.perf_counter() - started:.1f} s, "
              f".docx {len(warm) / 1024:.0f} KiB")  # fmt: skip
        if args.profile:
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(docx)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        ref, _ = timed(engine, args.runs)
        results = {}
        for name, fn in (("docx", docx), ("pdf", pdf), ("xlsx appendix", xlsx)):
            median, all_runs = timed(fn, args.runs)
            results[name] = median
            size = len(fn()) / 1024
            mem = peak(fn)
            print(
                f"{name:14s} median of {args.runs}: {median:5.2f} s  (runs {', '.join(f'{t:.2f}' for t in all_runs)}; "
                f"{size:.0f} KiB; tracemalloc peak {mem:.0f} MiB)  →  {median / ref:.0f}× the engine reference"
            )
        print(f"reference, the analytics engine's figures alone: {ref * 1000:.0f} ms")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process maximum RSS: {rss:.0f} MiB")
        print(
            f"targets: .docx ≤ 5 s → {'met' if results['docx'] <= 5 else 'MISSED'}; "
            f"PDF ≤ 10 s → {'met' if results['pdf'] <= 10 else 'MISSED'}"
        )
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
