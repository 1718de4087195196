"""Searching organisations without diacritics, and finding those on merged legacy units by today's names."""

from phoihop.core import permissions
from phoihop.orgs.choices import UnitLevel
from phoihop.orgs.models import Organization
from phoihop.orgs.testing import legacy_unit


def names(qs) -> list[str]:
    return list(qs.values_list("name", flat=True))


def test_hai_ba_trung_without_diacritics_finds_the_district_federation(placed):
    found = names(Organization.objects.search("hai ba trung"))
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in found
    assert "Liên đoàn Lao động huyện Mỹ Đức" not in found


def test_matches_in_the_name_come_before_matches_through_the_unit(placed):
    found = names(Organization.objects.search("hai ba trung"))
    # The Thanh Nhàn company is found because its old ward is now part of phường Hai Bà Trưng.
    assert found[-1] == "Công ty TNHH Thương mại Thanh Nhàn"


def test_words_match_word_starts_not_the_middle_of_words(placed):
    assert "Liên đoàn Lao động quận Hai Bà Trưng" in names(Organization.objects.search("lien doan hai"))
    assert names(Organization.objects.search("oan lao")) == []


def test_an_organisation_on_a_legacy_ward_stays_readable_under_it_and_is_found_by_todays_ward(placed):
    org = placed.hbt_enterprise
    assert org.admin_unit == legacy_unit("Phường Thanh Nhàn", UnitLevel.COMMUNE)
    assert {u.name for u in org.admin_unit.current_units()} == {"Phường Bạch Mai", "Phường Hai Bà Trưng"}
    assert org.name in names(Organization.objects.search("phuong bach mai"))


def test_an_organisation_of_merged_ben_tre_is_found_under_vinh_long(placed):
    from phoihop.orgs.testing import make_enterprise

    bentre = legacy_unit("Tỉnh Bến Tre", UnitLevel.PROVINCE)
    org = make_enterprise(placed.city_union, "Công ty Cổ phần Dừa Xanh", admin_unit=bentre)
    assert org.name in names(Organization.objects.search("vinh long"))
    assert org.name in names(Organization.objects.search("ben tre"))


def test_charlie_searches_only_his_own_district(placed):
    visible = permissions.visible_organizations(placed.charlie)
    assert names(visible.search("hai ba trung")) == []
    assert names(visible.search("my duc")) == ["Liên đoàn Lao động huyện Mỹ Đức"]


def test_common_abbreviations_find_the_words_they_stand_for_and_themselves(world):
    from phoihop.core.testing import make_org

    literal = make_org("CĐCS Công ty Cổ phần Dệt Kim Hà Nội", parent=world.hbt_union)
    assert names(Organization.objects.search("cđcs may hai ba")) == [
        "Công đoàn cơ sở Công ty May Hai Bà Trưng"
    ]
    assert names(Organization.objects.search("cdcs det kim")) == [literal.name]  # written as CĐCS in the name
    assert names(Organization.objects.search("ldld hai ba")) == ["Liên đoàn Lao động quận Hai Bà Trưng"]
    assert names(Organization.objects.search("ubnd my duc")) == ["Ủy ban nhân dân huyện Mỹ Đức"]
    assert names(Organization.objects.search("ubnd lao dong")) == []  # every word must still match
