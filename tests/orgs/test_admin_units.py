"""The official administrative units, old and new, and the old→new mapping loaded from the shipped snapshot."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from phoihop.orgs.admin_units import ensure_admin_units, read_snapshot, short_name, snapshot_source
from phoihop.orgs.choices import UnitLevel
from phoihop.orgs.models import AdminUnit, AdminUnitSuccession
from phoihop.orgs.testing import current_unit, legacy_unit

pytestmark = pytest.mark.usefixtures("admin_units")


def count(**filters) -> int:
    return AdminUnit.objects.filter(**filters).count()


def test_today_there_are_34_provinces_and_3321_communes():
    assert count(is_legacy=False, level="province") == 34
    assert count(is_legacy=False, level="commune") == 3321
    assert count(is_legacy=False, level="district") == 0
    by_type = dict(
        (t, count(is_legacy=False, level="commune", division_type=t)) for t in ("xã", "phường", "đặc khu")
    )
    assert by_type == {"xã": 2621, "phường": 687, "đặc khu": 13}


def test_before_july_2025_there_were_63_provinces_696_districts_and_10051_wards():
    assert count(is_legacy=True, level="province") == 63
    assert count(is_legacy=True, level="district") == 696
    assert count(is_legacy=True, level="commune") == 10051


def test_validity_dates_split_at_the_reform():
    assert not AdminUnit.objects.filter(is_legacy=True).exclude(valid_to=dt.date(2025, 6, 30)).exists()
    assert not AdminUnit.objects.filter(is_legacy=False).exclude(valid_from=dt.date(2025, 7, 1)).exists()


def test_units_carry_official_codes_names_and_their_province():
    hbt = legacy_unit("Quận Hai Bà Trưng")
    assert (hbt.code, hbt.short_name, hbt.division_type) == ("007", "Hai Bà Trưng", "quận")
    assert hbt.province.name == "Thành phố Hà Nội" and hbt.province.is_legacy
    ward = legacy_unit("Phường Bạch Mai", UnitLevel.COMMUNE)
    assert ward.parent == hbt and ward.province == hbt.province
    assert str(ward) == "Phường Bạch Mai, Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)"
    hanoi = current_unit("Thành phố Hà Nội", UnitLevel.PROVINCE)
    assert hanoi.division_type == "thành phố trực thuộc trung ương" and hanoi.code == "01"


def test_legacy_hai_ba_trung_district_maps_to_todays_wards_of_hanoi():
    hbt = legacy_unit("Quận Hai Bà Trưng")
    names = {u.name for u in hbt.current_units()}
    assert {"Phường Hai Bà Trưng", "Phường Bạch Mai", "Phường Vĩnh Tuy", "Phường Tương Mai"} <= names
    assert "Thành phố Hà Nội" in names
    # Split among several wards: every ward link is flagged partly merged; the city link is whole.
    links = AdminUnitSuccession.objects.filter(old=hbt)
    assert all(link.is_partly_merged for link in links.filter(new__level="commune"))
    assert not links.get(new__level="province").is_partly_merged


def test_legacy_ben_tre_province_went_wholly_into_todays_vinh_long():
    bentre = legacy_unit("Tỉnh Bến Tre", UnitLevel.PROVINCE)
    link = AdminUnitSuccession.objects.get(old=bentre, new__level="province")
    assert link.new.name == "Tỉnh Vĩnh Long" and not link.is_partly_merged


def test_a_province_split_between_two_new_ones_is_flagged_partly_merged():
    tien_giang = legacy_unit("Tỉnh Tiền Giang", UnitLevel.PROVINCE)
    links = AdminUnitSuccession.objects.filter(old=tien_giang, new__level="province")
    assert {link.new.name for link in links} == {"Tỉnh Tây Ninh", "Tỉnh Đồng Tháp"}
    assert all(link.is_partly_merged for link in links)


def test_ward_links_keep_the_official_partly_merged_flag():
    ward = legacy_unit("Phường Phố Huế", UnitLevel.COMMUNE)
    link = AdminUnitSuccession.objects.get(old=ward)
    assert link.new.name == "Phường Hai Bà Trưng" and not link.is_partly_merged
    split = AdminUnitSuccession.objects.filter(old=legacy_unit("Phường Lê Đại Hành", UnitLevel.COMMUNE))
    assert split.count() == 3 and all(link.is_partly_merged for link in split)


def test_search_ignores_diacritics_and_matches_word_starts():
    found = {str(u) for u in AdminUnit.objects.search("hai ba trung")}
    assert "Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)" in found
    assert "Phường Hai Bà Trưng, Thành phố Hà Nội" in found
    assert not AdminUnit.objects.search("ach mai").exists()
    assert AdminUnit.objects.search("bach mai ha noi").filter(is_legacy=False).count() == 1


def test_loading_again_is_a_no_op_and_update_restores_what_a_newer_snapshot_says():
    assert ensure_admin_units(log=lambda m: None) == 0
    ward = current_unit("Phường Bạch Mai")
    AdminUnit.objects.filter(pk=ward.pk).update(name="Phường Tên Sai")
    current_unit("Phường Hai Bà Trưng").delete()
    messages = []
    created = ensure_admin_units(log=messages.append, update=True)
    assert created == 1
    assert current_unit("Phường Bạch Mai").pk == ward.pk
    assert AdminUnitSuccession.objects.filter(new=current_unit("Phường Hai Bà Trưng")).count() > 5
    assert "thêm 1, cập nhật 1" in messages[0]


def test_the_snapshot_records_its_source_package_and_data_date():
    source = snapshot_source()
    assert source["package"] == "vietnam-provinces"
    assert source["version"] == "2026.9.0"
    assert source["data_version"] == "2026-09-20"
    assert len(read_snapshot()["ward_mapping"]) > 10000


def test_short_names_drop_the_division_type():
    assert short_name("Thành phố Hà Nội", "thành phố trực thuộc trung ương") == "Hà Nội"
    assert short_name("Phường 1", "phường") == "1"
    assert short_name("Đặc khu Phú Quốc", "đặc khu") == "Phú Quốc"


def test_load_admin_units_command_reports_the_counts():
    out = io.StringIO()
    call_command("load_admin_units", stdout=out)
    text = out.getvalue()
    assert "đã có sẵn" in text
    assert "Hiện hành: 34 tỉnh, 3321 xã" in text
    assert "63 tỉnh, 696 huyện, 10051 xã" in text
