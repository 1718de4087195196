"""Document numbers: the pattern, the Nghị định 30 rules, the fitting abbreviation and the suggested fix."""

import pytest
from django.core.exceptions import ValidationError

from phoihop.programs import numbers
from phoihop.programs.choices import AgreementKind


@pytest.mark.parametrize(
    "text,seq,kind,issuers,year",
    [
        ("03/CTr-UBND-LĐLĐ", 3, "CTr", ("UBND", "LĐLĐ"), None),
        ("145/CTr-UBND-LĐLĐ", 145, "CTr", ("UBND", "LĐLĐ"), None),
        ("Số: 03/CTr-UBND-LĐLĐ", 3, "CTr", ("UBND", "LĐLĐ"), None),
        ("10/CTr-UBND", 10, "CTr", ("UBND",), None),
        ("05/2020/CTr-UBND-LĐLĐ", 5, "CTr", ("UBND", "LĐLĐ"), 2020),
        ("12/CTrPH-UBND-LĐLĐ", 12, "CTrPH", ("UBND", "LĐLĐ"), None),
    ],
)
def test_good_numbers_are_parsed_into_their_parts(text, seq, kind, issuers, year):
    parsed = numbers.parse(text, AgreementKind.PROGRAMME)
    assert (parsed.seq, parsed.kind, parsed.issuers, parsed.year) == (seq, kind, issuers, year)
    assert parsed.warnings == ()
    assert parsed.text == text.replace("Số: ", "")


@pytest.mark.parametrize(
    "text,reason,suggestion",
    [
        ("3/CTr UBND", "không có khoảng trắng", "03/CTr-UBND"),
        ("3/CTr-UBND-LĐLĐ", "số 0 ở trước", "03/CTr-UBND-LĐLĐ"),
        ("003/CTr-UBND-LĐLĐ", "số 0 thừa", "03/CTr-UBND-LĐLĐ"),
        ("03/CTr - UBND - LĐLĐ", "không có khoảng trắng", "03/CTr-UBND-LĐLĐ"),
        ("03/ctr-ubnd-lđlđ", "phải có dạng", "03/CTr-UBND-LĐLĐ"),
        ("03/CTR-UBND-LĐLĐ", "viết đúng là 'CTr'", "03/CTr-UBND-LĐLĐ"),
        ("00/CTr-UBND", "bắt đầu từ 01", None),
        ("03/XYZ-UBND", "không phải chữ viết tắt tên loại văn bản", None),
        ("CTr-UBND-LĐLĐ", "phải có dạng", None),
    ],
)
def test_bad_numbers_say_what_is_wrong_and_how_to_write_it(text, reason, suggestion):
    with pytest.raises(ValidationError) as caught:
        numbers.parse(text, AgreementKind.PROGRAMME)
    message = caught.value.messages[0]
    assert message.startswith(f"Số ký hiệu '{text}' không đúng mẫu")
    assert reason in message
    if suggestion:
        assert message.endswith(f"có phải là {suggestion}?")
    else:
        assert "ví dụ 03/CTr-UBND-LĐLĐ" in message


def test_an_abbreviation_of_another_agreement_type_is_only_a_warning():
    parsed = numbers.parse("03/KH-UBND-LĐLĐ", AgreementKind.PROGRAMME)
    assert parsed.warnings and "'KH' (Kế hoạch)" in parsed.warnings[0]
    assert numbers.parse("03/QC-UBND-LĐLĐ", AgreementKind.REGULATION).warnings == ()
    assert numbers.parse("02/KH-UBND-LĐLĐ", AgreementKind.ANNUAL_PLAN).warnings == ()


def test_an_abbreviation_of_an_unrelated_document_type_is_an_error():
    with pytest.raises(ValidationError) as caught:
        numbers.parse("03/BC-UBND-LĐLĐ", AgreementKind.PROGRAMME)
    assert "'BC' là ký hiệu của báo cáo" in caught.value.messages[0]


def test_the_pattern_comes_from_settings(settings):
    settings.AGREEMENT_NUMBER_PATTERN = (
        r"^(?P<seq>\d+)-(?P<kind>[A-Za-zĐđ]+)/(?P<issuers>[A-ZĐ]+(?:-[A-ZĐ]+)*)$"
    )
    parsed = numbers.parse("01-CTLT/SNV-STC", AgreementKind.JOINT_PROGRAMME)
    assert (parsed.seq, parsed.kind, parsed.issuers) == (1, "CTLT", ("SNV", "STC"))
    with pytest.raises(ValidationError):
        numbers.parse("01/CTLT-SNV-STC", AgreementKind.JOINT_PROGRAMME)


def test_an_empty_number_is_reported_as_empty():
    with pytest.raises(ValidationError, match="để trống"):
        numbers.parse("  ")
