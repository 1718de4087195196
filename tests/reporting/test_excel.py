"""Excel round-trip: the template we write, the preview of every change and error cell by cell, the commit."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from phoihop.reporting import actions, excel_import
from phoihop.reporting.choices import ImportStatus, ReportStatus, ValueSource
from phoihop.reporting.models import DataValue, ImportBatch, Period, ValueChange
from phoihop.reporting.testing import make_report, put_value


def download(client, report, subordinates=False) -> openpyxl.Workbook:
    response = client.get(f"/bao-cao/{report.pk}/excel/" + ("?cap-duoi=1" if subordinates else ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def row_of(ws, key) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)


def upload(client, wb_or_bytes, name="bao-cao.xlsx"):
    if isinstance(wb_or_bytes, bytes):
        data = wb_or_bytes
    else:
        buffer = io.BytesIO()
        wb_or_bytes.save(buffer)
        data = buffer.getvalue()
    return client.post("/bao-cao/nhap-excel/", {"file": SimpleUploadedFile(name, data)})


def test_the_template_is_filled_in_protected_and_keyed(world, form, report, client_for):
    put_value(report, "good_workers", 1065, "grassroots")
    last = make_report(form, world.hbt_union, Period.for_year(2020), status=ReportStatus.APPROVED)
    put_value(last, "gifts_vnd", 2_200_000_000)
    ws = download(client_for(world.alice), report).worksheets[0]
    assert ws.title == "LĐLĐ quận Hai Bà Trưng"
    assert ws.row_dimensions[1].hidden and ws.column_dimensions["A"].hidden
    assert [ws.cell(1, c).value for c in range(1, 6)] == [
        "phoihop:1",
        report.pk,
        world.hbt_union.pk,
        report.period_id,
        form.code,
    ]
    assert ws.cell(6, 6).value == "Số liệu kỳ này" and "Hai Bà Trưng" in ws.cell(3, 2).value
    gw = row_of(ws, "good_workers:grassroots")
    assert ws.cell(gw, 6).value == 1065 and ws.cell(gw, 6).number_format == "#,##0"
    assert ws.cell(row_of(ws, "gifts_vnd"), 5).value == 2_200_000_000
    assert ws.protection.sheet and not ws.cell(gw, 6).protection.locked and ws.cell(gw, 3).protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"whole", "decimal", "list"} <= kinds


def test_round_trip_previews_then_commits_and_the_same_file_changes_nothing(world, report, client_for):
    client = client_for(world.alice)
    wb = download(client, report)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "good_workers:grassroots"), 6).value = 1065
    ws.cell(row_of(ws, "good_workers:district"), 6).value = "145"
    ws.cell(row_of(ws, "gifts_vnd"), 6).value = "2,2 tỷ"
    rate = row_of(ws, "workers_conference_rate")
    ws.cell(rate, 7).value, ws.cell(rate, 8).value = 67, 100
    response = upload(client, wb)
    batch = ImportBatch.objects.get()
    assert response.url == batch.get_absolute_url()
    preview = client.get(response.url).content.decode()
    assert f"F{row_of(ws, 'good_workers:district')}" in preview and "2.200.000.000" in preview
    assert not DataValue.objects.exists()
    client.post(f"/bao-cao/nhap-excel/{batch.pk}/ghi/")
    batch.refresh_from_db()
    assert batch.status == ImportStatus.COMMITTED
    values = {(v.indicator.code, v.option.code if v.option else None): v for v in DataValue.objects.all()}
    assert values[("good_workers", "district")].value == Decimal(145)
    assert values[("workers_conference_rate", None)].value == Decimal(67)
    assert values[("gifts_vnd", None)].source == ValueSource.EXCEL
    assert ValueChange.objects.filter(reason__contains="bao-cao.xlsx").exists()
    again = upload(client, wb)
    assert "Không có thay đổi nào" in client.get(again.url).content.decode()
    assert not ImportBatch.objects.latest("pk").can_commit


def test_bad_cells_are_listed_one_by_one_and_nothing_is_written(world, report, client_for):
    client = client_for(world.alice)
    wb = download(client, report)
    ws = wb.worksheets[0]
    ws.protection.sheet = False
    text, negative, percent = (
        row_of(ws, "good_workers:grassroots"),
        row_of(ws, "good_workers:district"),
        row_of(ws, "workers_conference_rate"),
    )
    formula, hidden, merged = (
        row_of(ws, "skills_contest_units"),
        row_of(ws, "skills_contest_participants"),
        row_of(ws, "gifts_vnd"),
    )
    ws.cell(text, 6).value = "khoảng một nghìn"
    ws.cell(negative, 6).value = -3
    ws.cell(percent, 6).value = 120
    ws.cell(formula, 6).value = "=F8+F9"
    ws.cell(hidden, 6).value = 10
    ws.row_dimensions[hidden].hidden = True
    ws.merge_cells(start_row=merged, start_column=6, end_row=merged, end_column=7)
    unknown = ws.max_row + 1
    ws.cell(unknown, 1).value = "no_such_indicator"
    ws.cell(unknown, 6).value = 5
    response = upload(client, wb)
    batch = ImportBatch.objects.get()
    messages = {e["c"]: e["m"] for e in batch.errors}
    assert "không phải là số" in messages[f"F{text}"]
    assert "âm" in messages[f"F{negative}"]
    assert "vượt quá 100%" in messages[f"F{percent}"]
    assert "công thức" in messages[f"F{formula}"]
    assert "bị ẩn" in messages[f"{hidden}:{hidden}"]
    assert "gộp ô" in messages[f"F{merged}:G{merged}"]
    assert "không có trong danh mục" in messages[f"A{unknown}"]
    page = client.get(response.url).content.decode()
    assert "Chưa có số liệu nào được ghi" in page and "commit-import" not in page
    client.post(f"/bao-cao/nhap-excel/{batch.pk}/ghi/")
    assert not DataValue.objects.exists()


def test_a_sheet_for_a_unit_alice_may_not_report_for_is_refused(world, form, report, client_for):
    md_report = make_report(form, world.md_union)
    from phoihop.reporting import excel_export

    wb = openpyxl.load_workbook(io.BytesIO(excel_export.workbook_for([report, md_report])))
    md = wb.worksheets[1]
    md.cell(row_of(md, "good_workers:grassroots"), 6).value = 7
    upload(client_for(world.alice), wb)
    errors = ImportBatch.objects.get().errors
    assert any(
        "không có quyền nhập số liệu cho «Liên đoàn Lao động huyện Mỹ Đức»" in e["m"]
        or "không thuộc phạm vi" in e["m"]
        for e in errors
    )


@pytest.mark.parametrize(
    "data,name,fragment",
    [
        (b"STT;Chi tieu\n1;abc\n", "bao-cao.xlsx", "không phải tệp Excel .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "bao-cao.xls", "Excel 97-2003"),
        (b"PK\x03\x04garbage", "bao-cao.xlsx", "không phải tệp Excel .xlsx"),
    ],
)
def test_a_file_that_is_not_really_xlsx_gets_a_clear_message(world, client_for, data, name, fragment):
    response = upload(client_for(world.alice), data, name)
    assert response.status_code == 400 and fragment in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_word_document_renamed_to_xlsx_is_named_as_such(world, client_for):
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    response = upload(client_for(world.alice), buffer.getvalue())
    assert "văn bản Word" in response.content.decode()


@override_settings(UPLOAD_MAX_BYTES=2000)
def test_a_file_over_the_size_limit_is_refused_before_reading(world, report, client_for):
    client = client_for(world.alice)
    wb = download(client, report)
    response = upload(client, wb)
    assert response.status_code == 400 and "vượt giới hạn" in response.content.decode()


def test_a_cell_changed_on_the_web_after_download_is_a_conflict(world, report, client_for):
    client = client_for(world.alice)
    put_value(report, "good_workers", 100, "grassroots")
    wb = download(client, report)
    DataValue.objects.update(value=Decimal(150))  # someone corrected it on the web meanwhile
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "good_workers:grassroots"), 6).value = 120
    upload(client, wb)
    assert any("đã đổi từ «100» thành «150»" in e["m"] for e in ImportBatch.objects.get().errors)


def test_commit_is_refused_when_the_report_moved_since_the_preview(world, report, client_for):
    client = client_for(world.alice)
    wb = download(client, report)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "good_workers:grassroots"), 6).value = 5
    upload(client, wb)
    batch = ImportBatch.objects.get()
    actions.submit(report, world.alice, report.version)
    with pytest.raises(actions.ReportingError, match="đã được sửa sau khi bạn xem trước"):
        excel_import.commit(batch, world.alice)
    assert not DataValue.objects.exists()


def test_a_changed_value_for_an_approved_report_is_an_error(world, report, client_for):
    client = client_for(world.alice)
    actions.submit(report, world.alice, report.version)
    actions.approve(report, world.bob)
    wb = download(client, report)
    ws = wb.worksheets[0]
    ws.cell(row_of(ws, "good_workers:grassroots"), 6).value = 5
    upload(client, wb)
    assert any("Đã duyệt" in e["m"] and "mở khóa" in e["m"] for e in ImportBatch.objects.get().errors)


def test_one_sheet_per_subordinate_unit(world, form, report, client_for):
    grassroots = make_report(form, world.hbt_grassroots, report.period)
    wb = download(client_for(world.alice), report, subordinates=True)
    assert [ws.title for ws in wb.worksheets] == ["LĐLĐ quận Hai Bà Trưng", "CĐCS Công ty May Hai Bà Trưng"]
    ws = wb.worksheets[1]
    ws.cell(row_of(ws, "good_workers:grassroots"), 6).value = 12
    client = client_for(world.alice)
    upload(client, wb)
    batch = ImportBatch.objects.get()
    client.post(f"/bao-cao/nhap-excel/{batch.pk}/ghi/")
    assert DataValue.objects.get(report=grassroots).value == Decimal(12)
