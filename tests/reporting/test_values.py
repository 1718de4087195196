"""Reading what users type: Vietnamese numbers, ranges, hedges, ratios, yes/no, and messages naming the cell."""

from decimal import Decimal

import pytest

from phoihop.reporting.models import Indicator
from phoihop.reporting.values import CellError, build_entry, value_text


def entry(code, **raw):
    return build_entry(Indicator.objects.get(code=code), None, raw, "«ô thử»")


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("1.065", "1065"),
        ("3.500", "3500"),
        ("2,2 tỷ", "2200000000"),
        ("2,2 tỉ đồng", "2200000000"),
        ("0", "0"),
    ],
)
def test_vietnamese_numbers_are_read(db, typed, expected):
    assert entry("gifts_vnd", value=typed).value == Decimal(expected)


def test_a_hedge_is_kept_beside_the_value_and_a_range_gives_a_high_end(db):
    registered = entry("initiatives_registered", value="hơn 51.500")
    assert (registered.value, registered.qualifier) == (Decimal(51500), "hơn")
    rate = entry("workers_conference_rate", value="67 - 74")
    assert (rate.value, rate.value_high) == (Decimal(67), Decimal(74))
    assert value_text(rate.indicator, rate.value, rate.value_high, "từ") == "từ 67 - 74"


def test_a_ratio_is_computed_from_numerator_and_denominator(db):
    rate = entry("public_employee_conference_rate", numerator="1.065", denominator="1.100")
    assert rate.value == Decimal("96.8182")
    assert entry("democracy_conference_rate", value="92,17").value == Decimal("92.17")


@pytest.mark.parametrize(
    "code,raw,fragment",
    [
        ("good_workers", {"value": "mười"}, "không phải là số"),
        ("good_workers", {"value": "-5"}, "âm"),
        ("good_workers", {"value": "1,5"}, "không phải số nguyên"),
        ("workers_conference_rate", {"value": "120"}, "vượt quá 100%"),
        ("workers_conference_rate", {"numerator": "80", "denominator": "70"}, "lớn hơn mẫu số"),
        ("workers_conference_rate", {"numerator": "5", "denominator": "0"}, "mẫu số bằng 0"),
        ("workers_conference_rate", {"numerator": "5"}, "thiếu mẫu số"),
        ("good_workers", {"value": "=SUM(A1:A3)"}, "công thức"),
        ("annual_plan_issued", {"value": "có lẽ"}, "Có"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_cell(db, code, raw, fragment):
    with pytest.raises(CellError) as caught:
        entry(code, **raw)
    assert fragment in caught.value.message
    assert "«ô thử»" in caught.value.where


def test_yes_no_cells_read_vietnamese_words(db):
    assert entry("annual_plan_issued", value="Có").value == 1
    assert entry("annual_plan_issued", value="không").value == 0
