"""Bad input is refused with a Vietnamese message naming the field, and nothing is written."""

import datetime as dt

import pytest

from phoihop.core.models import ChangeLogEntry
from phoihop.registries.actions import RegistryError, save_record
from phoihop.registries.models import CommendationRecipient, Initiative, Loan, Support, WorkplaceYear
from phoihop.registries.registry import get_registry
from phoihop.registries.testing import make_commendation, make_initiative, valid_tax_code


def _save(slug, user, raw, instance=None):
    return save_record(get_registry(slug), user, raw, instance=instance)


def _refused(slug, user, raw, field, match, instance=None):
    before = ChangeLogEntry.objects.count()
    with pytest.raises(RegistryError) as info:
        _save(slug, user, raw, instance)
    assert field in info.value.errors, info.value.errors
    assert match in info.value.errors[field]
    assert ChangeLogEntry.objects.count() == before
    return info.value.errors


def test_alice_registers_an_initiative_and_it_is_logged(hbt):
    obj = _save(
        "sang-kien",
        hbt.alice,
        {
            "title": "Cải tiến máy cắt vải tự động",
            "authors": "Nguyễn Văn An",
            "unit": "Công ty Cổ phần Dệt may Hai Bà Trưng",
            "recognised_date": "17/9/2019",
            "recognition_level": "Cấp cơ sở",
            "benefit_vnd": "1,5 tỷ",
            "movement": hbt.movement.pk,
        },
    )
    assert obj.unit == hbt.enterprise and obj.benefit_vnd == 1_500_000_000
    assert obj.search_folded.startswith("cai tien may cat vai")
    assert ChangeLogEntry.objects.filter(object_id=str(obj.pk), action="create").exists()


def test_the_same_initiative_registered_twice_is_refused(hbt):
    make_initiative(hbt.enterprise, "Cải tiến máy cắt vải tự động")
    raw = {"title": "CẢI TIẾN MÁY CẮT VẢI TỰ ĐỘNG.", "authors": "Trần B", "unit": hbt.enterprise.pk}
    _refused("sang-kien", hbt.alice, raw, "title", "đã được đăng ký")
    assert Initiative.objects.count() == 1


def test_a_near_duplicate_needs_confirmation(hbt):
    make_initiative(hbt.enterprise, "Cải tiến máy cắt vải tự động")
    raw = {"title": "Cải tiến máy cắt vải tự động hoá", "authors": "Trần B", "unit": hbt.enterprise.pk}
    _refused("sang-kien", hbt.alice, raw, "title", "Xác nhận không trùng")
    assert _save("sang-kien", hbt.alice, {**raw, "confirm_distinct": True}).pk


def test_an_initiative_outside_its_movement_dates_is_refused(hbt):
    raw = {
        "title": "Giải pháp tiết kiệm điện",
        "authors": "Lê C",
        "unit": hbt.enterprise.pk,
        "registered_date": "5/3/2021",
        "movement": hbt.movement.pk,
    }
    _refused("sang-kien", hbt.alice, raw, "registered_date", "nằm ngoài thời gian của phong trào")


def test_recognition_level_and_date_go_together(hbt):
    raw = {
        "title": "Giải pháp A",
        "authors": "Lê C",
        "unit": hbt.enterprise.pk,
        "recognition_level": "district",
    }
    _refused("sang-kien", hbt.alice, raw, "recognised_date", "phải ghi ngày công nhận")


def test_negative_amounts_are_refused(hbt):
    raw = {"kind": "Tặng quà", "organization": hbt.hbt_union.pk, "date": "1/2/2021", "amount_vnd": "-500.000"}
    _refused("cham-lo", hbt.alice, raw, "amount_vnd", "không được âm")
    assert not Support.objects.exists()


def test_a_loan_repaid_beyond_its_amount_is_refused(hbt):
    raw = {
        "lender": hbt.hbt_union.pk,
        "borrower": hbt.hbt_grassroots.pk,
        "amount_vnd": "100.000.000",
        "disbursed_date": "1/3/2019",
        "term_months": 24,
        "repaid_vnd": "120.000.000",
    }
    errors = _refused("cho-vay", hbt.alice, raw, "repaid_vnd", "vượt số tiền vay")
    assert "120.000.000" in errors["repaid_vnd"]
    assert not Loan.objects.exists()


def test_a_commendation_outside_the_issuers_reach_is_refused(hbt):
    decision = make_commendation(hbt.hbt_union, hbt.hbt_gov)
    raw = {"commendation": decision.pk, "kind": "Tập thể", "organization": hbt.md_enterprise.pk}
    # Alice cannot even name a unit of Mỹ Đức …
    _refused("khen-thuong", hbt.alice, raw, "organization", "trong phạm vi của bạn")
    # … and the superuser, who can, still meets the issuer's reach.
    _refused("khen-thuong", hbt.admin, raw, "organization", "không thuộc phạm vi khen thưởng")
    ok = _save("khen-thuong", hbt.alice, {**raw, "organization": hbt.department.pk})
    assert ok.organization == hbt.department
    assert CommendationRecipient.objects.count() == 1


def test_an_individual_title_cannot_go_to_a_collective(hbt):
    decision = make_commendation(hbt.hbt_union, hbt.hbt_gov, form="cstd_co_so")
    raw = {"commendation": decision.pk, "kind": "collective", "organization": hbt.enterprise.pk}
    _refused("khen-thuong", hbt.alice, raw, "kind", "chỉ tặng cho cá nhân")


def test_an_invalid_enterprise_tax_code_is_refused(hbt):
    good = hbt.enterprise.tax_code
    wrong = good[:9] + str((int(good[9]) + 3) % 10)
    raw = {"organization": hbt.enterprise.pk, "tax_code": wrong, "year": 2019, "employees": 120}
    _refused("quan-he-lao-dong", hbt.alice, raw, "tax_code", "chữ số kiểm tra")
    other = valid_tax_code(99)
    _refused("quan-he-lao-dong", hbt.alice, {**raw, "tax_code": other}, "tax_code", "khác mã số thuế")
    assert not WorkplaceYear.objects.exists()


def test_collective_agreement_term_is_one_to_three_years(hbt):
    raw = {
        "organization": hbt.enterprise.pk,
        "year": 2019,
        "cla_signed_date": "1/4/2019",
        "cla_term_years": 4,
        "cla_scope": "Thỏa ước doanh nghiệp",
    }
    _refused("quan-he-lao-dong", hbt.alice, raw, "cla_term_years", "từ 1 đến 3 năm")


def test_union_fee_due_is_two_percent_of_the_payroll(hbt):
    raw = {
        "organization": hbt.enterprise.pk,
        "year": 2019,
        "payroll_vnd": "10 tỷ",
        "union_fee_paid_vnd": "150 triệu",
    }
    obj = _save("quan-he-lao-dong", hbt.alice, raw)
    assert obj.union_fee_due_vnd == 200_000_000
    assert obj.union_fee_arrears_vnd == 50_000_000
    assert obj.workplace_kind == "enterprise"
    _refused(
        "quan-he-lao-dong",
        hbt.alice,
        {**raw, "year": 2018, "union_fee_due_vnd": "100 triệu"},
        "union_fee_due_vnd",
        "2%",
    )


def test_a_conference_dated_in_another_year_is_refused(hbt):
    raw = {"organization": hbt.enterprise.pk, "year": 2019, "conference_date": "3/1/2020"}
    _refused("quan-he-lao-dong", hbt.alice, raw, "conference_date", "không thuộc năm 2019")


def test_required_fields_and_unknown_units_are_named(hbt):
    errors = _refused("hoi-thi", hbt.alice, {"organiser": "Đơn vị không có"}, "title", "bắt buộc")
    assert "Không tìm thấy đơn vị" in errors["organiser"]


def test_charlie_cannot_write_into_hai_ba_trung(hbt):
    raw = {"title": "Sáng kiến X", "authors": "A", "unit": hbt.enterprise.pk}
    _refused("sang-kien", hbt.charlie, raw, "unit", "trong phạm vi của bạn")


def test_a_future_decision_date_is_refused(hbt):
    raw = {
        "decision_number": "99/QĐ-UBND",
        "decision_date": (dt.date.today() + dt.timedelta(days=30)).strftime("%d/%m/%Y"),
        "issuer": hbt.hbt_gov.pk,
        "form": "Giấy khen",
        "reason": "Thành tích",
        "organization": hbt.hbt_union.pk,
    }
    _refused("quyet-dinh-khen-thuong", hbt.alice, raw, "decision_date", "tương lai")
