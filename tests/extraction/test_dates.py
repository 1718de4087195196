"""Vietnamese date spellings of FORMAT.md §4."""

import datetime as dt

import pytest

from phoihop.extraction.engine.dates import find_dates, parse_vn_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17/9/2020", dt.date(2020, 9, 17)),
        ("17-9-2020", dt.date(2020, 9, 17)),
        ("17.9.2020", dt.date(2020, 9, 17)),
        ("ngày 17 tháng 9 năm 2020", dt.date(2020, 9, 17)),
        ("Ngày 05 tháng 01 năm 2020", dt.date(2020, 1, 5)),
        ("5/6/ 2019", dt.date(2019, 6, 5)),
        ("5 / 6 / 2019", dt.date(2019, 6, 5)),
        ("08/11/2024", dt.date(2024, 11, 8)),
        ("Sáng 17/9/2020, tại hội trường", dt.date(2020, 9, 17)),
        ("Hà Nội, ngày 05 tháng 01 năm 2020", dt.date(2020, 1, 5)),
    ],
)
def test_full_dates(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("text", ["31/2/2020", "17/9", "tháng 9/2020", "năm 2020", "hôm qua"])
def test_incomplete_or_invalid_dates_raise(text):
    with pytest.raises(ValueError):
        parse_vn_date(text)


@pytest.mark.parametrize(
    ("text", "day", "month"),
    [
        ("Sáng 3/3, hội nghị", 3, 3),
        ("Ngày 21/11, UBND", 21, 11),
        ("Chiều 8-11", 8, 11),
        ("đến ngày 24.6", 24, 6),
    ],
)
def test_day_and_month_after_a_date_word(text, day, month):
    (d,) = find_dates(text)
    assert (d.day, d.month, d.year) == (day, month, None)


def test_bare_dashes_and_dots_are_not_dates_without_a_cue():
    assert find_dates("có 8-11 người, tăng 24.6 điểm") == []


def test_a_bare_slash_needs_a_cue_unless_asked():
    assert find_dates("đạt 2/3 số phiếu") == []
    assert len(find_dates("đạt 2/3 số phiếu", day_month="all")) == 1
