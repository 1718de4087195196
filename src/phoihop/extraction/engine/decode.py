"""Turning the bytes of a Vietnamese text file into Unicode NFC, whatever encoding it was saved in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import ExtractionError
from .vietnamese import LETTER_CLASS, VIET_SPECIFIC, is_vietnamese_syllable


@dataclass(frozen=True)
class DecodedText:
    """Text in Unicode NFC and the name of the encoding it was read from."""

    text: str
    encoding: str


# --------------------------------------------------------------------------- TCVN3 (ABC)
# TCVN 5712:1993 VN3, the byte layout of the ".Vn" ABC fonts. It has no upper-case toned letters:
# those were typed with the lower-case codes in a separate ".VnXxxH" font, so a decoder only ever
# sees the lower-case codes (see _restore_tcvn3_case).
_TCVN3_LOWER = {
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
}  # fmt: skip
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3_ENCODE: dict[str, int] = {**_TCVN3_LOWER, **_TCVN3_UPPER}
TCVN3_DECODE: dict[int, str] = {b: ch for ch, b in TCVN3_ENCODE.items()}

# --------------------------------------------------------------------------- VNI (VNI-Windows)
# VNI writes a base letter followed by one or two "mark" characters from the Windows-1252 range.
# Lower-case marks follow lower-case letters, upper-case marks follow capitals.
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # level, huyền, sắc, hỏi, ngã, nặng
_VNI_TONE = ["", "ø", "ù", "û", "õ", "ï"]
_VNI_CIRC = ["â", "à", "á", "å", "ã", "ä"]  # circumflex (â ê ô) with each tone
_VNI_BREVE = ["ê", "è", "é", "ú", "ü", "ë"]  # breve (ă) with each tone
_VNI_I = ["i", "ì", "í", "æ", "ó", "ò"]


def _build_vni() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(base: str, tone_index: int, code: str) -> None:
        lower = unicodedata.normalize("NFC", base + _TONES[tone_index])
        table[lower] = code
        upper = lower.upper()
        table[upper] = code[0].upper() + code[1:].upper() if len(code) > 1 else code.upper()

    for t in range(6):
        for base in "aeou":
            add(base, t, base + _VNI_TONE[t])
        add("ă", t, "a" + _VNI_BREVE[t])
        add("â", t, "a" + _VNI_CIRC[t])
        add("ê", t, "e" + _VNI_CIRC[t])
        add("ô", t, "o" + _VNI_CIRC[t])
        add("ơ", t, "ô" + _VNI_TONE[t])
        add("ư", t, "ö" + _VNI_TONE[t])
        add("i", t, _VNI_I[t])
        add("y", t, "î" if t == 5 else "y" + _VNI_TONE[t])
    table["đ"], table["Đ"] = "ñ", "Ñ"
    # Plain letters map to themselves; keep only entries that actually change something.
    return {k: v for k, v in table.items() if k != v}


VNI_ENCODE: dict[str, str] = _build_vni()
_VNI_DECODE: dict[str, str] = {}
for _uni, _code in VNI_ENCODE.items():
    _VNI_DECODE[_code] = _uni
    if len(_code) > 1:
        # Tolerate a mark in the "wrong" case, which VNI files typed with Caps Lock do contain.
        _VNI_DECODE.setdefault(_code[0] + _code[1:].swapcase(), _uni)
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_DECODE, key=len, reverse=True)))


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (upper-case toned letters fall back to their lower-case codes)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        elif ch.lower() in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Unicode → VNI-Windows bytes."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 bytes (tone marks written as combining characters, as Word did)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
        )
        tone = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        out += (base + tone).encode("cp1258")
    return bytes(out)


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([b]).decode("latin-1")


_CP1252 = [_cp1252_char(b) for b in range(256)]
_TCVN3_TABLE = [TCVN3_DECODE.get(b, _CP1252[b]) for b in range(256)]
_WORD_RE = re.compile(rf"[{LETTER_CLASS}\w]+")


def _restore_tcvn3_case(text: str) -> str:
    """Upper-case toned letters that the ABC "H" fonts stored with lower-case codes.

    A line typed in capitals ("CH¦¥NG TR×NH PHèI HîP") is upper-cased whole, so is a word with two or
    more capitals and no small plain letter, and the first letter of a sentence is capitalised. A single
    capital inside a sentence ("Ủy" in mid-sentence) cannot be recovered from TCVN3.
    """

    def fix_word(m: re.Match[str]) -> str:
        w = m.group(0)
        ascii_letters = [c for c in w if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            return w.upper()
        return w

    lines = []
    for line in text.split("\n"):
        ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
        upper = sum(1 for c in ascii_letters if c.isupper())
        if len(ascii_letters) >= 4 and upper >= 0.8 * len(ascii_letters):
            lines.append(line.upper())
        else:
            lines.append(_WORD_RE.sub(fix_word, line))
    text = "\n".join(lines)
    # Only non-ASCII letters can have lost their capital; ASCII letters kept their case.
    return re.sub(r"(^|[.!?]\s+|\n\s*)([^\x00-\x7f\W\d_])", lambda m: m.group(1) + m.group(2).upper(), text)


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 (ABC) bytes → Unicode NFC."""
    text = "".join(_TCVN3_TABLE[b] for b in data)
    return unicodedata.normalize("NFC", _restore_tcvn3_case(text))


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes → Unicode NFC."""
    text = "".join(_CP1252[b] for b in data)
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 bytes (base letters plus combining tone marks) → Unicode NFC."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_LEGACY_DECODERS = {"cp1258": decode_cp1258, "tcvn3": decode_tcvn3, "vni": decode_vni}


# --------------------------------------------------------------------------- scoring a decoding
def vietnamese_score(text: str) -> tuple[int, int]:
    """(words that are valid Vietnamese syllables with a non-ASCII letter, words that are broken)."""
    good = bad = 0
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        if w.isascii():
            continue
        if any(not c.isascii() and c not in VIET_SPECIFIC for c in w) or "\ufffd" in w:
            bad += 1
        elif is_vietnamese_syllable(w):
            good += 1
        else:
            bad += 1
    # Stray symbols glued to letters ("B¸o", "aø") are what wrong legacy decodings produce.
    bad += len(re.findall(rf"[{LETTER_CLASS}][¡-¿×÷ØÛÜÞßøûüþ\u00ad][{LETTER_CLASS}]", text))
    return good, bad


def _best_legacy(data: bytes) -> tuple[str, str, int, int]:
    best: tuple[str, str, int, int] | None = None
    for name, decoder in _LEGACY_DECODERS.items():
        text = decoder(data)
        good, bad = vietnamese_score(text)
        if best is None or good - 3 * bad > best[2] - 3 * best[3]:
            best = (name, text, good, bad)
    assert best is not None
    return best


_UTF8_VIET = re.compile(rb"\xe1[\xba\xbb][\x80-\xbf]|[\xc3\xc4\xc5\xc6][\x80-\xbf]")


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls / len(sample) > 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


MIXED_MESSAGE = (
    "Tệp trộn lẫn nhiều bảng mã tiếng Việt khác nhau (ví dụ một phần Unicode, một phần TCVN3 hoặc VNI). "
    "Vui lòng chuyển toàn bộ tệp về Unicode (UTF-8), chẳng hạn bằng Unikey, rồi thử lại."
)
UNKNOWN_MESSAGE = (
    "Không nhận ra bảng mã của tệp: nội dung không giống văn bản tiếng Việt ở Unicode, TCVN3 (ABC), "
    "VNI hay Windows-1258. Vui lòng lưu lại tệp ở dạng UTF-8 rồi thử lại."
)
BINARY_MESSAGE = (
    "Tệp không phải là văn bản (có vẻ là dữ liệu nhị phân hoặc tệp bị hỏng). "
    "Hãy chọn tệp .txt, .html, .docx hoặc .pdf có nội dung văn bản."
)


def _check_mixed_legacy(data: bytes) -> None:
    """Raise when different paragraphs clearly want different legacy encodings."""
    winners: dict[str, int] = {}
    lines = [ln for ln in data.split(b"\n") if sum(1 for b in ln if b > 127) >= 4]
    for line in lines:
        scores = []
        for name, decoder in _LEGACY_DECODERS.items():
            good, bad = vietnamese_score(decoder(line))
            scores.append((good - 3 * bad, good, bad, name))
        scores.sort(reverse=True)
        top, second = scores[0], scores[1]
        if top[1] >= 3 and top[2] == 0 and top[0] - second[0] >= 3:
            winners[top[3]] = winners.get(top[3], 0) + 1
    if len(winners) >= 2:
        counts = sorted(winners.values(), reverse=True)
        if counts[1] >= 1 and counts[1] >= 0.1 * sum(counts):
            raise ExtractionError(MIXED_MESSAGE)


def decode_bytes(data: bytes) -> DecodedText:
    """Detect the encoding of a Vietnamese text and return it as Unicode NFC.

    Recognised: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM (UTF-16 also without one),
    Windows-1258, TCVN3 (ABC) and VNI-Windows. Raises ExtractionError for binary data, for a file that
    mixes encodings and for text that reads as none of them.
    """
    if not data:
        raise ExtractionError("Tệp rỗng: không có nội dung để đọc.")
    for bom, codec, name in (
        (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
        (b"\xff\xfe", "utf-16", "utf-16"),
        (b"\xfe\xff", "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise ExtractionError(BINARY_MESSAGE)
            return DecodedText(_finish(text), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return DecodedText(_finish(data.decode(utf16)), "utf-16")
        except UnicodeDecodeError:
            raise ExtractionError(BINARY_MESSAGE)
    if _looks_binary(data):
        raise ExtractionError(BINARY_MESSAGE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return DecodedText(_finish(text), "utf-8")
    # Not UTF-8. Valid UTF-8 Vietnamese letters next to invalid bytes mean two encodings in one file.
    invalid = len(re.findall(rb"[\x80-\xff]", _UTF8_VIET.sub(b"", data)))
    if len(_UTF8_VIET.findall(data)) >= 3 and invalid >= 3:
        raise ExtractionError(MIXED_MESSAGE)
    name, text, good, bad = _best_legacy(data)
    if good == 0 or bad > 0.25 * (good + bad):
        _check_mixed_legacy(data)
        raise ExtractionError(UNKNOWN_MESSAGE)
    if bad > 0.03 * (good + bad):
        _check_mixed_legacy(data)
    return DecodedText(_finish(text), name)


def _finish(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def repair_legacy_text(text: str) -> tuple[str, str | None]:
    """Re-read text that a DOCX/PDF/HTML reader got from a legacy font (".VnTime", "VNI-Times").

    Such text is plain Latin-1 mojibake ("Ch­¬ng tr×nh"). If it decodes cleanly as TCVN3 or VNI, the
    repaired text and the encoding name are returned; otherwise the text is returned unchanged.
    """
    if any(c in VIET_SPECIFIC for c in text if ord(c) > 0xFF):
        return text, None
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            return text, None
    if not any(b > 127 for b in raw):
        return text, None
    before_good, before_bad = vietnamese_score(text)
    name, fixed, good, bad = _best_legacy(raw)
    if name != "cp1258" and good > before_good and bad <= 0.1 * (good + bad):
        return fixed, name
    return text, None
