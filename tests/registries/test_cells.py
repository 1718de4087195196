"""Reading cells the Vietnamese way, whatever typed them, and checking enterprise tax codes."""

import datetime as dt

import pytest

from phoihop.registries.cells import (
    CellError,
    parse_bool,
    parse_choice,
    parse_date,
    parse_dates,
    parse_int,
    parse_money,
)
from phoihop.registries.choices import RecognitionLevel
from phoihop.registries.rules import tax_code_error
from phoihop.registries.testing import valid_tax_code


@pytest.mark.parametrize(
    "raw,expected",
    [("1.065", 1065), (1065.0, 1065), ("1 065", 1065), (7, 7), ("hơn 3.500", 3500)],
)
def test_whole_numbers_are_read_with_dot_thousands(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2,2 tỷ đồng", 2_200_000_000),
        ("3,71 tỉ", 3_710_000_000),
        ("2.200.000.000", 2_200_000_000),
        (15e6, 15_000_000),
    ],
)
def test_amounts_accept_scale_words(raw, expected):
    assert parse_money(raw) == expected


def test_negative_amounts_and_counts_are_refused_in_vietnamese():
    with pytest.raises(CellError, match="không được âm"):
        parse_money("-500.000")
    with pytest.raises(CellError, match="số âm"):
        parse_int(-3)
    with pytest.raises(CellError, match="số nguyên"):
        parse_int("1,5")


@pytest.mark.parametrize(
    "raw",
    ["17/9/2020", "17-09-2020", "2020-09-17", "ngày 17 tháng 9 năm 2020", dt.date(2020, 9, 17), 44091],
)
def test_dates_in_every_usual_shape(raw):
    assert parse_date(raw) == dt.date(2020, 9, 17)


def test_impossible_and_unreadable_dates_are_explained():
    with pytest.raises(CellError, match="không có thật"):
        parse_date("31/2/2020")
    with pytest.raises(CellError, match="ngày/tháng/năm"):
        parse_date("tháng chín")


def test_several_dates_in_one_cell():
    assert parse_dates("20/9/2020; 15/3/2020") == [dt.date(2020, 3, 15), dt.date(2020, 9, 20)]


def test_booleans_and_choices_by_vietnamese_label():
    assert parse_bool("Có") is True and parse_bool("x") is True and parse_bool("không") is False
    assert parse_choice("cấp quận, huyện", RecognitionLevel.choices) == "district"
    assert parse_choice("CAP CO SO", RecognitionLevel.choices) == "grassroots"
    with pytest.raises(CellError, match="không có trong danh mục"):
        parse_choice("cấp phường", RecognitionLevel.choices)


def test_tax_code_checksum_catches_a_mistyped_digit():
    good = valid_tax_code(1)
    assert tax_code_error(good) is None
    assert tax_code_error(good + "-001") is None
    wrong = good[:9] + str((int(good[9]) + 1) % 10)
    assert "chữ số kiểm tra" in tax_code_error(wrong)
    assert "10 chữ số" in tax_code_error("12345")


def test_a_choice_reads_the_same_whichever_language_is_active_when_first_read():
    from django.utils import translation

    from phoihop.registries.cells import choice_map, parse_choice
    from phoihop.registries.choices import CommendationForm

    choices = [(c, label) for c, label in CommendationForm.choices]
    with translation.override("en"):
        mapping = choice_map(choices)  # built on an English page
    with translation.override("vi"):
        assert parse_choice("Giấy khen", choices, mapping) == CommendationForm.GIAY_KHEN
        with translation.override("en"):
            english = str(CommendationForm.GIAY_KHEN.label)
        assert parse_choice(english, choices, mapping) == CommendationForm.GIAY_KHEN
    with translation.override("en"):
        try:
            parse_choice("không có", choices, mapping)
        except Exception as exc:  # the message stays Vietnamese, with the Vietnamese labels
            assert "Giấy khen" in str(exc) and "không có trong danh mục" in str(exc)
        else:
            raise AssertionError("an unknown choice must be refused")
