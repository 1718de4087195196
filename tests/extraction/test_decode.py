"""Encoding detection: UTF-8/16, Windows-1258, TCVN3 and VNI round trips, and clear errors."""

import os

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction.engine.decode import (
    TCVN3_ENCODE,
    decode_bytes,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    repair_legacy_text,
)
from phoihop.extraction.engine.errors import ExtractionError

SEEDS = shared_dir() / "seeds"
PARAGRAPH = (
    "Ủy ban nhân dân và Liên đoàn Lao động quận Hai Bà Trưng tổ chức Hội nghị tổng kết Chương trình phối hợp "
    "công tác, giai đoạn 2017-2020. Người lao động được hưởng lợi ích thiết thực; ứng dụng sáng kiến đạt hiệu "
    "quả, tặng quà trị giá 2,2 tỉ đồng cho 1.065 công nhân giỏi.\n"
    "CHƯƠNG TRÌNH PHỐI HỢP CÔNG TÁC GIAI ĐOẠN 2020-2025\n"
    "Đồng chí Nguyễn Thị Kim Dung - Quận ủy viên, Chủ tịch LĐLĐ Quận phát biểu. Ưu tiên: Ơn. Ắc. Ỵ."
)
# Capitals with a tone mark inside a sentence exist in VNI and Windows-1258 but not in TCVN3.
MID_SENTENCE_CAPITALS = "Các bên ký kết: Ủy ban, Ắc quy, Ỹ, Ở lại."


@pytest.mark.parametrize(
    ("encode", "name"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (encode_cp1258, "cp1258")]
)
def test_legacy_round_trip(encode, name):
    decoded = decode_bytes(encode(PARAGRAPH))
    assert decoded.encoding == name
    assert decoded.text == PARAGRAPH


@pytest.mark.parametrize(("encode", "name"), [(encode_vni, "vni"), (encode_cp1258, "cp1258")])
def test_capitals_inside_a_sentence_round_trip(encode, name):
    text = PARAGRAPH + "\n" + MID_SENTENCE_CAPITALS
    assert decode_bytes(encode(text)).text == text


@pytest.mark.parametrize(("encode", "name"), [(encode_vni, "vni"), (encode_cp1258, "cp1258")])
def test_seed_texts_survive_legacy_encodings(encode, name):
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
        text = "".join(ch for ch in text if _encodable(ch, encode))
        decoded = decode_bytes(encode(text))
        assert decoded.encoding == name, path.name
        assert decoded.text == text, path.name


def test_tcvn3_keeps_the_words_of_every_seed():
    # TCVN3 cannot store a capital toned letter inside a sentence, so compare case-insensitively.
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\u00a0", " ")
        text = "".join(ch for ch in text if ch.isascii() or ch.lower() in TCVN3_ENCODE)
        decoded = decode_bytes(encode_tcvn3(text))
        assert decoded.encoding == "tcvn3", path.name
        assert decoded.text.lower() == text.lower(), path.name


def _encodable(ch, encode):
    try:
        encode(ch)
    except UnicodeEncodeError:
        return False
    return True


def test_utf8_with_and_without_bom_and_utf16():
    assert decode_bytes(PARAGRAPH.encode("utf-8")) == decode_bytes(
        b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8")
    )
    assert decode_bytes(PARAGRAPH.encode("utf-8")).encoding == "utf-8"
    for raw in (PARAGRAPH.encode("utf-16"), PARAGRAPH.encode("utf-16-le"), PARAGRAPH.encode("utf-16-be")):
        decoded = decode_bytes(raw)
        assert decoded.encoding == "utf-16"
        assert decoded.text == PARAGRAPH


def test_decomposed_utf8_comes_out_nfc():
    import unicodedata

    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert decode_bytes(nfd.encode("utf-8")).text == PARAGRAPH


def test_crlf_becomes_newline():
    assert decode_bytes("dòng một\r\ndòng hai\r".encode()).text == "dòng một\ndòng hai\n"


@pytest.mark.parametrize(
    "data",
    [
        encode_tcvn3(PARAGRAPH) + b"\n" + encode_vni(PARAGRAPH),
        PARAGRAPH.encode("utf-8") + b"\n" + encode_vni(PARAGRAPH),
        PARAGRAPH.encode("utf-8") + b"\n" + encode_tcvn3(PARAGRAPH),
    ],
)
def test_mixed_encodings_are_refused_in_vietnamese(data):
    with pytest.raises(ExtractionError, match="trộn lẫn nhiều bảng mã"):
        decode_bytes(data)


def test_binary_junk_is_refused():
    with pytest.raises(ExtractionError, match="không phải là văn bản"):
        decode_bytes(os.urandom(4000))


def test_high_bytes_that_read_as_no_vietnamese_are_refused():
    with pytest.raises(ExtractionError, match="Không nhận ra bảng mã"):
        decode_bytes(bytes(range(0xA0, 0x100)) * 30)


def test_empty_input():
    with pytest.raises(ExtractionError, match="rỗng"):
        decode_bytes(b"")


def test_mojibake_from_a_legacy_font_is_repaired():
    mojibake = encode_tcvn3(PARAGRAPH).decode("cp1252", errors="replace")
    fixed, encoding = repair_legacy_text(mojibake)
    assert encoding == "tcvn3"
    assert fixed.lower() == PARAGRAPH.lower()
    assert repair_legacy_text(PARAGRAPH) == (PARAGRAPH, None)
