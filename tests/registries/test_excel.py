"""Excel export and import for every registry: preview, then commit in one transaction; re-uploads are no-ops."""

import datetime as dt
import io

import openpyxl
import pytest

from phoihop.registries import testing as t
from phoihop.registries.excel import (
    ERROR,
    NEW,
    SAME,
    UPDATE,
    FileError,
    ImportRejected,
    build_preview,
    commit_import,
    export_workbook,
)
from phoihop.registries.models import Initiative
from phoihop.registries.registry import Context, all_registries, get_registry

SAMPLES = {
    "phong-trao": lambda w: t.make_movement(w.hbt_union, "Thi đua “Đồng khởi mới”", slogan="Đồng khởi mới"),
    "chi-tieu-phong-trao": lambda w: t.make_participant(w.movement, w.hbt_union, 120, "Cụm thi đua số 2"),
    "sang-kien": lambda w: t.make_initiative(w.enterprise, "Cải tiến máy cắt vải", benefit_vnd=250_000_000, movement=w.movement),
    "dien-hinh": lambda w: t.make_recognition(w.enterprise, person_name="Nguyễn Thị Hoa", person_title="Tổ trưởng"),
    "hoi-thi": lambda w: t.make_contest(w.hbt_grassroots, 80, winners="Trần Văn Nam – giải Nhất"),
    "cong-trinh": lambda w: t.make_work(w.hbt_grassroots, value_vnd=1_200_000_000),
    "quyet-dinh-khen-thuong": lambda w: t.make_commendation(w.hbt_union, w.hbt_gov, agreement=w.hbt_programme),
    "khen-thuong": lambda w: t.make_recipient(t.make_commendation(w.hbt_union, w.hbt_gov), w.enterprise, achievement="Hoàn thành xuất sắc"),
    "chuong-trinh-tang-qua": lambda w: t.make_programme(w.hbt_union, budget_vnd=500_000_000),
    "cham-lo": lambda w: t.make_support(w.hbt_union, beneficiaries=20, amount=10_000_000, beneficiary_unit=w.enterprise),
    "cho-vay": lambda w: t.make_loan(w.hbt_union, w.hbt_grassroots, repaid_vnd=40_000_000, last_repayment_date=dt.date(2015, 1, 5)),
    "quan-he-lao-dong": lambda w: t.make_workplace_year(
        w.enterprise, employees=300, has_union=True, union_members=250, dialogue_dates=["2019-03-20", "2019-09-18"],
        cla_signed_date=dt.date(2019, 4, 1), cla_term_years=2, cla_scope="enterprise", payroll_vnd=12_000_000_000,
        union_fee_due_vnd=240_000_000, union_fee_paid_vnd=200_000_000,
    ),
    "tuyen-truyen-phap-luat": lambda w: t.make_session(w.hbt_union, 200, audience="key_officials"),
    "thanh-tra-kiem-tra": lambda w: t.make_inspection(
        w.enterprise, violations_count=2, violations="Chưa đóng đủ kinh phí công đoàn", follow_up_status="open"
    ),
}  # fmt: skip


def test_every_registry_has_a_sample():
    assert {r.slug for r in all_registries()} == set(SAMPLES)


def _export(registry, user):
    return export_workbook(registry, registry.queryset(user), Context(user, registry))


@pytest.mark.parametrize("slug", sorted(SAMPLES))
def test_export_then_import_round_trips_every_registry(hbt, slug):
    registry = get_registry(slug)
    obj = SAMPLES[slug](hbt)
    before = registry.values_of(registry.model.objects.get(pk=obj.pk))
    data = _export(registry, hbt.alice)

    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["A1"].value == "Mã hệ thống" and sheet["A2"].value == obj.pk
    assert sheet["B1"].value == registry.columns[0].label

    # The same file again changes nothing.
    preview = build_preview(registry, hbt.alice, data)
    assert [(r.status, r.errors) for r in preview.rows] == [(SAME, [])]

    # Without its id and without the record, the row is new; committing recreates it with the same values.
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.worksheets[0]["A2"].value = None
    out = io.BytesIO()
    book.save(out)
    registry.model.objects.filter(pk=obj.pk).delete()
    committed = commit_import(registry, hbt.alice, out.getvalue())
    assert [r.status for r in committed.rows] == [NEW]
    again = registry.queryset(hbt.alice).get()
    assert registry.values_of(again) == before
    assert again.created_by == hbt.alice
    assert [r.status for r in build_preview(registry, hbt.alice, out.getvalue()).rows] == [SAME]


def _sheet(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEADER = ["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày công nhận", "Cấp công nhận", "Giá trị làm lợi (đồng)"]


def test_a_file_with_one_bad_row_writes_nothing_and_names_the_cells(hbt):
    data = _sheet(
        [
            HEADER,
            [
                "Giải pháp tiết kiệm điện năng",
                "Lê Văn C",
                hbt.enterprise.name,
                "12/5/2019",
                "cấp cơ sở",
                "1.200.000",
            ],
            ["Cải tiến khuôn ép nhựa", "Phạm D", hbt.enterprise.name, "31/2/2019", "cấp quận", "-5"],
            ["Giải pháp tiết kiệm điện năng.", "Lê Văn C", hbt.enterprise.name, "12/5/2019", "cấp cơ sở", ""],
        ]
    )
    registry = get_registry("sang-kien")
    with pytest.raises(ImportRejected) as info:
        commit_import(registry, hbt.alice, data)
    rows = info.value.preview.rows
    assert [r.status for r in rows] == [NEW, ERROR, ERROR]
    assert any("Ô D3" in e and "không có thật" in e for e in rows[1].errors)
    assert any("Ô F3" in e and "không được âm" in e for e in rows[1].errors)
    assert "Trùng với dòng 2" in rows[2].errors[0]
    assert not Initiative.objects.exists()


def test_an_import_updates_matching_records_by_their_natural_key(hbt):
    t.make_initiative(hbt.enterprise, "Giải pháp tiết kiệm điện năng", authors="Lê Văn C")
    data = _sheet(
        [
            HEADER,
            [
                "GIAI PHAP TIET KIEM DIEN NANG",
                "Lê Văn C; Mai E",
                hbt.enterprise.name,
                "12/5/2019",
                "cấp cơ sở",
                0,
            ],
        ]
    )
    preview = commit_import(get_registry("sang-kien"), hbt.alice, data)
    assert preview.rows[0].status == UPDATE and "tác giả" in preview.rows[0].changed
    assert Initiative.objects.get().authors == "Lê Văn C; Mai E"


def test_near_duplicates_in_a_file_need_the_confirmation_column(hbt):
    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải tự động")
    rows = [
        HEADER + ["Xác nhận không trùng"],
        ["Cải tiến máy cắt vải tự động hoá", "A", hbt.enterprise.name, "", "", "", ""],
    ]
    preview = build_preview(get_registry("sang-kien"), hbt.alice, _sheet(rows))
    assert preview.rows[0].status == ERROR and "Gần giống" in preview.rows[0].errors[0]
    rows[1][-1] = "x"
    assert build_preview(get_registry("sang-kien"), hbt.alice, _sheet(rows)).rows[0].status == NEW


def test_files_that_are_not_a_registry_sheet_are_refused_as_a_whole(hbt):
    registry = get_registry("sang-kien")
    with pytest.raises(FileError, match="chỉ nhận tệp Excel"):
        build_preview(registry, hbt.alice, b"not an excel file")
    with pytest.raises(FileError, match="thiếu cột bắt buộc: Tác giả"):
        build_preview(registry, hbt.alice, _sheet([["Tên sáng kiến", "Đơn vị"], ["A", "B"]]))
    with pytest.raises(FileError, match="dòng tiêu đề"):
        build_preview(registry, hbt.alice, _sheet([["x", "y"], [1, 2]]))


def test_charlie_cannot_update_hai_ba_trung_records_through_their_id(hbt):
    obj = t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    registry = get_registry("sang-kien")
    data = _export(registry, hbt.alice)
    preview = build_preview(registry, hbt.charlie, data)
    assert preview.rows[0].status == ERROR
    assert " ".join(preview.rows[0].errors).count("phạm vi") >= 1
    assert Initiative.objects.get(pk=obj.pk).title == "Cải tiến máy cắt vải"


def test_the_template_has_headers_and_an_instructions_sheet(hbt):
    registry = get_registry("quan-he-lao-dong")
    data = export_workbook(registry, registry.model.objects.none(), Context(hbt.alice, registry))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Quan hệ lao động theo năm", "Hướng dẫn"]
    guide = [row[0].value for row in book["Hướng dẫn"].iter_rows()]
    assert "Mã số thuế" in guide and "Quỹ lương đóng BHXH (đồng)" in guide
