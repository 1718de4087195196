"""Vietnamese letters, tone marks and a syllable check shared by the decoder and the extractor."""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks (the five tones other than level) and the three "hat" marks.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
HAT_MARKS = "\u0302\u0306\u031b"
BASE_VOWELS = "aăâeêioôơuưy"

_TONED = [unicodedata.normalize("NFC", v + t) for v in BASE_VOWELS for t in TONE_MARKS]
LOWER_LETTERS = "abcdefghijklmnopqrstuvwxyzđăâêôơư" + "".join(_TONED)
UPPER_LETTERS = LOWER_LETTERS.upper()
VIET_LETTERS = frozenset(LOWER_LETTERS + UPPER_LETTERS)
# Characters that only Vietnamese (not plain ASCII) text contains.
VIET_SPECIFIC = frozenset(c for c in VIET_LETTERS if ord(c) > 127)

UPPER_CLASS = "A-Z" + "".join(sorted(c for c in UPPER_LETTERS if ord(c) > 127))
LOWER_CLASS = "a-z" + "".join(sorted(c for c in LOWER_LETTERS if ord(c) > 127))
LETTER_CLASS = UPPER_CLASS + LOWER_CLASS

_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)


def strip_tones(word: str) -> tuple[str, int]:
    """The word without tone marks (hats kept), and how many tone marks it had."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for c in decomposed if c in TONE_MARKS)
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones


def is_vietnamese_syllable(word: str) -> bool:
    """True when the word can be one written Vietnamese syllable (at most one tone mark)."""
    bare, tones = strip_tones(word.lower())
    if tones > 1:
        return False
    return bool(_SYLLABLE.match(bare))


def strip_accents(s: str) -> str:
    """Plain ASCII-ish form: tones and hats removed, đ → d (for loose keyword matching)."""
    decomposed = unicodedata.normalize("NFD", s)
    out = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return out.replace("đ", "d").replace("Đ", "D")


_OLD_TONE = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONE) + r")(?![" + LETTER_CLASS + "])")


def tone_key(s: str) -> str:
    """Lower-case key that treats old and new tone placement (Hoà/Hòa, Uỷ/Ủy) alike."""
    s = unicodedata.normalize("NFC", s).lower()
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], s)
