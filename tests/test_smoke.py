"""The skeleton: formats, scoping and the login page."""

import datetime as dt
from decimal import Decimal

import pytest

from phoihop.core import formatting, permissions
from phoihop.core.text import fold


@pytest.mark.parametrize(
    "value,expected",
    [
        (1065, "1.065"),
        (Decimal("92.17"), "92,17"),
        (51500, "51.500"),
        (0, "0"),
        (-1234567, "-1.234.567"),
        (2.5, "2,5"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(value, expected):
    assert formatting.vn_number(value) == expected


def test_percent_money_and_dates():
    assert formatting.vn_percent(Decimal("92.17")) == "92,17%"
    assert formatting.vn_percent(100) == "100%"
    assert formatting.vn_money(2_200_000_000) == "2,2 tỷ đồng"
    assert formatting.vn_money(3_710_000_000) == "3,71 tỷ đồng"
    assert formatting.vn_date(dt.date(2020, 9, 17)) == "17/9/2020"
    assert formatting.vn_date_long(dt.date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"


def test_fold_ignores_diacritics():
    assert fold("Quận Hai Bà Trưng") == "quan hai ba trung"
    assert fold("Liên đoàn Lao động") == "lien doan lao dong"


def test_charlie_sees_nothing_of_a_sibling_district(world):
    visible = permissions.visible_organizations(world.charlie)
    assert world.md_union in visible
    assert world.hbt_union not in visible
    assert world.hbt_programme not in permissions.visible_agreements(world.charlie)
    assert world.md_programme in permissions.visible_agreements(world.charlie)


def test_alice_reads_the_city_programme_her_district_implements(world):
    agreements = permissions.visible_agreements(world.alice)
    assert world.hbt_programme in agreements
    assert world.city_programme in agreements
    assert world.md_programme not in agreements


def test_bob_sees_the_whole_city_subtree(world):
    assert permissions.can(world.bob, "approve", world.hbt_union)
    assert not permissions.can(world.bob, "edit", world.hbt_union)
    assert not permissions.can(world.alice, "approve", world.hbt_union)


def test_login_page_is_vietnamese(client, db):
    response = client.get("/tai-khoan/dang-nhap/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_fast_fold_agrees_with_the_exact_path_on_every_vietnamese_letter():
    import unicodedata

    from phoihop.core.text import _slow_fold

    letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    for text in (letters, letters.upper(), "  Quận  Hai Bà Trưng ", unicodedata.normalize("NFD", "Mỹ Đức")):
        assert fold(text) == _slow_fold(text)


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, db):
    page = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Đăng nhập" in page.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/tai-khoan/dang-nhap/"})
    page = client.get("/tai-khoan/dang-nhap/", HTTP_ACCEPT_LANGUAGE="vi")
    assert "Log in" in page.content.decode()


def test_who_is_recorded_as_acting(world):
    from django.contrib.auth.models import AnonymousUser

    assert (
        permissions.actor(world.alice) == world.alice and permissions.actor_id(world.alice) == world.alice.pk
    )
    for nobody in (None, AnonymousUser()):  # a command run without --user, a request before login
        assert permissions.actor(nobody) is None and permissions.actor_id(nobody) is None
