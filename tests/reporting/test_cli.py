"""`phoihop import-excel FILE` prints the same preview and writes only with --commit; the daily commands run."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from phoihop.reporting import excel_export
from phoihop.reporting.models import DataValue, Period, Report


def filled(tmp_path, report, value):
    wb = openpyxl.load_workbook(io.BytesIO(excel_export.workbook_for([report])))
    ws = wb.worksheets[0]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "good_workers:grassroots")
    ws.cell(row, 6).value = value
    path = tmp_path / "bao-cao.xlsx"
    wb.save(path)
    return path, row


def test_import_excel_previews_then_commits(world, report, tmp_path):
    path, row = filled(tmp_path, report, "1.065")
    out = io.StringIO()
    call_command("import_excel", str(path), "--user", "alice", stdout=out)
    assert (
        f"F{row}" in out.getvalue()
        and "(trống) → 1.065" in out.getvalue()
        and "Chưa ghi gì" in out.getvalue()
    )
    assert not DataValue.objects.exists()
    call_command("import_excel", str(path), "--user", "alice", "--commit", stdout=io.StringIO())
    assert DataValue.objects.get().value == 1065
    out = io.StringIO()
    call_command("import_excel", str(path), "--user", "alice", stdout=out)
    assert "Không có thay đổi nào" in out.getvalue()


def test_import_excel_reports_errors_and_scope(world, report, tmp_path):
    path, row = filled(tmp_path, report, "-4")
    with pytest.raises(CommandError, match="còn lỗi"):
        call_command("import_excel", str(path), "--user", "alice", "--commit", stdout=io.StringIO())
    path, row = filled(tmp_path, report, "4")
    with pytest.raises(CommandError):
        call_command("import_excel", str(path), "--user", "charlie", "--commit", stdout=io.StringIO())
    assert not DataValue.objects.exists()


def test_daily_commands_open_reports_and_send_notices(world, form):
    import datetime as dt

    from django.utils import timezone

    form.deadline_days = 10
    form.save()
    call_command("create_due_reports", stdout=io.StringIO())
    year = (
        Period.objects.filter(kind="year", end__lt=timezone.localdate() + dt.timedelta(days=16))
        .order_by("-end")
        .first()
    )
    assert Report.objects.filter(form=form, period=year).count() == 2
    out = io.StringIO()
    call_command("send_overdue_notices", stdout=out)
    assert "Đã nhắc" in out.getvalue()
