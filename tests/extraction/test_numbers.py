"""Reading Vietnamese numbers: separators, scale words, hedges, ranges and unreadable input."""

import pytest

from phoihop.extraction.engine.numbers import find_quantities, parse_vn_number, parse_vn_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.065", 1065),
        ("51.500", 51500),
        ("1.000.000", 1000000),
        ("92,17%", 92.17),
        ("2,2", 2.2),
        ("03", 3),
        ("007", 7),
        ("2,2 tỉ đồng", 2_200_000_000),
        ("3,71 tỷ", 3_710_000_000),
        ("3,71 tỉ đồng", 3_710_000_000),
        ("gần 1 tỷ", 1_000_000_000),
        ("gần 1 tỷ đồng", 1_000_000_000),
        ("hơn 51.500", 51500),
        ("trên 3.500", 3500),
        ("khoảng 200", 200),
        ("tối thiểu 50", 50),
        ("ước tính 1,5 triệu", 1_500_000),
        ("1 triệu", 1_000_000),
        ("500 triệu đồng", 500_000_000),
        ("12 nghìn", 12_000),
        ("12 ngàn", 12_000),
        ("255,9 nghìn", 255_900),
        ("1 tỷ 250 triệu đồng", 1_250_000_000),
        ("5,2 triệu tỷ đồng", 5_200_000_000_000_000),
        ("51 500", 51500),
        ("2.5%", 2.5),
        ("1 %", 1),
        ("-5", -5),
        ("  1.065  ", 1065),
        ("500.000 đồng", 500000),
        ("2.000 VNĐ", 2000),
    ],
)
def test_parse_vn_number_reads_the_vietnamese_way(text, expected):
    value = parse_vn_number(text)
    assert value == expected
    assert isinstance(value, int) == isinstance(expected, int)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("67 - 74%", [67, 74]),
        ("67-74%", [67, 74]),
        ("67% - 74%", [67, 74]),
        ("từ 67 đến 74%", [67, 74]),
        ("từ 70 đến 80 %", [70, 80]),
        ("2-3 tỷ đồng", [2_000_000_000, 3_000_000_000]),
        ("từ 50 đến 60", [50, 60]),
    ],
)
def test_ranges_are_ascending_pairs(text, expected):
    assert parse_vn_value(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "abc", "một nghìn", "1,2,3", "12 và 13", "số 5 kìa"])
def test_unreadable_input_raises_a_vietnamese_message(text):
    with pytest.raises(ValueError) as err:
        parse_vn_number(text)
    assert any(ch in str(err.value) for ch in "ốôưạ")


def test_a_range_is_not_one_number():
    with pytest.raises(ValueError, match="khoảng giá trị"):
        parse_vn_number("67 - 74%")


def test_find_quantities_reports_hedge_scale_percent_and_range():
    text = "có từ 67 - 74% doanh nghiệp, trên 3.500 lượt người, tỉ lệ đạt 92,17%; trên 2,2 tỉ đồng"
    qs = find_quantities(text)
    assert [q.value for q in qs] == [[67, 74], 3500, 92.17, 2_200_000_000]
    assert qs[0].is_range and qs[0].percent and qs[0].hedge == "từ"
    assert qs[1].hedge == "trên"
    assert qs[3].scale == "tỉ" and text[qs[3].start : qs[3].end] == "trên 2,2 tỉ"


def test_ty_le_is_not_a_scale_word():
    qs = find_quantities("đạt 5 tỷ lệ")
    assert qs[0].value == 5 and qs[0].scale is None


def test_years_are_not_read_as_a_range():
    qs = find_quantities("giai đoạn 2017-2020")
    assert [q.value for q in qs] == [2017, 2020]
