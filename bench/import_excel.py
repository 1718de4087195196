"""Benchmark: importing a workbook of 50,000 values (checks and preview included) against openpyxl reading it.

    .venv/bin/python bench/import_excel.py [--values 50000] [--runs 3]

Builds a throwaway SQLite database (or uses DATABASE_URL), 200 units each with a 250-line report, writes the
templates with the app's own exporter and fills every value in. Then, in the same run, it times the median of
--runs of (a) openpyxl reading every cell of the file in read-only mode, the reference, and (b) the app's import:
file checks, parsing, cell-by-cell validation, rule checks, the staged ImportBatch and the rendered preview page.
Prints both medians and their ratio (target: ≤ 3).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup_django(data_dir: str) -> None:
    os.environ.setdefault("PHOIHOP_DATA_DIR", data_dir)
    os.environ.setdefault("PHOIHOP_LOCAL", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(values: int, lines: int):
    """Units, a form with `lines` count indicators, and a filled workbook with one sheet per unit."""
    import openpyxl

    from phoihop.accounts.choices import Role
    from phoihop.core.testing import make_org, make_user
    from phoihop.orgs.choices import OrgLevel
    from phoihop.reporting import excel_export
    from phoihop.reporting.models import FormIndicator, Indicator, Period, Report, ReportForm

    units = values // lines
    parent = make_org("Liên đoàn Lao động thành phố (thử tải)", level=OrgLevel.PROVINCE)
    user = make_user(f"bench{time.time_ns()}", parent, Role.EDITOR)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"bench_{time.time_ns()}_{i}", name=f"Chỉ tiêu thử {i}", theme="emulation", unit="person"
        )
        for i in range(lines)
    )
    form = ReportForm.objects.create(
        code=f"bench-{time.time_ns()}", name="Biểu thử tải", period_kind="year", owner=parent
    )
    FormIndicator.objects.bulk_create(
        FormIndicator(form=form, indicator=ind, order=i) for i, ind in enumerate(indicators)
    )
    period = Period.for_year(2023)
    reports = [
        Report.objects.create(
            form=form, organization=make_org(f"Công đoàn cơ sở thử {n}", parent=parent), period=period
        )
        for n in range(units)
    ]
    wb = openpyxl.load_workbook(io.BytesIO(excel_export.workbook_for(reports)))
    filled = 0
    for ws in wb.worksheets:
        for row in range(excel_export.FIRST_ROW, ws.max_row + 1):
            if ws.cell(row, 1).value:
                ws.cell(row, excel_export.INPUT_COLUMNS["value"]).value = (row * 37 + filled) % 5000
                filled += 1
    buffer = io.BytesIO()
    wb.save(buffer)
    return user, buffer.getvalue(), filled


def read_with_openpyxl(data: bytes) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for v in row if v is not None)
    wb.close()
    return cells


def import_with_app(data: bytes, user) -> int:
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    from phoihop.reporting import excel_import
    from phoihop.reporting.views_excel import preview_context

    batch = excel_import.stage(data, "thu-tai.xlsx", user)
    assert not batch.errors, batch.errors[:3]
    page = Paginator(batch.changes, 500).get_page(1)
    render_to_string("reporting/import_preview.html", preview_context(batch, page))
    return sum(len(c["f"]) for c in batch.changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=50_000)
    parser.add_argument("--lines", type=int, default=250, help="lines per report (values per sheet)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="phoihop-bench-") as data_dir:
        setup_django(data_dir)
        started = time.perf_counter()
        user, data, filled = build(args.values, args.lines)
        print(
            f"Tệp thử: {filled:,} giá trị, {len(data) / 1048576:.1f} MB (tạo trong {time.perf_counter() - started:.1f} s)"
        )
        reference, ours = [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            read_with_openpyxl(data)
            reference.append(time.perf_counter() - t)
            t = time.perf_counter()
            changes = import_with_app(data, user)
            ours.append(time.perf_counter() - t)
        assert changes == filled, (changes, filled)
        ref, app = statistics.median(reference), statistics.median(ours)
        print(
            f"openpyxl (read-only, đọc mọi ô):            trung vị {ref:.2f} s  {[round(x, 2) for x in reference]}"
        )
        print(
            f"phoihop nhập (kiểm tra + xem trước):       trung vị {app:.2f} s  {[round(x, 2) for x in ours]}"
        )
        print(f"Tỷ lệ phoihop / openpyxl: {app / ref:.2f} (mục tiêu ≤ 3)")


if __name__ == "__main__":
    main()
